// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 14, "A sharper plan": the new context questions (fixed ids other parts rely on), the reworded questions,
// and the new lines of enquiry walked through cases entered as an officer would at first report (stranger,
// ex-partner, online first meeting, non-recent familial, spiking, heavy intoxication by alcohol alone).
// Each new entry's "applies" / "does not apply" examples are checked by NomEnquiryExamplesTest.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/nom/EnquiryCatalogue.h"
#include "core/nom/QuestionCatalogue.h"
#include "core/nom/RulesEngine.h"
#include "support/TestSupport.h"

using namespace wb::core;
using namespace wb::core::nom;

namespace {

const QuestionCatalogue& questions()
{
    return *wb::test::questions(); // the shipped file, loaded once for every test
}

const EnquiryCatalogue& enquiries()
{
    return *wb::test::enquiries();
}

const Instant Now = *parseIsoUtc("2026-03-10T12:00:00Z");

std::vector<std::string> proposedIds(const std::string& factsJson)
{
    std::vector<std::string> ids;
    for (const auto& p : propose(enquiries(), questions().factsFromJson(factsJson), Now)) {
        ids.push_back(p.enquiryId);
    }
    return ids;
}

bool has(const std::vector<std::string>& ids, const std::string& id)
{
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

int orderOf(const std::string& id)
{
    const auto* q = questions().find(id);
    EXPECT_NE(q, nullptr) << id;
    return q != nullptr ? q->order : -1;
}

/// Suspect-focused lines lead, and no entry that intrudes on the victim's private life is among the first twenty.
void expectSuspectFocusedFirst(const std::string& factsJson)
{
    const auto proposals = propose(enquiries(), questions().factsFromJson(factsJson), Now);
    ASSERT_FALSE(proposals.empty()) << factsJson;
    EXPECT_EQ(proposals.front().enquiry->principle, Principle::SuspectFocused) << factsJson;
    for (std::size_t i = 0; i < std::min<std::size_t>(20, proposals.size()); ++i) {
        EXPECT_FALSE(proposals[i].enquiry->intrudesOnVictimPrivacy)
            << proposals[i].enquiryId << " at position " << i << " for " << factsJson;
    }
}

TEST(NomSharperPlanTest, newQuestionsHaveTheirFixedIdsTypesAndPlaces)
{
    const std::vector<std::pair<const char*, AnswerType>> required{
        {"victim.ageAtOffence", AnswerType::Number},
        {"relationship.knownFor", AnswerType::Choice},
        {"relationship.separated", AnswerType::YesNo},
        {"relationship.separatedAt", AnswerType::Instant},
        {"relationship.powerImbalance", AnswerType::MultiChoice},
        {"relationship.communityPressure", AnswerType::YesNo},
        {"relationship.sharedCircle", AnswerType::YesNo},
        {"suspect.vulnerableAdult", AnswerType::YesNo},
        {"offence.institutional", AnswerType::YesNo},
    };
    for (const auto& [id, type] : required) {
        const auto* q = questions().find(id);
        ASSERT_NE(q, nullptr) << id;
        EXPECT_EQ(q->type, type) << id;
        EXPECT_FALSE(q->source.empty()) << id;
    }
    const auto* age = questions().find("victim.ageAtOffence");
    EXPECT_EQ(age->text, "How old was the victim when the offence happened (or began)?");
    EXPECT_EQ(age->min.value_or(-1.0), 0.0);
    EXPECT_EQ(age->max.value_or(-1.0), 120.0);
    for (const char* value : {"under-24-hours", "under-a-month", "under-a-year", "a-year-or-more"}) {
        EXPECT_NE(questions().find("relationship.knownFor")->findOption(value), nullptr) << value;
    }
    for (const char* value : {"age-gap", "employer-or-manager", "carer-or-dependency", "financial",
                              "immigration-status", "status-or-reputation", "other", "none"}) {
        EXPECT_NE(questions().find("relationship.powerImbalance")->findOption(value), nullptr) << value;
    }
    for (const char* value :
         {"neurodivergence", "sex-work", "care-experienced", "trafficking-or-exploitation", "older-age"}) {
        EXPECT_NE(questions().find("victim.vulnerabilities")->findOption(value), nullptr) << value;
    }
    // Where they sit in the guided flow.
    EXPECT_EQ(orderOf("relationship.knownFor"), orderOf("relationship.dependency") + 1);
    EXPECT_LT(orderOf("relationship.sharedCircle"), orderOf("victim.wantsInvestigation"));
    EXPECT_EQ(orderOf("victim.ageAtOffence"), orderOf("victim.vulnerabilities") + 1);
    EXPECT_EQ(orderOf("suspect.vulnerableAdult"), orderOf("suspect.status") + 1);
    EXPECT_GT(orderOf("offence.institutional"), orderOf("offence.travel"));
}

TEST(NomSharperPlanTest, newQuestionsAreAskedOnlyWhereTheyApply)
{
    const auto& q = questions();
    const auto* separated = q.find("relationship.separated");
    EXPECT_TRUE(q.isVisible(*separated, q.factsFromJson(R"({"relationship.category": "ex-partner"})"), Now));
    EXPECT_TRUE(q.isVisible(*separated, q.factsFromJson(R"({"relationship.category": "current-partner"})"), Now));
    EXPECT_FALSE(q.isVisible(*separated, q.factsFromJson(R"({"relationship.category": "friend"})"), Now));
    const auto* when = q.find("relationship.separatedAt");
    EXPECT_TRUE(q.isVisible(*when, q.factsFromJson(R"({"relationship.separated": true})"), Now));
    EXPECT_FALSE(q.isVisible(*when, q.factsFromJson(R"({"relationship.separated": false})"), Now));
    const auto* knownFor = q.find("relationship.knownFor");
    EXPECT_TRUE(q.isVisible(*knownFor, {}, Now));
    EXPECT_TRUE(q.isVisible(*knownFor, q.factsFromJson(R"({"relationship.category": "met-online"})"), Now));
    EXPECT_FALSE(q.isVisible(*knownFor, q.factsFromJson(R"({"relationship.category": "stranger"})"), Now));
    const auto* vulnerableAdult = q.find("suspect.vulnerableAdult");
    EXPECT_TRUE(q.isVisible(*vulnerableAdult, q.factsFromJson(R"({"suspect.known": true})"), Now));
    EXPECT_FALSE(q.isVisible(*vulnerableAdult, q.factsFromJson(R"({"suspect.known": false})"), Now));
}

TEST(NomSharperPlanTest, questionsDoNotReadAsDoubtAndSubstancesLeadWithWhatWasGiven)
{
    for (const auto& question : questions().questions()) {
        EXPECT_NE(question.text.rfind("Is it said", 0), 0U) << question.id << ": " << question.text;
    }
    const auto* substances = questions().find("offence.substances");
    ASSERT_NE(substances, nullptr);
    EXPECT_EQ(substances->text.rfind("Does the victim describe being given or supplied", 0), 0U) << substances->text;
    ASSERT_FALSE(substances->options.empty());
    EXPECT_EQ(substances->options.front().value, "suspected-spiking");
    // Option values are stored answers: the rewording keeps every one.
    for (const char* value : {"alcohol", "drugs", "suspected-spiking", "none"}) {
        EXPECT_NE(substances->findOption(value), nullptr) << value;
    }
}

TEST(NomSharperPlanTest, everyNewEntryStatesItsPriorityAndWhy)
{
    const std::vector<std::string> added{
        "IDN-001",  "IDN-002",     "IDN-003",      "IDN-004",     "IDN-005",     "IDN-006",      "IDN-007",
        "FOR-017",  "FOR-018",     "FOR-019",      "FOR-020",     "INT-011",     "SUS-PRE-009",  "FILE-001",
        "FILE-002", "DIS-013",     "SUS-PRE-010",  "DIG-SUS-008", "SUS-PRE-011", "SUS-POST-007", "TGT-009",
        "TGT-010",  "VIC-021",     "SUS-POST-008", "DIS-014",     "DIS-015",     "SUS-DUR-010",  "DIG-SUS-009",
        "INT-012",  "DIG-SUS-010", "DIG-SUS-011",  "INT-013",     "INT-014",     "DIG-SUS-012",  "ARR-013",
        "FILE-003", "FILE-004",    "FILE-005",     "VIC-022",     "VIC-023",     "VIC-024",      "VIC-025",
        "VIC-026",  "DIS-016",     "INT-015"};
    for (const auto& id : added) {
        const auto* e = enquiries().find(id);
        ASSERT_NE(e, nullptr) << id;
        EXPECT_FALSE(e->priorityReason.empty()) << id;
        EXPECT_FALSE(e->basis.empty()) << id;
        EXPECT_FALSE(e->source.empty()) << id;
        EXPECT_FALSE(e->intrudesOnVictimPrivacy) << id;
    }
}

TEST(NomSharperPlanTest, aStrangerCaseAtFirstReportProposesTheLinesThatIdentifyTheSuspect)
{
    const std::string facts = R"({"relationship.category": "stranger", "suspect.known": false,
        "offence.location": "outdoor-public-place", "offence.acts": ["vaginal"],
        "offence.lastContactAt": "2026-03-10T01:30:00Z", "offence.travel": true})";
    const auto ids = proposedIds(facts);
    for (const char* id : {"IDN-001", "IDN-002", "IDN-003", "IDN-004", "IDN-005", "IDN-006", "IDN-007"}) {
        EXPECT_TRUE(has(ids, id)) << id;
    }
    expectSuspectFocusedFirst(facts);
    // Once the suspect is identified by name by someone who knows them, the identification lines go.
    const auto named = proposedIds(R"({"relationship.category": "ex-partner", "suspect.known": true,
        "suspect.identifiedHow": "named-by-victim", "offence.travel": true})");
    for (const char* id : {"IDN-001", "IDN-002", "IDN-003", "IDN-004", "IDN-005", "IDN-006", "IDN-007"}) {
        EXPECT_FALSE(has(named, id)) << id;
    }
}

