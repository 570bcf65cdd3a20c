// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/store/SecureBuffer.h"

class QLineEdit;
class QString;
class QWidget;

namespace wb::ui {

/// Copies a passphrase field's text (UTF-8) into guarded memory and wipes the temporary copy, even
/// when the copy fails (then it rethrows). The field itself is left for the caller to clear.
core::store::SecureBuffer secretFrom(const QLineEdit* edit);

/// A passphrase field: echo as dots, no input method, no autocompletion, no drag out and no context
/// menu, so the text goes nowhere but here.
QLineEdit* newSecretEdit(QWidget* parent, const QString& objectName, const QString& accessibleName);

} // namespace wb::ui
