// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>
#include <memory>
#include <optional>

#include <QFutureWatcher>
#include <QObject>
#include <QPointer>
#include <QSemaphore>
#include <QString>

#include "core/Error.h"

namespace wb::ui {

/// Runs one slow call on the open workspace (a backup, a bundle export or import,
/// a restore, the due-list rebuild…) on a thread-pool thread, so the window keeps
/// painting. The workspace is not thread-safe (its connection throws on use from
/// two threads at once), so every job reports to JobMonitor: while any runs, the
/// dialog that started it stays application-modal, timers and live refreshes
/// pause and the window defers locking (see whenIdle()): nothing else touches
/// the workspace until the job is done.
class WorkspaceJob final : public QObject
{
    Q_OBJECT

public:
    /// Runs on the pool thread; may throw (core::Error is kept for the message).
    using Work = std::function<void()>;

    explicit WorkspaceJob(QObject* parent = nullptr);
    /// Waits for running work: it holds references into the workspace.
    ~WorkspaceJob() override;

    /// label says what the job does, for the busy indicators (JobMonitor::label()).
    void start(Work work, const QString& label = QString());
    bool isRunning() const noexcept { return m_running; }
    /// Waits up to ms on this thread for the work to end; if it does, finished() is emitted now and
    /// true returned. Short work then looks synchronous (no busy indicator flashes); long work is
    /// left running (false).
    bool waitFor(int ms);
    /// After finished(): set when the work threw.
    const std::optional<core::Error>& error() const noexcept { return m_error; }

    /// How many jobs are running in the whole application.
    static int runningCount() noexcept;
    /// Calls action on the GUI thread once no job runs (now, if none does), unless
    /// context is gone by then. MainWindow defers a lock this way.
    static void whenIdle(QObject* context, std::function<void()> action);

Q_SIGNALS:
    void finished();

private:
    void watcherFinished();

    QFutureWatcher<std::optional<core::Error>> m_watcher;
    std::shared_ptr<QSemaphore> m_done; ///< released by the pool thread when the work has ended
    std::optional<core::Error> m_error;
    bool m_running = false;
};

} // namespace wb::ui
