// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <vector>

#include <QAbstractTableModel>

#include "core/deadlines/DeadlineService.h"
#include "core/repo/CaseRepository.h"

namespace wb::core {
class OffenceCatalogue;
}

namespace wb::ui {

/// The workspace's cases as a table, read a page at a time (CaseRepository::page): filter and
/// sort are done in SQL, never over every case in memory. The first page is read on load(); a
/// view asks for the next one as it scrolls to the end (canFetchMore/fetchMore). sort() and
/// setFilterText() read the first page again in the new order.
///
/// Kept current from SignalBridge::caseChanged: the loaded rows are read again and only the
/// difference is signalled (rows inserted, removed or moved, data changed), never a reset per edit,
/// so the selection stays on its case. data() reads only what is loaded: it never queries.
class CaseListModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        ReferenceColumn,
        OperationColumn,
        OffenceColumn,
        StatusColumn,
        ReportedColumn,
        DueColumn, ///< overdue and due-today counts from the deadline engine; sorts by the next due item
        ColumnCount
    };
    enum Role { SortRole = Qt::UserRole, IdRole };
    static constexpr int DefaultPageSize = 200;

    explicit CaseListModel(std::shared_ptr<const core::OffenceCatalogue> offences, QObject* parent = nullptr);

    /// Reads the first page from the repository (one reset: first load or unlock) and keeps the
    /// repository for the pages that follow, until clear(). Throws core::Error, leaving the model as it was.
    void load(const core::CaseRepository& repository);
    /// Empties the model (on lock), forgets the repository and ignores change events until the next load().
    void clear();
    bool isLoaded() const noexcept { return m_repository != nullptr; }

    /// Shows only cases whose reference, operation name, offence title or status contains `text`
    /// (case-insensitive); the first page is read again.
    void setFilterText(const QString& text);
    QString filterText() const { return m_filter; }
    /// Rows read at a time (DefaultPageSize); for tests.
    void setPageSize(int rows);
    int pageSize() const noexcept { return m_pageSize; }
    int sortColumn() const noexcept { return m_sortColumn; }
    Qt::SortOrder sortOrder() const noexcept { return m_sortOrder; }
    /// The repository query for this model's filter and sort, from `offset`, at most `limit` rows.
    core::CaseRepository::Query query(std::int64_t offset, int limit) const;

    /// Applies one change: the loaded rows are read again and the difference signalled.
    void applyChange(const core::CaseRepository::Event& event);

    /// The deadline counts per case (DeadlineService::countsByCase); cases not in the map have none.
    void setDueCounts(std::map<std::int64_t, core::deadlines::CaseDueCounts> counts);
    /// "2 overdue, 1 due today", or empty.
    static QString dueText(const core::deadlines::CaseDueCounts& counts);

    /// The row showing this case id, or -1 (also when the case is not loaded yet).
    int rowOf(std::int64_t id) const;
    std::int64_t idAt(int row) const;

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

Q_SIGNALS:
    /// Reading a page failed (for a status line); the rows shown are left as they were.
    void failed(const QString& message);

private:
    /// Up to `limit` rows from `offset`; sets `atEnd` when there are no more after them. Throws core::Error.
    std::vector<core::Case> read(std::int64_t offset, int limit, bool& atEnd) const;
    /// Reads the first `limit` rows again and signals the difference from those shown.
    void refresh(int limit, std::int64_t changedId);
    void replaceRows(std::vector<core::Case> rows, std::int64_t changedId);

    std::shared_ptr<const core::OffenceCatalogue> m_offences;
    const core::CaseRepository* m_repository = nullptr;
    std::vector<core::Case> m_cases;
    std::map<std::int64_t, core::deadlines::CaseDueCounts> m_due;
    QString m_filter;
    int m_sortColumn = ReportedColumn;
    Qt::SortOrder m_sortOrder = Qt::DescendingOrder;
    int m_pageSize = DefaultPageSize;
    bool m_atEnd = true; ///< no case after the loaded rows: nothing more to fetch
};

} // namespace wb::ui
