// SPDX-License-Identifier: GPL-3.0-or-later
// Match decisions as stored (core/repo/MatchDecisionRepository, schema 15): a pair in one order, every decision a
// new row audited like every write, the latest current, refusals writing nothing. The who-may-be-paired rules are
// the use cases' (tests/core/suspects/DecisionsTest). Fictional data only.
#include <gtest/gtest.h>

#include "core/Error.h"
#include "core/audit/AuditLog.h"
#include "core/domain/Uuid.h"
#include "core/store/Database.h"
#include "support/ManualClock.h"
#include "support/TestSupport.h"

using namespace wb;
using namespace wb::core;

namespace {

class MatchDecisionRepositoryTest : public ::testing::Test
{
protected:
    test::TempDir dir;
    std::unique_ptr<Workspace> ws = test::createWorkspace(dir / "decisions.rwb");
    std::shared_ptr<test::ManualClock> clock =
        std::make_shared<test::ManualClock>(test::ManualClock::at(2026, 11, 2, 9, 30));
    // Two uuids in a known order: "small" sorts before "large".
    std::string small = "10000000-0000-4000-8000-000000000001";
    std::string large = "20000000-0000-4000-8000-000000000002";
    std::string third = "30000000-0000-4000-8000-000000000003";

    void SetUp() override { ws->setClock(clock); }

    MatchDecisionDraft draft(const std::string& a, const std::string& b, MatchVerdict verdict)
    {
        MatchDecisionDraft d;
        d.personA = a;
        d.personB = b;
        d.verdict = verdict;
        d.rationale = "Fictional rationale: same phone, different dates of birth";
        d.fingerprintA = "1:fingerprint-of-" + a.substr(0, 1);
        d.fingerprintB = "1:fingerprint-of-" + b.substr(0, 1);
        return d;
    }

