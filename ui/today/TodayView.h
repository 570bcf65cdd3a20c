// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>

#include <QWidget>

#include "core/deadlines/DeadlineService.h"

class QComboBox;
class QLabel;
class QPushButton;
class QTreeView;

namespace wb::core {
class Workspace;
}

namespace wb::ui {

class SignalBridge;
class TodayModel;

/// The landing page after unlock: every due and overdue item across every case,
/// grouped by day, most urgent first, with filters by kind and by case (nothing
/// hidden by default). Enter or a double-click on an item asks for the place it
/// is dealt with (openRequested); the main window opens the case there.
class TodayView final : public QWidget
{
    Q_OBJECT

public:
    explicit TodayView(std::shared_ptr<const core::deadlines::DeadlineService> service, QWidget* parent = nullptr);

    TodayModel* model() const noexcept { return m_model; }
    QTreeView* view() const noexcept { return m_view; }
    QComboBox* kindFilter() const noexcept { return m_kind; }
    QComboBox* caseFilter() const noexcept { return m_case; }
    QLabel* summaryLabel() const noexcept { return m_summary; }

    /// Starts showing a workspace (after unlock); null forgets it (lock, close).
    void setWorkspace(core::Workspace* workspace, SignalBridge* bridge);
    /// Asks for the selected item to be opened; false when none is selected.
    bool openSelected();

Q_SIGNALS:
    /// The user wants to deal with this item: open its case at the action.
    void openRequested(const wb::core::deadlines::DueItem& item);

private:
    void modelRefreshed();
    void fillCaseFilter();
    void applyFilters();

    TodayModel* m_model = nullptr;
    QTreeView* m_view = nullptr;
    QComboBox* m_kind = nullptr;
    QComboBox* m_case = nullptr;
    QLabel* m_summary = nullptr;
    QLabel* m_empty = nullptr;
    QPushButton* m_open = nullptr;
};

} // namespace wb::ui
