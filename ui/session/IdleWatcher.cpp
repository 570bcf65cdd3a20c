// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/session/IdleWatcher.h"

#include <algorithm>

#include <QCoreApplication>
#include <QEvent>
#include <QKeyEvent>

namespace wb::ui {

IdleWatcher::IdleWatcher(QObject* parent)
    : QObject(parent)
    , m_tick(this) // a child, so that tests find it and fire it
    , m_timeout(std::chrono::minutes(10))
{
    m_tick.setObjectName(QStringLiteral("idleCheckTimer"));
    connect(&m_tick, &QTimer::timeout, this, &IdleWatcher::check);
    if (QCoreApplication::instance() != nullptr) {
        QCoreApplication::instance()->installEventFilter(this);
    }
    setTimeout(m_timeout);
}

IdleWatcher::~IdleWatcher()
{
    if (QCoreApplication::instance() != nullptr) {
        QCoreApplication::instance()->removeEventFilter(this);
    }
}

void IdleWatcher::setTimeout(std::chrono::milliseconds timeout)
{
    m_timeout = std::max(timeout, std::chrono::milliseconds(1));
    // Check a few times per timeout, at most every 5 s: cheap, and the lock
    // comes at most a few seconds late.
    const auto interval = std::clamp(m_timeout / 4, std::chrono::milliseconds(10), std::chrono::milliseconds(5000));
    m_tick.setInterval(interval);
}

void IdleWatcher::start(std::shared_ptr<const core::Clock> clock)
{
    m_clock = clock ? std::move(clock)
                    : std::shared_ptr<const core::Clock>(std::shared_ptr<const core::Clock>(), &core::Clock::system());
    m_lastActivity = m_clock->now();
    m_tick.start();
}

void IdleWatcher::stop()
{
    m_tick.stop();
}

bool IdleWatcher::isActive() const
{
    return m_tick.isActive();
}

void IdleWatcher::setLockShortcut(const QKeySequence& sequence)
{
    m_lockShortcut = sequence;
}

bool IdleWatcher::eventFilter(QObject* watched, QEvent* event)
{
    switch (event->type()) {
    case QEvent::KeyPress:
        noteActivity();
        // Only while counting (a workspace is open). A shortcut that fired
        // consumed its key press, so this sees the key only when a modal
        // dialog blocked the main window's shortcut.
        if (isActive() && !m_lockShortcut.isEmpty() &&
            static_cast<QKeyEvent*>(event)->keyCombination() == m_lockShortcut[0]) {
            Q_EMIT lockRequested();
            return true;
        }
        break;
    case QEvent::MouseButtonPress:
    case QEvent::MouseMove:
    case QEvent::Wheel:
    case QEvent::TouchBegin:
    case QEvent::TabletPress:
        noteActivity(); // reading the clock is cheap enough to do for every mouse move

        break;
    default: break;
    }
    return QObject::eventFilter(watched, event);
}

void IdleWatcher::noteActivity()
{
    if (m_clock) {
        m_lastActivity = m_clock->now();
    }
}

void IdleWatcher::check()
{
    if (m_clock && m_clock->now() - m_lastActivity >= m_timeout) {
        stop();
        Q_EMIT idle();
    }
}

} // namespace wb::ui
