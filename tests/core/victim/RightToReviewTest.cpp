// SPDX-License-Identifier: GPL-3.0-or-later
// The Victims' Right to Review eligibility rules (moved from the Victim tab).
#include <gtest/gtest.h>

#include "core/records/RecordTypes.h"
#include "core/victim/RightToReview.h"
#include "support/TestSupport.h"

using namespace wb;
using core::Record;
using core::victim::rightToReviewEligibility;
using core::victim::VrrTrigger;

namespace {

constexpr std::int64_t kVictim = 7;

Record record(std::int64_t id, core::Values values)
{
    Record r;
    r.id = id;
    r.values = std::move(values);
    return r;
}

Record wish(std::int64_t id,
            const std::string& at,
            const std::string& what,
            const std::string& supersedes = {},
            std::int64_t victim = kVictim)
{
    return record(
        id,
        {{"victim_id", std::to_string(victim)}, {"recorded_at", at}, {"wish", what}, {"supersedes_id", supersedes}});
}

Record event(std::int64_t id, const std::string& kind, const std::string& at)
{
    return record(id, {{"kind", kind}, {"occurred_at", at}});
}

Record contact(std::int64_t id, const std::string& purpose, const std::string& at, std::int64_t victim = kVictim)
{
    return record(id, {{"victim_id", std::to_string(victim)}, {"purpose", purpose}, {"contacted_at", at}});
}

core::Instant at(const char* iso)
{
    return core::parseIsoUtc(iso).value();
}

TEST(RightToReview, NothingWithoutAWithdrawalOrADecisionNotToProceed)
{
    const auto none = rightToReviewEligibility({wish(1, "2026-03-01T10:00:00Z", "full")},
                                               {event(2, "charged", "2026-03-02T10:00:00Z")}, {}, kVictim);
    EXPECT_FALSE(none.applies());
    EXPECT_FALSE(rightToReviewEligibility({}, {}, {}, 0).applies()) << "no victim chosen";
}

TEST(RightToReview, TheCurrentWishBeingWithdrawnApplies)
{
    const auto result = rightToReviewEligibility({wish(1, "2026-03-01T10:00:00Z", "withdrawn")}, {}, {}, kVictim);
    ASSERT_EQ(result.triggers.size(), 1U);
    EXPECT_EQ(result.triggers[0].kind, VrrTrigger::Kind::Withdrawal);
    EXPECT_EQ(result.triggers[0].at, at("2026-03-01T10:00:00Z"));
    EXPECT_FALSE(result.informationGivenAt);
}

TEST(RightToReview, OnlyTheCurrentWishCounts)
{
    // Withdrawn, then superseded by "full": no longer withdrawn.
    EXPECT_FALSE(rightToReviewEligibility(
                     {wish(1, "2026-03-01T10:00:00Z", "withdrawn"), wish(2, "2026-03-02T10:00:00Z", "full", "1")}, {},
                     {}, kVictim)
                     .applies());
    // The latest recorded wins when none supersedes the other.
    EXPECT_TRUE(
        rightToReviewEligibility(
            {wish(1, "2026-03-05T10:00:00Z", "withdrawn"), wish(2, "2026-03-02T10:00:00Z", "full")}, {}, {}, kVictim)
            .applies());
    // Another victim's withdrawal is theirs.
    EXPECT_FALSE(
        rightToReviewEligibility({wish(1, "2026-03-01T10:00:00Z", "withdrawn", {}, 99)}, {}, {}, kVictim).applies());
}

TEST(RightToReview, DecisionsNotToProceedApply)
{
    const auto result = rightToReviewEligibility({},
                                                 {event(1, "no-further-action", "2026-03-04T09:00:00Z"),
                                                  event(2, "decision-not-to-investigate", "2026-03-06T09:00:00Z")},
                                                 {}, kVictim);
    ASSERT_EQ(result.triggers.size(), 2U);
    EXPECT_EQ(result.triggers[0].kind, VrrTrigger::Kind::CaseEvent);
    EXPECT_EQ(result.triggers[0].eventKind, "no-further-action");
    EXPECT_EQ(result.triggers[1].eventKind, "decision-not-to-investigate");
    EXPECT_TRUE(core::victim::isDecisionNotToProceed("no-further-action"));
    EXPECT_FALSE(core::victim::isDecisionNotToProceed("charged"));
}

TEST(RightToReview, InformationCountsOnlyFromAVrrContactWithTheVictimAfterTheLatestTrigger)
{
    const std::vector<Record> wishes{wish(1, "2026-03-01T10:00:00Z", "withdrawn")};
    const std::vector<Record> events{event(2, "no-further-action", "2026-03-10T10:00:00Z")};
    const auto check = [&](const std::vector<Record>& contacts) {
        return rightToReviewEligibility(wishes, events, contacts, kVictim).informationGivenAt;
    };
    EXPECT_FALSE(check({contact(3, "vrr-information", "2026-03-05T10:00:00Z")})) << "before the latest trigger";
    EXPECT_FALSE(check({contact(3, "routine-update", "2026-03-11T10:00:00Z")})) << "another purpose";
    EXPECT_FALSE(check({contact(3, "vrr-information", "2026-03-11T10:00:00Z", 99)})) << "another victim";
    EXPECT_EQ(check({contact(3, "vrr-information", "2026-03-10T10:00:00Z")}), at("2026-03-10T10:00:00Z"))
        << "at the trigger counts";
    EXPECT_EQ(check({contact(3, "vrr-information", "2026-03-11T10:00:00Z"),
                     contact(4, "vrr-information", "2026-03-12T10:00:00Z")}),
              at("2026-03-12T10:00:00Z"))
        << "the latest";
}

TEST(RightToReview, ReadsTheCaseRecords)
{
    test::TempDir dir;
    auto ws = test::createWorkspace(dir / "vrr.rwb");
    const auto theCase = ws->cases().add(test::caseDraft("FICT/V2/26"));
    core::PersonDraft p;
    p.caseId = theCase.id;
    p.role = core::PersonRole::Victim;
    p.givenName = "Vivian";
    p.familyName = "Example";
    const auto victim = ws->people().add(p);
    EXPECT_FALSE(rightToReviewEligibility(ws->records(), theCase.id, victim.id).applies());
    ws->records().add(core::recordSpec(core::recordtype::kCaseEvent), theCase.id,
                      {{"kind", "no-further-action"}, {"occurred_at", "2026-03-04T09:00:00Z"}});
    const auto result = rightToReviewEligibility(ws->records(), theCase.id, victim.id);
    ASSERT_TRUE(result.applies());
    EXPECT_FALSE(result.informationGivenAt);
}

} // namespace
