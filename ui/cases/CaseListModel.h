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

/// The workspace's cases as a table. Loaded once from CaseRepository::list(),
/// then kept current row by row from SignalBridge::caseChanged (insert, change,
/// remove: never a reset per edit). Rows are in arrival order; sort with a proxy
/// on SortRole.
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
        DueColumn, ///< overdue and due-today counts from the deadline engine
        ColumnCount
    };
    enum Role { SortRole = Qt::UserRole, IdRole };

    explicit CaseListModel(std::shared_ptr<const core::OffenceCatalogue> offences, QObject* parent = nullptr);

    /// Replaces the rows with the repository's list (one reset: first load or unlock).
    void load(const core::CaseRepository& repository);
    /// Empties the model (on lock) and ignores change events until the next load().
    void clear();
    bool isLoaded() const noexcept { return m_loaded; }

    /// Applies one change. Idempotent: an Added for a row already present updates it.
    void applyChange(const core::CaseRepository::Event& event);

    /// The deadline counts per case (DeadlineService::countsByCase); cases not in the map have none.
    void setDueCounts(std::map<std::int64_t, core::deadlines::CaseDueCounts> counts);
    /// "2 overdue, 1 due today", or empty.
    static QString dueText(const core::deadlines::CaseDueCounts& counts);

    /// The row showing this case id, or -1.
    int rowOf(std::int64_t id) const;
    std::int64_t idAt(int row) const;

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::shared_ptr<const core::OffenceCatalogue> m_offences;
    std::vector<core::Case> m_cases;
    std::map<std::int64_t, core::deadlines::CaseDueCounts> m_due;
    bool m_loaded = false;
};

} // namespace wb::ui
