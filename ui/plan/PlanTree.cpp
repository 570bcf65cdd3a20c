// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/plan/PlanTree.h"

#include <algorithm>

#include <QHeaderView>
#include <QSignalBlocker>
#include <QStyle>
#include <QTimer>
#include <QTreeWidgetItemIterator>

#include "ui/plan/PlanText.h"
#include "ui/text/DisplayText.h"

namespace wb::ui {

namespace {

constexpr int KindRole = Qt::UserRole;
constexpr int IdRole = PlanTree::EnquiryIdRole;
constexpr int RecordRole = Qt::UserRole + 2;

} // namespace

PlanTree::PlanTree(QWidget* parent)
    : QTreeWidget(parent)
{
    setObjectName(QStringLiteral("planTreeWidget"));
    setAccessibleName(tr("Lines of enquiry by principle"));
    // Issue 14: no catalogue-id column in the officer's pane (the Sources view lists the ids); each row keeps its
    // entry's id under EnquiryIdRole.
    setColumnCount(ColumnCount);
    setHeaderLabels({tr("Line of enquiry"), tr("Status"), tr("Time limit"), tr("Priority")});
    // Shown next to the title (issue 14); the logical columns keep their numbers.
    header()->moveSection(PriorityColumn, 1);
    headerItem()->setToolTip(PriorityColumn, PlanText::priorityExplanation());
    setAlternatingRowColors(true);
    setSelectionMode(QAbstractItemView::SingleSelection);
    // Issue 15: the time limit and priority columns are as wide as what they show ("window closes in 1 day 14 hours"
    // whole); the status column too, up to a quarter of the width; the line's name takes the rest. A name or status
    // longer than its column wraps onto more lines rather than being cut off.
    setWordWrap(true);
    setUniformRowHeights(false);
    setTextElideMode(Qt::ElideNone);
    header()->setStretchLastSection(false);
    header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    header()->setSectionResizeMode(TitleColumn, QHeaderView::Stretch);
    header()->setSectionResizeMode(StatusColumn, QHeaderView::Interactive);
    // A row's height depends on its columns' widths: measured again when they change.
    connect(header(), &QHeaderView::sectionResized, this, [this](int logical) {
        if (logical == TitleColumn) {
            scheduleFit();
        }
    });
}

void PlanTree::scheduleFit()
{
    if (!m_fitPending) {
        m_fitPending = true;
        QTimer::singleShot(0, this, [this] {
            m_fitPending = false;
            fitRows();
        });
    }
}

void PlanTree::resizeEvent(QResizeEvent* event)
{
    QTreeWidget::resizeEvent(event);
    scheduleFit(); // after the header has laid its sections out at the new width
}

void PlanTree::fitRows()
{
    const auto* base = static_cast<const QAbstractItemView*>(this); // sizeHintForColumn() is public there
    const int statusWidth = std::min(base->sizeHintForColumn(StatusColumn),
                                     std::max(header()->sectionSizeHint(StatusColumn), viewport()->width() / 4));
    if (header()->sectionSize(StatusColumn) != statusWidth) {
        setColumnWidth(StatusColumn, statusWidth);
    }
    // QTreeView measures rows without their columns' widths (no wrapping): each row's name and status are measured
    // here at their columns' widths and the taller given to the row as its size hint.
    const int margin = 2 * (style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, this) + 1);
    const auto textHeight = [margin](const QTreeWidgetItem* row, int column, int width) {
        const QFontMetrics metrics(row->font(column));
        const QRect text = metrics.boundingRect(QRect(0, 0, std::max(40, width - margin), 100000), Qt::TextWordWrap,
                                                row->text(column));
        return std::max(text.height(), metrics.height()) + margin;
    };
    for (QTreeWidgetItemIterator it(this); *it != nullptr; ++it) {
        QTreeWidgetItem* row = *it;
        int depth = 1;
        for (const QTreeWidgetItem* up = row->parent(); up != nullptr; up = up->parent()) {
            ++depth;
        }
        const int titleWidth =
            (row->isFirstColumnSpanned() ? viewport()->width() : header()->sectionSize(TitleColumn)) -
            indentation() * depth;
        int height = textHeight(row, TitleColumn, titleWidth);
        if (!row->isFirstColumnSpanned()) {
            height = std::max(height, textHeight(row, StatusColumn, statusWidth));
        }
        row->setSizeHint(TitleColumn, QSize(1, height)); // a valid size (an invalid one clears the hint); the name
                                                         // column stretches, its width is not taken from the hint
    }
}

void PlanTree::showPlan(const core::plan::PlanView& view, core::Instant builtAt)
{
    m_view = &view;
    m_builtAt = builtAt;
    fill();
}

