// SPDX-License-Identifier: GPL-3.0-or-later
// The case summary report's data: the case, its people, its records by type and its plan in numbers.
#include <gtest/gtest.h>

#include <algorithm>

#include "core/Error.h"
#include "core/reports/CaseSummary.h"
#include "core/reports/ReportCaseFixture.h"
#include "core/reports/ReportKind.h"

using namespace wb;
using namespace wb::core;

namespace {

class CaseSummaryTest : public test::ReportCaseFixture
{
};

TEST_F(CaseSummaryTest, holdsTheCasePeopleRecordCountsAndPlanCounts)
{
    const auto view = planView();
    const auto summary = reports::caseSummary(*ws, theCase.id, view, now);
    EXPECT_EQ(summary.theCase.reference, Reference);
    ASSERT_EQ(summary.people.size(), 3U);
    EXPECT_EQ(summary.people[0].role, PersonRole::Victim);
    const auto decisions = std::find_if(summary.records.begin(), summary.records.end(),
                                        [](const auto& r) { return r.type == recordtype::kDecision; });
    ASSERT_NE(decisions, summary.records.end());
    EXPECT_EQ(decisions->count, 4U);
    const auto exhibits = std::find_if(summary.records.begin(), summary.records.end(),
                                       [](const auto& r) { return r.type == recordtype::kExhibit; });
    EXPECT_EQ(exhibits, summary.records.end()); // none recorded: not listed
    EXPECT_EQ(summary.plan.accepted, 1U);
    EXPECT_EQ(summary.plan.declined, 1U);
    EXPECT_EQ(summary.plan.ownEnquiries, 0U);
    EXPECT_EQ(summary.plan.proposedOpen + 2U, view.proposals.size());
}

TEST_F(CaseSummaryTest, findsACaseByItsReferenceOrSaysNotFound)
{
    EXPECT_EQ(reports::caseByReference(*ws, Reference).id, theCase.id);
    try {
        reports::caseByReference(*ws, "FICT/NONE/26");
        FAIL() << "an unknown reference was found";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::NotFound);
        EXPECT_EQ(e.field(), "case");
    }
}

TEST(ReportKindTest, namesRoundTrip)
{
    for (const auto kind : reports::allReportKinds()) {
        EXPECT_EQ(reports::reportKindFromString(reports::toString(kind)), kind);
    }
    EXPECT_EQ(reports::reportKindFromString("chronology"), reports::ReportKind::Chronology);
    EXPECT_EQ(reports::reportKindFromString("victim-letter"), reports::ReportKind::VictimLetter);
    EXPECT_EQ(reports::reportKindFromString("mg6c"), reports::ReportKind::DisclosureMG6C);
    EXPECT_EQ(reports::reportKindFromString("MG6C"), std::nullopt);
    EXPECT_EQ(reports::reportKindFromString("mg6f"), std::nullopt);
    EXPECT_FALSE(reports::isCaseReport(reports::ReportKind::Today));
    EXPECT_TRUE(reports::isCaseReport(reports::ReportKind::VictimLetter));
    EXPECT_EQ(reports::reportKindFromString("plan"), reports::ReportKind::InvestigationPlan);
}

} // namespace
