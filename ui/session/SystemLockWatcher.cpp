// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/session/SystemLockWatcher.h"

#include <QByteArray>

namespace wb::ui {

namespace {

const QString Login1Service = QStringLiteral("org.freedesktop.login1");
const QString Login1Path = QStringLiteral("/org/freedesktop/login1");
const QString ManagerInterface = QStringLiteral("org.freedesktop.login1.Manager");
const QString SessionInterface = QStringLiteral("org.freedesktop.login1.Session");
const QString PrepareForSleep = QStringLiteral("PrepareForSleep");
const QString Lock = QStringLiteral("Lock");
const QString ActiveChanged = QStringLiteral("ActiveChanged");
/// The screen savers' interfaces: freedesktop (KDE, Xfce and others) and GNOME's.
const QString ScreenSaverInterfaces[] = {QStringLiteral("org.freedesktop.ScreenSaver"),
                                         QStringLiteral("org.gnome.ScreenSaver")};

} // namespace

SystemLockWatcher::SystemLockWatcher(QObject* parent)
    : QObject(parent)
    , m_system(QStringLiteral("wb-none"))
    , m_session(QStringLiteral("wb-none"))
{
    watch(QDBusConnection::systemBus(), QDBusConnection::sessionBus(),
          QString::fromLocal8Bit(qgetenv("XDG_SESSION_ID")));
}

SystemLockWatcher::~SystemLockWatcher()
{
    unwatch();
}

QString SystemLockWatcher::sessionPath(const QString& sessionId)
{
    // sd_bus_path_encode(): every byte but [A-Za-z0-9] (and a leading digit) as _xx.
    QString path = Login1Path + QStringLiteral("/session/");
    const QByteArray id = sessionId.toUtf8();
    for (qsizetype i = 0; i < id.size(); ++i) {
        const auto c = static_cast<unsigned char>(id[i]);
        const bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        const bool digit = c >= '0' && c <= '9';
        if (alpha || (digit && i > 0)) {
            path += QLatin1Char(static_cast<char>(c));
        } else {
            path += QStringLiteral("_%1").arg(static_cast<uint>(c), 2, 16, QLatin1Char('0'));
        }
    }
    return path;
}

void SystemLockWatcher::watch(const QDBusConnection& systemBus,
                              const QDBusConnection& sessionBus,
                              const QString& sessionId)
{
    unwatch();
    m_system = systemBus;
    m_session = sessionBus;
    m_sessionPath = sessionId.isEmpty() ? QString() : sessionPath(sessionId);
    if (m_system.isConnected()) {
        m_watchingSuspend = m_system.connect(Login1Service, Login1Path, ManagerInterface, PrepareForSleep, this,
                                             SLOT(prepareForSleep(bool)));
        if (!m_sessionPath.isEmpty()) {
            m_watchingScreenLock =
                m_system.connect(Login1Service, m_sessionPath, SessionInterface, Lock, this, SLOT(sessionLocked()));
        }
    }
    if (m_session.isConnected()) {
        for (const QString& interface : ScreenSaverInterfaces) {
            // Any sender and path: the screen savers differ in both.
            const bool ok = m_session.connect(QString(), QString(), interface, ActiveChanged, this,
                                              SLOT(screenSaverActiveChanged(bool)));
            m_watchingScreenLock = m_watchingScreenLock || ok;
        }
    }
}

void SystemLockWatcher::unwatch()
{
    if (m_system.isConnected()) {
        m_system.disconnect(Login1Service, Login1Path, ManagerInterface, PrepareForSleep, this,
                            SLOT(prepareForSleep(bool)));
        if (!m_sessionPath.isEmpty()) {
            m_system.disconnect(Login1Service, m_sessionPath, SessionInterface, Lock, this, SLOT(sessionLocked()));
        }
    }
    if (m_session.isConnected()) {
        for (const QString& interface : ScreenSaverInterfaces) {
            m_session.disconnect(QString(), QString(), interface, ActiveChanged, this,
                                 SLOT(screenSaverActiveChanged(bool)));
        }
    }
    m_watchingSuspend = false;
    m_watchingScreenLock = false;
}

void SystemLockWatcher::prepareForSleep(bool starting)
{
    if (starting && m_suspendEnabled) {
        Q_EMIT lockRequested(Trigger::Suspend);
    }
}

void SystemLockWatcher::screenSaverActiveChanged(bool active)
{
    if (active && m_screenLockEnabled) {
        Q_EMIT lockRequested(Trigger::ScreenLock);
    }
}

void SystemLockWatcher::sessionLocked()
{
    if (m_screenLockEnabled) {
        Q_EMIT lockRequested(Trigger::ScreenLock);
    }
}

} // namespace wb::ui
