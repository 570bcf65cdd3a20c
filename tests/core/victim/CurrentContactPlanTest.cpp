// SPDX-License-Identifier: GPL-3.0-or-later
// The one "which contact plan is current" rule, and the use cases built on it.
#include <gtest/gtest.h>

#include "core/Error.h"
#include "core/deadlines/Calendar.h"
#include "core/records/RecordTypes.h"
#include "core/victim/CurrentContactPlan.h"
#include "core/victim/VictimContact.h"
#include "support/TestSupport.h"

using namespace wb;
using namespace std::chrono;
using core::victim::currentPlanIndex;
using core::victim::PlanEntry;

namespace {

constexpr year_month_day day(int d)
{
    return year{2026} / March / d;
}

TEST(CurrentContactPlanRule, NoPlanForTheVictimIsNothing)
{
    EXPECT_FALSE(currentPlanIndex({}, 1));
    EXPECT_FALSE(currentPlanIndex({{10, 2, day(1), std::nullopt}}, 1)) << "another victim's plan";
}

TEST(CurrentContactPlanRule, TheLatestAgreedWins)
{
    const std::vector<PlanEntry> plans{{10, 1, day(5), std::nullopt}, {11, 1, day(2), std::nullopt}};
    EXPECT_EQ(currentPlanIndex(plans, 1), 0U) << "agreed later, though entered earlier";
}

TEST(CurrentContactPlanRule, OnTheSameDayTheLaterEntryWins)
{
    const std::vector<PlanEntry> plans{{12, 1, day(5), std::nullopt}, {11, 1, day(5), std::nullopt}};
    EXPECT_EQ(currentPlanIndex(plans, 1), 0U);
}

TEST(CurrentContactPlanRule, ASupersededPlanIsNeverCurrentEvenIfAgreedLater)
{
    // Plan 10 agreed on the 9th was superseded by plan 11 agreed (back-dated) on the 3rd.
    const std::vector<PlanEntry> plans{{10, 1, day(9), std::nullopt}, {11, 1, day(3), 10}};
    EXPECT_EQ(currentPlanIndex(plans, 1), 1U);
}

TEST(CurrentContactPlanRule, EachVictimHasTheirOwn)
{
    const std::vector<PlanEntry> plans{
        {10, 1, day(1), std::nullopt}, {11, 2, day(8), std::nullopt}, {12, 1, day(4), 10}};
    EXPECT_EQ(currentPlanIndex(plans, 1), 2U);
    EXPECT_EQ(currentPlanIndex(plans, 2), 1U);
}

class VictimContactTest : public ::testing::Test
{
protected:
    test::TempDir dir;
    std::unique_ptr<core::Workspace> ws = test::createWorkspace(dir / "victim.rwb");
    core::Case theCase;
    core::Person victim;
    core::Person other;

    void SetUp() override
    {
        theCase = ws->cases().add(test::caseDraft("FICT/V1/26"));
        victim = addVictim("Vivian");
        other = addVictim("Val");
    }

    core::Person addVictim(const char* given)
    {
        core::PersonDraft p;
        p.caseId = theCase.id;
        p.role = core::PersonRole::Victim;
        p.givenName = given;
        p.familyName = "Example";
        return ws->people().add(p);
    }

    core::Record addPlan(const core::Person& person, const std::string& agreedOn, core::Values extra = {})
    {
        extra["victim_id"] = std::to_string(person.id);
        extra["agreed_on"] = agreedOn;
        extra.emplace("method", "phone");
        extra["recorded_by"] = "DC Example (fictional)";
        return ws->records().add(core::recordSpec(core::recordtype::kContactPlan), theCase.id, extra);
    }

    core::victim::ContactDraft draft() const
    {
        core::victim::ContactDraft d;
        d.caseId = theCase.id;
        d.victimId = victim.id;
        d.contactedAt = core::parseIsoUtc("2026-03-10T10:00:00Z").value();
        d.method = "phone";
        d.purpose = "routine-update";
        d.byWhom = "DC Example (fictional)";
        return d;
    }

