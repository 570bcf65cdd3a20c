// SPDX-License-Identifier: GPL-3.0-or-later
// The deadline service on a real (encrypted, fictional) workspace: the collector's set-based reads,
// the Friday-before-a-bank-holiday scenario end to end, Today across cases, and counts per case.
#include <gtest/gtest.h>

#include <algorithm>

#include "core/Error.h"
#include "core/deadlines/Calendar.h"
#include "core/deadlines/DeadlineService.h"
#include "core/deadlines/RuleSet.h"
#include "core/records/RecordSpec.h"
#include "tests/support/TestSupport.h"

namespace wb::core::deadlines {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono;

Instant at(const char* iso)
{
    return parseIsoUtc(iso).value();
}

DeadlineService service()
{
    static const DeadlineService loaded =
        DeadlineService::load(fs::path(WB_RESOURCES_DIR) / "nom" / "deadline-rules.json",
                              fs::path(WB_RESOURCES_DIR) / "reference" / "bank-holidays-england-wales.json",
                              test::enquiries(), test::questions());
    return loaded;
}

class DeadlineServiceTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ws = test::createWorkspace(dir / "w.rwb");
        auto draft = test::caseDraft("FICT/D1/26");
        draft.reportedAt = at("2026-05-20T10:00:00Z");
        theCase = ws->cases().add(draft);
        victim = person(theCase.id, PersonRole::Victim, true);
    }

    Person person(std::int64_t caseId, PersonRole role, bool enhanced)
    {
        PersonDraft p;
        p.caseId = caseId;
        p.role = role;
        p.givenName = "Fictional";
        p.familyName = role == PersonRole::Victim ? "Victim" : "Suspect";
        p.enhancedRights = enhanced;
        return ws->people().add(p);
    }

    Record add(const char* type, std::int64_t parent, const Values& values)
    {
        return ws->records().add(recordSpec(type), parent, values);
    }

    /// A contact; `explained` lists the events it told the victim about (Right 6, issue 14), comma-separated uuids.
    Record contact(std::int64_t victimId,
                   const char* when,
                   const char* purpose,
                   std::int64_t caseId = 0,
                   const std::string& explained = {})
    {
        return add("contact", caseId == 0 ? theCase.id : caseId,
                   {{"victim_id", std::to_string(victimId)},
                    {"contacted_at", when},
                    {"method", "phone"},
                    {"purpose", purpose},
                    {"by_whom", "DC Fictional"},
                    {"explained_events", explained}});
    }

    static const DueItem* find(const std::vector<DueItem>& items, std::string_view ruleId, std::int64_t personId = -1)
    {
        for (const auto& item : items) {
            if (item.ruleId == ruleId && (personId < 0 || item.personId == personId)) {
                return &item;
            }
        }
        return nullptr;
    }

    test::TempDir dir;
    std::unique_ptr<Workspace> ws;
    Case theCase;
    Person victim;
};

