// SPDX-License-Identifier: GPL-3.0-or-later
// The suspend and screen-lock signals, sent on a private dbus-daemon started by
// the test (never the machine's system bus), lock the workspace at once.
#include <gtest/gtest.h>

#include <QDBusConnection>
#include <QDBusMessage>
#include <QProcess>
#include <QTest>

#include "core/Workspace.h"
#include "support/UiTestSupport.h"
#include "ui/mainwindow/AppSettings.h"
#include "ui/mainwindow/MainWindow.h"
#include "ui/session/SystemLockWatcher.h"
#include "ui/session/UnlockDialog.h"

namespace wb::ui::test {
namespace {

/// A private message bus: `dbus-daemon --session --nofork --print-address`.
class PrivateBus
{
public:
    explicit PrivateBus(const std::filesystem::path& folder)
    {
        m_daemon.setProgram(QStringLiteral("dbus-daemon"));
        m_daemon.setArguments({QStringLiteral("--session"), QStringLiteral("--nofork"),
                               QStringLiteral("--print-address"),
                               QStringLiteral("--address=unix:dir=") + qpath(folder)});
        m_daemon.start();
        if (m_daemon.waitForStarted(10000) && m_daemon.waitForReadyRead(10000)) {
            address = QString::fromUtf8(m_daemon.readLine()).trimmed();
        }
    }
    ~PrivateBus()
    {
        for (const QString& name : m_names) {
            QDBusConnection::disconnectFromBus(name);
        }
        m_daemon.terminate();
        if (!m_daemon.waitForFinished(5000)) {
            m_daemon.kill();
            m_daemon.waitForFinished(5000);
        }
    }
    PrivateBus(const PrivateBus&) = delete;
    PrivateBus& operator=(const PrivateBus&) = delete;

    QDBusConnection connect(const QString& name)
    {
        m_names << name;
        return QDBusConnection::connectToBus(address, name);
    }

    QString address;

private:
    QProcess m_daemon;
    QStringList m_names;
};

QDBusMessage signal(const QString& path, const QString& interface, const QString& member, const QVariantList& args)
{
    QDBusMessage message = QDBusMessage::createSignal(path, interface, member);
    message.setArguments(args);
    return message;
}

class SystemLockWatcherTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        bus = std::make_unique<PrivateBus>(dir.path());
        ASSERT_FALSE(bus->address.isEmpty()) << "dbus-daemon did not start (Debian package dbus-daemon)";
        logind = bus->connect(QStringLiteral("wb-test-logind"));
        desktop = bus->connect(QStringLiteral("wb-test-desktop"));
        ASSERT_TRUE(logind.isConnected() && desktop.isConnected());
        // The fake logind owns logind's name, as the real one does on the system bus.
        ASSERT_TRUE(logind.registerService(QStringLiteral("org.freedesktop.login1")));
        // A probe that sees every signal arrive, so a "nothing happened" can be trusted.
        probe = std::make_unique<SystemLockWatcher>();
        probe->watch(bus->connect(QStringLiteral("wb-test-probe-system")),
                     bus->connect(QStringLiteral("wb-test-probe-session")), QStringLiteral("c7"));
        QObject::connect(probe.get(), &SystemLockWatcher::lockRequested, [this] { ++probeSeen; });
        settings = std::make_unique<AppSettings>(qpath(dir.path() / "settings.ini"));
    }

    void makeWindow()
    {
        window = std::make_unique<MainWindow>(catalogues(), *settings);
        window->setKdfParams(core::store::KdfParams::minimum());
        window->show();
        // The watcher's "system" and "session" buses: both the private one.
        window->systemLockWatcher()->watch(bus->connect(QStringLiteral("wb-test-system")),
                                           bus->connect(QStringLiteral("wb-test-session")), QStringLiteral("c7"));
    }

    void openFreshWorkspace()
    {
        if (UnlockDialog* unlock = window->unlockDialog()) {
            unlock->reject(); // the lock asked for the passphrase; a new workspace is attached instead
        }
        window->attachWorkspace(makeWorkspace(dir.path() / ("w" + std::to_string(++workspaces) + ".rwb")));
        ASSERT_FALSE(window->workspace()->isLocked());
    }

    /// Sends a signal and waits until the probe has seen it.
    void send(QDBusConnection& from, const QDBusMessage& message)
    {
        const int before = probeSeen;
        ASSERT_TRUE(from.send(message));
        ASSERT_TRUE(waitFor([&] { return probeSeen > before; }, 5000)) << "the probe never saw the signal";
        QTest::qWait(20);
    }

