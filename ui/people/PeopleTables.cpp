// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/people/PeopleTables.h"

#include <QComboBox>
#include <QHeaderView>
#include <QTableWidget>

#include "core/reference/ReferenceData.h"
#include "ui/text/DisplayText.h"

namespace wb::ui::peopletables {

namespace {

QString itemLabel(const core::ReferenceItem& item)
{
    return DisplayText::fromStd(item.label); // provenance is on the Sources view
}

} // namespace

QString listLabel(const core::ReferenceData& lists, std::string_view kind, const std::string& code)
{
    if (const core::ReferenceItem* item = lists.list(kind).find(code)) {
        return itemLabel(*item);
    }
    return DisplayText::fromStd(code);
}

void fillChoices(QComboBox* combo, const core::ReferenceData& lists, std::string_view kind)
{
    for (const core::ReferenceItem& item : lists.list(kind).items()) {
        combo->addItem(itemLabel(item), DisplayText::fromStd(item.code));
    }
}

QTableWidget*
makeTable(const QStringList& headers, const QString& objectName, const QString& accessibleName, QWidget* parent)
{
    auto* table = new QTableWidget(0, static_cast<int>(headers.size()), parent);
    table->setObjectName(objectName);
    table->setAccessibleName(accessibleName);
    table->setHorizontalHeaderLabels(headers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setTabKeyNavigation(false);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->horizontalHeader()->setStretchLastSection(true);
    return table;
}

QTableWidgetItem* cell(const QString& text)
{
    return new QTableWidgetItem(text);
}

} // namespace wb::ui::peopletables
