// SPDX-License-Identifier: GPL-3.0-or-later
// The decision log as reports print it: every entry in the order made, corrections linked both ways.
#include <gtest/gtest.h>

#include "core/reports/DecisionLog.h"
#include "core/reports/ReportCaseFixture.h"

using namespace wb;
using namespace wb::core;

namespace {

class DecisionLogTest : public test::ReportCaseFixture
{
};

TEST_F(DecisionLogTest, everyDecisionInTheOrderMadeWithSupersededEntriesKept)
{
    const auto log = reports::decisionLog(*ws, theCase.id);
    ASSERT_EQ(log.size(), 4U); // three recorded, and the decline of DF-001 (made now)
    EXPECT_EQ(log[0].record.id, firstDecision.id);
    EXPECT_EQ(log[1].record.id, correction.id); // made on the 6th, recorded after the 7th's
    EXPECT_EQ(log[2].record.id, laterDecision.id);
    EXPECT_NE(log[3].record.get("decision").find("DF-001"), std::string::npos);
    for (std::size_t i = 0; i < log.size(); ++i) {
        EXPECT_EQ(log[i].number, i + 1);
    }
}

TEST_F(DecisionLogTest, aCorrectedEntryIsSupersededByItsCorrection)
{
    const auto log = reports::decisionLog(*ws, theCase.id);
    ASSERT_EQ(log.size(), 4U);
    EXPECT_TRUE(log[0].superseded());
    EXPECT_EQ(log[0].supersededBy, 2U);
    EXPECT_EQ(log[1].supersedes, 1U);
    EXPECT_FALSE(log[1].superseded());
    EXPECT_FALSE(log[2].superseded());
    EXPECT_FALSE(log[2].supersedes.has_value());
}

TEST_F(DecisionLogTest, anotherCasesDecisionsAreNotIncluded)
{
    const auto other = ws->cases().add(test::caseDraft("FICT/RP2/26"));
    ws->records().add(recordSpec(recordtype::kDecision), other.id,
                      {{"decided_at", "2026-01-01T09:00:00Z"},
                       {"decision", "Fictional: other case."},
                       {"rationale", "Fictional."},
                       {"decided_by", "DC Fictional"}});
    EXPECT_EQ(reports::decisionLog(*ws, theCase.id).size(), 4U);
    EXPECT_EQ(reports::decisionLog(*ws, other.id).size(), 1U);
}

} // namespace
