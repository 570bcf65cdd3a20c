// SPDX-License-Identifier: GPL-3.0-or-later
// DisplayText's calendar helpers: the UK date of an instant (Europe/London, from tzdata), and the conversions
// between core's dates and Qt's, used by the quick-contact row and the Victim tab.
#include <gtest/gtest.h>

#include <chrono>

#include "core/domain/Time.h"
#include "ui/text/DisplayText.h"

namespace wb::ui::test {
namespace {

using namespace std::chrono;

TEST(DisplayText, TheUkDateOfAnInstantFollowsLondonNotUtc)
{
    // 23:30 UTC on 30 June 2026 is 00:30 on 1 July in London (BST); in January London is on UTC.
    const core::Instant summerNight = sys_days{2026y / June / 30} + hours{23} + minutes{30};
    EXPECT_EQ(DisplayText::londonDate(summerNight), 2026y / July / 1);
    const core::Instant winterNight = sys_days{2026y / January / 30} + hours{23} + minutes{30};
    EXPECT_EQ(DisplayText::londonDate(winterNight), 2026y / January / 30);
}

TEST(DisplayText, CalendarDatesConvertBothWays)
{
    EXPECT_EQ(DisplayText::toQDate(2028y / February / 29), QDate(2028, 2, 29));
    EXPECT_EQ(DisplayText::toYmd(QDate(2026, 12, 31)), 2026y / December / 31);
    EXPECT_EQ(DisplayText::toYmd(DisplayText::toQDate(2026y / March / 29)), 2026y / March / 29);
}

} // namespace
} // namespace wb::ui::test
