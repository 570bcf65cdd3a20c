// SPDX-License-Identifier: GPL-3.0-or-later
// Scenario time (issue 17): a training workspace runs on the exercise's clock, kept across unlocks, moved on by the
// trainer; deadlines count on it as in a real case, across the change to British Summer Time. Live workspaces never.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>

#include "core/Error.h"
#include "core/Workspace.h"
#include "core/deadlines/DeadlineService.h"
#include "core/domain/ScenarioClock.h"
#include "core/records/RecordSpec.h"
#include "support/ManualClock.h"
#include "support/TestSupport.h"

using namespace wb;
using namespace wb::core;
using namespace std::chrono_literals;
namespace fs = std::filesystem;

namespace {

Instant at(const char* iso)
{
    return parseIsoUtc(iso).value();
}

class WorkspaceScenarioTimeTest : public ::testing::Test
{
protected:
    test::TempDir dir;
    fs::path file = dir / "training.rwb";
    std::shared_ptr<test::ManualClock> real = std::make_shared<test::ManualClock>(at("2026-12-07T10:00:00Z"));
    std::unique_ptr<Workspace> ws = create(true);

    std::unique_ptr<Workspace> create(bool training)
    {
        auto options = test::fastOptions();
        options.training = training;
        options.clock = real;
        return Workspace::create(file, Workspace::deriveForCreate(test::Passphrase, options.kdf), options,
                                 test::offences(), test::lists());
    }

