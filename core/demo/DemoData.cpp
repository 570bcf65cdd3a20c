// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/demo/DemoData.h"

#include <array>
#include <string>
#include <utility>
#include <vector>

#include "core/Workspace.h"
#include "core/cases/CaseDetails.h"
#include "core/demo/DemoContext.h"
#include "core/domain/LondonTime.h"
#include "core/nom/OffenceCatalogue.h"
#include "core/nom/QuestionCatalogue.h"
#include "core/records/RecordSpec.h"
#include "core/records/RecordTypes.h"

namespace wb::core {

namespace {

struct DemoPerson {
    PersonRole role;
    const char* given;
    const char* family;
    const char* dateOfBirth; // nullptr when unknown
};

struct DemoCase {
    const char* serial; ///< "DEMO/0001": the stored reference adds the two-digit year of the report (UK date)
    const char* operation;
    const char* offence;
    int daysAgo;
    CaseStatus status;
    std::array<DemoPerson, 3> people;
    const char* offenceDate; // ApproxDate::encode() form
    const char* locationType;
    const char* reportChannel;
    const char* stage;
    const char* relationship;
    const char* outcome; // Home Office outcome code of a closed case, nullptr while open
    int outcomeDay;      // days after the report the outcome was recorded
    const char* outcomeReason;
};

// All names are invented and marked as such by their surnames. The closed cases end in different outcomes
// (charge, CPS decision on the evidence, withdrawal, no suspect identified): withdrawal is not the normal ending.
constexpr std::array<DemoCase, 8> Cases{{
    {"DEMO/0001",
     "Operation Larkspur",
     "SOA2003-s1",
     3,
     CaseStatus::Open,
     {{{PersonRole::Victim, "Alex", "Example", "1998-04-12"},
       {PersonRole::Suspect, "Jordan", "Sample", "1995-09-30"},
       {PersonRole::Witness, "Casey", "Fictional", nullptr}}},
     "",
     "suspects-home",
     "victim-in-person",
     "stage-06",
     "ex-partner",
     nullptr,
     0,
     nullptr},
    {"DEMO/0002",
     "Operation Foxglove",
     "SOA2003-s2",
     12,
     CaseStatus::Open,
     {{{PersonRole::Victim, "Morgan", "Testcase", "2001-01-05"},
       {PersonRole::Suspect, "Unknown", "", nullptr},
       {PersonRole::Witness, "Riley", "Placeholder", "1990-07-21"}}},
     "",
     "outdoor-public-place",
     "999",
     "stage-03",
     "stranger",
     nullptr,
     0,
     nullptr},
    {"DEMO/0003",
     "",
     "SOA2003-s3",
     40,
     CaseStatus::Open,
     {{{PersonRole::Victim, "Sam", "Democase", "1987-11-02"},
       {PersonRole::Suspect, "Taylor", "Madeup", "1984-03-17"},
       {PersonRole::Witness, "Jamie", "Invented", nullptr}}},
     "",
     "licensed-premises",
     "third-party",
     "stage-08",
     "acquaintance",
     nullptr,
     0,
     nullptr},
    {"DEMO/0004",
     "Operation Hawthorn",
     "SOA1956-s14",
     200,
     CaseStatus::Open,
     {{{PersonRole::Victim, "Charlie", "Example", "1975-06-09"},
       {PersonRole::Suspect, "Drew", "Sample", "1950-02-14"},
       {PersonRole::Witness, "Robin", "Fictional", "1974-12-01"}}},
     "between|1988-01-01|1990-12-31",
     "other-private-address",
     "victim-in-person",
     "stage-08",
     "family-member",
     nullptr,
     0,
     nullptr},
    {"DEMO/0005",
     "Operation Yarrow",
     "SOA2003-s4",
     330,
     CaseStatus::Closed,
     {{{PersonRole::Victim, "Avery", "Testcase", "1993-08-25"},
       {PersonRole::Suspect, "Quinn", "Madeup", "1991-10-10"},
       {PersonRole::Witness, "Rowan", "Placeholder", nullptr}}},
     "",
     "victims-home",
     "isva",
     "stage-15",
     "met-online",
     "16",
     120,
     "Fictional: the victim chose not to support further action, spoken to directly with their ISVA; an "
     "evidence-led prosecution was considered; support continues."},
    {"DEMO/0006",
     "Operation Sorrel",
     "SOA2003-s1",
     280,
     CaseStatus::Closed,
     {{{PersonRole::Victim, "Jesse", "Example", "1990-02-17"},
       {PersonRole::Suspect, "Kit", "Sample", "1988-06-03"},
       {PersonRole::Witness, "Lee", "Fictional", nullptr}}},
     "",
     "shared-home",
     "victim-in-person",
     "stage-15",
     "current-partner",
     "1",
     150,
     "Fictional: charged on the CPS's decision after a full file; the victim was told the same day."},
    {"DEMO/0007",
     "Operation Tansy",
     "SOA2003-s2",
     250,
     CaseStatus::Closed,
     {{{PersonRole::Victim, "Blake", "Testcase", "1999-12-30"},
       {PersonRole::Suspect, "Harper", "Madeup", "1998-05-21"},
       {PersonRole::Witness, "Ellis", "Placeholder", nullptr}}},
     "",
     "other-private-address",
     "victim-in-person",
     "stage-15",
     "friend",
     "15",
     180,
     "Fictional: the CPS decided the evidence did not meet the test for charge; the victim supports action and "
     "was told of the decision and of the Victims' Right to Review."},
    {"DEMO/0008",
     "Operation Bracken",
     "SOA2003-s3",
     420,
     CaseStatus::Closed,
     {{{PersonRole::Victim, "Dana", "Democase", "1996-09-14"},
       {PersonRole::Suspect, "Unknown", "", nullptr},
       {PersonRole::Witness, "Frankie", "Invented", nullptr}}},
     "",
     "vehicle",
     "999",
     "stage-15",
     "stranger",
     "18",
     210,
     "Fictional: CCTV, ANPR, taxi records and a forensic database search did not identify the suspect; the "
     "case can be reopened if new evidence emerges."},
}};

std::string isoDay(Instant at)
{
    return toIsoUtc(at).substr(0, 10);
}

/// Fictional records under one demo case: the relationship, identifiers, decisions,
/// timeline, an exhibit with its movement, devices, bail and a supervisory review.
void addDemoRecords(Workspace& ws, const DemoCase& demo, const Case& c, const std::vector<Person>& people)
{
    const std::string officer = ws.info().owner.displayName; // the workspace's owner: one name everywhere
    auto& records = ws.records();
    const Person& victim = people[0];
    const Person& suspect = people[1];
    const std::string reported = toIsoUtc(c.reportedAt);
    const auto at = [&](int hoursAfterReport) { return toIsoUtc(c.reportedAt + std::chrono::hours(hoursAfterReport)); };
    const auto day = [&](int daysAfterReport) { return isoDay(c.reportedAt + std::chrono::days(daysAfterReport)); };
    const auto id = [](std::int64_t value) { return std::to_string(value); };

    records.add(recordSpec(recordtype::kRelationship), c.id,
                {{"victim_id", id(victim.id)},
                 {"suspect_id", id(suspect.id)},
                 {"category", demo.relationship},
                 {"description", "Fictional background for training: how the two know each other."}});
    if (suspect.givenName != "Unknown") {
        records.add(recordSpec(recordtype::kIdentifier), suspect.id,
                    {{"kind", "phone"}, {"value", "07700 900" + id(100 + c.id)}});
        records.add(recordSpec(recordtype::kIdentifier), suspect.id,
                    {{"kind", "handle"}, {"value", "@fictional_user_" + id(c.id)}, {"note", "Dating app"}});
    }
    records.add(
        recordSpec(recordtype::kTimelineEvent), c.id,
        {{"occurred", demo.offenceDate[0] != '\0' ? std::string(demo.offenceDate) : "day|" + day(-2) + "|" + day(-2)},
         {"title", "Offence (as first described)"},
         {"details", "Fictional summary of the account given at first contact."},
         {"source", "Initial account"}});
    records.add(
        recordSpec(recordtype::kTimelineEvent), c.id,
        {{"occurred", "exact|" + reported + "|" + reported}, {"title", "Report made"}, {"source", "Crime report"}});
    const auto first =
        records.add(recordSpec(recordtype::kDecision), c.id,
                    {{"decided_at", at(2)},
                     {"decision", "Prioritise suspect-focused enquiries: previous reports and intelligence."},
                     {"rationale", "Context-led: the relationship and the suspect's access to the victim "
                                   "(fictional training rationale)."},
                     {"alternatives", "Early victim phone download: not necessary at this stage."},
                     {"decided_by", officer}});
    records.add(recordSpec(recordtype::kDecision), c.id,
                {{"decided_at", at(30)},
                 {"decision", "Prioritise suspect research and an early arrest plan."},
                 {"rationale", "Corrects the first entry after new intelligence (fictional)."},
                 {"decided_by", officer},
                 {"supersedes_id", id(first.id)}});
    const auto exhibit = records.add(recordSpec(recordtype::kExhibit), c.id,
                                     {{"reference", "DEMO-" + id(c.id) + "-1"},
                                      {"description", "Fictional clothing item, bagged and sealed."},
                                      {"seized_by", "PC Demo Sample"},
                                      {"seized_at", at(3)},
                                      {"storage_location", "Property store, shelf 4 (fictional)"}});
    records.add(recordSpec(recordtype::kExhibitMovement), exhibit.id,
                {{"moved_at", at(26)},
                 {"from_location", "Property store"},
                 {"to_location", "Forensic provider (fictional)"},
                 {"moved_by", "PC Demo Sample"},
                 {"reason", "Examination"}});
    if (suspect.givenName != "Unknown") {
        records.add(recordSpec(recordtype::kDevice), c.id,
                    {{"owner_role", "suspect"},
                     {"person_id", id(suspect.id)},
                     {"device_type", "mobile-phone"},
                     {"legal_basis", "pace-s19"},
                     {"seized_at", at(28)},
                     {"data_types", "Messages, call data, location"}});
        if (demo.status == CaseStatus::Open) {
            records.add(recordSpec(recordtype::kBail), c.id,
                        {{"suspect_id", id(suspect.id)},
                         {"kind", "bail"},
                         {"arrested_on", day(1)},
                         {"start_date", day(1)},
                         {"conditions", "Not to contact the victim directly or indirectly (fictional)."},
                         {"victim_views_sought", "1"},
                         {"victim_views", "Wants no contact (fictional)."}});
        }
    }
    // Victim engagement: the agreed contact plan, what was done under the Victims' Code,
    // the ISVA offer and the victim's wishes; an arrest, and (except in the newest case,
    // to show an update falling due) the victim told about it.
    records.add(recordSpec(recordtype::kContactPlan), c.id,
                {{"victim_id", id(victim.id)},
                 {"agreed_on", day(0)},
                 {"frequency_days", "14"},
                 {"method", "phone"},
                 {"safe_times", "Weekdays after 6 pm (fictional)"},
                 {"may_leave_messages", "0"},
                 {"through_whom", "direct"},
                 {"avoid", "Do not refer to the suspect by first name (fictional)."},
                 {"recorded_by", officer}});
    records.add(recordSpec(recordtype::kContact), c.id,
                {{"victim_id", id(victim.id)},
                 {"contacted_at", at(2)},
                 {"method", "in-person"},
                 {"purpose", "contact-plan"},
                 {"by_whom", officer},
                 {"explained", "How and when updates will be given; the ISVA offer (fictional)."}});
    records.add(recordSpec(recordtype::kVictimRight), c.id,
                {{"victim_id", id(victim.id)},
                 {"right_code", "r03"},
                 {"action", "Written acknowledgement with the crime reference and officer contact details, "
                            "given in person (fictional)."},
                 {"done_on", day(0)},
                 {"done_by", officer}});
    records.add(recordSpec(recordtype::kIsvaReferral), c.id,
                {{"victim_id", id(victim.id)},
                 {"offered_on", day(0)},
                 {"accepted", "yes"},
                 {"service", "Fictional ISVA Service"},
                 {"consent_to_share", "1"},
                 {"consent_on", day(0)}});
    records.add(recordSpec(recordtype::kVictimWish), c.id,
                {{"victim_id", id(victim.id)}, {"recorded_at", at(1)}, {"wish", "full"}, {"recorded_by", officer}});
    if (suspect.givenName != "Unknown") {
        const Record arrest = records.add(recordSpec(recordtype::kCaseEvent), c.id,
                                          {{"kind", "arrest"},
                                           {"occurred_at", at(26)},
                                           {"suspect_id", id(suspect.id)},
                                           {"details", "Arrested at home address (fictional)."}});
        if (demo.daysAgo > 5) {
            records.add(recordSpec(recordtype::kContact), c.id,
                        {{"victim_id", id(victim.id)},
                         {"contacted_at", at(30)},
                         {"method", "phone"},
                         {"purpose", "event-notification"},
                         {"by_whom", officer},
                         {"explained_events", arrest.uuid}, // Right 6 per event (issue 14)
                         {"explained", "The suspect has been arrested and interviewed; what happens next (fictional)."},
                         {"victim_views", "Asked about bail conditions (fictional)."}});
        }
    }
    records.add(recordSpec(recordtype::kEnquiry), c.id,
                {{"title", "Research the suspect's previous reports and intelligence"},
                 {"principle", "suspect-focused"},
                 {"owner", officer},
                 {"due_on", day(7)},
                 {"status", "in_progress"},
                 {"accepted_at", at(3)},
                 {"accepted_by", officer}});
    records.add(recordSpec(recordtype::kReview), c.id,
                {{"reviewed_at", at(48)},
                 {"reviewer_name", "DI Demo Fictional"},
                 {"reviewer_rank", "inspector"},
                 {"scope", "Initial actions, safeguarding, forensic opportunities, ISVA offer."},
                 {"directions", "Complete suspect research; record the victim's contact preferences."},
                 {"signed_off", "1"}});
}

/// The intrusive enquiries done as the guardrails require: a witness's phone extracted with the s.37 notice given
/// first, for a stated line of enquiry (DEMO/0003), and a request for the victim's childhood social-care
/// records, from a specific disclosure, approved by a supervisor and notified to the victim (DEMO/0004).
void addIntrusiveEnquiries(Workspace& ws, const DemoCase& demo, const Case& c, const std::vector<Person>& people)
{
    const auto day = [&](int daysAfterReport) { return isoDay(c.reportedAt + std::chrono::days(daysAfterReport)); };
    const auto at = [&](int hoursAfterReport) { return toIsoUtc(c.reportedAt + std::chrono::hours(hoursAfterReport)); };
    const std::string_view serial = demo.serial;
    if (serial == "DEMO/0003") {
        ws.records().add(recordSpec(recordtype::kDevice), c.id,
                         {{"owner_role", "witness"},
                          {"person_id", std::to_string(people[2].id)},
                          {"device_type", "mobile-phone"},
                          {"description", "The friend's phone (fictional)"},
                          {"legal_basis", "pcsc2022-s37"},
                          {"s37_notice_date", day(3)},
                          {"line_of_enquiry", "The messages the victim sent this friend from the bar, which name the "
                                              "suspect and the time they left (fictional)."},
                          {"proportionality", "Only the message thread with the victim on the night; a screenshot "
                                              "could not show the times and sender reliably (fictional)."},
                          {"data_types", "Messages with one contact"},
                          {"data_from", day(-3)},
                          {"data_to", day(-1)},
                          {"seized_at", at(24 * 3 + 2)},
                          {"extraction_started", day(3)},
                          {"extraction_completed", day(3)},
                          {"returned_at", at(24 * 3 + 8)},
                          {"swap_given", "0"}});
    } else if (serial == "DEMO/0004") {
        ws.records().add(recordSpec(recordtype::kTpmRequest), c.id,
                         {{"person_id", std::to_string(people[0].id)},
                          {"tpm_type", "social-care"},
                          {"holder", "Fictional County Council children's services"},
                          {"line_of_enquiry", "The victim told a social worker in 1990; the record of that disclosure "
                                              "and what was done is evidence of first complaint (fictional)."},
                          {"proportionality", "Only the entries for the 1990 referral, not the whole file "
                                              "(fictional)."},
                          {"supervisor_review", "approved"},
                          {"supervisor_name", "DS Demo Fictional"},
                          {"supervisor_rank", "sergeant"},
                          {"supervisor_reviewed_at", at(24 * 20)},
                          {"victim_informed_on", day(21)},
                          {"requested_on", day(22)}});
    }
}

/// What a closed demo case's outcome rests on, written before the outcome is recorded (through the guardrails):
/// for outcome 16 the victim's withdrawal (spoken to directly, evidence-led prosecution considered) and a
/// supervisory review after it; for 15 the CPS decision and a review; for 1 the charge.
void addClosingRecords(Workspace& ws, const DemoCase& demo, const Case& c, const std::vector<Person>& people)
{
    const std::string officer = ws.info().owner.displayName;
    const auto at = [&](int daysAfterReport) { return toIsoUtc(c.reportedAt + std::chrono::days(daysAfterReport)); };
    const std::string victim = std::to_string(people[0].id);
    const std::string suspect = std::to_string(people[1].id);
    const std::string_view outcome = demo.outcome;
    const auto review = [&](int dayAfterReport, const char* scope) {
        ws.records().add(recordSpec(recordtype::kReview), c.id,
                         {{"reviewed_at", at(dayAfterReport)},
                          {"reviewer_name", "DI Demo Fictional"},
                          {"reviewer_rank", "inspector"},
                          {"scope", scope},
                          {"signed_off", "1"}});
    };
    if (outcome == "16") {
        const auto first = ws.records().listForCase(recordSpec(recordtype::kVictimWish), c.id);
        ws.records().add(recordSpec(recordtype::kVictimWish), c.id,
                         {{"victim_id", victim},
                          {"recorded_at", at(demo.outcomeDay - 20)},
                          {"wish", "withdrawn"},
                          {"reason", "delay"},
                          {"second_reason", "fear-of-court-cross-examination"},
                          {"spoken_directly", "yes"},
                          {"evidence_led_considered", "yes"},
                          {"evidence_led_rationale", "No independent evidence of the offence beyond the victim's "
                                                     "account; discussed with the CPS (fictional)."},
                          {"support_continues", "ISVA support continues; the victim may re-engage (fictional)."},
                          {"recorded_by", officer},
                          {"supersedes_id", first.empty() ? std::string() : std::to_string(first.front().id)}});
        review(demo.outcomeDay - 10, "Before outcome 16: the withdrawal, how it was recorded, evidence-led options, "
                                     "safeguarding that continues (fictional).");
    } else if (outcome == "15") {
        ws.records().add(
            recordSpec(recordtype::kCaseEvent), c.id,
            {{"kind", "referred-to-cps"}, {"occurred_at", at(demo.outcomeDay - 40)}, {"suspect_id", suspect}});
        ws.records().add(recordSpec(recordtype::kCaseEvent), c.id,
                         {{"kind", "no-further-action"},
                          {"occurred_at", at(demo.outcomeDay - 10)},
                          {"suspect_id", suspect},
                          {"details", "CPS: the evidential stage of the Full Code Test is not met (fictional)."}});
        review(demo.outcomeDay - 5, "Before outcome 15: the CPS decision, the victim told of it and of the Victims' "
                                    "Right to Review, safeguarding (fictional).");
    } else if (outcome == "1") {
        ws.records().add(
            recordSpec(recordtype::kCaseEvent), c.id,
            {{"kind", "referred-to-cps"}, {"occurred_at", at(demo.outcomeDay - 30)}, {"suspect_id", suspect}});
        ws.records().add(recordSpec(recordtype::kCaseEvent), c.id,
                         {{"kind", "charged"},
                          {"occurred_at", at(demo.outcomeDay)},
                          {"suspect_id", suspect},
                          {"details", "Charged with rape on the CPS's decision (fictional)."}});
    }
}

/// Records the demo case's context answers (see demoContext); skipped without a question catalogue.
void answerContext(Workspace& ws, const Case& c, const nom::QuestionCatalogue* questions)
{
    if (questions == nullptr) {
        return;
    }
    for (const auto& [question, value] : demoContext(c.reference)) {
        if (questions->find(question) != nullptr) { // a force's catalogue may not ask every question
            ws.context().answer(c.id, question, value, *questions);
        }
    }
}

} // namespace

WorkspaceOwner demoOwner()
{
    return WorkspaceOwner{"DC Demo Example", "DEMO"};
}

std::string demoReference(std::string_view serial, Instant reportedAt)
{
    // The year of the report in the UK, as forces write it ("/26" for a report in 2026).
    const int year = static_cast<int>(london::date(reportedAt).year());
    const int yy = year % 100;
    return std::string(serial) + (yy < 10 ? "/0" : "/") + std::to_string(yy);
}

std::size_t addDemoCases(Workspace& workspace, const nom::QuestionCatalogue* questions)
{
    std::size_t added = 0;
    for (const auto& demo : Cases) {
        if (workspace.offences().find(demo.offence) == nullptr) {
            continue; // a force's own offences list may not carry every demo offence
        }
        CaseDraft draft;
        draft.reportedAt = workspace.clock().now() - std::chrono::days(demo.daysAgo) - std::chrono::hours(5);
        draft.reference = demoReference(demo.serial, draft.reportedAt);
        if (*demo.operation != '\0') {
            draft.operationName = demo.operation;
        }
        draft.primaryOffence = demo.offence;
        draft.status = demo.status;
        if (*demo.offenceDate != '\0') {
            draft.offenceDate = ApproxDate::parse(demo.offenceDate).value_or(ApproxDate());
        } else {
            const std::string day = isoDay(draft.reportedAt - std::chrono::days(2));
            draft.offenceDate = ApproxDate::day(day);
        }
        draft.locationType = demo.locationType;
        draft.reportChannel = demo.reportChannel;
        draft.journeyStage = demo.stage;
        const Case stored = cases::create(workspace, draft);
        std::vector<Person> people;
        for (const auto& p : demo.people) {
            PersonDraft person;
            person.caseId = stored.id;
            person.role = p.role;
            person.givenName = p.given;
            person.familyName = p.family;
            if (p.dateOfBirth != nullptr) {
                person.dateOfBirth = p.dateOfBirth;
            }
            people.push_back(workspace.people().add(person));
        }
        addDemoRecords(workspace, demo, stored, people);
        addIntrusiveEnquiries(workspace, demo, stored, people);
        answerContext(workspace, stored, questions);
        if (demo.outcome != nullptr) {
            addClosingRecords(workspace, demo, stored, people);
            Case closed = stored;
            closed.outcomeCode = demo.outcome;
            closed.outcomeDate = isoDay(stored.reportedAt + std::chrono::days(demo.outcomeDay));
            closed.outcomeReason = demo.outcomeReason;
            cases::updateOverview(workspace, closed); // through the outcome guardrails, like an officer's
        }
        ++added;
    }
    return added;
}

} // namespace wb::core