void PlanTree::clearPlan()
{
    clear();
    m_view = nullptr;
}

void PlanTree::fill()
{
    // Keep the selection across a refresh.
    QString selectedKind;
    QString selectedId;
    qint64 selectedRecord = 0;
    if (const auto* current = currentItem()) {
        selectedKind = current->data(0, KindRole).toString();
        selectedId = current->data(0, IdRole).toString();
        selectedRecord = current->data(0, RecordRole).toLongLong();
    }
    const QSignalBlocker blocker(this);
    clear();

    QTreeWidgetItem* group = nullptr;
    std::optional<core::nom::Principle> groupPrinciple;
    int groupCount = 0;
    const auto closeGroup = [&group, &groupCount, &groupPrinciple] {
        if (group != nullptr && groupPrinciple) {
            group->setText(TitleColumn, tr("%1 (%2)").arg(PlanText::principleLabel(*groupPrinciple)).arg(groupCount));
        }
    };
    for (const auto& item : m_view->proposals) {
        if (!groupPrinciple || *groupPrinciple != item.entry->principle) {
            closeGroup();
            group = new QTreeWidgetItem(this);
            groupPrinciple = item.entry->principle;
            groupCount = 0;
            QFont bold = group->font(TitleColumn);
            bold.setBold(true);
            group->setFont(TitleColumn, bold);
            group->setFirstColumnSpanned(true);
            group->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
        }
        addItemRow(group, item, RowKind::Proposal);
        ++groupCount;
    }
    closeGroup();
    if (m_view->proposals.empty()) {
        auto* none = new QTreeWidgetItem(this);
        none->setText(TitleColumn, tr("No line of enquiry is proposed yet: answer the context questions for this case "
                                      "(who the suspect is, what happened, when) to build the plan."));
        none->setFirstColumnSpanned(true);
    }

    auto* own = new QTreeWidgetItem(this);
    own->setText(TitleColumn, tr("Your own lines of enquiry (%1)").arg(m_view->ownEnquiries.size()));
    own->setFirstColumnSpanned(true);
    QFont bold = own->font(TitleColumn);
    bold.setBold(true);
    own->setFont(TitleColumn, bold);
    for (const auto& record : m_view->ownEnquiries) {
        addOwnRow(own, record);
    }
    if (m_view->ownEnquiries.empty()) {
        auto* hint = new QTreeWidgetItem(own);
        hint->setText(TitleColumn,
                      tr("None yet: use \"Add own enquiry…\" for a line of enquiry outside the catalogue."));
        hint->setFirstColumnSpanned(true);
    }

    if (!m_view->noLongerApplies.empty()) {
        auto* stale = new QTreeWidgetItem(this);
        stale->setText(TitleColumn, tr("No longer applies on the current facts (%1): earlier choices are kept")
                                        .arg(m_view->noLongerApplies.size()));
        stale->setFirstColumnSpanned(true);
        stale->setFont(TitleColumn, bold);
        for (const auto& item : m_view->noLongerApplies) {
            addItemRow(stale, item, RowKind::NoLongerApplies);
        }
    }
    expandAll();
    fitRows();

    // Restore the selection, else select the first line of enquiry.
    QTreeWidgetItem* select = nullptr;
    QTreeWidgetItem* first = nullptr;
    for (QTreeWidgetItemIterator it(this); *it != nullptr; ++it) {
        QTreeWidgetItem* row = *it;
        if (row->data(0, KindRole).isNull()) {
            continue;
        }
        if (first == nullptr) {
            first = row;
        }
        const bool sameRecord = selectedRecord != 0 && row->data(0, RecordRole).toLongLong() == selectedRecord;
        const bool sameEntry = !selectedId.isEmpty() && row->data(0, IdRole).toString() == selectedId &&
                               row->data(0, KindRole).toString() == selectedKind;
        if (sameEntry || (sameRecord && selectedId.isEmpty())) {
            select = row;
            break;
        }
    }
    setCurrentItem(select != nullptr ? select : first);
}

QString PlanTree::statusText(const core::plan::PlanItem& item) const
{
    QString text;
    switch (item.choice) {
    case core::plan::Choice::Open:
        text = tr("Proposed");
        if (item.entry != nullptr && item.entry->intrudesOnVictimPrivacy) {
            text = tr("Proposed · intrusive");
        }
        break;
    case core::plan::Choice::Accepted: text = tr("Accepted: %1").arg(PlanText::enquiryStatus(*item.enquiry)); break;
    case core::plan::Choice::Declined: text = tr("Declined (decision log)"); break;
    }
    if (item.newSinceReview) {
        text = tr("New since last review · %1").arg(text);
    }
    return text;
}

