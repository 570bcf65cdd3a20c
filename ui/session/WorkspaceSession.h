// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>
#include <memory>
#include <optional>

#include <QObject>
#include <QPointer>
#include <QString>

#include "core/Error.h"
#include "ui/session/WorkspaceJob.h"

class QTimer;

namespace wb::core {
class Workspace;
namespace deadlines {
class DeadlineService;
}
} // namespace wb::core

namespace wb::ui {

class InlineMessage;
class SignalBridge;

/// The GUI's one owner of the open workspace: opening (attach), locking and
/// closing it, the SignalBridge that relays its changes, the checkpoint that
/// copies the log into the file once saves pause, and the jobs that use it off
/// the GUI thread (run()). While a job holds the workspace (busy()), the
/// checkpoint waits, the bridge holds its changes, listeners of busyChanged
/// (Today's minute tick, the Plan tab's timer) pause, and a lock waits for the job.
///
/// Locking emits aboutToLock() while the key is still there: the place where
/// open drafts can be saved into the workspace before it is wiped.
class WorkspaceSession final : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(const std::optional<core::Error>& error)>;

    explicit WorkspaceSession(QObject* parent = nullptr);
    /// Waits for a running job, then closes the workspace (bridge first).
    ~WorkspaceSession() override;

    core::Workspace* workspace() const noexcept { return m_workspace.get(); }
    /// The open, unlocked workspace, for the dialogs that work on it; throws core::Error
    /// (ErrorCode::Locked) when it is locked or closed, so a caller shows why through ErrorText.
    core::Workspace& unlockedWorkspace() const;
    /// The same for a dialog about to act: null when the workspace was locked or closed
    /// since the dialog opened, after showing why (through ErrorText) in `message`.
    core::Workspace* unlockedWorkspaceOrShow(InlineMessage& message) const;
    SignalBridge* bridge() const noexcept;
    bool isOpen() const noexcept { return m_workspace != nullptr; }
    /// Open and unlocked: repositories may be used (from the GUI thread only while !busy()).
    bool isUnlocked() const;
    /// A job (this session's or a dialog's WorkspaceJob) holds the workspace now.
    bool busy() const;
    /// What the running job does, for the busy indicator.
    QString jobLabel() const;

    /// Takes an open workspace, closing the one held before (once a running job is done).
    void attach(std::unique_ptr<core::Workspace> workspace);
    /// Locks now, or once the running job is done. Emits aboutToLock() then locked().
    void lock();
    /// Closes the workspace (aboutToClose() first). Refused (false) while a job runs.
    bool close();

    /// Runs work on a pool thread as a job holding the workspace; done runs on the GUI thread
    /// afterwards unless context is gone. label is shown by busy indicators.
    WorkspaceJob* run(const QString& label, WorkspaceJob::Work work, QObject* context, Done done);
    /// Calls action once no job runs (now, if none does), unless context is gone by then.
    void whenIdle(QObject* context, std::function<void()> action);

    /// Brings the stored due list up to date off the GUI thread (the first time after the rules or
    /// the workbench were updated it re-evaluates every case: seconds at thousands of cases).
    /// dueListReady() follows, also when it failed (the Today list then reports the error itself).
    /// Waits up to graceMs() for it first, so a quick refresh (nothing or little changed) looks
    /// synchronous and only a long one shows the busy indicator.
    void refreshDueList(std::shared_ptr<const core::deadlines::DeadlineService> service);
    int graceMs() const noexcept { return m_graceMs; }
    void setGraceMs(int ms) { m_graceMs = ms; }

    /// Copies the write-ahead log into the file soon (after the officer pauses for a moment).
    void scheduleCheckpoint();
    /// Delay before the checkpoint (tests shorten it).
    void setCheckpointDelayMs(int ms);
    bool checkpointPending() const;

Q_SIGNALS:
    void attached();
    /// The workspace is about to be locked; it is still unlocked and idle here.
    void aboutToLock();
    void locked();
    /// The workspace is about to be closed; nothing may keep a reference to it after this.
    void aboutToClose();
    void closed();
    /// A job started (true) or the last one ended (false).
    void busyChanged(bool busy);
    void dueListReady();

private:
    void checkpointNow();
    void jobsBusyChanged(bool busy);

    std::unique_ptr<core::Workspace> m_workspace;
    QPointer<SignalBridge> m_bridge;
    QTimer* m_checkpoint = nullptr;
    bool m_checkpointDeferred = false;
    bool m_lockDeferred = false;
    int m_graceMs = 300;
};

} // namespace wb::ui
