// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <QTreeWidget>

#include "core/plan/InvestigationPlan.h"

namespace wb::ui {

/// The Plan tab's list: proposed lines of enquiry grouped by principle, the officer's own, and those that no longer
/// apply, each with its status and time limit. Keeps the selection when the plan is shown again.
class PlanTree final : public QTreeWidget
{
    Q_OBJECT

public:
    /// The columns; the catalogue id is not one of them (issue 14) but is kept on each entry's row under
    /// EnquiryIdRole (column 0).
    enum Column { TitleColumn, StatusColumn, TimeColumn, PriorityColumn, ColumnCount };
    static constexpr int EnquiryIdRole = Qt::UserRole + 1;

    explicit PlanTree(QWidget* parent = nullptr);

    /// Shows a plan built at `builtAt`; `view` must outlive the rows (the tab keeps it).
    void showPlan(const core::plan::PlanView& view, core::Instant builtAt);
    void clearPlan();

    /// The catalogue entry of the selected row (proposed or no longer applying), nullptr for any other row.
    const core::plan::PlanItem* selectedItem() const;
    /// The tracked enquiry of the selected row (accepted, or one of the officer's own).
    std::optional<core::Record> selectedRecord() const;
    bool selectEntry(const std::string& enquiryId);
    bool selectRecord(std::int64_t recordId);

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    enum class RowKind { Proposal, NoLongerApplies, Own };

    void fill();
    /// Sizes the status column (its text, up to a quarter of the width) and gives each row the height its name and
    /// status need, wrapped at their columns' widths.
    void fitRows();
    /// fitRows() once the current layout pass is over.
    void scheduleFit();
    void addItemRow(QTreeWidgetItem* group, const core::plan::PlanItem& item, RowKind kind);
    void addOwnRow(QTreeWidgetItem* group, const core::Record& record);
    QString statusText(const core::plan::PlanItem& item) const;

    const core::plan::PlanView* m_view = nullptr;
    core::Instant m_builtAt{};
    bool m_fitPending = false;
};

} // namespace wb::ui
