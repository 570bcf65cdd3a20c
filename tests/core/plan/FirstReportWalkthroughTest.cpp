// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 14, "Done when": four cases entered as an officer would at first report — the case and its offence date on
// Overview, the victim and any named suspect on People with their relationship, a few context answers — and the
// plan they get: suspect-focused lines first, no intrusive victim enquiry in the first twenty, facts the records
// hold never asked again, and "questions that would open more lines" naming the follow-ups that matter.
// Fictional cases only.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/Workspace.h"
#include "core/cases/CaseFacts.h"
#include "core/cases/ContextAnswers.h"
#include "core/deadlines/Calendar.h"
#include "core/domain/LondonTime.h"
#include "core/people/People.h"
#include "core/plan/InvestigationPlan.h"
#include "support/TestSupport.h"

using namespace wb;
using namespace wb::core;
using namespace std::chrono_literals;

namespace {

class FirstReportWalkthroughTest : public ::testing::Test
{
protected:
    test::TempDir dir;
    std::unique_ptr<Workspace> ws = test::createWorkspace(dir / "walkthrough.rwb");
    const nom::EnquiryCatalogue& enquiries = *test::enquiries();
    const nom::QuestionCatalogue& questions = *test::questions();

    /// The London date `ago` before the workspace's now, as "YYYY-MM-DD".
    std::string daysAgo(std::chrono::hours ago) { return deadlines::toIsoDate(london::date(ws->clock().now() - ago)); }

    Case report(const std::string& reference, const std::string& offence, ApproxDate when)
    {
        CaseDraft draft = test::caseDraft(reference, offence);
        // Reported now: caseDraft's "30 hours ago" falls on the day before an offence "24 hours ago" between
        // midnight and 06:00 UTC, and the case was refused as reported before the offence.
        draft.reportedAt = ws->clock().now();
        draft.offenceDate = std::move(when);
        return ws->cases().add(draft);
    }

    Person person(const Case& c, PersonRole role, const std::string& given, std::optional<std::string> born = {})
    {
        PersonDraft draft;
        draft.caseId = c.id;
        draft.role = role;
        draft.givenName = given;
        draft.familyName = "Example";
        draft.dateOfBirth = std::move(born);
        return people::add(ws->people(), draft);
    }

    void relate(const Case& c, const Person& victim, const Person& suspect, const std::string& category)
    {
        people::link(*ws, c.id, {victim.id, suspect.id, category, "Fictional"});
    }

    void answer(const Case& c, const std::string& question, const nom::FactValue& value)
    {
        cases::answer(*ws, c.id, question, value, questions);
    }

    plan::PlanView plan(const Case& c) { return plan::build(*ws, c.id, enquiries, questions, ws->clock().now()); }

    static bool proposes(const plan::PlanView& view, const std::string& id)
    {
        return std::any_of(view.proposals.begin(), view.proposals.end(),
                           [&](const plan::PlanItem& item) { return item.enquiryId == id; });
    }

    static bool asks(const plan::PlanView& view, const std::string& questionId)
    {
        return std::any_of(view.openingQuestions.begin(), view.openingQuestions.end(),
                           [&](const plan::OpeningQuestion& q) { return q.question->id == questionId; });
    }

