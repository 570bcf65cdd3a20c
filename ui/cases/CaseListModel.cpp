// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/cases/CaseListModel.h"

#include <QApplication>
#include <QColor>
#include <QStyle>

#include "core/nom/OffenceCatalogue.h"
#include "ui/text/DisplayText.h"

namespace wb::ui {

CaseListModel::CaseListModel(std::shared_ptr<const core::OffenceCatalogue> offences, QObject* parent)
    : QAbstractTableModel(parent)
    , m_offences(std::move(offences))
{
}

void CaseListModel::load(const core::CaseRepository& repository)
{
    auto cases = repository.list(); // may throw: leave the model as it was
    beginResetModel();
    m_cases = std::move(cases);
    m_loaded = true;
    endResetModel();
}

void CaseListModel::clear()
{
    beginResetModel();
    m_cases.clear();
    m_cases.shrink_to_fit();
    m_due.clear();
    m_loaded = false;
    endResetModel();
}

void CaseListModel::applyChange(const core::CaseRepository::Event& event)
{
    // Queued events can arrive after a lock; a locked model shows nothing.
    if (!m_loaded) {
        return;
    }
    const int row = rowOf(event.record.id);
    switch (event.kind) {
    case core::ChangeKind::Added:
    case core::ChangeKind::Updated:
        if (row < 0) {
            const int at = rowCount();
            beginInsertRows(QModelIndex(), at, at);
            m_cases.push_back(event.record);
            endInsertRows();
        } else {
            m_cases[static_cast<std::size_t>(row)] = event.record;
            Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
        }
        break;
    case core::ChangeKind::Removed:
        if (row >= 0) {
            beginRemoveRows(QModelIndex(), row, row);
            m_cases.erase(m_cases.begin() + row);
            endRemoveRows();
        }
        break;
    }
}

void CaseListModel::setDueCounts(std::map<std::int64_t, core::deadlines::CaseDueCounts> counts)
{
    m_due = std::move(counts);
    if (!m_cases.empty()) {
        Q_EMIT dataChanged(index(0, DueColumn), index(rowCount() - 1, DueColumn));
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