void PlanTree::addItemRow(QTreeWidgetItem* group, const core::plan::PlanItem& item, RowKind kind)
{
    auto* row = new QTreeWidgetItem(group);
    const QString title =
        item.entry != nullptr ? DisplayText::fromStd(item.entry->title) : tr("(no longer in the catalogue)");
    row->setText(TitleColumn, title);
    row->setToolTip(TitleColumn, title);
    row->setText(StatusColumn, statusText(item));
    row->setToolTip(StatusColumn, statusText(item));
    QString time;
    if (item.proposal && item.proposal->due) {
        time = PlanText::countdown(*item.proposal->due, m_builtAt);
    } else if (item.enquiry && !item.enquiry->get("due_on").empty()) {
        time = PlanText::dueText(*item.enquiry, m_builtAt);
    } else if (item.entry != nullptr && item.entry->deadline && kind == RowKind::Proposal) {
        time = tr("window not known yet");
    }
    row->setText(TimeColumn, time);
    row->setToolTip(TimeColumn, time);
    if (item.entry != nullptr) {
        row->setText(PriorityColumn, PlanText::priorityLabel(item.entry->priority));
        row->setToolTip(PriorityColumn, DisplayText::fromStd(item.entry->priorityReason));
    }
    row->setData(0, KindRole, kind == RowKind::Proposal ? QStringLiteral("proposal") : QStringLiteral("stale"));
    row->setData(0, IdRole, DisplayText::fromStd(item.enquiryId));
    row->setData(0, RecordRole, item.enquiry ? static_cast<qint64>(item.enquiry->id) : qint64(0));
    if (item.newSinceReview || (item.proposal && item.proposal->due && !item.proposal->expired)) {
        QFont bold = row->font(StatusColumn);
        bold.setBold(true);
        row->setFont(item.newSinceReview ? StatusColumn : TimeColumn, bold);
    }
}

void PlanTree::addOwnRow(QTreeWidgetItem* group, const core::Record& record)
{
    auto* row = new QTreeWidgetItem(group);
    row->setText(TitleColumn, DisplayText::fromStd(record.get("title")));
    row->setToolTip(TitleColumn, DisplayText::fromStd(record.get("title")));
    row->setText(StatusColumn, tr("Own: %1").arg(PlanText::enquiryStatus(record)));
    row->setText(TimeColumn, PlanText::dueText(record, m_builtAt));
    row->setData(0, KindRole, QStringLiteral("own"));
    row->setData(0, RecordRole, static_cast<qint64>(record.id));
}

const core::plan::PlanItem* PlanTree::selectedItem() const
{
    const auto* current = currentItem();
    if (current == nullptr || m_view == nullptr) {
        return nullptr;
    }
    const QString kind = current->data(0, KindRole).toString();
    const std::string id = DisplayText::toStd(current->data(0, IdRole).toString());
    const auto& items = kind == QLatin1String("proposal") ? m_view->proposals : m_view->noLongerApplies;
    if (kind != QLatin1String("proposal") && kind != QLatin1String("stale")) {
        return nullptr;
    }
    for (const auto& item : items) {
        if (item.enquiryId == id) {
            return &item;
        }
    }
    return nullptr;
}

std::optional<core::Record> PlanTree::selectedRecord() const
{
    if (const auto* item = selectedItem(); item != nullptr) {
        return item->enquiry;
    }
    const auto* current = currentItem();
    if (current == nullptr || m_view == nullptr || current->data(0, KindRole).toString() != QLatin1String("own")) {
        return std::nullopt;
    }
    const qint64 id = current->data(0, RecordRole).toLongLong();
    for (const auto& record : m_view->ownEnquiries) {
        if (record.id == id) {
            return record;
        }
    }
    return std::nullopt;
}

bool PlanTree::selectEntry(const std::string& enquiryId)
{
    for (QTreeWidgetItemIterator it(this); *it != nullptr; ++it) {
        const QString kind = (*it)->data(0, KindRole).toString();
        if ((kind == QLatin1String("proposal") || kind == QLatin1String("stale")) &&
            (*it)->data(0, IdRole).toString() == DisplayText::fromStd(enquiryId)) {
            setCurrentItem(*it);
            return true;
        }
    }
    return false;
}

bool PlanTree::selectRecord(std::int64_t recordId)
{
    for (QTreeWidgetItemIterator it(this); *it != nullptr; ++it) {
        if ((*it)->data(0, RecordRole).toLongLong() == recordId && recordId != 0) {
            setCurrentItem(*it);
            return true;
        }
    }
    return false;
}

} // namespace wb::ui
