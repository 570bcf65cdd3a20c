// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/cases/CaseListModel.h"

#include <algorithm>
#include <set>

#include <QApplication>
#include <QColor>
#include <QStyle>

#include "core/nom/OffenceCatalogue.h"
#include "ui/text/DisplayText.h"
#include "ui/text/ErrorText.h"

namespace wb::ui {

CaseListModel::CaseListModel(std::shared_ptr<const core::OffenceCatalogue> offences, QObject* parent)
    : QAbstractTableModel(parent)
    , m_offences(std::move(offences))
{
}

void CaseListModel::load(const core::CaseRepository& repository)
{
    const core::CaseRepository* previous = m_repository;
    m_repository = &repository;
    std::vector<core::Case> rows;
    bool atEnd = true;
    try {
        rows = read(0, m_pageSize, atEnd);
    } catch (const core::Error&) {
        m_repository = previous; // leave the model as it was; the caller shows the error
        throw;
    }
    beginResetModel();
    m_atEnd = atEnd;
    m_cases = std::move(rows);
    endResetModel();
}

void CaseListModel::clear()
{
    beginResetModel();
    m_repository = nullptr;
    m_cases.clear();
    m_cases.shrink_to_fit();
    m_due.clear();
    m_atEnd = true;
    endResetModel();
}

core::CaseRepository::Query CaseListModel::query(std::int64_t offset, int limit) const
{
    using Key = core::CaseRepository::Query::SortKey;
    core::CaseRepository::Query q;
    q.text = m_filter.trimmed().toStdString();
    if (!q.text.empty()) {
        for (const auto status : {core::CaseStatus::Open, core::CaseStatus::Closed}) {
            if (DisplayText::status(status).contains(m_filter.trimmed(), Qt::CaseInsensitive)) {
                q.statusesMatchingText.push_back(status);
            }
        }
    }
    switch (m_sortColumn) {
    case ReferenceColumn: q.sortBy = Key::Reference; break;
    case OperationColumn: q.sortBy = Key::Operation; break;
    case OffenceColumn: q.sortBy = Key::Offence; break;
    case StatusColumn: q.sortBy = Key::Status; break;
    case DueColumn: q.sortBy = Key::NextDue; break;
    default: q.sortBy = Key::Reported; break;
    }
    q.descending = m_sortOrder == Qt::DescendingOrder;
    q.offset = offset;
    q.limit = limit;
    return q;
}

void CaseListModel::setFilterText(const QString& text)
{
    if (text == m_filter) {
        return;
    }
    m_filter = text;
    refresh(m_pageSize, 0);
}

void CaseListModel::setPageSize(int rows)
{
    m_pageSize = std::max(1, rows);
}

void CaseListModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= ColumnCount) {
        return;
    }
    m_sortColumn = column;
    m_sortOrder = order;
    refresh(m_pageSize, 0);
}

bool CaseListModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && m_repository != nullptr && !m_atEnd;
}

void CaseListModel::fetchMore(const QModelIndex& parent)
{
    if (!canFetchMore(parent)) {
        return;
    }
    std::vector<core::Case> rows;
    try {
        rows = read(rowCount(), m_pageSize, m_atEnd);
    } catch (const core::Error& e) {
        m_atEnd = true; // do not ask again on every scroll; the next change or sort reads again
        Q_EMIT failed(ErrorText::message(e));
        return;
    }
    if (rows.empty()) {
        return;
    }
    const int first = rowCount();
    beginInsertRows(QModelIndex(), first, first + static_cast<int>(rows.size()) - 1);
    m_cases.insert(m_cases.end(), std::make_move_iterator(rows.begin()), std::make_move_iterator(rows.end()));
    endInsertRows();
}

void CaseListModel::applyChange(const core::CaseRepository::Event& event)
{
    // Queued events can arrive after a lock; a locked model shows nothing.
    if (m_repository == nullptr) {
        return;
    }
    const int shown = rowCount();
    if (event.kind != core::ChangeKind::Added) {
        refresh(std::max(m_pageSize, shown), event.record.id);
        return;
    }
    // One more than shown, so an added case that sorts among the loaded rows goes in rather than
    // pushing the last one out; one that sorts after them is read when the view scrolls there.
    std::vector<core::Case> rows;
    bool atEnd = true;
    try {
        rows = read(0, std::max(m_pageSize, shown + 1), atEnd);
    } catch (const core::Error& e) {
        Q_EMIT failed(ErrorText::message(e));
        return;
    }
    const bool among = std::any_of(
        rows.begin(),
        rows.begin() + std::min(static_cast<std::ptrdiff_t>(shown), static_cast<std::ptrdiff_t>(rows.size())),
        [&](const core::Case& c) { return c.id == event.record.id; });
    if (!m_atEnd && !among && static_cast<int>(rows.size()) > shown) {
        rows.resize(static_cast<std::size_t>(shown));
        atEnd = false;
    }
    m_atEnd = atEnd;
    replaceRows(std::move(rows), event.record.id);
}

