// SPDX-License-Identifier: GPL-3.0-or-later
// Small helpers shared by the People tab's panels: reference-list labels and choices, and read-only tables.
#pragma once

#include <string>
#include <string_view>

#include <QString>
#include <QStringList>

class QComboBox;
class QTableWidget;
class QTableWidgetItem;
class QWidget;

namespace wb::core {
class ReferenceData;
}

namespace wb::ui::peopletables {

/// A reference item's label, marked when it is not confirmed against a primary source; the code when unknown.
QString listLabel(const core::ReferenceData& lists, std::string_view kind, const std::string& code);
/// Fills a combo box with a reference list's items (labels shown, codes as data).
void fillChoices(QComboBox* combo, const core::ReferenceData& lists, std::string_view kind);
/// A keyboard-friendly, read-only, single-row-selection table.
QTableWidget*
makeTable(const QStringList& headers, const QString& objectName, const QString& accessibleName, QWidget* parent);
QTableWidgetItem* cell(const QString& text);

} // namespace wb::ui::peopletables