// The "done when": an arrest logged on Friday 22 May 2026, before the Spring bank holiday
// (Monday 25 May), is due by the end of Tuesday 26 May under enhanced rights; overdue after it;
// met by logging the contact.
TEST_F(DeadlineServiceTest, arrestOnFridayBeforeBankHolidayIsDueOnTuesdayAndMetByTheContact)
{
    const auto arrest = add("case_event", theCase.id, {{"kind", "arrest"}, {"occurred_at", "2026-05-22T15:30:00Z"}});
    const auto svc = service();

    auto items = svc.forCase(*ws, theCase.id, at("2026-05-23T09:00:00Z"));
    const auto* item = find(items, "right6-arrest");
    ASSERT_NE(item, nullptr);
    EXPECT_EQ(item->kind, DueKind::VictimUpdate);
    EXPECT_EQ(item->personId, victim.id);
    EXPECT_EQ(item->triggerUuid, arrest.uuid);
    EXPECT_EQ(item->caseReference, "FICT/D1/26");
    EXPECT_EQ(item->triggeredAt, at("2026-05-22T15:30:00Z"));
    // 23:59:59 BST on Tuesday 26 May = 22:59:59 UTC.
    EXPECT_EQ(item->due, at("2026-05-26T22:59:59Z"));
    EXPECT_EQ(item->state, DueState::Upcoming);
    EXPECT_NE(item->detail.find("1 working day"), std::string::npos);
    EXPECT_EQ(item->detail.find("Fictional"), std::string::npos); // no names
    EXPECT_EQ(item->title.find("Fictional"), std::string::npos);
    EXPECT_EQ(item->action.recordType, "contact");
    EXPECT_EQ(item->action.preset.at("victim_id"), std::to_string(victim.id));
    EXPECT_EQ(item->action.preset.at("purpose"), "event-notification");

    // Monday (the bank holiday) it is still upcoming; Tuesday it is due today; Wednesday overdue.
    EXPECT_EQ(find(svc.forCase(*ws, theCase.id, at("2026-05-25T12:00:00Z")), "right6-arrest")->state,
              DueState::Upcoming);
    EXPECT_EQ(find(svc.forCase(*ws, theCase.id, at("2026-05-26T08:00:00Z")), "right6-arrest")->state,
              DueState::DueToday);
    EXPECT_EQ(find(svc.forCase(*ws, theCase.id, at("2026-05-26T23:00:00Z")), "right6-arrest")->state,
              DueState::Overdue);
    const auto today = svc.today(*ws, at("2026-05-27T08:00:00Z"));
    ASSERT_NE(find(today, "right6-arrest"), nullptr);
    EXPECT_EQ(find(today, "right6-arrest")->state, DueState::Overdue);

    // The contact is logged on Wednesday: met, late, and gone from Today.
    contact(victim.id, "2026-05-27T09:15:00Z", "event-notification", 0, arrest.uuid);
    items = svc.forCase(*ws, theCase.id, at("2026-05-27T10:00:00Z"));
    item = find(items, "right6-arrest");
    ASSERT_NE(item, nullptr);
    EXPECT_EQ(item->state, DueState::MetLate);
    EXPECT_EQ(item->metAt, at("2026-05-27T09:15:00Z"));
    EXPECT_EQ(find(svc.today(*ws, at("2026-05-27T10:00:00Z")), "right6-arrest"), nullptr);
    DueFilter withMet;
    withMet.includeMet = true;
    EXPECT_NE(find(svc.today(*ws, at("2026-05-27T10:00:00Z"), withMet), "right6-arrest"), nullptr);
}

TEST_F(DeadlineServiceTest, contactOnTimeMeetsItOnTimeAndAnEarlierContactDoesNot)
{
    contact(victim.id, "2026-05-22T10:00:00Z", "event-notification"); // before the arrest
    const auto arrest = add("case_event", theCase.id, {{"kind", "arrest"}, {"occurred_at", "2026-05-22T15:30:00Z"}});
    const auto svc = service();
    EXPECT_EQ(find(svc.forCase(*ws, theCase.id, at("2026-05-26T08:00:00Z")), "right6-arrest")->state,
              DueState::DueToday);
    contact(victim.id, "2026-05-26T16:00:00Z", "event-notification", 0, arrest.uuid);
    const auto items = svc.forCase(*ws, theCase.id, at("2026-05-28T08:00:00Z"));
    const auto* item = find(items, "right6-arrest");
    ASSERT_NE(item, nullptr);
    EXPECT_EQ(item->state, DueState::MetOnTime);
    EXPECT_EQ(item->metAt, at("2026-05-26T16:00:00Z"));
}

// Issue 14: a contact's explained events are events of its own case; the item's action ticks its event.
TEST_F(DeadlineServiceTest, explainedEventsAreEventsOfTheCaseAndMeetOnlyThemselves)
{
    const auto arrest = add("case_event", theCase.id, {{"kind", "arrest"}, {"occurred_at", "2026-05-22T15:30:00Z"}});
    const auto interview =
        add("case_event", theCase.id, {{"kind", "interview-under-caution"}, {"occurred_at", "2026-05-22T18:00:00Z"}});
    auto draft = test::caseDraft("FICT/D2/26");
    draft.reportedAt = at("2026-05-20T10:00:00Z");
    const auto other = ws->cases().add(draft);
    const auto elsewhere = add("case_event", other.id, {{"kind", "arrest"}, {"occurred_at", "2026-05-22T15:30:00Z"}});
    try {
        contact(victim.id, "2026-05-23T09:00:00Z", "event-notification", 0, elsewhere.uuid);
        ADD_FAILURE() << "an event of another case was accepted";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::Validation);
        EXPECT_EQ(e.field(), "explained_events");
    }
    contact(victim.id, "2026-05-23T09:00:00Z", "event-notification", 0, arrest.uuid);
    const auto svc = service();
    const auto items = svc.forCase(*ws, theCase.id, at("2026-05-27T08:00:00Z"));
    EXPECT_EQ(find(items, "right6-arrest")->state, DueState::MetOnTime);
    const auto* told = find(items, "right6-interview");
    ASSERT_NE(told, nullptr);
    EXPECT_EQ(told->state, DueState::Overdue);
    EXPECT_EQ(told->action.preset.at("explained_events"), interview.uuid);
}