    std::int64_t rows() { return ws->connectionForImport().queryInt("SELECT count(*) FROM match_decisions"); }

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

TEST_F(MatchDecisionRepositoryTest, aDecisionIsStoredInThePairsOrderWithItsFingerprints)
{
    auto& repo = ws->matchDecisions();
    const MatchDecision d = repo.record(draft(large, small, MatchVerdict::Different));
    EXPECT_GT(d.id, 0);
    EXPECT_TRUE(isUuid(d.uuid));
    EXPECT_EQ(d.pair.first, small);
    EXPECT_EQ(d.pair.second, large);
    EXPECT_EQ(d.fingerprintFirst, "1:fingerprint-of-1") << "each fingerprint stays with its person";
    EXPECT_EQ(d.fingerprintSecond, "1:fingerprint-of-2");
    EXPECT_EQ(d.fingerprintOf(small), "1:fingerprint-of-1");
    EXPECT_EQ(d.fingerprintOf(large), "1:fingerprint-of-2");
    EXPECT_EQ(d.fingerprintOf(third), "");
    EXPECT_EQ(d.verdict, MatchVerdict::Different);
    EXPECT_EQ(d.decidedAt, clock->now());
    EXPECT_EQ(d.decidedBy, "DC Fictional Tester (T0001)");

    const auto stored = repo.current(PersonPair::of(small, large));
    ASSERT_TRUE(stored.has_value());
    EXPECT_EQ(stored->id, d.id);
    EXPECT_EQ(stored->uuid, d.uuid);
    EXPECT_EQ(stored->pair, d.pair);
    EXPECT_EQ(stored->rationale, d.rationale);
    EXPECT_EQ(stored->decidedBy, d.decidedBy);
    EXPECT_EQ(stored->decidedAt, d.decidedAt);
    EXPECT_EQ(stored->fingerprintFirst, d.fingerprintFirst);
    EXPECT_EQ(stored->fingerprintSecond, d.fingerprintSecond);
    EXPECT_EQ(repo.current(PersonPair::of(large, small))->id, d.id) << "(B, A) is the pair (A, B)";
}

TEST_F(MatchDecisionRepositoryTest, aRevisionIsANewRowAndTheLatestIsCurrent)
{
    auto& repo = ws->matchDecisions();
    const auto first = repo.record(draft(small, large, MatchVerdict::Undecided));
    clock->advance(std::chrono::hours(24));
    auto revised = draft(large, small, MatchVerdict::Same);
    revised.rationale = "Fictional: the same custody photograph\nand the same handle";
    const auto second = repo.record(revised);
    EXPECT_GT(second.id, first.id);
    EXPECT_EQ(second.rationale, revised.rationale) << "line breaks are kept";

    const auto history = repo.history(PersonPair::of(small, large));
    ASSERT_EQ(history.size(), 2u);
    EXPECT_EQ(history[0].id, first.id);
    EXPECT_EQ(history[0].verdict, MatchVerdict::Undecided);
    EXPECT_EQ(history[1].id, second.id);
    EXPECT_EQ(history[1].verdict, MatchVerdict::Same);
    EXPECT_EQ(history[1].decidedAt, first.decidedAt + std::chrono::hours(24));
    EXPECT_EQ(repo.current(PersonPair::of(small, large))->verdict, MatchVerdict::Same);
    EXPECT_EQ(rows(), 2);
}

TEST_F(MatchDecisionRepositoryTest, allCurrentAndCurrentForGiveTheLatestOfEachPair)
{
    auto& repo = ws->matchDecisions();
    repo.record(draft(small, large, MatchVerdict::Same));
    const auto other = repo.record(draft(third, small, MatchVerdict::Undecided));
    const auto latest = repo.record(draft(small, large, MatchVerdict::Different));
    const auto far = repo.record(draft(large, third, MatchVerdict::Same));

    const auto all = repo.allCurrent();
    ASSERT_EQ(all.size(), 3u);
    EXPECT_EQ(all[0].id, other.id);
    EXPECT_EQ(all[1].id, latest.id);
    EXPECT_EQ(all[2].id, far.id);

    const auto forSmall = repo.currentFor(small);
    ASSERT_EQ(forSmall.size(), 2u);
    EXPECT_EQ(forSmall[0].id, other.id);
    EXPECT_EQ(forSmall[1].id, latest.id);
    EXPECT_EQ(forSmall[1].verdict, MatchVerdict::Different);
    EXPECT_EQ(repo.currentFor(third).size(), 2u);
    EXPECT_TRUE(repo.currentFor("40000000-0000-4000-8000-000000000004").empty());
    EXPECT_FALSE(repo.current(PersonPair::of(small, "40000000-0000-4000-8000-000000000004")).has_value());
    EXPECT_TRUE(repo.history(PersonPair::of(small, "40000000-0000-4000-8000-000000000004")).empty());
}

TEST_F(MatchDecisionRepositoryTest, refusalsNameTheFieldAndWriteNothing)
{
    auto& repo = ws->matchDecisions();
    int signals = 0;
    repo.changed.connect([&](const MatchDecisionRepository::Event&) { ++signals; });
    const std::int64_t entries = ws->auditAnchor().sequence;

    auto notUuid = draft(small, large, MatchVerdict::Same);
    notUuid.personA = "Jon Smyth";
    EXPECT_EQ(refusal([&] { repo.record(notUuid); }).field(), "personA");
    auto upper = draft(small, large, MatchVerdict::Same);
    upper.personB = "20000000-0000-4000-8000-00000000000A";
    EXPECT_EQ(refusal([&] { repo.record(upper); }).field(), "personB");
    EXPECT_EQ(refusal([&] { repo.record(draft(small, small, MatchVerdict::Different)); }).field(), "personB");
    for (const char* rationale : {"", "   \n\t ", "bell\a"}) {
        auto d = draft(small, large, MatchVerdict::Same);
        d.rationale = rationale;
        const Error e = refusal([&] { repo.record(d); });
        EXPECT_EQ(e.code(), ErrorCode::Validation);
        EXPECT_EQ(e.field(), "rationale") << rationale;
    }
    auto tooLong = draft(small, large, MatchVerdict::Same);
    tooLong.rationale = std::string(4001, 'x');
    EXPECT_EQ(refusal([&] { repo.record(tooLong); }).field(), "rationale");
    auto noFingerprint = draft(small, large, MatchVerdict::Same);
    noFingerprint.fingerprintB = " ";
    EXPECT_EQ(refusal([&] { repo.record(noFingerprint); }).field(), "fingerprintB");
    noFingerprint = draft(small, large, MatchVerdict::Same);
    noFingerprint.fingerprintA.clear();
    EXPECT_EQ(refusal([&] { repo.record(noFingerprint); }).field(), "fingerprintA");

    EXPECT_EQ(rows(), 0);
    EXPECT_EQ(signals, 0);
    EXPECT_EQ(ws->auditAnchor().sequence, entries);
    auto longest = draft(small, large, MatchVerdict::Same);
    longest.rationale = std::string(4000, 'x');
    EXPECT_NO_THROW(repo.record(longest));
}

TEST_F(MatchDecisionRepositoryTest, everyDecisionIsAuditedAndAnnouncedAfterItsCommit)
{
    auto& repo = ws->matchDecisions();
    std::vector<MatchDecisionRepository::Event> events;
    repo.changed.connect([&](const MatchDecisionRepository::Event& e) { events.push_back(e); });
    auto d = draft(small, large, MatchVerdict::Same);
    d.rationale = "Fictional rationale naming Jon Smyth";
    const auto stored = repo.record(d);
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0].kind, ChangeKind::Added);
    EXPECT_EQ(events[0].decision.id, stored.id);

