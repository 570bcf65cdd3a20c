// SPDX-License-Identifier: GPL-3.0-or-later
#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <optional>

#include <QPushButton>
#include <QTest>
#include <QTimer>

#include "support/ManualClock.h"
#include "support/UiTestSupport.h"
#include "ui/backup/BackupReminder.h"

using namespace wb;
using namespace wb::ui;
using wb::ui::test::fireTimer;

namespace {

BackupReminder::LastBackup never()
{
    return [] { return std::optional<core::Instant>(); };
}

QPushButton* laterButton(BackupReminder& reminder)
{
    return reminder.findChild<QPushButton*>(QStringLiteral("backupLaterButton"));
}

} // namespace

TEST(BackupReminderTest, LaterHidesTheReminderForTheRestOfTheDayEvenAcrossUnlocks)
{
    // 10:00 in London (BST) on 1 June.
    auto clock = std::make_shared<wb::test::ManualClock>(wb::test::ManualClock::at(2040, 6, 1, 9));
    BackupReminder reminder;
    reminder.show();
    reminder.start(never(), 7, clock, QStringLiteral("/cases/main.rwb"));
    ASSERT_TRUE(reminder.isVisible());

    ASSERT_NE(laterButton(reminder), nullptr);
    QTest::mouseClick(laterButton(reminder), Qt::LeftButton);
    EXPECT_FALSE(reminder.isVisible());
    EXPECT_TRUE(reminder.isSnoozed());

    // Lock and unlock later the same day: it used to come back at every unlock.
    reminder.stop();
    clock->advance(std::chrono::hours(12)); // 22:00 in London, still 1 June
    reminder.start(never(), 7, clock, QStringLiteral("/cases/main.rwb"));
    EXPECT_FALSE(reminder.isVisible()) << "Later means later today, not the next unlock";

    // The next day (London date), it is back: at the next unlock and at the daily check.
    reminder.stop();
    clock->advance(std::chrono::hours(3)); // 01:00 on 2 June in London
    reminder.start(never(), 7, clock, QStringLiteral("/cases/main.rwb"));
    EXPECT_TRUE(reminder.isVisible()) << "a new day: reminded again";
    EXPECT_FALSE(reminder.isSnoozed());
}

TEST(BackupReminderTest, TheDailyCheckRemindsAgainTheDayAfterLater)
{
    auto clock = std::make_shared<wb::test::ManualClock>(wb::test::ManualClock::at(2040, 1, 10, 8));
    BackupReminder reminder;
    reminder.show();
    reminder.start(never(), 7, clock, QStringLiteral("/cases/main.rwb"));
    QTest::mouseClick(laterButton(reminder), Qt::LeftButton);
    auto* daily = reminder.findChild<QTimer*>(QStringLiteral("backupReminderDailyTimer"));
    ASSERT_NE(daily, nullptr);
    fireTimer(daily); // a check the same day
    EXPECT_FALSE(reminder.isVisible());
    clock->advance(std::chrono::days(1));
    fireTimer(daily);
    EXPECT_TRUE(reminder.isVisible());
}

TEST(BackupReminderTest, LaterOnOneWorkspaceDoesNotHideTheReminderOfAnother)
{
    auto clock = std::make_shared<wb::test::ManualClock>(wb::test::ManualClock::at(2040, 6, 1, 9));
    BackupReminder reminder;
    reminder.show();
    reminder.start(never(), 7, clock, QStringLiteral("/cases/first.rwb"));
    QTest::mouseClick(laterButton(reminder), Qt::LeftButton);
    reminder.stop();
    reminder.start(never(), 7, clock, QStringLiteral("/cases/second.rwb"));
    EXPECT_TRUE(reminder.isVisible());
    reminder.stop();
    reminder.start(never(), 7, clock, QStringLiteral("/cases/first.rwb"));
    EXPECT_FALSE(reminder.isVisible());
}