    /// The NOM at work from the first report: suspect-focused lines lead, and nothing that reaches into the
    /// victim's private life is among the first twenty.
    static void expectSuspectFocusedFirst(const plan::PlanView& view)
    {
        ASSERT_GE(view.proposals.size(), 10U);
        EXPECT_EQ(view.proposals.front().entry->principle, nom::Principle::SuspectFocused);
        for (std::size_t i = 0; i < std::min<std::size_t>(20, view.proposals.size()); ++i) {
            EXPECT_FALSE(view.proposals[i].entry->intrudesOnVictimPrivacy)
                << view.proposals[i].enquiryId << " at position " << i;
        }
        EXPECT_FALSE(view.openingQuestions.empty());
    }
};

TEST_F(FirstReportWalkthroughTest, aStrangerAttackLeadsWithTheLinesThatIdentifyTheSuspect)
{
    const Case c = report("FICT/W14/1", "SOA2003-s1", ApproxDate::day(daysAgo(24h)));
    person(c, PersonRole::Victim, "Alex", "1999-04-02");
    answer(c, "relationship.category", std::string("stranger"));
    answer(c, "suspect.known", false);
    answer(c, "offence.location", std::string("outdoor-public-place"));
    answer(c, "offence.acts", nom::TextList{"vaginal"});
    answer(c, "offence.lastContactAt", ws->clock().now() - 10h);

    const auto view = plan(c);
    expectSuspectFocusedFirst(view);
    EXPECT_TRUE(proposes(view, "IDN-001")); // CCTV before it is overwritten
    EXPECT_TRUE(proposes(view, "IDN-002")); // the public-space control room
    EXPECT_TRUE(proposes(view, "IDN-005")); // speculative forensic database search
    // Whether the suspect travelled opens ANPR and transport records.
    EXPECT_TRUE(asks(view, "offence.travel"));
    EXPECT_FALSE(asks(view, "suspect.known"));
}

TEST_F(FirstReportWalkthroughTest, anExPartnerCaseTakesTheRelationshipFromPeopleAndAsksAboutSeparation)
{
    const Case c = report("FICT/W14/2", "SOA2003-s1", ApproxDate::day(daysAgo(48h)));
    const Person victim = person(c, PersonRole::Victim, "Sam", "1992-09-14");
    const Person suspect = person(c, PersonRole::Suspect, "Jordan", "1990-01-30");
    relate(c, victim, suspect, "ex-partner");
    answer(c, "offence.acts", nom::TextList{"vaginal"});
    answer(c, "offence.lastContactAt", ws->clock().now() - 30h);

    const auto facts = cases::caseFacts(*ws, c.id, questions, ws->clock().now()).facts;
    EXPECT_EQ(std::get<std::string>(facts.at("relationship.category")), "ex-partner");
    EXPECT_EQ(std::get<bool>(facts.at("suspect.known")), true);

    const auto view = plan(c);
    expectSuspectFocusedFirst(view);
    // Entered once, on People: never asked again on the plan's question list.
    EXPECT_FALSE(asks(view, "relationship.category"));
    EXPECT_FALSE(asks(view, "suspect.known"));
    // The follow-ups an ex-partner case turns on.
    EXPECT_TRUE(asks(view, "relationship.separated"));
    EXPECT_TRUE(asks(view, "relationship.domesticAbuse"));
}

TEST_F(FirstReportWalkthroughTest, anOnlineFirstMeetingAsksForThePlatformAndHowLongTheyKnewEachOther)
{
    const Case c = report("FICT/W14/3", "SOA2003-s1", ApproxDate::day(daysAgo(72h)));
    const Person victim = person(c, PersonRole::Victim, "Robin", "2001-11-05");
    const Person suspect = person(c, PersonRole::Suspect, "Casey");
    relate(c, victim, suspect, "met-online");
    answer(c, "suspect.digitalContact", true);
    answer(c, "offence.location", std::string("suspects-home"));

    const auto view = plan(c);
    expectSuspectFocusedFirst(view);
    EXPECT_FALSE(asks(view, "relationship.category"));
    EXPECT_TRUE(asks(view, "suspect.digitalChannels")); // a dating app opens the platform's lines
    EXPECT_TRUE(asks(view, "relationship.knownFor"));   // met less than 24 hours before
}

TEST_F(FirstReportWalkthroughTest, aNonRecentFamilialCaseKeysOnTheAgeAtTheTimeFromPeopleAndOverview)
{
    const Case c = report("FICT/W14/4", "SOA1956-s1", ApproxDate::between("1996-01-01", "1999-12-31"));
    const Person victim = person(c, PersonRole::Victim, "Jamie", "1988-05-01");
    const Person suspect = person(c, PersonRole::Suspect, "Chris", "1960-02-12");
    relate(c, victim, suspect, "family-member");

    const auto facts = cases::caseFacts(*ws, c.id, questions, ws->clock().now()).facts;
    ASSERT_TRUE(facts.contains("victim.ageAtOffence"));
    EXPECT_EQ(std::get<double>(facts.at("victim.ageAtOffence")), 7.0); // born May 1988, from 1 January 1996
    ASSERT_TRUE(facts.contains("offence.period"));

    const auto view = plan(c);
    expectSuspectFocusedFirst(view);
    EXPECT_TRUE(proposes(view, "SUS-PRE-005")); // keyed on the age at the time, not the age now
    EXPECT_FALSE(proposes(view, "VIC-014"));    // the child-interview entry is about the age now
    EXPECT_FALSE(asks(view, "victim.ageAtOffence"));
    EXPECT_TRUE(asks(view, "offence.institutional")); // abuse in an institution opens Operation Hydrant
}

} // namespace