    std::string rejectedField(const core::victim::ContactDraft& d)
    {
        try {
            core::victim::recordContact(ws->records(), d);
        } catch (const core::Error& e) {
            EXPECT_EQ(e.code(), core::ErrorCode::Validation) << e.what();
            return e.field();
        }
        return {};
    }
};

TEST_F(VictimContactTest, CurrentContactPlanFollowsTheRuleOverStoredRecords)
{
    EXPECT_FALSE(core::victim::currentContactPlan(ws->records(), theCase.id, victim.id));
    const auto first = addPlan(victim, "2026-03-05");
    addPlan(other, "2026-03-08");
    EXPECT_EQ(core::victim::currentContactPlan(ws->records(), theCase.id, victim.id)->id, first.id);
    // A back-dated change supersedes the first: it is current although agreed earlier.
    const auto change = addPlan(victim, "2026-03-01", {{"supersedes_id", std::to_string(first.id)}});
    EXPECT_EQ(core::victim::currentContactPlan(ws->records(), theCase.id, victim.id)->id, change.id);
    // Two on one day: the later entry.
    const auto again = addPlan(victim, "2026-03-06");
    const auto sameDay = addPlan(victim, "2026-03-06");
    EXPECT_GT(sameDay.id, again.id);
    EXPECT_EQ(core::victim::currentContactPlan(ws->records(), theCase.id, victim.id)->id, sameDay.id);
    EXPECT_FALSE(core::victim::currentContactPlan(ws->records(), theCase.id, 0));
}

TEST_F(VictimContactTest, ContactDefaultsComeFromTheCurrentPlan)
{
    const auto today = year{2026} / March / 30;
    auto none = core::victim::contactDefaults(ws->records(), theCase.id, victim.id, today);
    EXPECT_TRUE(none.method.empty());
    EXPECT_FALSE(none.nextDue);
    EXPECT_FALSE(none.doNotContact);

    addPlan(victim, "2026-03-05",
            {{"method", "other"},
             {"other_method", "Letter (fictional)"},
             {"frequency_days", "14"},
             {"do_not_contact", "1"},
             {"do_not_contact_reason", "Fictional."}});
    const auto withPlan = core::victim::contactDefaults(ws->records(), theCase.id, victim.id, today);
    EXPECT_EQ(withPlan.method, "other");
    ASSERT_TRUE(withPlan.nextDue);
    EXPECT_EQ(*withPlan.nextDue, year{2026} / April / 13) << "today + 14 days, across the month";
    EXPECT_TRUE(withPlan.doNotContact);
}

TEST_F(VictimContactTest, PlanChangePresetSupersedesTheCurrentPlan)
{
    const auto today = year{2026} / March / 30;
    auto preset = core::victim::planChangePreset(ws->records(), theCase.id, victim.id, today);
    EXPECT_EQ(preset.at("victim_id"), std::to_string(victim.id));
    EXPECT_EQ(preset.at("agreed_on"), "2026-03-30");
    EXPECT_EQ(preset.count("supersedes_id"), 0U);

    const auto plan = addPlan(victim, "2026-03-05", {{"language", "Welsh"}});
    preset = core::victim::planChangePreset(ws->records(), theCase.id, victim.id, today);
    EXPECT_EQ(preset.at("supersedes_id"), std::to_string(plan.id));
    EXPECT_EQ(preset.at("language"), "Welsh");
    EXPECT_EQ(preset.at("agreed_on"), "2026-03-30");
}

TEST_F(VictimContactTest, RecordContactStoresTheDraft)
{
    auto d = draft();
    d.explained = "Next steps (fictional).";
    d.nextDue = year{2026} / March / 24;
    const auto result = core::victim::recordContact(ws->records(), d);
    EXPECT_GT(result.contact.id, 0);
    EXPECT_EQ(result.contact.get("victim_id"), std::to_string(victim.id));
    EXPECT_EQ(result.contact.get("contacted_at"), "2026-03-10T10:00:00Z");
    EXPECT_EQ(result.contact.get("plan_followed"), "1");
    EXPECT_EQ(result.contact.get("next_due"), "2026-03-24");
    EXPECT_EQ(result.contact.get("explained"), "Next steps (fictional).");
    EXPECT_FALSE(result.againstDoNotContact);
}

TEST_F(VictimContactTest, RecordContactNamesTheFieldAtFault)
{
    auto d = draft();
    d.victimId = 0;
    EXPECT_EQ(rejectedField(d), "victim_id");
    d = draft();
    d.method.clear();
    EXPECT_EQ(rejectedField(d), "method");
    d = draft();
    d.purpose.clear();
    EXPECT_EQ(rejectedField(d), "purpose");
    d = draft();
    d.byWhom.clear();
    EXPECT_EQ(rejectedField(d), "by_whom");
    d = draft();
    d.planFollowed = false;
    EXPECT_EQ(rejectedField(d), "deviation_reason") << "not followed: the reason is required";
    d.deviationReason = "Asked to be called at work (fictional).";
    EXPECT_EQ(rejectedField(d), "");
    d = draft();
    d.contactedAt = core::nowUtc() + hours(72);
    EXPECT_EQ(rejectedField(d), "contacted_at");
    EXPECT_TRUE(ws->records().listForCase(core::recordSpec(core::recordtype::kContact), theCase.id).size() == 1);
}

TEST_F(VictimContactTest, AReasonGivenWhileThePlanWasFollowedIsDropped)
{
    auto d = draft();
    d.deviationReason = "left over from an earlier entry";
    EXPECT_TRUE(core::victim::recordContact(ws->records(), d).contact.get("deviation_reason").empty());
}

// Right 6 per event (issue 14 follow-up): the quick contact row ticks the events a contact explained.
TEST_F(VictimContactTest, AnEventNotificationStoresTheEventsItExplained)
{
    const auto& events = core::recordSpec(core::recordtype::kCaseEvent);
    const auto arrest =
        ws->records().add(events, theCase.id, {{"kind", "arrest"}, {"occurred_at", "2026-03-08T15:30:00Z"}});
    const auto interview = ws->records().add(
        events, theCase.id, {{"kind", "interview-under-caution"}, {"occurred_at", "2026-03-08T18:00:00Z"}});
    const auto listed = core::victim::explainableEvents(ws->records(), theCase.id);
    ASSERT_EQ(listed.size(), 2U);
    EXPECT_EQ(listed[0].uuid, interview.uuid) << "newest first";
    EXPECT_EQ(listed[1].uuid, arrest.uuid);

    EXPECT_TRUE(core::victim::purposeExplainsEvents("event-notification"));
    EXPECT_TRUE(core::victim::purposeExplainsEvents("explaining-decision"));
    EXPECT_FALSE(core::victim::purposeExplainsEvents("routine-update"));
    EXPECT_FALSE(core::victim::purposeExplainsEvents(""));

    auto d = draft();
    d.purpose = "event-notification";
    d.explainedEvents = {arrest.uuid, interview.uuid};
    EXPECT_EQ(core::victim::recordContact(ws->records(), d).contact.get("explained_events"),
              arrest.uuid + "," + interview.uuid);
    d.purpose = "explaining-decision";
    d.explainedEvents = {interview.uuid};
    EXPECT_EQ(core::victim::recordContact(ws->records(), d).contact.get("explained_events"), interview.uuid);
}

TEST_F(VictimContactTest, OnlyAnEventNotificationOrADecisionKeepsItsEvents)
{
    const auto arrest = ws->records().add(core::recordSpec(core::recordtype::kCaseEvent), theCase.id,
                                          {{"kind", "arrest"}, {"occurred_at", "2026-03-08T15:30:00Z"}});
    auto d = draft(); // a routine update
    d.explainedEvents = {arrest.uuid};
    EXPECT_TRUE(core::victim::recordContact(ws->records(), d).contact.get("explained_events").empty());
}

TEST_F(VictimContactTest, AnEventOfAnotherCaseIsRejected)
{
    const auto otherCase = ws->cases().add(test::caseDraft("FICT/V2/26"));
    const auto elsewhere = ws->records().add(core::recordSpec(core::recordtype::kCaseEvent), otherCase.id,
                                             {{"kind", "arrest"}, {"occurred_at", "2026-03-08T15:30:00Z"}});
    auto d = draft();
    d.purpose = "event-notification";
    d.explainedEvents = {elsewhere.uuid};
    EXPECT_EQ(rejectedField(d), "explained_events");
    EXPECT_TRUE(core::victim::explainableEvents(ws->records(), theCase.id).empty());
}

TEST_F(VictimContactTest, AContactAgainstADoNotContactPlanIsFlagged)
{
    addPlan(victim, "2026-03-05", {{"do_not_contact", "1"}, {"do_not_contact_reason", "Fictional."}});
    EXPECT_TRUE(core::victim::recordContact(ws->records(), draft()).againstDoNotContact);
    auto d = draft();
    d.victimId = other.id;
    EXPECT_FALSE(core::victim::recordContact(ws->records(), d).againstDoNotContact) << "another victim's plan";
}

} // namespace
