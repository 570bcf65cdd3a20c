// SPDX-License-Identifier: GPL-3.0-or-later
// A case's facts read from its records as well as its context answers (issue 14, "Enter each fact once"): the plan,
// the journey checklists and the deadline snapshot see the same merged facts; an answer against a record needs a
// reason, which is stored and audited. Fictional case and people only.
#include <gtest/gtest.h>

#include <algorithm>

#include "core/Error.h"
#include "core/audit/AuditLog.h"
#include "core/cases/CaseFacts.h"
#include "core/cases/ContextAnswers.h"
#include "core/deadlines/CollectSnapshots.h"
#include "core/journey/LoadCaseState.h"
#include "core/people/People.h"
#include "core/plan/InvestigationPlan.h"
#include "core/records/RecordSpec.h"
#include "core/records/RecordTypes.h"
#include "core/store/Statement.h"
#include "core/suspects/Decisions.h"
#include "support/TestSupport.h"

using namespace wb;
using namespace wb::core;

namespace {

class CaseFactsTest : public ::testing::Test
{
protected:
    test::TempDir dir;
    std::unique_ptr<Workspace> ws = test::createWorkspace(dir / "facts.rwb");
    Case c = ws->cases().add(test::caseDraft("FICT/FA/26"));
    const nom::QuestionCatalogue& questions = *test::questions();
    Person victim = addPerson(PersonRole::Victim, "Alex", "Example");

    Person addPerson(PersonRole role, const std::string& given, const std::string& family)
    {
        PersonDraft p;
        p.caseId = c.id;
        p.role = role;
        p.givenName = given;
        p.familyName = family;
        return ws->people().add(p);
    }

    nom::MergedFacts merged() { return cases::caseFacts(*ws, c.id, questions, ws->clock().now()); }

    nom::Facts snapshotFacts()
    {
        deadlines::CaseSelection one;
        one.caseId = c.id;
        const auto snapshots = deadlines::collectSnapshots(ws->connectionForImport(), one, &questions, true);
        return snapshots.empty() ? nom::Facts{} : snapshots.front().facts;
    }

    bool proposed(const std::string& id)
    {
        const auto view = plan::build(*ws, c.id, *test::enquiries(), questions, ws->clock().now());
        return std::any_of(view.proposals.begin(), view.proposals.end(),
                           [&id](const plan::PlanItem& i) { return i.enquiryId == id; });
    }

