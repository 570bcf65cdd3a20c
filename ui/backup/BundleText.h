// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

#include <QString>

class QLineEdit;
class QWidget;

namespace wb::ui::bundletext {

/// "rwbundle": what a typed bundle path gets when it has no suffix.
QString suffix();
/// The file filter of the bundle dialogs.
QString filter();
/// Overwrites a decrypted document's bytes before the string lets them go.
void wipe(std::string& text) noexcept;
/// A passphrase field (echo off) with its names.
QLineEdit* newPassphraseEdit(QWidget* parent, const QString& objectName, const QString& accessibleName);

} // namespace wb::ui::bundletext