TEST(NomSharperPlanTest, anExPartnerCaseProposesRiskSeparationAndTrackingLines)
{
    const std::string facts = R"({"relationship.category": "ex-partner", "relationship.separated": true,
        "relationship.separatedAt": "2026-01-15T18:00:00Z", "relationship.children": true,
        "relationship.domesticAbuse": true, "suspect.known": true, "offence.strangulation": true})";
    const auto ids = proposedIds(facts);
    for (const char* id : {"DIS-014", "DIS-015", "SUS-POST-007", "DIG-SUS-009", "INT-012", "SUS-DUR-010"}) {
        EXPECT_TRUE(has(ids, id)) << id;
    }
    expectSuspectFocusedFirst(facts);
}

TEST(NomSharperPlanTest, anOnlineFirstMeetingProposesThePlatformLines)
{
    const std::string facts = R"({"relationship.category": "met-online", "relationship.knownFor": "under-24-hours",
        "suspect.known": true, "suspect.digitalContact": true, "suspect.digitalChannels": ["dating-app"],
        "victim.wantsInvestigation": "investigation"})";
    const auto ids = proposedIds(facts);
    for (const char* id : {"DIG-SUS-010", "DIG-SUS-011", "INT-013", "SUS-PRE-011", "IDN-007", "DIG-SUS-012"}) {
        EXPECT_TRUE(has(ids, id)) << id;
    }
    expectSuspectFocusedFirst(facts);
}

