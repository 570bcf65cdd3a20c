// SPDX-License-Identifier: GPL-3.0-or-later
// Repeat suspects over the whole workspace (core/suspects/RepeatSuspects): the scan of pairs awaiting a decision, the
// persons of interest who are suspects in several cases, and the linked reports the rules engine reads
// (suspect.linkedRassoReports, derived from "same person" decisions). Fictional people only (phones 07700 900xxx).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "core/Error.h"
#include "core/cases/CaseFacts.h"
#include "core/cases/ContextAnswers.h"
#include "core/people/People.h"
#include "core/plan/InvestigationPlan.h"
#include "core/suspects/Decisions.h"
#include "core/suspects/RepeatSuspects.h"
#include "support/MatchingTestSupport.h"
#include "support/TestSupport.h"

using namespace wb;
using namespace wb::core;
using suspects::DecisionRequest;
using suspects::PairProposal;

namespace {

class RepeatSuspectsTest : public ::testing::Test
{
protected:
    test::TempDir dir;
    std::unique_ptr<Workspace> ws = test::createWorkspace(dir / "repeat.rwb");
    const nom::QuestionCatalogue& questions = *test::questions();
    Case one = ws->cases().add(test::caseDraft("FICT/RS1/26"));
    Case two = ws->cases().add(test::caseDraft("FICT/RS2/26"));
    Case three = ws->cases().add(test::caseDraft("FICT/RS3/26"));
    Person jon = add(one, PersonRole::Suspect, "Jon", "Smyth", "07700 900123");
    Person sameCase = add(one, PersonRole::Suspect, "Jon", "Smyth", "07700 900123");
    Person jonathan = add(two, PersonRole::Suspect, "Jonathan", "Smith", "+44 7700 900123");
    Person victimOne = add(one, PersonRole::Victim, "Amira", "Haddad", "07700 900456");
    Person victimTwo = add(two, PersonRole::Victim, "Amira", "Haddad", "07700 900456");
    Person johnny = add(three, PersonRole::Suspect, "Johnny", "Smith", "07700 900123");
    Person mark = add(three, PersonRole::Witness, "Mark", "Example", "07700 900777");

    Person
    add(const Case& c, PersonRole role, const std::string& given, const std::string& family, const std::string& phone)
    {
        return test::addPerson(*ws, c, role, given, family, "1988-04-03", phone);
    }

    void decide(const Person& a, const Person& b, MatchVerdict verdict)
    {
        suspects::decide(*ws, DecisionRequest{a.id, b.id, verdict, "Fictional rationale"});
    }

    suspects::MatchingIndex index() { return {*ws, std::filesystem::path(WB_RESOURCES_DIR)}; }

    static bool pairs(const PairProposal& p, const Person& a, const Person& b)
    {
        const auto x = p.first.record.personId;
        const auto y = p.second.record.personId;
        return (x == a.id && y == b.id) || (x == b.id && y == a.id);
    }

    static bool proposes(const suspects::AwaitingDecision& found, const Person& a, const Person& b)
    {
        return std::any_of(found.proposals.begin(), found.proposals.end(),
                           [&](const PairProposal& p) { return pairs(p, a, b); });
    }

    nom::MergedFacts facts(const Case& c) { return cases::caseFacts(*ws, c.id, questions, ws->clock().now()); }

    std::optional<double> linkedReports(const Case& c)
    {
        const auto merged = facts(c);
        const auto it = merged.facts.find("suspect.linkedRassoReports");
        if (it == merged.facts.end()) {
            return std::nullopt;
        }
        return std::get<double>(it->second);
    }