    nom::ItemState journeyItem(const std::string& stage, const std::string& id)
    {
        const auto& checklists = *test::journeyChecklists();
        const auto state = nom::loadCaseState(*ws, c.id, questions, checklists);
        for (const auto& result : checklists.evaluate(stage, state)) {
            if (result.item->id == id) {
                return result.state;
            }
        }
        ADD_FAILURE() << "no journey item " << id;
        return nom::ItemState::Reminder;
    }
};

TEST_F(CaseFactsTest, aRelationshipOnPeopleIsTheContextAnswerEverywhere)
{
    EXPECT_EQ(merged().facts.count("relationship.category"), 0u);
    const Person suspect = addPerson(PersonRole::Suspect, "Sam", "Sample");
    people::link(*ws, c.id, {victim.id, suspect.id, "met-online", ""});

    const auto facts = merged();
    EXPECT_EQ(facts.facts.at("relationship.category"), nom::FactValue(std::string("met-online")));
    EXPECT_EQ(facts.provenance.at("relationship.category").origin, nom::FactOrigin::Record);
    EXPECT_EQ(facts.facts.at("suspect.known"), nom::FactValue(true));
    // The deadline snapshot reads the same merged facts.
    EXPECT_EQ(snapshotFacts(), facts.facts);
    // The journey item "record whether anyone knows who the suspect is" is done by the named suspect.
    EXPECT_EQ(journeyItem("stage-06", "s06-suspect-known"), nom::ItemState::Done);
}

TEST_F(CaseFactsTest, withoutRecordsTheJourneyAndSnapshotSeeOnlyTheAnswers)
{
    EXPECT_EQ(journeyItem("stage-06", "s06-suspect-known"), nom::ItemState::Outstanding);
    cases::answer(*ws, c.id, "offence.repeated", true, questions);
    const auto facts = snapshotFacts();
    EXPECT_EQ(facts.size(), 1u);
    EXPECT_EQ(facts.at("offence.repeated"), nom::FactValue(true));
}

TEST_F(CaseFactsTest, anAcceptedIsvaReferralStopsTheOfferBeingProposed)
{
    EXPECT_TRUE(proposed("VIC-001"));
    ws->records().add(recordSpec(recordtype::kIsvaReferral), c.id,
                      {{"victim_id", std::to_string(victim.id)}, {"offered_on", "2026-01-05"}, {"accepted", "no"}});
    EXPECT_TRUE(proposed("VIC-001")); // declined: the offer can be made again
    ws->records().add(recordSpec(recordtype::kIsvaReferral), c.id,
                      {{"victim_id", std::to_string(victim.id)}, {"offered_on", "2026-01-06"}, {"accepted", "yes"}});
    EXPECT_FALSE(proposed("VIC-001"));
    EXPECT_EQ(snapshotFacts().at("victim.supportedByIsva"), nom::FactValue(true));
}

TEST_F(CaseFactsTest, anOffenceDateOnOverviewAndAnAgeOnPeopleAreFacts)
{
    Case updated = c;
    updated.offenceDate = ApproxDate::year(2005);
    ws->cases().update(updated);
    victim.dateOfBirth = "1995-03-01";
    ws->people().update(victim);

    const auto facts = merged();
    EXPECT_TRUE(std::holds_alternative<nom::DateRange>(facts.facts.at("offence.period")));
    EXPECT_EQ(facts.provenance.at("offence.period").derived->source, nom::RecordSource::Overview);
    EXPECT_EQ(facts.facts.count("victim.age"), 1u);
    // victim.ageAtOffence only where the loaded catalogue asks it.
    EXPECT_EQ(facts.facts.count("victim.ageAtOffence"), questions.find("victim.ageAtOffence") != nullptr ? 1u : 0u);
    EXPECT_EQ(snapshotFacts(), facts.facts);
    EXPECT_EQ(journeyItem("stage-06", "s06-period"), nom::ItemState::Done);
}

TEST_F(CaseFactsTest, anAnswerAgainstTheRecordsNeedsAReasonWhichIsStoredAndAudited)
{
    addPerson(PersonRole::Suspect, "Sam", "Sample");
    try {
        cases::answer(*ws, c.id, "suspect.known", false, questions);
        ADD_FAILURE() << "expected a refusal";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::Validation);
        EXPECT_EQ(e.field(), "overrideReason");
    }
    EXPECT_TRUE(ws->context().history(c.id, "suspect.known", questions).empty());
    // The same value as the record needs no reason (and is not an override).
    EXPECT_TRUE(cases::answer(*ws, c.id, "suspect.known", true, questions).has_value());
    EXPECT_THROW(cases::answer(*ws, c.id, "suspect.known", false, questions, std::string("  ")), Error);

    const auto written = cases::answer(*ws, c.id, "suspect.known", false, questions,
                                       std::string("The name given is a nickname; no one knows who he is"));
    ASSERT_TRUE(written.has_value());
    const auto facts = merged();
    EXPECT_EQ(facts.facts.at("suspect.known"), nom::FactValue(false));
    EXPECT_EQ(facts.provenance.at("suspect.known").origin, nom::FactOrigin::Override);
    EXPECT_EQ(facts.provenance.at("suspect.known").overrideReason,
              "The name given is a nickname; no one knows who he is");
    EXPECT_EQ(ws->context().history(c.id, "suspect.known", questions).back().overrideReason,
              "The name given is a nickname; no one knows who he is");
    EXPECT_EQ(snapshotFacts().at("suspect.known"), nom::FactValue(false));
    const auto entries = audit::entriesFor(ws->connectionForImport(), written->uuid, "context_answers");
    ASSERT_EQ(entries.size(), 1u);
    EXPECT_NE(entries.front().changes.find("override_reason"), std::string::npos);
    EXPECT_EQ(entries.front().changes.find("nickname"), std::string::npos); // the reason's words stay out of the log
    EXPECT_TRUE(ws->verifyAudit().ok());