TEST(NomSharperPlanTest, aNonRecentFamilialCaseKeysOnTheAgeAtTheTime)
{
    const std::string facts = R"({"relationship.category": "family-member", "suspect.known": true,
        "victim.age": 38, "victim.ageAtOffence": 9,
        "offence.period": {"from": "1996-01-01T00:00:00Z", "to": "1999-12-31T23:59:59Z"}})";
    const auto ids = proposedIds(facts);
    for (const char* id : {"FILE-001", "FILE-002", "DIS-013", "SUS-PRE-010", "DIG-SUS-008", "TGT-002", "SUS-PRE-005"}) {
        EXPECT_TRUE(has(ids, id)) << id;
    }
    // The victim is an adult now: the child-victim interview entry, which is about the age now, is not proposed.
    EXPECT_FALSE(has(ids, "VIC-014"));
    expectSuspectFocusedFirst(facts);
    // Institutional abuse as a child adds the national coordination line.
    const auto institutional = proposedIds(R"({"victim.age": 50, "victim.ageAtOffence": 11,
        "offence.institutional": true, "suspect.positionOfTrust": true})");
    EXPECT_TRUE(has(institutional, "INT-015"));
    EXPECT_TRUE(has(institutional, "DIS-016"));
}

TEST(NomSharperPlanTest, intoxicationBySpikingOrByAlcoholAloneProposesSamplesInTime)
{
    const auto spiking = proposedIds(R"({"offence.substances": ["suspected-spiking"],
        "offence.location": "licensed-premises", "offence.lastContactAt": "2026-03-10T02:00:00Z"})");
    for (const char* id : {"FOR-018", "FOR-019", "FOR-020", "INT-011", "SUS-PRE-009"}) {
        EXPECT_TRUE(has(spiking, id)) << id;
    }
    const auto alcohol = proposedIds(R"({"offence.substances": ["alcohol"], "offence.incapacity": true,
        "offence.lastContactAt": "2026-03-10T02:00:00Z"})");
    for (const char* id : {"FOR-017", "FOR-018"}) {
        EXPECT_TRUE(has(alcohol, id)) << id;
    }
    EXPECT_FALSE(has(alcohol, "FOR-020")) << "no spiking described: no glass seizure";
    const auto drinking = proposedIds(R"({"offence.substances": ["alcohol"], "offence.incapacity": false,
        "offence.lastContactAt": "2026-03-10T02:00:00Z"})");
    EXPECT_FALSE(has(drinking, "FOR-017"));
    EXPECT_FALSE(has(drinking, "FOR-018"));
}

} // namespace