    bool proposed(const Case& c, const std::string& id)
    {
        const auto view = plan::build(*ws, c.id, *test::enquiries(), questions, ws->clock().now());
        return std::any_of(view.proposals.begin(), view.proposals.end(),
                           [&id](const plan::PlanItem& i) { return i.enquiryId == id; });
    }
};

TEST_F(RepeatSuspectsTest, theScanProposesPairsAcrossCasesStrongestFirst)
{
    const auto built = index();
    const auto found = suspects::awaitingDecision(built);
    EXPECT_FALSE(found.cancelled);
    EXPECT_TRUE(proposes(found, jon, jonathan));
    EXPECT_TRUE(proposes(found, jonathan, johnny));
    EXPECT_FALSE(proposes(found, jon, sameCase)) << "two people of one case";
    EXPECT_FALSE(proposes(found, victimOne, victimTwo)) << "never two victims";
    for (std::size_t i = 0; i < found.proposals.size(); ++i) {
        const auto& p = found.proposals[i];
        EXPECT_NE(p.first.record.caseId, p.second.record.caseId);
        EXPECT_GE(p.score.probability, built.model().threshold());
        EXPECT_FALSE(p.first.caseReference.empty());
        EXPECT_FALSE(p.decision.has_value());
        if (i > 0) {
            EXPECT_GE(found.proposals[i - 1].score.totalWeight, p.score.totalWeight);
        }
    }
    EXPECT_EQ(found.linked, 0u);
    EXPECT_EQ(found.suppressed, 0u);
}

TEST_F(RepeatSuspectsTest, theScanLeavesOutDecidedPairsUntilDetailsChange)
{
    decide(jon, jonathan, MatchVerdict::Same);
    decide(jonathan, johnny, MatchVerdict::Different);
    auto built = index();
    auto found = suspects::awaitingDecision(built);
    EXPECT_FALSE(proposes(found, jon, jonathan));
    EXPECT_FALSE(proposes(found, jonathan, johnny));
    EXPECT_EQ(found.linked, 1u);
    EXPECT_EQ(found.suppressed, 1u);
    EXPECT_TRUE(proposes(found, jon, johnny)) << "not decided yet";

    people::addIdentifier(*ws, johnny.id, {"vehicle", "AB12 CDE", ""});
    built.rebuild();
    found = suspects::awaitingDecision(built);
    EXPECT_EQ(found.suppressed, 0u);
    ASSERT_TRUE(proposes(found, jonathan, johnny)) << "Johnny's details changed: proposed again";
    const auto again = std::find_if(found.proposals.begin(), found.proposals.end(),
                                    [&](const PairProposal& p) { return pairs(p, jonathan, johnny); });
    ASSERT_TRUE(again->decision.has_value());
    EXPECT_EQ(again->decision->verdict, MatchVerdict::Different);
}

TEST_F(RepeatSuspectsTest, theScanCanBeCancelled)
{
    const auto built = index();
    std::size_t calls = 0;
    const auto found = suspects::awaitingDecision(built, [&calls](std::size_t done, std::size_t total) {
        EXPECT_LE(done, total);
        ++calls;
        return false;
    });
    EXPECT_GE(calls, 1u);
    EXPECT_TRUE(found.cancelled);
}

TEST_F(RepeatSuspectsTest, repeatSuspectsAreSuspectsInMoreThanOneCase)
{
    EXPECT_TRUE(suspects::repeatSuspects(*ws).empty());
    Person markSuspect = add(one, PersonRole::Suspect, "Mark", "Example", "07700 900777");
    decide(markSuspect, mark, MatchVerdict::Same); // a suspect here, a witness there: one case as a suspect
    EXPECT_EQ(suspects::personsOfInterest(*ws).size(), 1u);
    EXPECT_TRUE(suspects::repeatSuspects(*ws).empty());

    decide(jon, jonathan, MatchVerdict::Same);
    decide(jonathan, johnny, MatchVerdict::Same);
    const auto repeat = suspects::repeatSuspects(*ws);
    ASSERT_EQ(repeat.size(), 1u);
    EXPECT_EQ(repeat.front().suspectCaseCount(), 3u);
    EXPECT_EQ(repeat.front().members.size(), 3u);
}

TEST_F(RepeatSuspectsTest, aConfirmedLinkIsTheLinkedReportsFactOfEachCaseAndChangesThePlan)
{
    EXPECT_FALSE(linkedReports(one).has_value());
    EXPECT_FALSE(proposed(one, "REP-002"));
    EXPECT_TRUE(suspects::linkedSuspectCases(*ws, one.id).empty());

    decide(jon, jonathan, MatchVerdict::Same);
    EXPECT_EQ(suspects::linkedSuspectCases(*ws, one.id), (std::vector<std::int64_t>{two.id}));
    EXPECT_EQ(linkedReports(one), 1.0);
    EXPECT_EQ(linkedReports(two), 1.0);
    EXPECT_FALSE(linkedReports(three).has_value());
    const auto provenance = facts(one).provenance.at("suspect.linkedRassoReports");
    EXPECT_EQ(provenance.origin, nom::FactOrigin::Record);
    EXPECT_EQ(provenance.derived->source, nom::RecordSource::People);
    EXPECT_TRUE(proposed(one, "REP-002")) << "flag the suspect as a possible repeat suspect and link the reports";
    EXPECT_TRUE(proposed(two, "REP-002"));
    EXPECT_FALSE(proposed(three, "REP-002"));
    EXPECT_FALSE(proposed(one, "REP-006"));

    decide(johnny, jonathan, MatchVerdict::Same); // through Jonathan, Jon is Johnny too
    EXPECT_EQ(linkedReports(one), 2.0);
    EXPECT_EQ(linkedReports(three), 2.0);
    EXPECT_TRUE(proposed(one, "REP-006")) << "two or more linked reports: the repeat-suspect process";

    suspects::revise(*ws, DecisionRequest{jonathan.id, johnny.id, MatchVerdict::Different, "Different people"});
    EXPECT_EQ(linkedReports(one), 1.0);
    EXPECT_FALSE(linkedReports(three).has_value());
}

TEST_F(RepeatSuspectsTest, aWitnessOrVictimLinkIsNotALinkedReport)
{
    Person markSuspect = add(one, PersonRole::Suspect, "Mark", "Example", "07700 900777");
    decide(markSuspect, mark, MatchVerdict::Same);
    EXPECT_FALSE(linkedReports(one).has_value()) << "a witness in case three is not a suspect there";
    decide(jon, victimTwo, MatchVerdict::Same);
    EXPECT_FALSE(linkedReports(one).has_value()) << "a victim in case two is not a suspect there";
}

TEST_F(RepeatSuspectsTest, anAnswerOverTheLinkedReportsNeedsAReason)
{
    decide(jon, jonathan, MatchVerdict::Same);
    try {
        cases::answer(*ws, one.id, "suspect.linkedRassoReports", nom::FactValue(3.0), questions);
        ADD_FAILURE() << "expected a refusal";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::Validation);
        EXPECT_EQ(e.field(), "overrideReason");
    }
    cases::answer(*ws, one.id, "suspect.linkedRassoReports", nom::FactValue(3.0), questions,
                  std::string("Two more reports in a neighbouring force"));
    EXPECT_EQ(linkedReports(one), 3.0);
    EXPECT_EQ(facts(one).provenance.at("suspect.linkedRassoReports").origin, nom::FactOrigin::Override);
    EXPECT_EQ(linkedReports(two), 1.0);
}

} // namespace
