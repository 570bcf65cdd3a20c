// SPDX-License-Identifier: GPL-3.0-or-later
// The deadline engine's victim rules with hand-built snapshots (Victims' Code and enhanced rights): case events
// told and explained (Right 6), CPS early advice, the victims' right to review, the personal statement, the
// support referral and the agreed updates; for each rule, when it applies and each state.
#include <gtest/gtest.h>

#include <algorithm>

#include "tests/core/deadlines/DeadlineEngineTestSupport.h"

namespace wb::core::deadlines {
namespace {

using namespace std::chrono;
using namespace enginetest;

// Every case-event rule (Right 6, decisions explained, VRR information, Right 8): when it applies and
// each of its states. Events on Wednesday 3 June 2026; 1 working day (enhanced) = end of Thursday 4 June.
TEST(DeadlineEngineTest, everyCaseEventRuleInEachState)
{
    int checked = 0;
    for (const auto& rule : rules().rules()) {
        if (rule.trigger != TriggerType::CaseEvent || !rule.perVictim() || !rule.enhanced) {
            continue; // per case, or without enhanced rights (CPS VRR): their own tests below
        }
        ++checked;
        SCOPED_TRACE(rule.id);
        auto s = baseCase();
        s.events = {{5, "event-5", rule.eventKinds.front(), at("2026-06-03T10:00:00Z")}};
        const auto dueAt = at("2026-06-04T22:59:59Z");

        auto item = *one(eval(s, at("2026-06-03T12:00:00Z")), rule.id);
        EXPECT_EQ(item.due, dueAt);
        EXPECT_EQ(item.state, DueState::Upcoming);
        EXPECT_EQ(item.personId, VictimId);
        EXPECT_EQ(item.triggerUuid, "event-5");
        EXPECT_EQ(item.kind, rule.kind);
        EXPECT_EQ(item.confirmed, rule.confirmed);
        EXPECT_EQ(item.action.preset.at("victim_id"), std::to_string(VictimId));
        EXPECT_EQ(one(eval(s, at("2026-06-04T08:00:00Z")), rule.id)->state, DueState::DueToday);
        EXPECT_EQ(one(eval(s, at("2026-06-05T08:00:00Z")), rule.id)->state, DueState::Overdue);

        // An unrelated contact (wrong purpose, another victim, or before the event) does not meet it.
        const std::vector<std::string> explained{"event-5"};
        s.contacts = {contact(1, "2026-06-03T09:00:00Z", rule.satisfiedBy.contactPurposes.front(), VictimId, explained),
                      contact(2, "2026-06-03T11:00:00Z", "other", VictimId, explained),
                      contact(3, "2026-06-03T11:30:00Z", rule.satisfiedBy.contactPurposes.front(), 99, explained)};
        EXPECT_EQ(one(eval(s, at("2026-06-05T08:00:00Z")), rule.id)->state, DueState::Overdue);

        s.contacts.push_back(
            contact(4, "2026-06-04T16:00:00Z", rule.satisfiedBy.contactPurposes.front(), VictimId, explained));
        item = *one(eval(s, at("2026-06-05T08:00:00Z")), rule.id);
        EXPECT_EQ(item.state, DueState::MetOnTime);
        EXPECT_EQ(item.metAt, at("2026-06-04T16:00:00Z"));

        s.contacts.back() =
            contact(4, "2026-06-05T07:00:00Z", rule.satisfiedBy.contactPurposes.front(), VictimId, explained);
        item = *one(eval(s, at("2026-06-05T08:00:00Z")), rule.id);
        EXPECT_EQ(item.state, DueState::MetLate);
        EXPECT_EQ(item.metAt, at("2026-06-05T07:00:00Z"));

        // Another kind of event does not trigger it.
        s.events.front().kind = "referred-to-cps";
        EXPECT_TRUE(all(eval(s, at("2026-06-05T08:00:00Z")), rule.id).empty());
    }
    EXPECT_GE(checked, 10);
}

TEST(DeadlineEngineTest, enhancedRightsChooseTheOffsetAndTheWording)
{
    auto s = baseCase();
    s.victims = {{VictimId, true}, {11, false}};
    s.events = {{5, "event-5", "arrest", at("2026-06-03T10:00:00Z")}};
    const auto items = all(eval(s, at("2026-06-03T12:00:00Z")), "right6-arrest");
    ASSERT_EQ(items.size(), 2u);
    for (const auto& item : items) {
        if (item.personId == VictimId) {
            EXPECT_EQ(item.due, at("2026-06-04T22:59:59Z"));
            EXPECT_NE(item.detail.find("1 working day (enhanced rights)"), std::string::npos);
        } else {
            EXPECT_EQ(item.personId, 11);
            EXPECT_EQ(item.due, at("2026-06-10T22:59:59Z")); // Thu, Fri, Mon, Tue, Wed
            EXPECT_NE(item.detail.find("5 working days"), std::string::npos);
        }
    }
}

TEST(DeadlineEngineTest, noVictimNoVictimItems)
{
    auto s = baseCase();
    s.victims.clear();
    s.events = {{5, "event-5", "arrest", at("2026-06-03T10:00:00Z")}};
    const auto items = eval(s, at("2026-06-03T12:00:00Z"));
    EXPECT_TRUE(all(items, "right6-arrest").empty());
    EXPECT_TRUE(all(items, "right4-support-referral").empty());
    EXPECT_EQ(all(items, "supervision-first-review").size(), 1u); // per case
}

TEST(DeadlineEngineTest, bailAndRuiRecordsNotifyTheVictim)
{
    auto s = baseCase();
    s.bails = {{7, "bail-7", "bail", d("2026-06-03"), d("2026-09-03"), std::nullopt, {}, std::nullopt, {}},
               {8, "bail-8", "rui", d("2026-06-05"), std::nullopt, std::nullopt, {}, std::nullopt, {}}};
    auto items = eval(s, at("2026-06-03T12:00:00Z"));
    const auto bail = one(items, "right6-bail-granted");
    ASSERT_TRUE(bail);
    EXPECT_EQ(bail->triggeredAt, at("2026-06-02T23:00:00Z")); // London midnight of the start date
    EXPECT_EQ(bail->due, at("2026-06-04T22:59:59Z"));
    EXPECT_EQ(bail->triggerUuid, "bail-7");
    const auto rui = one(items, "right6-rui");
    ASSERT_TRUE(rui);
    EXPECT_EQ(rui->due, at("2026-06-08T22:59:59Z")); // Friday 5 June + 1 working day = Monday
    EXPECT_EQ(rui->triggerUuid, "bail-8");
    // A contact on the day of the bail (after London midnight) that explained it meets it.
    s.contacts = {contact(1, "2026-06-03T08:00:00Z", "event-notification", VictimId, {"bail-7"})};
    items = eval(s, at("2026-06-03T12:00:00Z"));
    EXPECT_EQ(one(items, "right6-bail-granted")->state, DueState::MetOnTime);
    EXPECT_EQ(one(items, "right6-rui")->state, DueState::Upcoming); // before the RUI started
}

// Issue 14: one contact "telling the victim about an event" cleared both the arrest and the bail. A Right 6 contact
// meets only the events it records; the Today item opens a contact with its own event ticked.
TEST(DeadlineEngineTest, right6ContactMeetsOnlyTheEventsItExplained)
{
    auto s = baseCase();
    s.events = {{5, "event-5", "arrest", at("2026-06-03T10:00:00Z")}};
    s.bails = {{7, "bail-7", "bail", d("2026-06-03"), d("2026-09-02"), std::nullopt, {}, std::nullopt, {}}};
    s.contacts = {contact(1, "2026-06-03T16:00:00Z", "event-notification", VictimId, {"event-5"})};
    auto items = eval(s, at("2026-06-05T08:00:00Z"));
    EXPECT_EQ(one(items, "right6-arrest")->state, DueState::MetOnTime);
    EXPECT_EQ(one(items, "right6-bail-granted")->state, DueState::Overdue) << "the arrest call did not explain bail";
    EXPECT_EQ(one(items, "right6-arrest")->action.preset.at("explained_events"), "event-5");
    EXPECT_EQ(one(items, "right6-bail-granted")->action.preset.at("explained_events"), "bail-7");

    // Both ticked: both met. None ticked: neither (it said no event).
    s.contacts[0].explainedEvents = {"event-5", "bail-7"};
    items = eval(s, at("2026-06-05T08:00:00Z"));
    EXPECT_EQ(one(items, "right6-arrest")->state, DueState::MetOnTime);
    EXPECT_EQ(one(items, "right6-bail-granted")->state, DueState::MetOnTime);
    s.contacts[0].explainedEvents.clear();
    items = eval(s, at("2026-06-05T08:00:00Z"));
    EXPECT_EQ(one(items, "right6-arrest")->state, DueState::Overdue);
    EXPECT_EQ(one(items, "right6-bail-granted")->state, DueState::Overdue);

    // A contact recorded before contacts said which events they explained meets every event before it, as then.
    s.contacts[0].eventsUnrecorded = true;
    items = eval(s, at("2026-06-05T08:00:00Z"));
    EXPECT_EQ(one(items, "right6-arrest")->state, DueState::MetOnTime);
    EXPECT_EQ(one(items, "right6-bail-granted")->state, DueState::MetOnTime);
    // ... until the officer edits it to tick events: then only those.
    s.contacts[0].explainedEvents = {"bail-7"};
    items = eval(s, at("2026-06-05T08:00:00Z"));
    EXPECT_EQ(one(items, "right6-arrest")->state, DueState::Overdue);
    EXPECT_EQ(one(items, "right6-bail-granted")->state, DueState::MetOnTime);

    // Rules that are not about an event's explanation are unchanged: any support-referral contact meets Right 4.
    s.contacts = {contact(2, "2026-06-01T12:00:00Z", "support-referral")};
    EXPECT_EQ(one(eval(s, at("2026-06-05T08:00:00Z")), "right4-support-referral")->state, DueState::MetOnTime);
}

// Issue 14: CPS early advice within 21 days of the request, met when the advice is recorded as received.
TEST(DeadlineEngineTest, cpsEarlyAdviceWithin21Days)
{
    auto s = baseCase();
    EXPECT_TRUE(all(eval(s, at("2026-06-03T12:00:00Z")), "cps-early-advice").empty()); // not requested
    s.events = {{5, "event-5", "early-advice-requested", at("2026-06-03T10:00:00Z")}};
    auto item = *one(eval(s, at("2026-06-03T12:00:00Z")), "cps-early-advice");
    EXPECT_EQ(item.due, at("2026-06-24T22:59:59Z")); // 21 calendar days, to the end of the London day
    EXPECT_FALSE(item.timed);
    EXPECT_EQ(item.personId, 0); // the case's, not a victim's
    EXPECT_TRUE(item.confirmed);
    EXPECT_EQ(item.kind, DueKind::CpsEarlyAdvice);
    EXPECT_EQ(item.action.recordType, "case_event");
    EXPECT_EQ(item.action.preset.at("kind"), "early-advice-received");
    EXPECT_EQ(item.warnFrom, at("2026-06-20T23:00:00Z")); // 3 days before, London midnight
    EXPECT_EQ(one(eval(s, at("2026-06-25T08:00:00Z")), "cps-early-advice")->state, DueState::Overdue);
    // Advice received before the request (another matter) does not meet it; after it does.
    s.events.push_back({6, "event-6", "early-advice-received", at("2026-06-02T10:00:00Z")});
    EXPECT_EQ(one(eval(s, at("2026-06-25T08:00:00Z")), "cps-early-advice")->state, DueState::Overdue);
    s.events.push_back({7, "event-7", "early-advice-received", at("2026-06-20T10:00:00Z")});
    item = *one(eval(s, at("2026-06-25T08:00:00Z")), "cps-early-advice");
    EXPECT_EQ(item.state, DueState::MetOnTime);
    EXPECT_EQ(item.metAt, at("2026-06-20T10:00:00Z"));
}

// Issue 14: police VRR acknowledgement (10 working days) and result (30 working days) from the victim's request;
// the CPS prompt-request window (10 working days from its letter) for each victim.
TEST(DeadlineEngineTest, victimsRightToReviewWindows)
{
    auto s = baseCase();
    s.events = {{5, "event-5", "vrr-requested", at("2026-06-03T10:00:00Z")}}; // Wednesday
    auto items = eval(s, at("2026-06-03T12:00:00Z"));
    const auto ack = *one(items, "vrr-police-acknowledge");
    EXPECT_EQ(ack.due, at("2026-06-17T22:59:59Z")); // 10 working days: Wednesday 17 June
    EXPECT_EQ(ack.personId, 0);
    EXPECT_FALSE(ack.confirmed);
    const auto result = *one(items, "vrr-police-result");
    EXPECT_EQ(result.due, at("2026-07-15T22:59:59Z")); // 30 working days: Wednesday 15 July
    EXPECT_EQ(result.kind, DueKind::RightToReview);
    EXPECT_TRUE(all(items, "vrr-cps-prompt-request").empty()); // a police decision, not the CPS's
    s.events.push_back({6, "event-6", "vrr-acknowledged", at("2026-06-10T10:00:00Z")});
    items = eval(s, at("2026-06-20T12:00:00Z"));
    EXPECT_EQ(one(items, "vrr-police-acknowledge")->state, DueState::MetOnTime);
    EXPECT_EQ(one(items, "vrr-police-result")->state, DueState::Upcoming); // acknowledged is not answered
    s.events.push_back({7, "event-7", "vrr-result-given", at("2026-07-16T10:00:00Z")});
    EXPECT_EQ(one(eval(s, at("2026-07-20T12:00:00Z")), "vrr-police-result")->state, DueState::MetLate);

    auto cps = baseCase();
    cps.events = {{8, "event-8", "cps-qualifying-decision", at("2026-06-03T10:00:00Z")}};
    auto prompt = *one(eval(cps, at("2026-06-03T12:00:00Z")), "vrr-cps-prompt-request");
    EXPECT_EQ(prompt.due, at("2026-06-17T22:59:59Z")); // 10 working days, enhanced rights or not
    EXPECT_EQ(prompt.personId, VictimId);
    EXPECT_EQ(prompt.action.preset.at("purpose"), "vrr-information");
    cps.contacts = {contact(1, "2026-06-05T10:00:00Z", "vrr-information")};
    EXPECT_EQ(one(eval(cps, at("2026-06-08T12:00:00Z")), "vrr-cps-prompt-request")->state, DueState::MetOnTime);
    EXPECT_TRUE(all(eval(cps, at("2026-06-08T12:00:00Z")), "vrr-police-acknowledge").empty());
}

// Issue 14: Victims' Code Right 7, the Victim Personal Statement offered (by the time the victim hears of the charge).
TEST(DeadlineEngineTest, victimPersonalStatementOffered)
{
    auto s = baseCase();
    s.events = {{5, "event-5", "arrest", at("2026-06-03T10:00:00Z")}};
    EXPECT_TRUE(all(eval(s, at("2026-06-03T12:00:00Z")), "right7-vps-offered").empty());
    s.events.push_back({6, "event-6", "charged", at("2026-06-03T11:00:00Z")});
    auto item = *one(eval(s, at("2026-06-03T12:00:00Z")), "right7-vps-offered");
    EXPECT_EQ(item.due, at("2026-06-04T22:59:59Z")); // 1 working day, enhanced rights
    EXPECT_EQ(item.kind, DueKind::VictimStatement);
    EXPECT_FALSE(item.confirmed); // the Code sets no time limit: design
    s.victims[0].enhancedRights = false;
    EXPECT_EQ(one(eval(s, at("2026-06-03T12:00:00Z")), "right7-vps-offered")->due, at("2026-06-10T22:59:59Z"));
    s.contacts = {contact(1, "2026-06-04T10:00:00Z", "event-notification", VictimId, {"event-6"})};
    EXPECT_EQ(one(eval(s, at("2026-06-11T12:00:00Z")), "right7-vps-offered")->state, DueState::Overdue);
    s.contacts.push_back(contact(2, "2026-06-04T11:00:00Z", "victim-personal-statement"));
    EXPECT_EQ(one(eval(s, at("2026-06-11T12:00:00Z")), "right7-vps-offered")->state, DueState::MetOnTime);
}

TEST(DeadlineEngineTest, supportReferralMetByIsvaReferralOrContact)
{
    auto s = baseCase(); // reported Monday 1 June 09:00 UTC: 2 working days = end of Wednesday 3 June
    auto item = *one(eval(s, at("2026-06-01T12:00:00Z")), "right4-support-referral");
    EXPECT_EQ(item.due, at("2026-06-03T22:59:59Z"));
    EXPECT_EQ(item.state, DueState::Upcoming);
    EXPECT_EQ(item.action.recordType, "isva_referral");
    EXPECT_EQ(item.action.preset.at("victim_id"), std::to_string(VictimId));
    EXPECT_EQ(one(eval(s, at("2026-06-03T12:00:00Z")), "right4-support-referral")->state, DueState::DueToday);
    EXPECT_EQ(one(eval(s, at("2026-06-04T12:00:00Z")), "right4-support-referral")->state, DueState::Overdue);

    s.isvaReferrals = {{1, VictimId, d("2026-06-02")}};
    item = *one(eval(s, at("2026-06-04T12:00:00Z")), "right4-support-referral");
    EXPECT_EQ(item.state, DueState::MetOnTime);
    EXPECT_EQ(item.metAt, at("2026-06-01T23:00:00Z"));

    s.isvaReferrals = {{1, VictimId, d("2026-05-20")}}; // before the report: does not count
    s.contacts = {contact(1, "2026-06-04T10:00:00Z", "support-referral")};
    item = *one(eval(s, at("2026-06-04T12:00:00Z")), "right4-support-referral");
    EXPECT_EQ(item.state, DueState::MetLate);
    EXPECT_EQ(item.metAt, at("2026-06-04T10:00:00Z"));
}

TEST(DeadlineEngineTest, agreedUpdatesRecordEachIntervalAndItsLateness)
{
    auto s = baseCase();
    s.plans = {{1, "plan-1", VictimId, d("2026-06-01"), 7, "phone", false, std::nullopt}};
    auto items = all(eval(s, at("2026-06-02T12:00:00Z")), "agreed-update");
    ASSERT_EQ(items.size(), 1u);
    EXPECT_EQ(items[0].due, at("2026-06-08T22:59:59Z"));
    EXPECT_EQ(items[0].triggerUuid, "plan-1");
    EXPECT_EQ(items[0].action.preset.at("method"), "phone");
    EXPECT_EQ(items[0].action.preset.at("purpose"), "routine-update");
    EXPECT_EQ(one(eval(s, at("2026-06-08T12:00:00Z")), "agreed-update")->state, DueState::DueToday);
    EXPECT_EQ(one(eval(s, at("2026-06-09T12:00:00Z")), "agreed-update")->state, DueState::Overdue);

    // Any purpose counts; each contact starts the next interval.
    s.contacts = {contact(1, "2026-06-05T10:00:00Z", "evidence-gathering"),
                  contact(2, "2026-06-14T10:00:00Z", "routine-update")};
    items = all(eval(s, at("2026-06-15T12:00:00Z")), "agreed-update");
    ASSERT_EQ(items.size(), 3u);
    // Sorted: the open one first, then the met ones by due.
    EXPECT_EQ(items[0].state, DueState::Upcoming);
    EXPECT_EQ(items[0].due, at("2026-06-21T22:59:59Z"));
    EXPECT_EQ(items[0].triggerUuid, "contact-2");
    EXPECT_EQ(items[1].state, DueState::MetOnTime);
    EXPECT_EQ(items[2].state, DueState::MetLate); // due 12 June, met 14 June
    EXPECT_EQ(items[2].metAt, at("2026-06-14T10:00:00Z"));

    // A closed case has no further update due, but keeps the record of the past ones.
    s.open = false;
    items = all(eval(s, at("2026-06-15T12:00:00Z")), "agreed-update");
    EXPECT_EQ(items.size(), 2u);
}

TEST(DeadlineEngineTest, agreedUpdatesFollowTheCurrentPlanAndDoNotContact)
{
    auto s = baseCase();
    s.plans = {{1, "plan-1", VictimId, d("2026-06-01"), 7, "phone", false, std::nullopt},
               {2, "plan-2", VictimId, d("2026-06-03"), 14, "email", false, 1}};
    auto item = *one(eval(s, at("2026-06-03T12:00:00Z")), "agreed-update");
    EXPECT_EQ(item.due, at("2026-06-17T22:59:59Z"));
    EXPECT_EQ(item.action.preset.at("method"), "email");
    // No frequency agreed: nothing falls due.
    s.plans[1].frequencyDays.reset();
    EXPECT_TRUE(all(eval(s, at("2026-06-03T12:00:00Z")), "agreed-update").empty());
    // Do not contact: no agreed updates; other victim items say so.
    s.plans[1].frequencyDays = 14;
    s.plans[1].doNotContact = true;
    s.events = {{5, "event-5", "arrest", at("2026-06-03T10:00:00Z")}};
    const auto items = eval(s, at("2026-06-03T12:00:00Z"));
    EXPECT_TRUE(all(items, "agreed-update").empty());
    EXPECT_NE(one(items, "right6-arrest")->detail.find("do not contact"), std::string::npos);
}

} // namespace
} // namespace wb::core::deadlines
