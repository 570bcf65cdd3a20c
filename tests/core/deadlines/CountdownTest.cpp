// SPDX-License-Identifier: GPL-3.0-or-later
// The one count of time to a closing instant shared by the Plan tab and Today (issue 14): hours under two days.
#include <gtest/gtest.h>

#include "core/deadlines/Countdown.h"

namespace wb::core::deadlines {
namespace {

using namespace std::chrono;

Instant at(const char* iso)
{
    return parseIsoUtc(iso).value();
}

TEST(CountdownTest, underTwoDaysCountsInHours)
{
    const Instant now = at("2026-06-02T08:00:00Z");
    // The case: 1 day 14 hours is "38 hours", never "1 day" or "2 days".
    EXPECT_EQ(countdown(now + hours(38) + minutes(20), now), (Countdown{false, 0, 38, 0}));
    EXPECT_EQ(countdown(now + hours(47) + minutes(59), now), (Countdown{false, 0, 47, 0}));
    EXPECT_EQ(countdown(now + hours(1), now), (Countdown{false, 0, 1, 0}));
}

TEST(CountdownTest, twoDaysOrMoreCountsInDaysAndHours)
{
    const Instant now = at("2026-06-02T08:00:00Z");
    EXPECT_EQ(countdown(now + hours(48), now), (Countdown{false, 2, 0, 0}));
    EXPECT_EQ(countdown(now + hours(24 * 5 + 4) + minutes(59), now), (Countdown{false, 5, 4, 0}));
}

TEST(CountdownTest, lastHourCountsInMinutesAndThePastIsMarked)
{
    const Instant now = at("2026-06-02T08:00:00Z");
    EXPECT_EQ(countdown(now + minutes(35) + seconds(59), now), (Countdown{false, 0, 0, 35}));
    EXPECT_EQ(countdown(now + seconds(30), now), (Countdown{false, 0, 0, 0}));
    EXPECT_EQ(countdown(now, now), (Countdown{false, 0, 0, 0}));
    EXPECT_EQ(countdown(now - hours(3), now), (Countdown{true, 0, 3, 0}));
    EXPECT_EQ(countdown(now - hours(72), now), (Countdown{true, 3, 0, 0}));
}

} // namespace
} // namespace wb::core::deadlines