std::vector<core::Case> CaseListModel::read(std::int64_t offset, int limit, bool& atEnd) const
{
    // One row more than asked, dropped: tells whether there is more without counting every case.
    auto rows = m_repository->page(query(offset, limit + 1));
    atEnd = static_cast<int>(rows.size()) <= limit;
    if (!atEnd) {
        rows.pop_back();
    }
    return rows;
}

void CaseListModel::refresh(int limit, std::int64_t changedId)
{
    if (m_repository == nullptr) {
        return;
    }
    std::vector<core::Case> rows;
    bool atEnd = true;
    try {
        rows = read(0, limit, atEnd);
    } catch (const core::Error& e) {
        Q_EMIT failed(ErrorText::message(e));
        return;
    }
    m_atEnd = atEnd;
    replaceRows(std::move(rows), changedId);
}

void CaseListModel::replaceRows(std::vector<core::Case> rows, std::int64_t changedId)
{
    std::set<std::int64_t> incoming;
    for (const auto& row : rows) {
        incoming.insert(row.id);
    }
    // 1. Rows no longer in the window go, a run at a time, from the end.
    for (int last = rowCount() - 1; last >= 0;) {
        if (incoming.count(m_cases[static_cast<std::size_t>(last)].id) != 0) {
            --last;
            continue;
        }
        int first = last;
        while (first > 0 && incoming.count(m_cases[static_cast<std::size_t>(first - 1)].id) == 0) {
            --first;
        }
        beginRemoveRows(QModelIndex(), first, last);
        m_cases.erase(m_cases.begin() + first, m_cases.begin() + last + 1);
        endRemoveRows();
        last = first - 1;
    }
    // 2. The rows kept, in their new order: a layout change when the order differs (a sort, or an
    // edit that moved a case), so selections and persistent indexes follow their case.
    std::map<std::int64_t, std::size_t> kept; // id -> row now
    for (std::size_t i = 0; i < m_cases.size(); ++i) {
        kept.emplace(m_cases[i].id, i);
    }
    std::vector<std::int64_t> order;
    for (const auto& row : rows) {
        if (kept.count(row.id) != 0) {
            order.push_back(row.id);
        }
    }
    bool moved = false;
    for (std::size_t i = 0; i < order.size() && !moved; ++i) {
        moved = m_cases[i].id != order[i];
    }
    if (moved) {
        Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
        std::map<std::int64_t, int> newRow;
        for (const auto id : order) {
            newRow.emplace(id, static_cast<int>(newRow.size()));
        }
        const QModelIndexList before = persistentIndexList();
        QModelIndexList after;
        after.reserve(before.size());
        for (const QModelIndex& index : before) {
            const std::int64_t id = m_cases[static_cast<std::size_t>(index.row())].id;
            after << this->index(newRow[id], index.column());
        }
        std::vector<core::Case> reordered;
        reordered.reserve(m_cases.size());
        for (const auto id : order) {
            reordered.push_back(std::move(m_cases[kept[id]]));
        }
        m_cases = std::move(reordered);
        changePersistentIndexList(before, after);
        Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
    }
    // 3. Rows new to the window go in at their places, a run at a time. The rows kept are now in
    // the incoming order, so m_cases[at], when there is one, is the next kept row.
    for (std::size_t at = 0; at < rows.size();) {
        const bool keptHere = at < m_cases.size();
        if (keptHere && m_cases[at].id == rows[at].id) {
            ++at;
            continue;
        }
        std::size_t end = at + 1;
        while (end < rows.size() && !(keptHere && rows[end].id == m_cases[at].id)) {
            ++end;
        }
        const auto from = static_cast<std::ptrdiff_t>(at);
        const auto to = static_cast<std::ptrdiff_t>(end);
        beginInsertRows(QModelIndex(), static_cast<int>(at), static_cast<int>(end) - 1);
        m_cases.insert(m_cases.begin() + from, rows.begin() + from, rows.begin() + to);
        endInsertRows();
        at = end;
    }
    // 4. Every row now shows its case as read; those that changed say so.
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const bool changed = rows[i].id == changedId || rows[i].updatedAt != m_cases[i].updatedAt;
        m_cases[i] = std::move(rows[i]);
        if (changed) {
            Q_EMIT dataChanged(index(static_cast<int>(i), 0), index(static_cast<int>(i), ColumnCount - 1));
        }
    }
}

