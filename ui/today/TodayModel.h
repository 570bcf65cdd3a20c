// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <vector>

#include <QDate>
#include <QPointer>
#include <QStandardItemModel>

#include "core/deadlines/DeadlineService.h"
#include "core/domain/Time.h"

class QTimer;

namespace wb::core {
class Workspace;
}

namespace wb::ui {

class SignalBridge;

/// Everything due and overdue across every open case, from
/// DeadlineService::today(), as a two-level model: a row per day group
/// ("Overdue", "Today", "Tomorrow", "Wednesday 2 December 2026"; days in
/// Europe/London) with the items under it, most urgent first. Re-evaluated
/// (debounced) whenever a case, person, record or context answer changes; a
/// minute timer catches the day rolling over and items falling due. "Now" is the
/// workspace's clock (Workspace::clock()), where a test sets the date.
class TodayModel final : public QStandardItemModel
{
    Q_OBJECT

public:
    enum Column { DueColumn, WhatColumn, CaseColumn, StateColumn, ColumnCount };
    enum Role {
        ItemRole = Qt::UserRole + 1, ///< int: the index of the item in items(); -1 on a group row
        StateRole,                   ///< int: core::deadlines::DueState
        GroupRole,                   ///< QString: the group of an item or group row
    };

    explicit TodayModel(std::shared_ptr<const core::deadlines::DeadlineService> service, QObject* parent = nullptr);
    ~TodayModel() override;

    /// The workspace's clock; the system's without a workspace (when there is nothing to show).
    core::Instant now() const;
    /// Starts watching a workspace (its bridge for live updates) and evaluates it.
    void setWorkspace(core::Workspace* workspace, SignalBridge* bridge);
    /// Forgets the workspace and every item (locking, closing).
    void clearWorkspace();
    bool hasService() const noexcept { return m_service != nullptr; }

    /// Evaluates now (the debounced path calls this).
    void refresh();
    /// Evaluates shortly, once for a burst of changes.
    void scheduleRefresh();
    /// Debounce delay for live updates (tests shorten it).
    void setDebounceMs(int ms);
    /// While a job holds the workspace (WorkspaceSession::busyChanged): the minute tick and live
    /// updates stop and nothing reads the workspace; a refresh asked for meanwhile runs on resume.
    void setPaused(bool paused);
    bool isPaused() const noexcept { return m_paused; }
    /// The minute tick is running (it stops while paused and without a workspace).
    bool isTicking() const;

    /// Filters: no kind / case 0 means all. Nothing is hidden by default.
    void setKindFilter(std::optional<core::deadlines::DueKind> kind);
    void setCaseFilter(std::int64_t caseId);
    std::optional<core::deadlines::DueKind> kindFilter() const noexcept { return m_kind; }
    std::int64_t caseFilter() const noexcept { return m_case; }

    /// Every open item of the last evaluation (before the filters), up to pageSize() of them.
    const std::vector<core::deadlines::DueItem>& allItems() const noexcept { return m_all; }
    /// How many items are read at most (the most urgent first); a filter then reads its own page.
    std::size_t pageSize() const noexcept { return m_pageSize; }
    void setPageSize(std::size_t size);
    /// More items were due than pageSize(): only the most urgent are listed.
    bool truncated() const noexcept { return m_truncated; }
    /// The items shown, in order.
    const std::vector<core::deadlines::DueItem>& items() const noexcept { return m_shown; }
    /// The item behind an index (any column of an item row); null for a group row.
    const core::deadlines::DueItem* itemAt(const QModelIndex& index) const;
    /// Overdue / due today / upcoming counts per open case.
    const std::map<std::int64_t, core::deadlines::CaseDueCounts>& counts() const noexcept { return m_counts; }
    /// The group titles shown, in order.
    QStringList groups() const;
    /// Why the last evaluation failed (empty when it worked).
    QString errorText() const { return m_error; }

    /// "Overdue", "Today", "Tomorrow" or "Wednesday 2 December 2026" (Europe/London).
    static QString groupTitle(const core::deadlines::DueItem& item, core::Instant now);
    /// "Overdue by 2 days", "Due today", "Due in 3 days" for a deadline at the end of a day; "Due today at 17:00 (in
    /// 5 hours)", "Due in 38 hours", "Overdue by 3 hours" for one with a time; a target says so ("Target (not a
    /// legal deadline): Due in 5 hours", "Target missed: Overdue by 2 hours").
    static QString stateText(const core::deadlines::DueItem& item, core::Instant now);
    /// "Victim update (Right 6)", "Bail ends"…
    static QString kindText(core::deadlines::DueKind kind);

Q_SIGNALS:
    /// The items (and counts) were re-evaluated.
    void refreshed();

private:
    static QString deadlineStateText(const core::deadlines::DueItem& item, core::Instant now);

    void rebuild();
    void tick();
    /// The items the filters let through: from m_all, or read afresh when m_all is only a page.
    std::vector<core::deadlines::DueItem> filtered();

    std::shared_ptr<const core::deadlines::DeadlineService> m_service;
    core::Workspace* m_workspace = nullptr;
    QPointer<SignalBridge> m_bridge;
    std::vector<QMetaObject::Connection> m_connections;
    QTimer* m_debounce = nullptr;
    QTimer* m_minute = nullptr;
    std::vector<core::deadlines::DueItem> m_all;
    std::size_t m_pageSize = 1000;
    bool m_truncated = false;
    std::vector<core::deadlines::DueItem> m_shown;
    std::map<std::int64_t, core::deadlines::CaseDueCounts> m_counts;
    std::optional<core::deadlines::DueKind> m_kind;
    std::int64_t m_case = 0;
    QString m_error;
    bool m_paused = false;
    bool m_refreshPending = false; ///< a refresh was asked for while paused
    QDate m_evaluatedDay;
    std::optional<core::Instant> m_nextChange; ///< the next instant an item changes state by time alone
};

} // namespace wb::ui
