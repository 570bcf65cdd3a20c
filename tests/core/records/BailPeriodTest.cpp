// SPDX-License-Identifier: GPL-3.0-or-later
#include <gtest/gtest.h>

#include "core/records/BailPeriod.h"

namespace wb::core::bail {
namespace {

TEST(BailPeriod, StartsTheDayAfterTheArrest)
{
    EXPECT_EQ(bailStartDate("2026-04-30"), "2026-05-01");
    EXPECT_EQ(bailStartDate("2026-12-31"), "2027-01-01");
    EXPECT_EQ(bailStartDate("2028-02-28"), "2028-02-29");
    EXPECT_EQ(bailStartDate("2026-02-30"), std::nullopt);
    EXPECT_EQ(bailStartDate("30/04/2026"), std::nullopt);
    EXPECT_EQ(bailStartDate(""), std::nullopt);
}

TEST(BailPeriod, ThreeMonthsBeginningWithTheBailStartDate)
{
    // nom-brief 0a's examples (PACE s.47ZB(1)(b), (4)(a)).
    EXPECT_EQ(initialBailEnd("2026-04-30"), "2026-07-31");
    EXPECT_EQ(initialBailEnd("2026-01-31"), "2026-04-30");
    // The count from the release date was a day late when released the day after arrest.
    EXPECT_EQ(initialBailEnd("2026-06-01"), "2026-09-01");
    // No corresponding date: the period ends with that month.
    EXPECT_EQ(initialBailEnd("2025-11-29"), "2026-02-28");
    EXPECT_EQ(initialBailEnd("2027-11-29"), "2028-02-29");
    EXPECT_EQ(initialBailEnd("2025-11-30"), "2026-02-28"); // bail start 1 December
    EXPECT_EQ(initialBailEnd("not a date"), std::nullopt);
    EXPECT_EQ(endOfMonthsBeginningWith("2026-05-01", 6), "2026-10-31");
    EXPECT_EQ(endOfMonthsBeginningWith("2026-05-01", 12), "2027-04-30");
}

TEST(BailPeriod, DaysAwaitingACpsDecisionAreLeftOut)
{
    // No pause: the end stands.
    auto p = applyPauses("2026-04-30", "2026-07-31", {});
    EXPECT_EQ(p.startDate, "2026-05-01");
    EXPECT_EQ(p.end, "2026-07-31");
    EXPECT_EQ(p.disregardedDays, 0);
    EXPECT_FALSE(p.pausedSince);
    // 10 days (1 to 10 June inclusive) move the end 10 days later.
    p = applyPauses("2026-04-30", "2026-07-31", {{"2026-06-01", "2026-06-10"}});
    EXPECT_EQ(p.disregardedDays, 10);
    EXPECT_EQ(p.end, "2026-08-10");
    // Overlapping entries count each day once.
    p = applyPauses("2026-04-30", "2026-07-31", {{"2026-06-05", "2026-06-12"}, {"2026-06-01", "2026-06-10"}});
    EXPECT_EQ(p.disregardedDays, 12);
    EXPECT_EQ(p.end, "2026-08-12");
    // A pause that began after the period had ended changes nothing.
    p = applyPauses("2026-04-30", "2026-07-31", {{"2026-08-01", "2026-08-05"}});
    EXPECT_EQ(p.disregardedDays, 0);
    EXPECT_EQ(p.end, "2026-07-31");
    // A pause that began within a period already moved later counts too.
    p = applyPauses("2026-04-30", "2026-07-31", {{"2026-07-25", "2026-08-03"}, {"2026-08-05", "2026-08-06"}});
    EXPECT_EQ(p.disregardedDays, 12);
    EXPECT_EQ(p.end, "2026-08-12");
    // Not yet ended: the clock is paused and there is no end.
    p = applyPauses("2026-04-30", "2026-07-31", {{"2026-06-01", "2026-06-10"}, {"2026-07-01", ""}});
    EXPECT_EQ(p.pausedSince, "2026-07-01");
    EXPECT_TRUE(p.end.empty());
    EXPECT_EQ(p.disregardedDays, 10);
}

TEST(BailPeriod, CountsDaysBothIncluded)
{
    EXPECT_EQ(daysInclusive("2026-06-01", "2026-06-01"), 1);
    EXPECT_EQ(daysInclusive("2026-06-01", "2026-06-30"), 30);
    EXPECT_EQ(daysInclusive("2026-06-02", "2026-06-01"), 0);
    EXPECT_EQ(daysInclusive("x", "2026-06-01"), 0);
    EXPECT_EQ(addDays("2026-12-31", 1), "2027-01-01");
    EXPECT_EQ(addDays("bad", 1), "");
}

} // namespace
} // namespace wb::core::bail
