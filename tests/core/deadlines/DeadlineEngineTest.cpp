// SPDX-License-Identifier: GPL-3.0-or-later
// The pure deadline engine with hand-built snapshots and the shipped rules, calendar and enquiry
// catalogue: for each rule, when it applies, and each state (upcoming, due today, overdue, met on
// time, met late).
#include <gtest/gtest.h>

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

CaseSnapshot::Contact contact(std::int64_t id, const char* when, std::string purpose, std::int64_t victim = VictimId)
{
    return {id, "contact-" + std::to_string(id), victim, at(when), std::move(purpose)};
}

// Every case-event rule (Right 6, decisions explained, VRR information, Right 8): when it applies and
// each of its states. Events on Wednesday 3 June 2026; 1 working day (enhanced) = end of Thursday 4 June.
TEST(DeadlineEngineTest, everyCaseEventRuleInEachState)
{
    int checked = 0;
    for (const auto& rule : rules().rules()) {
        if (rule.trigger != TriggerType::CaseEvent) {
            continue;
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
        s.contacts = {contact(1, "2026-06-03T09:00:00Z", rule.satisfiedBy.contactPurposes.front()),
                      contact(2, "2026-06-03T11:00:00Z", "other"),
                      contact(3, "2026-06-03T11:30:00Z", rule.satisfiedBy.contactPurposes.front(), 99)};
        EXPECT_EQ(one(eval(s, at("2026-06-05T08:00:00Z")), rule.id)->state, DueState::Overdue);

        s.contacts.push_back(contact(4, "2026-06-04T16:00:00Z", rule.satisfiedBy.contactPurposes.front()));
        item = *one(eval(s, at("2026-06-05T08:00:00Z")), rule.id);
        EXPECT_EQ(item.state, DueState::MetOnTime);
        EXPECT_EQ(item.metAt, at("2026-06-04T16:00:00Z"));

        s.contacts.back() = contact(4, "2026-06-05T07:00:00Z", rule.satisfiedBy.contactPurposes.front());
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
    // A contact on the day of the bail (after London midnight) meets it.
    s.contacts = {contact(1, "2026-06-03T08:00:00Z", "event-notification")};
    items = eval(s, at("2026-06-03T12:00:00Z"));
    EXPECT_EQ(one(items, "right6-bail-granted")->state, DueState::MetOnTime);
    EXPECT_EQ(one(items, "right6-rui")->state, DueState::Upcoming); // before the RUI started
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
    s.enquiries = {
        {40, "enq-40", "FOR-001", "in_progress", std::nullopt, at("2026-06-01T10:00:00Z"), at("2026-06-01T10:00:00Z")}};
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
    s.enquiries = {
        {40, "enq-40", "SUS-PRE-001", "planned", d("2026-06-10"), at("2026-06-01T10:00:00Z"),
         at("2026-06-01T10:00:00Z")},
        {41, "enq-41", "", "in_progress", std::nullopt, at("2026-06-01T10:00:00Z"), at("2026-06-01T10:00:00Z")}};
    auto item = *one(eval(s, at("2026-06-05T12:00:00Z")), "enquiry-due");
    EXPECT_EQ(item.due, at("2026-06-10T22:59:59Z"));
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
    s.contacts = {contact(1, "2026-06-04T10:00:00Z", "event-notification")};
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
