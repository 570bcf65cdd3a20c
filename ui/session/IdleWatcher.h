// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <memory>

#include <QKeySequence>
#include <QObject>
#include <QTimer>

#include "core/domain/Clock.h"

namespace wb::ui {

/// Emits idle() once nobody has used the mouse or keyboard anywhere in the
/// application for the timeout. Watches every event through a filter on qApp;
/// the check runs on a timer, so it fires inside a modal dialog's nested event
/// loop too. It also reports the lock shortcut when a modal dialog keeps the
/// main window's own shortcut from firing. Time is read from the open workspace's clock
/// (whole seconds), so a test moves "now" on and fires the check timer instead of sleeping.
class IdleWatcher final : public QObject
{
    Q_OBJECT

public:
    explicit IdleWatcher(QObject* parent = nullptr);
    ~IdleWatcher() override;

    void setTimeout(std::chrono::milliseconds timeout);
    std::chrono::milliseconds timeout() const noexcept { return m_timeout; }

    /// Starts counting from now, on `clock` (the workspace's: Workspace::sharedClock(); null: the system's).
    void start(std::shared_ptr<const core::Clock> clock = {});
    void stop();
    bool isActive() const;

    /// A key press matching this sequence, not taken by a shortcut, emits lockRequested().
    void setLockShortcut(const QKeySequence& sequence);

Q_SIGNALS:
    void idle();
    void lockRequested();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void noteActivity();
    void check();

    QTimer m_tick;
    std::shared_ptr<const core::Clock> m_clock;
    core::Instant m_lastActivity{};
    std::chrono::milliseconds m_timeout;
    QKeySequence m_lockShortcut;
};

} // namespace wb::ui
