// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/session/WorkspaceJob.h"

#include <exception>
#include <new>
#include <utility>

#include <QtConcurrent/QtConcurrentRun>

#include "ui/session/JobMonitor.h"

namespace wb::ui {

WorkspaceJob::WorkspaceJob(QObject* parent)
    : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcher<std::optional<core::Error>>::finished, this, &WorkspaceJob::watcherFinished);
}

WorkspaceJob::~WorkspaceJob()
{
    if (m_running) {
        m_watcher.waitForFinished();
        m_running = false;
        JobMonitor::instance().jobEnded();
        JobMonitor::instance().settle();
    }
}

void WorkspaceJob::start(Work work, const QString& label)
{
    if (m_running) {
        return;
    }
    m_error.reset();
    m_running = true;
    JobMonitor::instance().jobStarted(label);
    m_done = std::make_shared<QSemaphore>(0);
    m_watcher.setFuture(QtConcurrent::run([work = std::move(work), done = m_done]() -> std::optional<core::Error> {
        struct Release {
            QSemaphore& semaphore;
            ~Release() { semaphore.release(); }
        } release{*done};
        try {
            work();
        } catch (const core::Error& e) {
            return e;
        } catch (const std::bad_alloc&) {
            return core::Error(core::ErrorCode::Io, "not enough memory");
        } catch (const std::exception&) {
            return core::Error(core::ErrorCode::Storage, "the operation failed");
        }
        return std::nullopt;
    }));
}

bool WorkspaceJob::waitFor(int ms)
{
    if (!m_running) {
        return true;
    }
    if (m_done == nullptr || !m_done->tryAcquire(1, ms)) {
        return false;
    }
    m_watcher.waitForFinished(); // the result is being handed over: a moment at most
    watcherFinished();           // the watcher's own signal comes later and finds nothing running
    return true;
}

void WorkspaceJob::watcherFinished()
{
    if (!m_running) {
        return;
    }
    m_running = false;
    JobMonitor::instance().jobEnded(); // the work is done: the workspace is free for the result's handler
    m_error = m_watcher.future().resultCount() > 0 ? m_watcher.result() : std::nullopt;
    // Setting the empty future reports "finished" once more; m_running is already false.
    m_watcher.setFuture(QFuture<std::optional<core::Error>>());
    Q_EMIT finished();
    JobMonitor::instance().settle(); // after the dialog took the result: a deferred lock may follow
}

int WorkspaceJob::runningCount() noexcept
{
    return JobMonitor::instance().runningCount();
}

void WorkspaceJob::whenIdle(QObject* context, std::function<void()> action)
{
    JobMonitor::instance().whenIdle(context, std::move(action));
}

} // namespace wb::ui