TEST_F(DeadlineServiceTest, victimWithoutEnhancedRightsHasFiveWorkingDays)
{
    const auto second = person(theCase.id, PersonRole::Victim, false);
    add("case_event", theCase.id, {{"kind", "arrest"}, {"occurred_at", "2026-05-22T15:30:00Z"}});
    const auto items = service().forCase(*ws, theCase.id, at("2026-05-23T09:00:00Z"));
    // Five working days after Friday 22 May, skipping the bank holiday: Tue, Wed, Thu, Fri, Mon 1 June.
    EXPECT_EQ(find(items, "right6-arrest", second.id)->due, at("2026-06-01T22:59:59Z"));
    EXPECT_NE(find(items, "right6-arrest", second.id)->detail.find("5 working days"), std::string::npos);
    EXPECT_EQ(find(items, "right6-arrest", victim.id)->due, at("2026-05-26T22:59:59Z"));
}

TEST_F(DeadlineServiceTest, bailRecordGivesVictimUpdateBailEndAndWarning)
{
    const auto suspect = person(theCase.id, PersonRole::Suspect, false);
    const auto bail = add("bail", theCase.id,
                          {{"suspect_id", std::to_string(suspect.id)},
                           {"kind", "bail"},
                           {"arrested_on", "2026-06-01"},
                           {"start_date", "2026-06-01"}});
    const auto svc = service();
    auto items = svc.forCase(*ws, theCase.id, at("2026-06-01T12:00:00Z"));
    EXPECT_EQ(find(items, "right6-bail-granted")->due, at("2026-06-02T22:59:59Z"));
    const auto* end = find(items, "bail-period-end");
    ASSERT_NE(end, nullptr);
    EXPECT_EQ(end->due, at("2026-09-01T22:59:59Z")); // the 3 months beginning with 2 June, the day after the arrest
    EXPECT_NE(end->detail.find("the bail start date is 2 June 2026"), std::string::npos) << end->detail;
    EXPECT_EQ(end->warnFrom, at("2026-08-17T23:00:00Z")); // London midnight 14 days before
    EXPECT_EQ(end->action.recordType, "bail");
    EXPECT_EQ(end->action.recordId, bail.id);
    // Within the warning period the Today list shows it, even beyond a short horizon.
    EXPECT_NE(find(svc.today(*ws, at("2026-08-20T09:00:00Z"), {}, days(1)), "bail-period-end"), nullptr);
    EXPECT_EQ(find(svc.today(*ws, at("2026-07-01T09:00:00Z"), {}, days(1)), "bail-period-end"), nullptr);

    add("bail_extension", bail.id,
        {{"extension", "extension-1"},
         {"new_end", "2026-12-01"},
         {"authorised_by", "Insp Fictional"},
         {"authorised_rank", "inspector"},
         {"authorised_on", "2026-08-25"}});
    items = svc.forCase(*ws, theCase.id, at("2026-08-26T09:00:00Z"));
    std::vector<const DueItem*> ends;
    for (const auto& i : items) {
        if (i.ruleId == "bail-period-end") {
            ends.push_back(&i);
        }
    }
    ASSERT_EQ(ends.size(), 2u);
    const auto first = std::find_if(ends.begin(), ends.end(), [](const DueItem* i) { return i->metAt.has_value(); });
    ASSERT_NE(first, ends.end());
    EXPECT_EQ((*first)->state, DueState::MetOnTime);
}

