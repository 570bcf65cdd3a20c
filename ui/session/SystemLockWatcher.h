// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDBusConnection>
#include <QObject>
#include <QString>

namespace wb::ui {

/// Asks for the workspace to be locked at once when the computer is about to
/// sleep or the desktop locks its screen, over D-Bus:
///  - suspend: logind's org.freedesktop.login1.Manager.PrepareForSleep(true) on
///    the system bus;
///  - screen lock: ActiveChanged(true) of org.freedesktop.ScreenSaver (KDE and
///    others) or org.gnome.ScreenSaver (GNOME) on the session bus, and logind's
///    org.freedesktop.login1.Session.Lock for this login session (XDG_SESSION_ID)
///    on the system bus.
/// Each trigger can be turned off. When a bus cannot be reached (no logind, no
/// session bus) the watcher simply watches nothing there; nothing is logged.
class SystemLockWatcher final : public QObject
{
    Q_OBJECT

public:
    enum class Trigger { Suspend, ScreenLock };
    Q_ENUM(Trigger)

    /// Watches the machine's system bus and the user's session bus.
    explicit SystemLockWatcher(QObject* parent = nullptr);
    ~SystemLockWatcher() override;

    /// Watches these connections instead (tests use a private dbus-daemon).
    /// sessionId: the logind session whose Lock signal counts; empty for none.
    void watch(const QDBusConnection& systemBus, const QDBusConnection& sessionBus, const QString& sessionId);

    void setSuspendEnabled(bool on) noexcept { m_suspendEnabled = on; }
    bool suspendEnabled() const noexcept { return m_suspendEnabled; }
    void setScreenLockEnabled(bool on) noexcept { m_screenLockEnabled = on; }
    bool screenLockEnabled() const noexcept { return m_screenLockEnabled; }

    /// Whether the signals could be subscribed to (the bus was reachable).
    bool watchesSuspend() const noexcept { return m_watchingSuspend; }
    bool watchesScreenLock() const noexcept { return m_watchingScreenLock; }

    /// logind's object path of a session id ("2" → "/org/freedesktop/login1/session/_32").
    static QString sessionPath(const QString& sessionId);

Q_SIGNALS:
    void lockRequested(wb::ui::SystemLockWatcher::Trigger trigger);

private Q_SLOTS:
    void prepareForSleep(bool starting);
    void screenSaverActiveChanged(bool active);
    void sessionLocked();

private:
    void unwatch();

    QDBusConnection m_system;
    QDBusConnection m_session;
    QString m_sessionPath;
    bool m_suspendEnabled = true;
    bool m_screenLockEnabled = true;
    bool m_watchingSuspend = false;
    bool m_watchingScreenLock = false;
};

} // namespace wb::ui
