// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <map>
#include <string>

class QWidget;

namespace wb::ui {

/// What the named input widgets under a form hold, by object name: how a tab whose form is not built from a
/// RecordSpec (case overview, person editor, context answers, quick contact row) captures its unsaved edits as a
/// draft and puts them back after an unlock. Line and text edits, combo boxes, date and time edits, spin boxes,
/// check boxes and checkable list items are read; widgets without an object name (and Qt's own inner ones) are
/// left out.
class FormValues final
{
public:
    static std::map<std::string, std::string> capture(const QWidget& root);
    /// Puts values back, in the order the widgets were created (a combo box that enables another field is set
    /// first). Names no longer present are ignored.
    static void restore(QWidget& root, const std::map<std::string, std::string>& values);
};

} // namespace wb::ui
