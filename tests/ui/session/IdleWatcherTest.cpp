// SPDX-License-Identifier: GPL-3.0-or-later
// The idle lock on the workspace's clock: the test moves "now" on and fires the check timer.
#include <gtest/gtest.h>

#include <chrono>
#include <memory>

#include <QSignalSpy>
#include <QTest>
#include <QTimer>
#include <QWidget>

#include "support/ManualClock.h"
#include "support/UiTestSupport.h"
#include "ui/session/IdleWatcher.h"

namespace wb::ui::test {
namespace {

using namespace std::chrono_literals;

TEST(IdleWatcher, FiresAfterTheTimeoutOnItsClockAndActivityPostponesIt)
{
    auto clock = std::make_shared<wb::test::ManualClock>(wb::test::ManualClock::at(2026, 5, 23, 9));
    IdleWatcher watcher;
    QSignalSpy idle(&watcher, &IdleWatcher::idle);
    watcher.setTimeout(10min);
    watcher.start(clock);
    auto* check = watcher.findChild<QTimer*>(QStringLiteral("idleCheckTimer"));
    ASSERT_NE(check, nullptr);
    EXPECT_TRUE(check->isActive());
    EXPECT_EQ(check->interval(), 5000) << "checked every 5 s at most";

    QWidget target;
    clock->advance(9min);
    fireTimer(check);
    EXPECT_EQ(idle.count(), 0) << "nine minutes without activity is not yet idle";
    QTest::keyClick(&target, Qt::Key_Shift); // activity: counting starts again
    clock->advance(9min);
    fireTimer(check);
    EXPECT_EQ(idle.count(), 0) << "activity postponed the lock";
    QTest::keyClick(&target, Qt::Key_Control);
    clock->advance(9min + 59s);
    fireTimer(check);
    EXPECT_EQ(idle.count(), 0);
    clock->advance(1s);
    fireTimer(check);
    EXPECT_EQ(idle.count(), 1) << "ten minutes without activity";
    EXPECT_FALSE(watcher.isActive()) << "fires once, then waits for start()";
}

TEST(IdleWatcher, WithoutAClockReadsTheSystemClock)
{
    IdleWatcher watcher;
    QSignalSpy idle(&watcher, &IdleWatcher::idle);
    watcher.setTimeout(10min);
    watcher.start();
    fireTimer(watcher.findChild<QTimer*>(QStringLiteral("idleCheckTimer")));
    EXPECT_EQ(idle.count(), 0) << "the system clock has not moved on ten minutes";
    EXPECT_TRUE(watcher.isActive());
}

} // namespace
} // namespace wb::ui::test
