// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/session/IdleWatcher.h"

#include <algorithm>

#include <QCoreApplication>
#include <QEvent>
#include <QKeyEvent>

namespace wb::ui {

IdleWatcher::IdleWatcher(QObject* parent)
    : QObject(parent)
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

void IdleWatcher::start()
{
    m_sinceActivity.start();
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
        m_sinceActivity.restart();
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
        // Restarting a QElapsedTimer is cheap enough to do for every mouse move.
        m_sinceActivity.restart();
        break;
    default: break;
    }
    return QObject::eventFilter(watched, event);
}

void IdleWatcher::check()
{
    if (m_sinceActivity.isValid() && std::chrono::milliseconds(m_sinceActivity.elapsed()) >= m_timeout) {
        stop();
        Q_EMIT idle();
    }
}

} // namespace wb::ui
