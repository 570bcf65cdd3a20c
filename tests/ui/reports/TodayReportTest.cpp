// SPDX-License-Identifier: GPL-3.0-or-later
// The Today list on paper: every open case's items, grouped as overdue, then by UK day. Fictional data.
#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "core/plan/InvestigationPlan.h"
#include "support/ManualClock.h"
#include "ui/reports/ReportPdfFixture.h"
#include "ui/reports/TodayReport.h"

using namespace wb;
using namespace wb::core;
using test::contains;
using wb::core::reports::ReportKind;
namespace rp = wb::ui::reports;

namespace {

using TodayReportTest = test::ReportPdfFixture;

TEST_F(TodayReportTest, printsEveryOpenCasesItemsUnderAllOpenCasesWithTheOverdueFirst)
{
    plan::OwnEnquiry own;
    own.title = "Fictional: collect the door-to-door questionnaires";
    own.dueOn = plan::londonDate(now - std::chrono::days(3));
    plan::addOwn(*ws, theCase.id, own, now);
    const auto other = ws->cases().add(test::caseDraft("FICT/RP/28"));
    own.title = "Fictional: chase the CCTV request";
    own.dueOn = plan::londonDate(now + std::chrono::days(2));
    plan::addOwn(*ws, other.id, own, now);

    const auto pages = render(ReportKind::Today, *ws, 0);
    ASSERT_FALSE(pages.empty());
    std::string all;
    for (std::size_t i = 0; i < pages.size(); ++i) {
        all += pages[i];
        EXPECT_TRUE(contains(pages[i], "All open cases")) << "in place of one crime reference, on every page";
        EXPECT_TRUE(contains(pages[i], "Page " + std::to_string(i + 1) + " of " + std::to_string(pages.size())));
    }
    EXPECT_TRUE(contains(all, "Every open case, as at"));
    const auto overdue = all.find("Overdue (");
    ASSERT_NE(overdue, std::string::npos) << all;
    EXPECT_TRUE(contains(all, Reference));
    EXPECT_TRUE(contains(all, "FICT/RP/28"));
    EXPECT_LT(overdue, all.find("FICT/RP/28")) << "the overdue group comes first";
}

TEST(TodayReportGroupTest, groupsByTheDayDueInTheUk)
{
    using deadlines::DueItem;
    using deadlines::DueState;
    // 23:30 UTC on 28 June 2026 is 00:30 on 29 June in London (BST): "today" is the 29th.
    const Instant now = test::ManualClock::at(2026, 6, 28, 23, 30);
    DueItem item;
    item.state = DueState::Overdue;
    EXPECT_EQ(ui::reports::TodayReport::group(item, now), QStringLiteral("Overdue"));
    item.state = DueState::DueToday;
    item.due = test::ManualClock::at(2026, 6, 29, 16, 0);
    EXPECT_EQ(ui::reports::TodayReport::group(item, now), QStringLiteral("Today, Monday 29/06/2026"));
    item.state = DueState::Upcoming;
    item.due = test::ManualClock::at(2026, 6, 30, 22, 59); // 23:59 on the 30th in London
    EXPECT_EQ(ui::reports::TodayReport::group(item, now), QStringLiteral("Tomorrow, Tuesday 30/06/2026"));
    item.due = test::ManualClock::at(2026, 6, 30, 23, 30); // already 1 July in London
    EXPECT_EQ(ui::reports::TodayReport::group(item, now), QStringLiteral("Wednesday 01/07/2026"));
}

} // namespace
