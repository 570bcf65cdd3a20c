// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/store/SecureBuffer.h"

class QLineEdit;

namespace wb::ui {

/// Copies a passphrase field's text (UTF-8) into guarded memory and wipes the temporary copy, even
/// when the copy fails (then it rethrows). The field itself is left for the caller to clear.
core::store::SecureBuffer secretFrom(const QLineEdit* edit);

} // namespace wb::ui
