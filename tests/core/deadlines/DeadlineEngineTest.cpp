// SPDX-License-Identifier: GPL-3.0-or-later
// The pure deadline engine with hand-built snapshots and the shipped rules, calendar and enquiry
// catalogue: for each rule, when it applies, and each state (upcoming, due today, overdue, met on
// time, met late).
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>

#include <nlohmann/json.hpp>

#include "core/deadlines/Calendar.h"
#include "core/deadlines/CaseEvaluation.h"
#include "core/deadlines/RuleSet.h"
#include "tests/support/TestSupport.h"

namespace wb::core::deadlines {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono;

Instant at(const char* iso)
{
    return parseIsoUtc(iso).value();
}

Date d(const char* iso)
{
    return parseIsoDate(iso).value();
}

const RuleSet& rules()
{
    static const RuleSet set = RuleSet::fromFile(fs::path(WB_RESOURCES_DIR) / "nom" / "deadline-rules.json");
    return set;
}

const Calendar& calendar()
{
    static const Calendar c =
        Calendar::fromFile(fs::path(WB_RESOURCES_DIR) / "reference" / "bank-holidays-england-wales.json");
    return c;
}

constexpr std::int64_t VictimId = 10;

CaseSnapshot baseCase()
{
    CaseSnapshot s;
    s.caseId = 1;
    s.uuid = "case-1";
    s.reference = "FICT/E1/26";
    s.reportedAt = at("2026-06-01T09:00:00Z"); // Monday
    s.victims = {{VictimId, true}};
    return s;
}

std::vector<DueItem> eval(const CaseSnapshot& s, Instant now)
{
    return evaluateCase(rules(), calendar(), s, now, test::enquiries().get());
}

/// The items of one rule, copied (so a temporary list may be passed).
std::vector<DueItem> all(const std::vector<DueItem>& items, std::string_view ruleId)
{
    std::vector<DueItem> out;
    for (const auto& item : items) {
        if (item.ruleId == ruleId) {
            out.push_back(item);
        }
    }
    return out;
}

/// The one item of a rule (a failure when there is not exactly one).
std::optional<DueItem> one(const std::vector<DueItem>& items, std::string_view ruleId)
{
    auto found = all(items, ruleId);
    EXPECT_EQ(found.size(), 1u) << ruleId;
    return found.size() == 1 ? std::optional<DueItem>(std::move(found.front())) : std::nullopt;
}

/// A contact; `events` are the events it says it explained (Right 6, issue 14).
CaseSnapshot::Contact contact(std::int64_t id,
                              const char* when,
                              std::string purpose,
                              std::int64_t victim = VictimId,
                              std::vector<std::string> events = {})
{
    return {id, "contact-" + std::to_string(id), victim, at(when), std::move(purpose), std::move(events), false};
}

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

TEST(DeadlineEngineTest, bailPeriodEndsWithWarningExtensionsAndEnd)
{
    auto s = baseCase();
    s.bails = {{7, "bail-7", "bail", d("2026-06-03"), d("2026-09-03"), std::nullopt, {}, std::nullopt, {}}};
    auto item = *one(eval(s, at("2026-08-01T12:00:00Z")), "bail-period-end");
    EXPECT_EQ(item.due, at("2026-09-03T22:59:59Z"));
    EXPECT_EQ(item.warnFrom, at("2026-08-19T23:00:00Z")); // London midnight, 20 August
    EXPECT_EQ(item.state, DueState::Upcoming);
    EXPECT_EQ(item.action.recordId, 7);
    EXPECT_EQ(item.personId, 0);
    EXPECT_EQ(one(eval(s, at("2026-09-03T12:00:00Z")), "bail-period-end")->state, DueState::DueToday);
    EXPECT_EQ(one(eval(s, at("2026-09-04T12:00:00Z")), "bail-period-end")->state, DueState::Overdue);

    // Extended two days late to 3 December: the first end is met late, the new end is open.
    s.bails[0].extensions = {{20, "ext-20", d("2026-12-03"), d("2026-09-05")}};
    auto items = all(eval(s, at("2026-09-06T12:00:00Z")), "bail-period-end");
    ASSERT_EQ(items.size(), 2u);
    EXPECT_EQ(items[0].triggerUuid, "ext-20");
    EXPECT_EQ(items[0].state, DueState::Upcoming);
    EXPECT_EQ(items[0].due, at("2026-12-03T23:59:59Z")); // GMT
    EXPECT_EQ(items[1].state, DueState::MetLate);

    // Bail ended before the new end: met on time.
    s.bails[0].endedOn = d("2026-10-01");
    items = all(eval(s, at("2026-10-02T12:00:00Z")), "bail-period-end");
    ASSERT_EQ(items.size(), 2u);
    EXPECT_EQ(items[0].state, DueState::MetLate); // met ones by due: the first end, then the extended one
    EXPECT_EQ(items[1].triggerUuid, "ext-20");
    EXPECT_EQ(items[1].state, DueState::MetOnTime);
    EXPECT_EQ(items[1].metAt, at("2026-09-30T23:00:00Z"));

    // Released under investigation: no bail period.
    s.bails = {{8, "bail-8", "rui", d("2026-06-03"), std::nullopt, std::nullopt, {}, std::nullopt, {}}};
    EXPECT_TRUE(all(eval(s, at("2026-06-04T12:00:00Z")), "bail-period-end").empty());
}

TEST(DeadlineEngineTest, ruiReviews)
{
    auto s = baseCase();
    s.bails = {{8, "bail-8", "rui", d("2026-06-03"), std::nullopt, std::nullopt, {}, std::nullopt, {}}};
    s.ruiReviews = {{30, "review-30", 8, d("2026-07-01"), std::nullopt}};
    auto item = *one(eval(s, at("2026-06-20T12:00:00Z")), "rui-review");
    EXPECT_EQ(item.due, at("2026-07-01T22:59:59Z"));
    EXPECT_EQ(item.state, DueState::Upcoming);
    EXPECT_EQ(item.action.recordType, "rui_review");
    EXPECT_EQ(item.action.recordId, 30);
    EXPECT_EQ(one(eval(s, at("2026-07-01T12:00:00Z")), "rui-review")->state, DueState::DueToday);
    EXPECT_EQ(one(eval(s, at("2026-07-02T12:00:00Z")), "rui-review")->state, DueState::Overdue);
    s.ruiReviews[0].reviewedOn = d("2026-07-01");
    EXPECT_EQ(one(eval(s, at("2026-07-02T12:00:00Z")), "rui-review")->state, DueState::MetOnTime);
    s.ruiReviews[0].reviewedOn = d("2026-07-03");
    EXPECT_EQ(one(eval(s, at("2026-07-04T12:00:00Z")), "rui-review")->state, DueState::MetLate);
    // The RUI has ended and the review was never done: no longer needed.
    s.ruiReviews[0].reviewedOn.reset();
    s.bails[0].endedOn = d("2026-06-20");
    EXPECT_TRUE(all(eval(s, at("2026-07-04T12:00:00Z")), "rui-review").empty());
}

TEST(DeadlineEngineTest, forensicWindowsFromTheCatalogue)
{
    auto s = baseCase(); // reported 1 June 09:00 UTC
    s.facts["offence.lastContactAt"] = at("2026-05-31T22:00:00Z");
    s.facts["offence.acts"] = nom::TextList{"vaginal"};
    auto items = all(eval(s, at("2026-06-02T12:00:00Z")), "forensic-window");
    const DueItem* vaginal = nullptr;
    for (const auto& item : items) {
        EXPECT_NE(item.triggerUuid, "catalogue:FOR-003"); // no oral act recorded
        if (item.triggerUuid == "catalogue:FOR-001") {
            vaginal = &item;
        }
    }
    ASSERT_NE(vaginal, nullptr);
    EXPECT_EQ(vaginal->due, at("2026-06-07T22:00:00Z")); // 168 hours, to the second
    EXPECT_EQ(vaginal->triggeredAt, at("2026-05-31T22:00:00Z"));
    EXPECT_FALSE(vaginal->confirmed);
    EXPECT_NE(vaginal->title.find("7 days"), std::string::npos);
    EXPECT_EQ(vaginal->action.recordType, "enquiry");
    EXPECT_EQ(vaginal->action.preset.at("catalogue_id"), "FOR-001");
    EXPECT_EQ(vaginal->state, DueState::Upcoming);

    // Tracked and done: met when the enquiry was last updated; open and tracked: opens that enquiry.
    s.enquiries = {{40, "enq-40", "FOR-001", "in_progress", std::nullopt, at("2026-06-01T10:00:00Z"),
                    at("2026-06-01T10:00:00Z"), ""}};
    for (const auto& item : eval(s, at("2026-06-08T12:00:00Z"))) {
        if (item.triggerUuid == "catalogue:FOR-001") {
            EXPECT_EQ(item.state, DueState::Overdue);
            EXPECT_EQ(item.action.recordId, 40);
        }
    }
    s.enquiries[0].status = "done";
    s.enquiries[0].updatedAt = at("2026-06-02T15:00:00Z");
    for (const auto& item : eval(s, at("2026-06-08T12:00:00Z"))) {
        if (item.triggerUuid == "catalogue:FOR-001") {
            EXPECT_EQ(item.state, DueState::MetOnTime);
            EXPECT_EQ(item.metAt, at("2026-06-02T15:00:00Z"));
        }
    }

    // A range: counted from its end. Windows already closed when the case was reported: no items.
    s.facts["offence.lastContactAt"] = nom::DateRange{at("2026-05-20T00:00:00Z"), at("2026-05-31T00:00:00Z")};
    bool found = false;
    for (const auto& item : eval(s, at("2026-06-02T12:00:00Z"))) {
        if (item.triggerUuid == "catalogue:FOR-001") {
            EXPECT_EQ(item.due, at("2026-06-07T00:00:00Z"));
            found = true;
        }
    }
    EXPECT_TRUE(found);
    s.facts["offence.lastContactAt"] = at("2026-04-01T22:00:00Z");
    EXPECT_TRUE(all(eval(s, at("2026-06-02T12:00:00Z")), "forensic-window").empty());

    // Without a catalogue there are no forensic windows.
    s.facts["offence.lastContactAt"] = at("2026-05-31T22:00:00Z");
    EXPECT_TRUE(
        all(evaluateCase(rules(), calendar(), s, at("2026-06-02T12:00:00Z"), nullptr), "forensic-window").empty());
}

TEST(DeadlineEngineTest, victimDeviceHeldMoreThan24Hours)
{
    auto s = baseCase();
    s.victimDevices = {
        {50, "device-50", VictimId, at("2026-06-03T10:00:00Z"), std::nullopt, false, at("2026-06-03T10:05:00Z")}};
    auto item = *one(eval(s, at("2026-06-03T12:00:00Z")), "victim-device-24h");
    EXPECT_EQ(item.due, at("2026-06-04T10:00:00Z"));
    EXPECT_TRUE(item.timed);
    EXPECT_TRUE(item.target); // issue 14: a government aim, not a legal deadline
    EXPECT_NE(item.title.find("target"), std::string::npos);
    EXPECT_EQ(item.warnFrom, at("2026-06-04T04:00:00Z"));
    EXPECT_EQ(item.personId, VictimId);
    EXPECT_EQ(item.action.recordType, "device");
    EXPECT_EQ(item.action.recordId, 50);
    EXPECT_EQ(item.state, DueState::Upcoming);
    EXPECT_EQ(one(eval(s, at("2026-06-04T09:00:00Z")), "victim-device-24h")->state, DueState::DueToday);
    EXPECT_EQ(one(eval(s, at("2026-06-04T10:00:01Z")), "victim-device-24h")->state, DueState::Overdue);
    s.victimDevices[0].returnedAt = at("2026-06-04T09:30:00Z");
    EXPECT_EQ(one(eval(s, at("2026-06-05T12:00:00Z")), "victim-device-24h")->state, DueState::MetOnTime);
    s.victimDevices[0].returnedAt = at("2026-06-06T09:30:00Z");
    EXPECT_EQ(one(eval(s, at("2026-06-07T12:00:00Z")), "victim-device-24h")->state, DueState::MetLate);
    // A swap phone given (recorded when the record was updated) meets it.
    s.victimDevices[0].returnedAt.reset();
    s.victimDevices[0].swapGiven = true;
    s.victimDevices[0].updatedAt = at("2026-06-03T18:00:00Z");
    auto swapped = *one(eval(s, at("2026-06-07T12:00:00Z")), "victim-device-24h");
    EXPECT_EQ(swapped.state, DueState::MetOnTime);
    EXPECT_EQ(swapped.metAt, at("2026-06-03T18:00:00Z"));
    // Not seized yet (no seized_at): nothing is due.
    s.victimDevices[0].seizedAt.reset();
    EXPECT_TRUE(all(eval(s, at("2026-06-07T12:00:00Z")), "victim-device-24h").empty());
}

TEST(DeadlineEngineTest, supervisoryReviewPoints)
{
    auto s = baseCase(); // reported Monday 1 June 09:00 UTC
    auto first = *one(eval(s, at("2026-06-02T12:00:00Z")), "supervision-first-review");
    EXPECT_EQ(first.due, at("2026-06-04T09:00:00Z")); // 72 hours
    EXPECT_EQ(first.personId, 0);
    EXPECT_FALSE(first.confirmed);
    EXPECT_EQ(first.action.recordType, "review");
    EXPECT_TRUE(all(eval(s, at("2026-06-02T12:00:00Z")), "supervision-every-28-days").empty());
    EXPECT_EQ(one(eval(s, at("2026-06-04T10:00:00Z")), "supervision-first-review")->state, DueState::Overdue);

    s.reviews = {{60, "review-60", at("2026-06-03T10:00:00Z")}, {61, "review-61", at("2026-07-10T10:00:00Z")}};
    const auto items = eval(s, at("2026-07-11T12:00:00Z"));
    EXPECT_EQ(one(items, "supervision-first-review")->state, DueState::MetOnTime);
    const auto periodic = all(items, "supervision-every-28-days");
    ASSERT_EQ(periodic.size(), 2u);
    EXPECT_EQ(periodic[0].triggerUuid, "review-61");
    EXPECT_EQ(periodic[0].due, at("2026-08-07T22:59:59Z"));
    EXPECT_EQ(periodic[0].state, DueState::Upcoming);
    EXPECT_EQ(periodic[1].due, at("2026-07-01T22:59:59Z"));
    EXPECT_EQ(periodic[1].state, DueState::MetLate);
}

TEST(DeadlineEngineTest, enquiryDueDates)
{
    auto s = baseCase();
    s.enquiries = {{40, "enq-40", "SUS-PRE-001", "planned", d("2026-06-10"), at("2026-06-01T10:00:00Z"),
                    at("2026-06-01T10:00:00Z"), ""},
                   {41, "enq-41", "", "in_progress", std::nullopt, at("2026-06-01T10:00:00Z"),
                    at("2026-06-01T10:00:00Z"), "Speak to the neighbour at number 4"}};
    auto item = *one(eval(s, at("2026-06-05T12:00:00Z")), "enquiry-due");
    EXPECT_EQ(item.due, at("2026-06-10T22:59:59Z"));
    EXPECT_FALSE(item.timed); // the end of a London day: shown as a date, without a time
    EXPECT_EQ(item.action.recordType, "enquiry");
    EXPECT_EQ(item.action.recordId, 40);
    EXPECT_EQ(item.state, DueState::Upcoming);
    EXPECT_EQ(one(eval(s, at("2026-06-10T12:00:00Z")), "enquiry-due")->state, DueState::DueToday);
    EXPECT_EQ(one(eval(s, at("2026-06-11T12:00:00Z")), "enquiry-due")->state, DueState::Overdue);
    s.enquiries[0].status = "done";
    s.enquiries[0].updatedAt = at("2026-06-09T12:00:00Z");
    EXPECT_EQ(one(eval(s, at("2026-06-11T12:00:00Z")), "enquiry-due")->state, DueState::MetOnTime);
    s.enquiries[0].status = "not_possible";
    s.enquiries[0].updatedAt = at("2026-06-12T12:00:00Z");
    EXPECT_EQ(one(eval(s, at("2026-06-13T12:00:00Z")), "enquiry-due")->state, DueState::MetLate);
}

// Issue 14: each item says what it is about: the catalogue's title, or the officer's own.
TEST(DeadlineEngineTest, enquiryDueItemsSayWhatTheyAreAbout)
{
    auto s = baseCase();
    s.enquiries = {{40, "enq-40", "SUS-PRE-001", "planned", d("2026-06-10"), at("2026-06-01T10:00:00Z"),
                    at("2026-06-01T10:00:00Z"), ""},
                   {41, "enq-41", "", "planned", d("2026-06-11"), at("2026-06-01T10:00:00Z"),
                    at("2026-06-01T10:00:00Z"), "Speak to the neighbour at number 4"}};
    const auto items = all(eval(s, at("2026-06-05T12:00:00Z")), "enquiry-due");
    ASSERT_EQ(items.size(), 2u);
    const auto* entry = test::enquiries()->find("SUS-PRE-001");
    ASSERT_NE(entry, nullptr);
    std::string about = entry->title;
    about[0] = static_cast<char>(about[0] - 'A' + 'a');
    EXPECT_EQ(items[0].title, "Line of enquiry due: " + about);
    EXPECT_EQ(items[1].title, "Line of enquiry due: speak to the neighbour at number 4");
    // An abbreviation keeps its capitals; an untitled own enquiry keeps the rule's title.
    s.enquiries[1].title = "CCTV from the taxi rank";
    EXPECT_EQ(all(eval(s, at("2026-06-05T12:00:00Z")), "enquiry-due")[1].title,
              "Line of enquiry due: CCTV from the taxi rank");
    s.enquiries[1].title.clear();
    EXPECT_EQ(all(eval(s, at("2026-06-05T12:00:00Z")), "enquiry-due")[1].title, "Line of enquiry due");
}

// Issue 14: an enquiry accepted from a forensic window is due when the window closes, not at 23:59 of that day, and
// the window's own item (which opens the enquiry) is the one item Today shows for it.
TEST(DeadlineEngineTest, acceptedWindowedEnquiryIsDueWhenTheWindowCloses)
{
    auto s = baseCase(); // reported 1 June 09:00 UTC
    s.facts["offence.lastContactAt"] = at("2026-05-31T22:00:00Z");
    s.facts["offence.acts"] = nom::TextList{"vaginal"};
    // FOR-001: 168 hours -> 7 June 22:00 UTC (23:00 London, BST): accepted with that London day as its due date.
    s.enquiries = {{40, "enq-40", "FOR-001", "planned", d("2026-06-07"), at("2026-06-01T10:00:00Z"),
                    at("2026-06-01T10:00:00Z"), ""}};
    const auto items = eval(s, at("2026-06-07T20:00:00Z"));
    EXPECT_TRUE(all(items, "enquiry-due").empty());
    DueItem window;
    for (const auto& item : items) {
        if (item.triggerUuid == "catalogue:FOR-001") {
            window = item;
        }
    }
    EXPECT_EQ(window.due, at("2026-06-07T22:00:00Z"));
    EXPECT_TRUE(window.timed);
    EXPECT_EQ(window.action.recordId, 40);
    EXPECT_EQ(window.state, DueState::DueToday);
    for (const auto& item : eval(s, at("2026-06-07T22:00:01Z"))) {
        if (item.triggerUuid == "catalogue:FOR-001") {
            EXPECT_EQ(item.state, DueState::Overdue) << "overdue one second after the close, not at 23:59";
        }
    }

    // Without the window rule (a force removed it), the enquiry's own item carries the closing instant.
    std::ifstream in(fs::path(WB_RESOURCES_DIR) / "nom" / "deadline-rules.json");
    auto json = nlohmann::json::parse(in);
    auto& list = json["rules"];
    list.erase(std::remove_if(list.begin(), list.end(), [](const auto& r) { return r["id"] == "forensic-window"; }),
               list.end());
    const RuleSet noWindows = RuleSet::fromJson(json.dump());
    const auto own =
        all(evaluateCase(noWindows, calendar(), s, at("2026-06-07T20:00:00Z"), test::enquiries().get()), "enquiry-due");
    ASSERT_EQ(own.size(), 1u);
    EXPECT_EQ(own[0].due, at("2026-06-07T22:00:00Z"));
    EXPECT_TRUE(own[0].timed);

    // A due date the officer moved to another day: the end of that day, and its own item.
    s.enquiries[0].dueOn = d("2026-06-09");
    const auto moved = all(eval(s, at("2026-06-07T20:00:00Z")), "enquiry-due");
    ASSERT_EQ(moved.size(), 1u);
    EXPECT_EQ(moved[0].due, at("2026-06-09T22:59:59Z"));
    EXPECT_FALSE(moved[0].timed);
    // No time of last contact recorded: no window, so the due date's day.
    s.enquiries[0].dueOn = d("2026-06-07");
    s.facts.erase("offence.lastContactAt");
    const auto unknown = all(eval(s, at("2026-06-05T20:00:00Z")), "enquiry-due");
    ASSERT_EQ(unknown.size(), 1u);
    EXPECT_EQ(unknown[0].due, at("2026-06-07T22:59:59Z"));
}

TEST(DeadlineEngineTest, datesBeyondTheBankHolidayFileAreCountedOnWeekdaysAndSaySo)
{
    auto s = baseCase();
    s.events = {{5, "event-5", "arrest", at("2031-05-23T10:00:00Z")}}; // a Friday
    const auto item = *one(eval(s, at("2031-05-23T12:00:00Z")), "right6-arrest");
    EXPECT_EQ(item.due, at("2031-05-26T22:59:59Z")); // Monday (bank holidays unknown)
    EXPECT_NE(item.detail.find("Bank holidays are not known"), std::string::npos);
}

TEST(DeadlineEngineTest, deterministicAndSortedByUrgency)
{
    auto s = baseCase();
    s.events = {{5, "event-5", "arrest", at("2026-06-03T10:00:00Z")},
                {6, "event-6", "interview-under-caution", at("2026-06-08T10:00:00Z")}};
    s.plans = {{1, "plan-1", VictimId, d("2026-06-01"), 7, "phone", false, std::nullopt}};
    s.contacts = {contact(1, "2026-06-04T10:00:00Z", "event-notification", VictimId, {"event-5"})};
    const Instant now = at("2026-06-09T08:00:00Z");
    const auto a = eval(s, now);
    const auto b = eval(s, now);
    ASSERT_EQ(a.size(), b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        EXPECT_EQ(a[i].key(), b[i].key());
        EXPECT_EQ(a[i].due, b[i].due);
        EXPECT_EQ(a[i].state, b[i].state);
    }
    const auto rank = [](DueState st) {
        return st == DueState::Overdue ? 0 : st == DueState::DueToday ? 1 : st == DueState::Upcoming ? 2 : 3;
    };
    for (std::size_t i = 1; i < a.size(); ++i) {
        EXPECT_LE(rank(a[i - 1].state), rank(a[i].state));
    }
    // Keys are unique.
    for (std::size_t i = 0; i < a.size(); ++i) {
        for (std::size_t j = i + 1; j < a.size(); ++j) {
            EXPECT_NE(a[i].key(), a[j].key());
        }
    }
}

TEST(DeadlineEngineTest, stateOfBoundaries)
{
    const Instant due = at("2026-06-04T22:59:59Z");
    EXPECT_EQ(stateOf(due, std::nullopt, due), DueState::DueToday);
    EXPECT_EQ(stateOf(due, std::nullopt, due + seconds(1)), DueState::Overdue);
    EXPECT_EQ(stateOf(due, std::nullopt, at("2026-06-03T23:00:00Z")), DueState::DueToday); // London midnight
    EXPECT_EQ(stateOf(due, std::nullopt, at("2026-06-03T22:59:59Z")), DueState::Upcoming);
    EXPECT_EQ(stateOf(due, due, due + days(3)), DueState::MetOnTime);
    EXPECT_EQ(stateOf(due, due + seconds(1), due + days(3)), DueState::MetLate);
}

} // namespace
} // namespace wb::core::deadlines
