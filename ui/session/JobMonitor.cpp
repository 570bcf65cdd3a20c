// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/session/JobMonitor.h"

#include <utility>
#include <vector>

namespace wb::ui {

JobMonitor& JobMonitor::instance()
{
    // Never destroyed: jobs and pending actions may report during exit.
    static auto* monitor = new JobMonitor();
    return *monitor;
}

void JobMonitor::whenIdle(QObject* context, std::function<void()> action)
{
    if (m_running == 0) {
        action();
        return;
    }
    m_pending.push_back(Pending{context, std::move(action)});
}

void JobMonitor::jobStarted(const QString& label)
{
    m_label = label;
    ++m_running;
    if (!m_announcedBusy) {
        m_announcedBusy = true;
        Q_EMIT busyChanged(true);
    }
}

void JobMonitor::jobEnded()
{
    if (m_running > 0) {
        --m_running;
    }
}

void JobMonitor::settle()
{
    if (m_running != 0) {
        return;
    }
    m_label.clear();
    // Deferred work first (a lock waiting for a backup), then the listeners resume.
    auto actions = std::exchange(m_pending, {});
    for (auto& pending : actions) {
        if (pending.context != nullptr) {
            pending.action();
        }
    }
    if (m_running == 0 && m_announcedBusy) {
        m_announcedBusy = false;
        Q_EMIT busyChanged(false);
    }
}

} // namespace wb::ui
