// SPDX-License-Identifier: GPL-3.0-or-later
// The supervisory review pack as printed: what awaits review with its justification, the deadlines, and what
// changed since the last review. Fictional data.
#include <gtest/gtest.h>

#include <string>

#include "core/Error.h"
#include "core/plan/InvestigationPlan.h"
#include "ui/reports/ReportPdfFixture.h"

using namespace wb;
using namespace wb::core;
using test::contains;
using wb::core::reports::ReportKind;
namespace rp = wb::ui::reports;

namespace {

using SupervisoryPackReportTest = test::ReportPdfFixture;

TEST_F(SupervisoryPackReportTest, printsWhatAwaitsReviewTheDeadlinesAndWhatChanged)
{
    plan::OwnEnquiry own;
    own.title = "Fictional: ask the victim's college for her attendance records";
    own.principle = "context-led";
    own.intrudes = true;
    own.lineOfEnquiry = "Fictional: the suspect says she was at college that day.";
    own.necessityProportionality = "Fictional: only the one day is asked for.";
    own.lessIntrusiveOptions = "Fictional: the victim was asked first and could not recall.";
    plan::addOwn(*ws, theCase.id, own, now);

    const auto pages = render(ReportKind::ReviewPack);
    ASSERT_FALSE(pages.empty());
    expectFurnitureOnEveryPage(pages, "OFFICIAL-SENSITIVE", Reference);
    std::string all;
    for (const auto& page : pages) {
        all += page;
    }
    EXPECT_TRUE(contains(all, "Supervisory review pack"));
    EXPECT_TRUE(contains(all, "The plan has not been reviewed yet"));
    EXPECT_TRUE(contains(all, "Lines of enquiry that intrude on the victim's private life (1)"));
    EXPECT_TRUE(contains(all, "Fictional: only the one day is asked for."));
    EXPECT_TRUE(contains(all, "Overdue ("));
    EXPECT_TRUE(contains(all, "Due within 7 days ("));
    EXPECT_TRUE(contains(all, "Decisions made (4)"));
    EXPECT_TRUE(contains(all, "Fictional: arrest the suspect on Tuesday instead."));
}

TEST_F(SupervisoryPackReportTest, withoutTheDeadlineRulesThePackIsRefusedByName)
{
    try {
        rp::ReportBuilder::build(*ws, {enquiryCatalogue, questionCatalogue}, ReportKind::ReviewPack, theCase.id,
                                 options, now);
        FAIL() << "a pack was built without the deadline rules";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::ReferenceData);
        EXPECT_EQ(e.field(), "deadlines");
    }
}

} // namespace
