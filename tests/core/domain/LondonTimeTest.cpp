// SPDX-License-Identifier: GPL-3.0-or-later
// Europe/London from the system time-zone database, checked at every UK clock change 2020-2030.
#include <gtest/gtest.h>

#include <chrono>
#include <vector>

#include <date/tz.h>

#include "core/deadlines/Calendar.h"
#include "core/domain/LondonTime.h"

using namespace std::chrono;
namespace core = wb::core;
namespace london = wb::core::london;

namespace {

/// Every change of Europe/London's offset from 2020 to 2030, read from the tz database itself.
std::vector<core::Instant> transitions()
{
    const auto* zone = date::locate_zone("Europe/London");
    std::vector<core::Instant> out;
    date::sys_seconds at{sys_days{year{2020} / January / 1}.time_since_epoch()};
    const date::sys_seconds end{sys_days{year{2031} / January / 1}.time_since_epoch()};
    while (at < end) {
        const auto info = zone->get_info(at);
        if (info.end >= end) {
            break;
        }
        out.emplace_back(info.end.time_since_epoch());
        at = info.end;
    }
    return out;
}

core::Instant lastSundayAt0100Utc(year y, month m)
{
    return core::Instant{sys_days{year_month_weekday_last{y, m, weekday_last{Sunday}}}} + hours(1);
}

} // namespace

TEST(LondonTimeTest, theDatabaseChangesTheClocksAtOneUtcOnTheLastSundaysOfMarchAndOctober)
{
    const auto changes = transitions();
    ASSERT_EQ(changes.size(), 22u); // two a year, 2020 to 2030
    for (std::size_t i = 0; i < changes.size(); ++i) {
        const year y{2020 + static_cast<int>(i / 2)};
        EXPECT_EQ(changes[i], lastSundayAt0100Utc(y, i % 2 == 0 ? March : October)) << "change " << i;
    }
}

TEST(LondonTimeTest, offsetAndWallClockEitherSideOfEveryChange)
{
    for (const core::Instant change : transitions()) {
        const bool spring = year_month_day{floor<days>(change)}.month() == March;
        const auto before = change - seconds(1);
        EXPECT_EQ(london::offset(before), spring ? seconds(0) : hours(1)) << core::toIsoUtc(change);
        EXPECT_EQ(london::offset(change), spring ? hours(1) : seconds(0)) << core::toIsoUtc(change);
        // The deadline calendar reads the same implementation.
        EXPECT_EQ(core::deadlines::Calendar::londonOffset(before), london::offset(before));
        EXPECT_EQ(core::deadlines::Calendar::londonOffset(change), london::offset(change));

        const auto wallBefore = london::toLondon(before);
        const auto wallAfter = london::toLondon(change);
        const year_month_day day{floor<days>(change)};
        EXPECT_EQ(wallBefore.date, day);
        EXPECT_EQ(wallAfter.date, day);
        // Spring: 00:59:59 GMT, then 02:00:00 BST. Autumn: 01:59:59 BST, then 01:00:00 GMT.
        EXPECT_EQ(wallBefore.timeOfDay, spring ? hours(1) - seconds(1) : hours(2) - seconds(1));
        EXPECT_EQ(wallAfter.timeOfDay, spring ? hours(2) : hours(1));
        EXPECT_EQ(wallBefore.summerTime, !spring);
        EXPECT_EQ(wallAfter.summerTime, spring);
    }
}

TEST(LondonTimeTest, theMissingHourIsReadWithTheOffsetBeforeTheChange)
{
    for (const core::Instant change : transitions()) {
        const year_month_day day{floor<days>(change)};
        if (day.month() != March) {
            continue;
        }
        // 01:30 on the spring day does not exist: read as GMT, it is 01:30 UTC, shown as 02:30 BST.
        const core::Instant missing = london::fromLondon(day, hours(1) + minutes(30));
        EXPECT_EQ(missing, change + minutes(30)) << core::toIsoUtc(change);
        EXPECT_EQ(london::toLondon(missing).timeOfDay, hours(2) + minutes(30));
        EXPECT_EQ(london::fromLondon(day, hours(2)), change);
        EXPECT_EQ(london::fromLondon(day, hours(1) - seconds(1)), change - seconds(1));
        EXPECT_EQ(london::midnight(day), core::Instant{sys_days{day}});
    }
}

TEST(LondonTimeTest, theRepeatedHourIsTheFirstOfItsTwoReadings)
{
    for (const core::Instant change : transitions()) {
        const year_month_day day{floor<days>(change)};
        if (day.month() != October) {
            continue;
        }
        // 01:30 on the autumn day is shown twice: at 00:30 UTC (BST) and at 01:30 UTC (GMT).
        EXPECT_EQ(london::toLondon(change - minutes(30)).timeOfDay, hours(1) + minutes(30));
        EXPECT_EQ(london::toLondon(change + minutes(30)).timeOfDay, hours(1) + minutes(30));
        EXPECT_EQ(london::fromLondon(day, hours(1) + minutes(30)), change - minutes(30)) << core::toIsoUtc(change);
        EXPECT_EQ(london::fromLondon(day, hours(2)), change + hours(1));
        // Midnight that day is still BST: 23:00 UTC the day before.
        EXPECT_EQ(london::midnight(day), core::Instant{sys_days{day}} - hours(1));
        EXPECT_EQ(core::deadlines::Calendar::endOfLondonDay(day), core::Instant{sys_days{day}} + days(1) - seconds(1));
    }
}