void CaseListModel::setDueCounts(std::map<std::int64_t, core::deadlines::CaseDueCounts> counts)
{
    m_due = std::move(counts);
    if (!m_cases.empty()) {
        Q_EMIT dataChanged(index(0, DueColumn), index(rowCount() - 1, DueColumn));
    }
    if (m_sortColumn == DueColumn) { // the order follows the due list
        refresh(std::max(m_pageSize, rowCount()), 0);
    }
}

QString CaseListModel::dueText(const core::deadlines::CaseDueCounts& counts)
{
    QStringList parts;
    if (counts.overdue > 0) {
        parts << tr("%1 overdue").arg(counts.overdue);
    }
    if (counts.dueToday > 0) {
        parts << tr("%1 due today").arg(counts.dueToday);
    }
    if (parts.isEmpty() && counts.upcoming > 0) {
        parts << tr("%1 due within 7 days").arg(counts.upcoming);
    }
    return parts.join(QStringLiteral(", "));
}

int CaseListModel::rowOf(std::int64_t id) const
{
    for (std::size_t i = 0; i < m_cases.size(); ++i) {
        if (m_cases[i].id == id) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

std::int64_t CaseListModel::idAt(int row) const
{
    if (row < 0 || row >= rowCount()) {
        return 0;
    }
    return m_cases[static_cast<std::size_t>(row)].id;
}

int CaseListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_cases.size());
}

int CaseListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CaseListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const core::Case& record = m_cases[static_cast<std::size_t>(index.row())];
    if (role == IdRole) {
        return QVariant::fromValue(static_cast<qint64>(record.id));
    }
    if (role == SortRole && index.column() == ReportedColumn) {
        return QVariant::fromValue(static_cast<qint64>(record.reportedAt.time_since_epoch().count()));
    }
    if (index.column() == DueColumn) {
        const auto found = m_due.find(record.id);
        const core::deadlines::CaseDueCounts counts =
            found == m_due.end() ? core::deadlines::CaseDueCounts{} : found->second;
        switch (role) {
        case Qt::DisplayRole: return dueText(counts);
        case SortRole: return counts.overdue * 1000000 + counts.dueToday * 1000 + counts.upcoming;
        case Qt::ForegroundRole: return counts.overdue > 0 ? QVariant(QColor(0xa4, 0x26, 0x2c)) : QVariant();
        case Qt::DecorationRole:
            if (counts.overdue > 0) {
                return QApplication::style()->standardIcon(QStyle::SP_MessageBoxCritical);
            }
            return counts.dueToday > 0 ? QVariant(QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning))
                                       : QVariant();
        case Qt::ToolTipRole:
            return tr("Overdue: %1; due today: %2; coming up in the next 7 days: %3")
                .arg(counts.overdue)
                .arg(counts.dueToday)
                .arg(counts.upcoming);
        default: return {};
        }
    }
    if (role == Qt::ToolTipRole && index.column() == OffenceColumn) {
        const core::Offence* offence = m_offences->find(record.primaryOffence);
        return offence != nullptr ? DisplayText::offenceLabel(*offence) : DisplayText::fromStd(record.primaryOffence);
    }
    if (role != Qt::DisplayRole && role != SortRole) {
        return {};
    }
    switch (index.column()) {
    case ReferenceColumn: return DisplayText::fromStd(record.reference);
    case OperationColumn: return DisplayText::fromStd(record.operationName.value_or(std::string()));
    case OffenceColumn: return DisplayText::offenceTitle(*m_offences, record.primaryOffence);
    case StatusColumn: return DisplayText::status(record.status);
    case ReportedColumn: return DisplayText::ukDateTime(record.reportedAt);
    default: return {};
    }
}

QVariant CaseListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::ToolTipRole && section == ReportedColumn) {
        return tr("When the offence was reported, in UK time");
    }
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case ReferenceColumn: return tr("Reference");
    case OperationColumn: return tr("Operation");
    case OffenceColumn: return tr("Offence");
    case StatusColumn: return tr("Status");
    case ReportedColumn: return tr("Reported");
    case DueColumn: return tr("Deadlines");
    default: return {};
    }
}

} // namespace wb::ui