    // Withdrawing the override lets the record's value stand again.
    cases::answer(*ws, c.id, "suspect.known", std::nullopt, questions);
    EXPECT_EQ(merged().facts.at("suspect.known"), nom::FactValue(true));
    EXPECT_EQ(merged().provenance.at("suspect.known").origin, nom::FactOrigin::Record);
}

TEST_F(CaseFactsTest, aPlainAnswerStandsWhereNoRecordHoldsTheFact)
{
    cases::answer(*ws, c.id, "suspect.known", false, questions);
    const auto facts = merged();
    EXPECT_EQ(facts.facts.at("suspect.known"), nom::FactValue(false));
    EXPECT_EQ(facts.provenance.at("suspect.known").origin, nom::FactOrigin::Answer);
}

TEST_F(CaseFactsTest, anOpenBailRecordGivesTheSuspectsStatus)
{
    const Person suspect = addPerson(PersonRole::Suspect, "Sam", "Sample");
    ws->records().add(recordSpec(recordtype::kBail), c.id,
                      {{"suspect_id", std::to_string(suspect.id)}, {"kind", "rui"}, {"start_date", "2026-01-10"}});
    EXPECT_EQ(merged().facts.at("suspect.status"), nom::FactValue(std::string("released-under-investigation")));
    EXPECT_EQ(snapshotFacts().at("suspect.status"), nom::FactValue(std::string("released-under-investigation")));
}

TEST_F(CaseFactsTest, aRelationshipChangeMarksTheCaseForDeadlineReEvaluation)
{
    auto& db = ws->connectionForImport();
    const auto dirty = [&db, this] {
        store::Statement count(db, "SELECT count(*) FROM due_dirty WHERE case_id = :case");
        count.bind(":case", c.id).step();
        return count.columnInt64(0);
    };
    const Person suspect = addPerson(PersonRole::Suspect, "Sam", "Sample");
    db.exec("DELETE FROM due_dirty");
    ASSERT_EQ(dirty(), 0);
    const auto relationship = people::link(*ws, c.id, {victim.id, suspect.id, "ex-partner", ""});
    EXPECT_EQ(dirty(), 1);
    db.exec("DELETE FROM due_dirty");
    people::unlink(*ws, relationship.id);
    EXPECT_EQ(dirty(), 1);
}

} // namespace

TEST_F(CaseFactsTest, aSuspectConfirmedTheSameAsAnotherCasesIsALinkedReportInTheSnapshotToo)
{
    const Person suspect = addPerson(PersonRole::Suspect, "Jon", "Smyth");
    Case other = ws->cases().add(test::caseDraft("FICT/FB/26"));
    PersonDraft elsewhere;
    elsewhere.caseId = other.id;
    elsewhere.role = PersonRole::Suspect;
    elsewhere.givenName = "Jonathan";
    elsewhere.familyName = "Smith";
    const Person otherSuspect = ws->people().add(elsewhere);
    EXPECT_EQ(snapshotFacts().count("suspect.linkedRassoReports"), 0u);
    suspects::decide(*ws, suspects::DecisionRequest{suspect.id, otherSuspect.id, MatchVerdict::Same,
                                                    "Same phone and date of birth (fictional)"});
    EXPECT_EQ(merged().facts.at("suspect.linkedRassoReports"), nom::FactValue(1.0));
    EXPECT_EQ(snapshotFacts().at("suspect.linkedRassoReports"), nom::FactValue(1.0))
        << "the due list reads the facts the plan reads";
}