    static ErrorCode refusal(const std::function<void()>& f, std::string* field = nullptr)
    {
        try {
            f();
        } catch (const Error& e) {
            if (field != nullptr) {
                *field = e.field();
            }
            return e.code();
        }
        ADD_FAILURE() << "not refused";
        return ErrorCode::Storage;
    }
};

TEST(ScenarioClockTest, runsWithRealTimeAtTheDistanceSetAndMovesOnAtomically)
{
    auto real = std::make_shared<test::ManualClock>(at("2026-12-07T10:00:00Z"));
    ScenarioClock clock(ScenarioClock::offsetFor(at("2026-03-28T12:00:00Z"), real->now()), real);
    EXPECT_EQ(clock.now(), at("2026-03-28T12:00:00Z"));
    real->advance(90min);
    EXPECT_EQ(clock.now(), at("2026-03-28T13:30:00Z"));
    clock.advance(24h);
    EXPECT_EQ(clock.now(), at("2026-03-29T13:30:00Z"));
}

TEST_F(WorkspaceScenarioTimeTest, aTrainingWorkspaceRunsOnScenarioTimeKeptAcrossAnUnlock)
{
    EXPECT_FALSE(ws->onScenarioTime());
    EXPECT_EQ(ws->clock().now(), real->now());
    ws->setScenarioTime(at("2026-03-28T12:00:00Z"));
    EXPECT_TRUE(ws->onScenarioTime());
    EXPECT_EQ(ws->clock().now(), at("2026-03-28T12:00:00Z"));
    real->advance(1h); // the exercise runs with real time
    EXPECT_EQ(ws->clock().now(), at("2026-03-28T13:00:00Z"));
    EXPECT_EQ(ws->advanceScenarioTime(24h), at("2026-03-29T13:00:00Z"));
    EXPECT_EQ(ws->sharedClock()->now(), at("2026-03-29T13:00:00Z")) << "what a GUI timer reads";

    // Saved and audited: a record written now carries scenario time.
    auto draft = test::caseDraft("FICT/SC/26");
    draft.reportedAt = at("2026-03-29T12:00:00Z"); // "not in the future" is scenario time's future too
    const auto c = ws->cases().add(draft);
    EXPECT_EQ(c.createdAt, at("2026-03-29T13:00:00Z"));

    // Locked and unlocked (the same file, another session): still on scenario time.
    ws->lock();
    ws->unlock(Workspace::deriveForOpen(file, test::Passphrase));
    EXPECT_TRUE(ws->onScenarioTime());
    EXPECT_EQ(ws->clock().now(), at("2026-03-29T13:00:00Z"));
    EXPECT_TRUE(ws->verifyAudit().ok());
}

TEST_F(WorkspaceScenarioTimeTest, aLiveWorkspaceAlwaysRunsOnRealTimeAndStepsAreBounded)
{
    std::string field;
    EXPECT_EQ(refusal([&] { ws->advanceScenarioTime(1h); }, &field), ErrorCode::Validation);
    EXPECT_EQ(field, "scenarioTime") << "no scenario time yet";
    ws->setScenarioTime(at("2026-03-28T12:00:00Z"));
    EXPECT_EQ(refusal([&] { ws->advanceScenarioTime(30s); }, &field), ErrorCode::Validation);
    EXPECT_EQ(refusal([&] { ws->advanceScenarioTime(std::chrono::hours(24 * 32)); }), ErrorCode::Validation);
    EXPECT_EQ(refusal([&] { ws->advanceScenarioTime(-1h); }), ErrorCode::Validation);
    EXPECT_EQ(ws->clock().now(), at("2026-03-28T12:00:00Z")) << "a refused step moves nothing";

    ws.reset();
    fs::remove(file);
    ws = create(false);
    EXPECT_EQ(refusal([&] { ws->setScenarioTime(at("2026-03-28T12:00:00Z")); }, &field), ErrorCode::Validation);
    EXPECT_EQ(field, "training");
    EXPECT_FALSE(ws->onScenarioTime());
    EXPECT_EQ(ws->clock().now(), real->now());
}

// An arrest on the evening of Saturday 28 March 2026; the clocks go forward at 01:00 UTC on Sunday 29 March. Under
// enhanced rights the victim must be told within 1 working day: by the end of Monday 30 March in London, which is
// 22:59:59 UTC (BST). The exercise moves on by a day at a time and the Right 6 item follows scenario time.
TEST_F(WorkspaceScenarioTimeTest, deadlinesCountOnScenarioTimeAcrossTheChangeToSummerTime)
{
    ws->setScenarioTime(at("2026-03-28T19:00:00Z"));
    auto draft = test::caseDraft("FICT/SC/26");
    draft.reportedAt = at("2026-03-28T18:00:00Z");
    const auto theCase = ws->cases().add(draft);
    PersonDraft victim;
    victim.caseId = theCase.id;
    victim.role = PersonRole::Victim;
    victim.givenName = "Fictional";
    victim.familyName = "Victim";
    ws->people().add(victim);
    ws->records().add(recordSpec("case_event"), theCase.id,
                      {{"kind", "arrest"}, {"occurred_at", toIsoUtc(ws->clock().now())}});

    const auto service =
        deadlines::DeadlineService::load(fs::path(WB_RESOURCES_DIR) / "nom" / "deadline-rules.json",
                                         fs::path(WB_RESOURCES_DIR) / "reference" / "bank-holidays-england-wales.json",
                                         test::enquiries(), test::questions());
    const auto right6 = [&] {
        for (const auto& item : service.forCase(*ws, theCase.id, ws->clock().now())) {
            if (item.ruleId == "right6-arrest") {
                return item;
            }
        }
        ADD_FAILURE() << "no Right 6 item for the arrest";
        return deadlines::DueItem{};
    };
    EXPECT_EQ(right6().due, at("2026-03-30T22:59:59Z")) << "the end of Monday in London, in BST";
    EXPECT_EQ(right6().state, deadlines::DueState::Upcoming);
    ws->advanceScenarioTime(24h); // Sunday 29 March, 20:00 BST
    EXPECT_EQ(right6().state, deadlines::DueState::Upcoming);
    ws->advanceScenarioTime(24h); // Monday 30 March, 20:00 BST
    EXPECT_EQ(right6().state, deadlines::DueState::DueToday);
    ws->advanceScenarioTime(4h); // 00:00 BST on Tuesday: the day is over
    EXPECT_EQ(right6().state, deadlines::DueState::Overdue);
}

} // namespace
