// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/session/WorkspaceJob.h"

#include <exception>
#include <new>
#include <utility>
#include <vector>

#include <QtConcurrent/QtConcurrentRun>

namespace wb::ui {

namespace {

int g_running = 0;

struct Pending {
    QPointer<QObject> context;
    std::function<void()> action;
};

std::vector<Pending>& pendingActions()
{
    static std::vector<Pending> actions;
    return actions;
}

void runPendingIfIdle()
{
    if (g_running != 0) {
        return;
    }
    auto actions = std::exchange(pendingActions(), {});
    for (auto& pending : actions) {
        if (pending.context != nullptr) {
            pending.action();
        }
    }
}

} // namespace

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
        --g_running;
    }
}

void WorkspaceJob::start(Work work)
{
    if (m_running) {
        return;
    }
    m_error.reset();
    m_running = true;
    ++g_running;
    m_watcher.setFuture(QtConcurrent::run([work = std::move(work)]() -> std::optional<core::Error> {
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

void WorkspaceJob::watcherFinished()
{
    if (!m_running) {
        return;
    }
    m_running = false;
    --g_running;
    m_error = m_watcher.future().resultCount() > 0 ? m_watcher.result() : std::nullopt;
    // Setting the empty future reports "finished" once more; m_running is already false.
    m_watcher.setFuture(QFuture<std::optional<core::Error>>());
    Q_EMIT finished();
    runPendingIfIdle();
}

int WorkspaceJob::runningCount() noexcept
{
    return g_running;
}

void WorkspaceJob::whenIdle(QObject* context, std::function<void()> action)
{
    if (g_running == 0) {
        action();
        return;
    }
    pendingActions().push_back(Pending{context, std::move(action)});
}

} // namespace wb::ui