    const auto entries = audit::entriesFor(ws->connectionForImport(), stored.uuid, "match_decisions");
    ASSERT_EQ(entries.size(), 1u);
    EXPECT_EQ(entries[0].action, audit::Action::Create);
    EXPECT_EQ(entries[0].actor, "DC Fictional Tester (T0001)");
    EXPECT_NE(entries[0].changes.find("\"decision\":{\"new\":\"same\""), std::string::npos) << entries[0].changes;
    EXPECT_NE(entries[0].changes.find(small), std::string::npos);
    EXPECT_NE(entries[0].changes.find("\"rationale\":{\"changed\":true}"), std::string::npos) << entries[0].changes;
    EXPECT_EQ(entries[0].changes.find("Jon Smyth"), std::string::npos) << "the rationale is free text: not copied";
    EXPECT_EQ(entries[0].changes.find("fingerprint"), std::string::npos);
    EXPECT_TRUE(ws->verifyAudit().ok());
}

TEST_F(MatchDecisionRepositoryTest, aDecisionChangedOutsideTheWorkbenchIsDetected)
{
    ws->matchDecisions().record(draft(small, large, MatchVerdict::Different));
    ASSERT_TRUE(ws->verifyAudit().ok());
    ws->connectionForImport().exec("UPDATE match_decisions SET decision = 'same'");
    const auto report = ws->verifyAudit();
    ASSERT_EQ(report.problems.size(), 1u);
    EXPECT_NE(report.problems[0].find("match_decisions record 1 differs"), std::string::npos) << report.problems[0];
}

TEST_F(MatchDecisionRepositoryTest, theTableKeepsThePairInOrderAndTheDecisionToItsThreeValues)
{
    auto& db = ws->connectionForImport();
    const auto insert = [&](const std::string& a, const std::string& b, const std::string& decision) {
        db.exec("INSERT INTO match_decisions (uuid, person_a, person_b, decision, rationale, decided_by, decided_at, "
                "fingerprint_a, fingerprint_b) VALUES ('" +
                newUuid() + "', '" + a + "', '" + b + "', '" + decision +
                "', 'r', 'x', '2026-01-01T00:00:00Z', 'f', 'f')");
    };
    EXPECT_THROW(insert(large, small, "same"), Error);
    EXPECT_THROW(insert(small, small, "same"), Error);
    EXPECT_THROW(insert(small, large, "maybe"), Error);
    EXPECT_EQ(rows(), 0);
}

TEST_F(MatchDecisionRepositoryTest, aLockedWorkspaceSaysSo)
{
    ws->lock();
    const Error e = refusal([&] { ws->matchDecisions().record(draft(small, large, MatchVerdict::Same)); });
    EXPECT_EQ(e.code(), ErrorCode::Locked);
    EXPECT_EQ(refusal([&] { ws->matchDecisions().allCurrent(); }).code(), ErrorCode::Locked);
}

TEST(MatchVerdictTest, namesRoundTrip)
{
    for (const auto v : {MatchVerdict::Same, MatchVerdict::Different, MatchVerdict::Undecided}) {
        EXPECT_EQ(matchVerdictFromString(toString(v)), v);
    }
    EXPECT_EQ(toString(MatchVerdict::Different), "different");
    EXPECT_FALSE(matchVerdictFromString("Same").has_value());
    EXPECT_EQ(PersonPair::of("b", "a"), (PersonPair{"a", "b"}));
}

} // namespace