TEST_F(DeadlineServiceTest, timeAwaitingACpsDecisionAndOrdersAreReadFromTheRecords)
{
    const auto suspect = person(theCase.id, PersonRole::Suspect, false);
    const auto bail = add("bail", theCase.id,
                          {{"suspect_id", std::to_string(suspect.id)},
                           {"kind", "bail"},
                           {"arrested_on", "2026-04-30"},
                           {"start_date", "2026-04-30"}});
    const auto svc = service();
    const auto endOf = [&](Instant now) -> std::optional<DueItem> {
        const auto items = svc.forCase(*ws, theCase.id, now);
        const auto* item = find(items, "bail-period-end");
        return item != nullptr ? std::optional(*item) : std::nullopt;
    };
    ASSERT_TRUE(endOf(at("2026-06-01T12:00:00Z")));
    EXPECT_EQ(endOf(at("2026-06-01T12:00:00Z"))->due, at("2026-07-31T22:59:59Z"));
    // Awaiting the CPS decision since 1 June: the clock is paused, no bail end falls due.
    const auto pause = add("bail_pause", bail.id, {{"from_date", "2026-06-01"}});
    EXPECT_FALSE(endOf(at("2026-06-05T12:00:00Z")));
    // The decision came on 10 June: 10 days not counted.
    ws->records().update(
        recordSpec("bail_pause"), pause.id,
        {{"from_date", "2026-06-01"}, {"to_date", "2026-06-10"}, {"decision_notified_on", "2026-06-10"}});
    const auto end = endOf(at("2026-06-11T12:00:00Z"));
    ASSERT_TRUE(end);
    EXPECT_EQ(end->due, at("2026-08-10T22:59:59Z"));
    EXPECT_NE(end->detail.find("10 days on bail awaiting a CPS charging decision"), std::string::npos);

    // A DVPN served on a Saturday evening: the hearing is due on Tuesday evening (Sunday not counted).
    const auto dvpn = add("order", theCase.id,
                          {{"order_type", "dvpn"},
                           {"subject_id", std::to_string(suspect.id)},
                           {"authorised_by", "Supt Fictional"},
                           {"authorised_rank", "superintendent"},
                           {"served_at", "2026-06-06T17:00:00Z"}});
    auto items = svc.forCase(*ws, theCase.id, at("2026-06-07T12:00:00Z"));
    const auto* hearing = find(items, "order-hearing");
    ASSERT_NE(hearing, nullptr);
    EXPECT_EQ(hearing->due, at("2026-06-09T17:00:00Z"));
    EXPECT_EQ(hearing->action.recordId, dvpn.id);
    EXPECT_FALSE(hearing->metAt);
    EXPECT_EQ(find(items, "order-expiry"), nullptr); // no expiry recorded
    ws->records().update(recordSpec("order"), dvpn.id,
                         {{"order_type", "dvpn"},
                          {"subject_id", std::to_string(suspect.id)},
                          {"authorised_by", "Supt Fictional"},
                          {"authorised_rank", "superintendent"},
                          {"served_at", "2026-06-06T17:00:00Z"},
                          {"hearing_at", "2026-06-09T09:30:00Z"}});
    items = svc.forCase(*ws, theCase.id, at("2026-06-10T12:00:00Z"));
    ASSERT_NE(find(items, "order-hearing"), nullptr);
    EXPECT_EQ(find(items, "order-hearing")->state, DueState::MetOnTime);
    // The DVPO made at the hearing, for 28 days: its expiry falls due.
    add("order", theCase.id,
        {{"order_type", "dvpo"},
         {"subject_id", std::to_string(suspect.id)},
         {"made_on", "2026-06-09"},
         {"expires_on", "2026-07-07"}});
    items = svc.forCase(*ws, theCase.id, at("2026-06-10T12:00:00Z"));
    const auto* expiry = find(items, "order-expiry");
    ASSERT_NE(expiry, nullptr);
    EXPECT_EQ(expiry->due, at("2026-07-07T22:59:59Z"));
}

