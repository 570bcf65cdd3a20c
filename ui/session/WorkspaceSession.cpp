// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/session/WorkspaceSession.h"

#include <utility>

#include <QTimer>

#include "core/Workspace.h"
#include "core/deadlines/DeadlineService.h"
#include "core/security/ProcessHardening.h"
#include "ui/session/JobMonitor.h"
#include "ui/session/SignalBridge.h"
#include "ui/text/ErrorText.h"
#include "ui/widgets/InlineMessage.h"

namespace wb::ui {

WorkspaceSession::WorkspaceSession(QObject* parent)
    : QObject(parent)
    , m_checkpoint(new QTimer(this))
{
    setObjectName(QStringLiteral("workspaceSession"));
    m_checkpoint->setSingleShot(true);
    m_checkpoint->setInterval(2000);
    connect(m_checkpoint, &QTimer::timeout, this, &WorkspaceSession::checkpointNow);
    connect(&JobMonitor::instance(), &JobMonitor::busyChanged, this, &WorkspaceSession::jobsBusyChanged);
}

WorkspaceSession::~WorkspaceSession()
{
    disconnect(&JobMonitor::instance(), nullptr, this, nullptr); // no busyChanged while going
    // Jobs are children: deleting them waits for their threads, before the workspace goes.
    const auto jobs = findChildren<WorkspaceJob*>(Qt::FindDirectChildrenOnly);
    for (WorkspaceJob* job : jobs) {
        delete job;
    }
    delete m_bridge.data(); // before the workspace it watches
    m_workspace.reset();
}

SignalBridge* WorkspaceSession::bridge() const noexcept
{
    return m_bridge.data();
}

bool WorkspaceSession::isUnlocked() const
{
    return m_workspace != nullptr && !m_workspace->isLocked();
}

core::Workspace& WorkspaceSession::unlockedWorkspace() const
{
    if (!isUnlocked()) {
        throw core::Error(core::ErrorCode::Locked, "the workspace is locked or closed");
    }
    return *m_workspace;
}

core::Workspace* WorkspaceSession::unlockedWorkspaceOrShow(InlineMessage& message) const
{
    try {
        return &unlockedWorkspace();
    } catch (const core::Error& e) {
        message.showMessage(ErrorText::message(e));
        return nullptr;
    }
}

bool WorkspaceSession::busy() const
{
    return JobMonitor::instance().busy();
}

QString WorkspaceSession::jobLabel() const
{
    return JobMonitor::instance().label();
}

void WorkspaceSession::attach(std::unique_ptr<core::Workspace> workspace)
{
    if (workspace == nullptr) {
        return;
    }
    if (busy()) {
        // A job still holds the workspace open now: take the new one once it is done.
        auto held = std::make_shared<std::unique_ptr<core::Workspace>>(std::move(workspace));
        whenIdle(this, [this, held] { attach(std::move(*held)); });
        return;
    }
    close();
    m_workspace = std::move(workspace);
    m_bridge = new SignalBridge(*m_workspace, this);
    // Saves only append to the write-ahead log; it is copied into the file once the officer pauses.
    connect(m_bridge, &SignalBridge::caseChanged, this, &WorkspaceSession::scheduleCheckpoint);
    connect(m_bridge, &SignalBridge::personChanged, this, &WorkspaceSession::scheduleCheckpoint);
    connect(m_bridge, &SignalBridge::recordChanged, this, &WorkspaceSession::scheduleCheckpoint);
    connect(m_bridge, &SignalBridge::contextChanged, this, &WorkspaceSession::scheduleCheckpoint);
    Q_EMIT attached();
}

void WorkspaceSession::lock()
{
    if (!isUnlocked()) {
        return;
    }
    if (busy()) {
        // A backup or an import is using the workspace on another thread: lock once it is done.
        if (!m_lockDeferred) {
            m_lockDeferred = true;
            whenIdle(this, [this] {
                m_lockDeferred = false;
                lock();
            });
        }
        return;
    }
    Q_EMIT aboutToLock();
    if (!isUnlocked()) {
        return; // a receiver closed or locked it already
    }
    m_checkpoint->stop();
    m_checkpointDeferred = false;
    m_workspace->lock();
    // What this thread's deeper calls left on the stack (names read from the file).
    core::security::scrubStack();
    Q_EMIT locked();
}

bool WorkspaceSession::close()
{
    if (m_workspace == nullptr) {
        return true;
    }
    if (busy()) {
        return false;
    }
    Q_EMIT aboutToClose();
    m_checkpoint->stop();
    m_checkpointDeferred = false;
    delete m_bridge.data(); // before the workspace it watches
    m_workspace.reset();
    Q_EMIT closed();
    return true;
}

WorkspaceJob* WorkspaceSession::run(const QString& label, WorkspaceJob::Work work, QObject* context, Done done)
{
    auto* job = new WorkspaceJob(this);
    QPointer<QObject> guard(context);
    connect(job, &WorkspaceJob::finished, this, [job, guard, done = std::move(done)] {
        const std::optional<core::Error> error = job->error();
        job->deleteLater();
        if (guard != nullptr && done) {
            done(error);
        }
    });
    job->start(std::move(work), label);
    return job;
}

void WorkspaceSession::whenIdle(QObject* context, std::function<void()> action)
{
    JobMonitor::instance().whenIdle(context, std::move(action));
}

void WorkspaceSession::refreshDueList(std::shared_ptr<const core::deadlines::DeadlineService> service)
{
    if (!isUnlocked() || service == nullptr) {
        Q_EMIT dueListReady();
        return;
    }
    core::Workspace* workspace = m_workspace.get();
    WorkspaceJob* job = run(
        tr("Bringing the due list up to date…"), [workspace, service] { service->refresh(*workspace); }, this,
        [this](const std::optional<core::Error>&) {
            // A failure is not lost: the Today list reads through the same refresh and shows it.
            Q_EMIT dueListReady();
        });
    job->waitFor(m_graceMs);
}

void WorkspaceSession::scheduleCheckpoint()
{
    if (isUnlocked()) {
        m_checkpoint->start();
    }
}

void WorkspaceSession::setCheckpointDelayMs(int ms)
{
    m_checkpoint->setInterval(ms);
}

bool WorkspaceSession::checkpointPending() const
{
    return m_checkpoint->isActive() || m_checkpointDeferred;
}

void WorkspaceSession::checkpointNow()
{
    if (!isUnlocked()) {
        return;
    }
    if (busy()) {
        m_checkpointDeferred = true; // resumed by jobsBusyChanged(false)
        return;
    }
    try {
        m_workspace->checkpoint();
    } catch (const core::Error&) {
        // Nothing is lost: the saves are in the log, and SQLite copies it at its own threshold or on close.
    }
}

void WorkspaceSession::jobsBusyChanged(bool isBusy)
{
    if (isBusy && m_checkpoint->isActive()) {
        m_checkpoint->stop(); // paused: no checkpoint while a job holds the connection
        m_checkpointDeferred = true;
    } else if (!isBusy && m_checkpointDeferred) {
        m_checkpointDeferred = false;
        scheduleCheckpoint();
    }
    Q_EMIT busyChanged(isBusy);
}

} // namespace wb::ui
