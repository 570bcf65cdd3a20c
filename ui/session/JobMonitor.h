// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>

#include <QObject>
#include <QPointer>
#include <QString>

namespace wb::ui {

/// The one place that knows whether a job holds the open workspace (see
/// WorkspaceJob): every job reports its start and end here, on the GUI thread.
/// While busy(), timers and live refreshes pause (WorkspaceSession relays
/// busyChanged; the Plan tab's timer asks busy()), and GUI-thread uses of the
/// workspace are deferred with whenIdle() or refused.
class JobMonitor final : public QObject
{
    Q_OBJECT

public:
    /// The application's monitor (created on first use, on the GUI thread).
    static JobMonitor& instance();

    bool busy() const noexcept { return m_running > 0; }
    int runningCount() const noexcept { return m_running; }
    /// What the latest job still running does ("Backing up…"), for a busy indicator.
    QString label() const { return m_label; }

    /// Calls action on the GUI thread once no job runs (now, if none does), unless
    /// context is gone by then.
    void whenIdle(QObject* context, std::function<void()> action);

    /// Called by WorkspaceJob only: a job started; a job's work ended (its result is handed over
    /// next); everything that waited may run now (deferred actions, then busyChanged(false)).
    void jobStarted(const QString& label);
    void jobEnded();
    void settle();

Q_SIGNALS:
    /// True when the first job starts, false when the last one ends (deferred actions ran just before).
    void busyChanged(bool busy);

private:
    JobMonitor() = default;

    struct Pending {
        QPointer<QObject> context;
        std::function<void()> action;
    };
    int m_running = 0;
    bool m_announcedBusy = false; ///< busyChanged(true) was emitted and busyChanged(false) not yet
    QString m_label;
    std::vector<Pending> m_pending;
};

} // namespace wb::ui
