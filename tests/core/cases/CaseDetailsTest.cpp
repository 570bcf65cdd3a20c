// SPDX-License-Identifier: GPL-3.0-or-later
// The case-details use cases (core::cases): creating a case, saving its overview and moving it along the
// investigator's journey. Fictional cases only.
#include <gtest/gtest.h>

#include "core/Error.h"
#include "core/cases/CaseDetails.h"
#include "core/journey/LoadCaseState.h"
#include "core/nom/JourneyChecklists.h"
#include "support/TestSupport.h"

using namespace wb;
using namespace wb::core;

namespace {

class CaseDetailsTest : public ::testing::Test
{
protected:
    test::TempDir dir;
    std::unique_ptr<Workspace> ws = test::createWorkspace(dir / "cases.rwb");

    template <typename F> static Error refusal(F&& call)
    {
        try {
            call();
        } catch (const Error& error) {
            return error;
        }
        ADD_FAILURE() << "expected a refusal";
        return Error(ErrorCode::Storage, "none");
    }
};

TEST_F(CaseDetailsTest, aCaseIsCreatedAndADuplicateReferenceIsRefused)
{
    const Case c = cases::create(*ws, test::caseDraft("FICT/CD/26"));
    EXPECT_GT(c.id, 0);
    const Error e = refusal([&] { cases::create(*ws, test::caseDraft("FICT/CD/26")); });
    EXPECT_EQ(e.code(), ErrorCode::Conflict);
    EXPECT_EQ(e.field(), "reference");
    EXPECT_EQ(ws->cases().count(), 1);
}

TEST_F(CaseDetailsTest, theOverviewIsSavedAndAFutureReportIsRefused)
{
    Case c = cases::create(*ws, test::caseDraft("FICT/CD/27"));
    c.operationName = "Operation Lanternfish";
    EXPECT_EQ(cases::updateOverview(*ws, c).operationName, std::optional<std::string>("Operation Lanternfish"));
    Case future = c;
    future.reportedAt = nowUtc() + std::chrono::hours(48);
    const Error e = refusal([&] { cases::updateOverview(*ws, future); });
    EXPECT_EQ(e.code(), ErrorCode::Validation);
    EXPECT_EQ(e.field(), "reportedAt");
    EXPECT_EQ(ws->cases().find(c.id)->reportedAt, c.reportedAt) << "nothing is written when refused";
}

// Issue 15: a new case was "Not recorded" on the journey; it starts at the first stage, unless it names its own.
TEST_F(CaseDetailsTest, aNewCaseStartsAtTheFirstJourneyStage)
{
    const auto& stages = ws->lists().list("journey-stages").items();
    ASSERT_GT(stages.size(), 2u);
    const Case c = cases::create(*ws, test::caseDraft("FICT/CD/29"));
    EXPECT_EQ(c.journeyStage, std::optional<std::string>(stages[0].code));
    EXPECT_EQ(ws->cases().find(c.id)->journeyStage, std::optional<std::string>(stages[0].code));

    CaseDraft later = test::caseDraft("FICT/CD/30");
    later.journeyStage = stages[2].code;
    EXPECT_EQ(cases::create(*ws, later).journeyStage, std::optional<std::string>(stages[2].code))
        << "a stage given (the demo's cases) is kept";
}

TEST_F(CaseDetailsTest, theJourneyMovesOneStageAtATimeAndStopsAtTheLast)
{
    // A case stored without a stage (as older workspaces and bundles hold them).
    const Case c = ws->cases().add(test::caseDraft("FICT/CD/28"));
    ASSERT_FALSE(c.journeyStage.has_value());
    const auto& stages = ws->lists().list("journey-stages").items();
    ASSERT_GT(stages.size(), 2u);

    auto move = cases::moveToNextStage(*ws, c.id, nullptr, nullptr);
    EXPECT_TRUE(move.moved);
    EXPECT_EQ(move.stageNumber, 1u) << "a case without a stage starts at the first";
    EXPECT_EQ(move.stageCode, stages[0].code);
    EXPECT_EQ(ws->cases().find(c.id)->journeyStage, std::optional<std::string>(stages[0].code));

    const auto questions = test::questions();
    const auto checklists = test::journeyChecklists();
    move = cases::moveToNextStage(*ws, c.id, questions.get(), checklists.get());
    EXPECT_EQ(move.stageNumber, 2u);
    EXPECT_EQ(move.stageLabel, stages[1].label);
    const auto state = nom::loadCaseState(*ws, c.id, *questions, *checklists);
    EXPECT_EQ(move.stillOutstanding, checklists->outstanding(stages[0].code, state).size())
        << "the previous stage's outstanding items are counted";

    Case last = *ws->cases().find(c.id);
    last.journeyStage = stages.back().code;
    ws->cases().update(last);
    move = cases::moveToNextStage(*ws, c.id, nullptr, nullptr);
    EXPECT_FALSE(move.moved);
    EXPECT_EQ(ws->cases().find(c.id)->journeyStage, std::optional<std::string>(stages.back().code));

    EXPECT_EQ(refusal([&] { cases::moveToNextStage(*ws, c.id + 100, nullptr, nullptr); }).code(), ErrorCode::NotFound);
}

} // namespace