    QDBusMessage prepareForSleep(bool starting) const
    {
        return signal(QStringLiteral("/org/freedesktop/login1"), QStringLiteral("org.freedesktop.login1.Manager"),
                      QStringLiteral("PrepareForSleep"), {starting});
    }

    TempDir dir;
    std::unique_ptr<PrivateBus> bus;
    QDBusConnection logind{QStringLiteral("wb-none")};
    QDBusConnection desktop{QStringLiteral("wb-none")};
    std::unique_ptr<SystemLockWatcher> probe;
    int probeSeen = 0;
    std::unique_ptr<AppSettings> settings;
    std::unique_ptr<MainWindow> window;
    int workspaces = 0;
};

TEST_F(SystemLockWatcherTest, SuspendLocksAtOnce)
{
    makeWindow();
    EXPECT_TRUE(window->systemLockWatcher()->watchesSuspend());
    openFreshWorkspace();
    // Waking up (false) is not a reason to lock; the probe counts only "true", so send it plainly.
    ASSERT_TRUE(logind.send(prepareForSleep(false)));
    QTest::qWait(100);
    EXPECT_FALSE(window->workspace()->isLocked());
    send(logind, prepareForSleep(true));
    EXPECT_TRUE(window->workspace()->isLocked());
}

TEST_F(SystemLockWatcherTest, ScreenLockLocksAtOnce)
{
    makeWindow();
    EXPECT_TRUE(window->systemLockWatcher()->watchesScreenLock());
    // The freedesktop screen saver (KDE, Xfce…).
    openFreshWorkspace();
    send(desktop, signal(QStringLiteral("/org/freedesktop/ScreenSaver"), QStringLiteral("org.freedesktop.ScreenSaver"),
                         QStringLiteral("ActiveChanged"), {true}));
    EXPECT_TRUE(window->workspace()->isLocked());
    // GNOME's.
    openFreshWorkspace();
    send(desktop, signal(QStringLiteral("/org/gnome/ScreenSaver"), QStringLiteral("org.gnome.ScreenSaver"),
                         QStringLiteral("ActiveChanged"), {true}));
    EXPECT_TRUE(window->workspace()->isLocked());
    // logind's Lock for this session.
    openFreshWorkspace();
    send(logind, signal(SystemLockWatcher::sessionPath(QStringLiteral("c7")),
                        QStringLiteral("org.freedesktop.login1.Session"), QStringLiteral("Lock"), {}));
    EXPECT_TRUE(window->workspace()->isLocked());
}

TEST_F(SystemLockWatcherTest, TurnedOffInTheSettingsNothingLocks)
{
    settings->setLockOnSuspend(false);
    settings->setLockOnScreenLock(false);
    makeWindow();
    openFreshWorkspace();
    send(logind, prepareForSleep(true));
    send(desktop, signal(QStringLiteral("/org/freedesktop/ScreenSaver"), QStringLiteral("org.freedesktop.ScreenSaver"),
                         QStringLiteral("ActiveChanged"), {true}));
    send(logind, signal(SystemLockWatcher::sessionPath(QStringLiteral("c7")),
                        QStringLiteral("org.freedesktop.login1.Session"), QStringLiteral("Lock"), {}));
    EXPECT_FALSE(window->workspace()->isLocked());
    // Only suspend turned back on: suspend locks.
    window->systemLockWatcher()->setSuspendEnabled(true);
    send(logind, prepareForSleep(true));
    EXPECT_TRUE(window->workspace()->isLocked());
}

TEST(SystemLockWatcher, WithoutABusItWatchesNothingAndStillRuns)
{
    SystemLockWatcher watcher;
    watcher.watch(QDBusConnection(QStringLiteral("wb-none")), QDBusConnection(QStringLiteral("wb-none")),
                  QStringLiteral("2"));
    EXPECT_FALSE(watcher.watchesSuspend());
    EXPECT_FALSE(watcher.watchesScreenLock());
}

TEST(SystemLockWatcher, SessionPathsAreEscapedAsLogindDoes)
{
    EXPECT_EQ(SystemLockWatcher::sessionPath(QStringLiteral("2")),
              QStringLiteral("/org/freedesktop/login1/session/_32"));
    EXPECT_EQ(SystemLockWatcher::sessionPath(QStringLiteral("c7")),
              QStringLiteral("/org/freedesktop/login1/session/c7"));
    EXPECT_EQ(SystemLockWatcher::sessionPath(QStringLiteral("a-b")),
              QStringLiteral("/org/freedesktop/login1/session/a_2db"));
}

} // namespace
} // namespace wb::ui::test