TEST_F(DeadlineServiceTest, todayOrdersAcrossCasesAndCountsPerCase)
{
    auto draft = test::caseDraft("FICT/D2/26");
    draft.reportedAt = at("2026-05-20T10:00:00Z");
    const auto other = ws->cases().add(draft);
    const auto otherVictim = person(other.id, PersonRole::Victim, true);
    add("case_event", theCase.id, {{"kind", "arrest"}, {"occurred_at", "2026-05-22T15:30:00Z"}});
    add("case_event", other.id, {{"kind", "interview-under-caution"}, {"occurred_at", "2026-05-27T10:00:00Z"}});
    auto closedDraft = test::caseDraft("FICT/D3/26");
    closedDraft.status = CaseStatus::Closed;
    const auto closed = ws->cases().add(closedDraft);
    person(closed.id, PersonRole::Victim, true);

    const auto svc = service();
    const Instant now = at("2026-05-27T12:00:00Z");
    const auto items = svc.today(*ws, now);
    ASSERT_FALSE(items.empty());
    for (const auto& item : items) {
        EXPECT_NE(item.caseId, closed.id);
        EXPECT_TRUE(item.state == DueState::Overdue || item.state == DueState::DueToday ||
                    item.state == DueState::Upcoming);
    }
    // Overdue first, oldest first; then due today; then upcoming by due.
    for (std::size_t i = 1; i < items.size(); ++i) {
        const auto rank = [](DueState s) { return s == DueState::Overdue ? 0 : s == DueState::DueToday ? 1 : 2; };
        EXPECT_LE(rank(items[i - 1].state), rank(items[i].state));
        if (items[i - 1].state == items[i].state) {
            EXPECT_LE(items[i - 1].due, items[i].due);
        }
    }
    const auto* interview = find(items, "right6-interview");
    ASSERT_NE(interview, nullptr);
    EXPECT_EQ(interview->personId, otherVictim.id);
    EXPECT_EQ(interview->due, at("2026-05-28T22:59:59Z"));

    DueFilter onlyOther;
    onlyOther.caseIds = {other.id};
    onlyOther.kinds = {DueKind::VictimUpdate};
    const auto filtered = svc.today(*ws, now, onlyOther);
    ASSERT_FALSE(filtered.empty());
    for (const auto& item : filtered) {
        EXPECT_EQ(item.caseId, other.id);
        EXPECT_EQ(item.kind, DueKind::VictimUpdate);
    }

    const auto counts = svc.countsByCase(*ws, now);
    EXPECT_EQ(counts.count(closed.id), 0u);
    ASSERT_EQ(counts.count(theCase.id), 1u);
    EXPECT_GE(counts.at(theCase.id).overdue, 1); // the arrest update (and the support referral)
    ASSERT_EQ(counts.count(other.id), 1u);
    EXPECT_GE(counts.at(other.id).upcoming, 1); // the interview update, due tomorrow
}

TEST_F(DeadlineServiceTest, doNotContactPlanHasNoAgreedUpdates)
{
    add("contact_plan", theCase.id,
        {{"victim_id", std::to_string(victim.id)},
         {"agreed_on", "2026-05-21"},
         {"frequency_days", "7"},
         {"method", "phone"},
         {"recorded_by", "DC Fictional"}});
    const auto svc = service();
    auto items = svc.forCase(*ws, theCase.id, at("2026-05-22T09:00:00Z"));
    const auto* update = find(items, "agreed-update");
    ASSERT_NE(update, nullptr);
    EXPECT_EQ(update->due, at("2026-05-28T22:59:59Z")); // 21 May + 7 days, end of the London day
    EXPECT_EQ(update->action.preset.at("method"), "phone");

    const auto plan = ws->records().list(recordSpec("contact_plan"), theCase.id).front();
    add("contact_plan", theCase.id,
        {{"victim_id", std::to_string(victim.id)},
         {"agreed_on", "2026-05-22"},
         {"frequency_days", "7"},
         {"method", "phone"},
         {"do_not_contact", "1"},
         {"do_not_contact_reason", "Fictional reason"},
         {"recorded_by", "DC Fictional"},
         {"supersedes_id", std::to_string(plan.id)}});
    add("case_event", theCase.id, {{"kind", "arrest"}, {"occurred_at", "2026-05-22T15:30:00Z"}});
    items = svc.forCase(*ws, theCase.id, at("2026-05-23T09:00:00Z"));
    EXPECT_EQ(find(items, "agreed-update"), nullptr);
    const auto* arrest = find(items, "right6-arrest");
    ASSERT_NE(arrest, nullptr);
    EXPECT_NE(arrest->detail.find("do not contact"), std::string::npos);
}

TEST_F(DeadlineServiceTest, unknownCaseIsNotFound)
{
    try {
        service().forCase(*ws, 999999, at("2026-05-23T09:00:00Z"));
        FAIL() << "expected NotFound";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::NotFound);
    }
}

TEST_F(DeadlineServiceTest, evaluationIsDeterministic)
{
    add("case_event", theCase.id, {{"kind", "arrest"}, {"occurred_at", "2026-05-22T15:30:00Z"}});
    add("case_event", theCase.id, {{"kind", "no-further-action"}, {"occurred_at", "2026-05-24T10:00:00Z"}});
    const auto svc = service();
    const auto a = svc.forCase(*ws, theCase.id, at("2026-05-25T09:00:00Z"));
    const auto b = svc.forCase(*ws, theCase.id, at("2026-05-25T09:00:00Z"));
    ASSERT_EQ(a.size(), b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        EXPECT_EQ(a[i].key(), b[i].key());
        EXPECT_EQ(a[i].due, b[i].due);
        EXPECT_EQ(a[i].state, b[i].state);
    }
    EXPECT_NE(find(a, "nfa-explained"), nullptr);
    EXPECT_NE(find(a, "nfa-vrr-information"), nullptr);
}

} // namespace
} // namespace wb::core::deadlines
