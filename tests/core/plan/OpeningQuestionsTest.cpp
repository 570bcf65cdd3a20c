// SPDX-License-Identifier: GPL-3.0-or-later
// "Ask for the context that matters" (issue 14): which unanswered questions would open which lines of enquiry.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/nom/EnquiryCatalogue.h"
#include "core/nom/QuestionCatalogue.h"
#include "core/nom/RulesEngine.h"
#include "core/plan/OpeningQuestions.h"
#include "support/TestSupport.h"

using namespace wb::core;
using namespace wb::core::nom;
using namespace wb::core::plan;
using namespace std::chrono_literals;

namespace {

const Instant Now = *parseIsoUtc("2026-03-10T12:00:00Z");

const ReferenceList& stages()
{
    return wb::test::lists()->list("journey-stages");
}

const QuestionCatalogue& questions()
{
    return *wb::test::questions(); // the shipped file, loaded once for every test
}

const EnquiryCatalogue& realEnquiries()
{
    return *wb::test::enquiries();
}

std::string entry(const std::string& id,
                  const std::string& when,
                  const std::string& principle = "suspect-focused",
                  const std::string& priority = "standard",
                  bool intrudes = false)
{
    return R"({"id": ")" + id + R"(", "title": "Title )" + id + R"(", "category": "disruption", "principle": ")" +
           principle + R"(", "context": "suspect", "stage": "stage-08", "when": )" + when +
           R"(, "why": "W", "basis": "B", "source": "test [U]", "confirmed": false, "intrudesOnVictimPrivacy": )" +
           (intrudes ? "true" : "false") + R"(, "priority": ")" + priority + R"(", "priorityReason": "R"})";
}

EnquiryCatalogue catalogue(const std::vector<std::string>& entries)
{
    std::string joined;
    for (const auto& e : entries) {
        joined += (joined.empty() ? "" : ",") + e;
    }
    return EnquiryCatalogue::fromJson(
        R"({"kind": "nom-enquiries", "format": 1, "version": "t", "source": "s", "entries": [)" + joined + "]}",
        questions(), stages(), "t.json");
}

const std::string KnownYes = R"({"equals": {"fact": "suspect.known", "value": true}})";
const std::string ExPartner = R"({"in": {"fact": "relationship.category", "values": ["ex-partner"]}})";

const OpeningQuestion* find(const std::vector<OpeningQuestion>& result, const std::string& questionId)
{
    const auto it = std::find_if(result.begin(), result.end(),
                                 [&](const OpeningQuestion& q) { return q.question->id == questionId; });
    return it == result.end() ? nullptr : &*it;
}

std::vector<std::string> openedIds(const OpeningQuestion& q)
{
    std::vector<std::string> out;
    for (const auto* e : q.opens) {
        out.push_back(e->id);
    }
    return out;
}

std::vector<std::string> questionIds(const std::vector<OpeningQuestion>& result)
{
    std::vector<std::string> out;
    for (const auto& q : result) {
        out.push_back(q.question->id);
    }
    return out;
}

} // namespace

TEST(OpeningQuestionsTest, anUnansweredQuestionNamesTheLinesAnAnswerWouldOpen)
{
    const auto c = catalogue(
        {entry("TST-001", KnownYes), entry("TST-002", ExPartner, "victim-centred"), entry("TST-003", R"("always")")});
    const auto result = openingQuestions(c, questions(), {}, Now);
    ASSERT_EQ(questionIds(result), (std::vector<std::string>{"suspect.known", "relationship.category"}))
        << "same count: the suspect-focused line first";
    EXPECT_EQ(openedIds(result[0]), std::vector<std::string>{"TST-001"});
    EXPECT_EQ(result[0].suspectFocused, 1);
    EXPECT_EQ(openedIds(result[1]), std::vector<std::string>{"TST-002"});
    EXPECT_EQ(result[1].suspectFocused, 0);
}

// Victim-centred by construction: a question whose answer would only open an enquiry into the victim's private life
// is not put to the officer as one that "opens more lines".
TEST(OpeningQuestionsTest, linesThatIntrudeOnTheVictimsPrivacyAreNeverCountedAsOpened)
{
    const auto c =
        catalogue({entry("TST-001", KnownYes), entry("TST-002", ExPartner, "victim-information", "standard", true)});
    const auto result = openingQuestions(c, questions(), {}, Now);
    ASSERT_NE(find(result, "suspect.known"), nullptr);
    EXPECT_EQ(openedIds(*find(result, "suspect.known")), std::vector<std::string>{"TST-001"});
    EXPECT_EQ(find(result, "relationship.category"), nullptr) << "only an intrusive line would open";
    // With the real catalogue no listed question opens an intrusive line.
    for (const auto& q : openingQuestions(realEnquiries(), questions(), {}, Now)) {
        for (const auto* e : q.opens) {
            EXPECT_FALSE(e->intrudesOnVictimPrivacy) << q.question->id << " opens " << e->id;
        }
    }
}

TEST(OpeningQuestionsTest, anAnsweredQuestionIsNotAskedAgainAndAProposedLineIsNotCounted)
{
    const auto c = catalogue({entry("TST-001", KnownYes), entry("TST-002", ExPartner)});
    Facts facts{{"suspect.known", true}};
    auto result = openingQuestions(c, questions(), facts, Now);
    EXPECT_EQ(find(result, "suspect.known"), nullptr) << "answered: yes";
    // Answered "no": still answered, and the line it would open stays unopened by any other question.
    facts["suspect.known"] = false;
    result = openingQuestions(c, questions(), facts, Now);
    EXPECT_EQ(questionIds(result), std::vector<std::string>{"relationship.category"});
    // Every line already proposed: nothing to ask.
    const Facts all{{"suspect.known", true}, {"relationship.category", std::string("ex-partner")}};
    EXPECT_TRUE(openingQuestions(c, questions(), all, Now).empty());
}

TEST(OpeningQuestionsTest, aHiddenQuestionIsNotListedUntilItsShowIfHolds)
{
    const std::string identified = R"({"equals": {"fact": "suspect.identifiedHow", "value": "digital-identifiers"}})";
    const auto c = catalogue({entry("TST-001", identified)});
    // suspect.identifiedHow is shown only when the suspect is known.
    EXPECT_TRUE(openingQuestions(c, questions(), {}, Now).empty());
    const auto result = openingQuestions(c, questions(), {{"suspect.known", true}}, Now);
    ASSERT_EQ(questionIds(result), std::vector<std::string>{"suspect.identifiedHow"});
    EXPECT_EQ(openedIds(result[0]), std::vector<std::string>{"TST-001"});
}

TEST(OpeningQuestionsTest, aLineNeedingTwoUnansweredFactsCountsOnlyOnceOneIsAnswered)
{
    const auto c = catalogue({entry("TST-001", R"({"all": [)" + KnownYes + "," + ExPartner + "]}")});
    EXPECT_TRUE(openingQuestions(c, questions(), {}, Now).empty());
    const auto result = openingQuestions(c, questions(), {{"suspect.known", true}}, Now);
    ASSERT_EQ(questionIds(result), std::vector<std::string>{"relationship.category"});
    // Answered so that the line cannot hold: the other question no longer opens it.
    EXPECT_TRUE(openingQuestions(c, questions(), {{"suspect.known", false}}, Now).empty());
}

TEST(OpeningQuestionsTest, numbersInstantsDateRangesAndMultiChoicesAreTried)
{
    const auto c = catalogue({
        entry("NUM-001", R"({"lt": {"fact": "victim.age", "value": 18}})", "victim-centred"),
        entry("NUM-002", R"({"gte": {"fact": "victim.age", "value": 65}})", "victim-centred"),
        entry("TIM-001", R"({"within": {"fact": "offence.lastContactAt", "hours": 72}})"),
        entry("TIM-002", R"({"olderThan": {"fact": "offence.period", "days": 3650}})"),
        entry("MUL-001", R"({"in": {"fact": "offence.substances", "values": ["suspected-spiking"]}})"),
        entry("TXT-001", R"({"present": {"fact": "victim.language"}})", "victim-centred"),
    });
    const auto result = openingQuestions(c, questions(), {}, Now);
    ASSERT_NE(find(result, "victim.age"), nullptr);
    EXPECT_EQ(openedIds(*find(result, "victim.age")), (std::vector<std::string>{"NUM-001", "NUM-002"}));
    ASSERT_NE(find(result, "offence.lastContactAt"), nullptr);
    EXPECT_EQ(openedIds(*find(result, "offence.lastContactAt")), std::vector<std::string>{"TIM-001"});
    ASSERT_NE(find(result, "offence.period"), nullptr);
    EXPECT_EQ(openedIds(*find(result, "offence.period")), std::vector<std::string>{"TIM-002"});
    ASSERT_NE(find(result, "offence.substances"), nullptr);
    EXPECT_EQ(find(result, "victim.language"), nullptr) << "shown only when an interpreter is needed";
    EXPECT_EQ(questionIds(result).front(), "victim.age") << "two lines before one";

    const auto withInterpreter = openingQuestions(c, questions(), {{"victim.needs", TextList{"interpreter"}}}, Now);
    ASSERT_NE(find(withInterpreter, "victim.language"), nullptr);
    EXPECT_EQ(openedIds(*find(withInterpreter, "victim.language")), std::vector<std::string>{"TXT-001"});
}

TEST(OpeningQuestionsTest, openedLinesAreOrderedSuspectFocusedThenPriorityThenCatalogueOrder)
{
    const auto c = catalogue({
        entry("TST-001", KnownYes, "victim-centred", "evidence-at-risk"),
        entry("TST-002", KnownYes, "suspect-focused", "standard"),
        entry("TST-003", KnownYes, "suspect-focused", "evidence-at-risk"),
        entry("TST-004", KnownYes, "victim-centred", "evidence-at-risk"),
    });
    const auto result = openingQuestions(c, questions(), {}, Now);
    ASSERT_EQ(result.size(), 1U);
    EXPECT_EQ(openedIds(result[0]), (std::vector<std::string>{"TST-003", "TST-002", "TST-001", "TST-004"}));
    EXPECT_EQ(result[0].suspectFocused, 2);
}

TEST(OpeningQuestionsTest, candidateAnswersAreValidForTheirQuestion)
{
    for (const auto& question : questions().questions()) {
        const auto answers = candidateAnswers(question, Now);
        EXPECT_FALSE(answers.empty()) << question.id;
        for (const auto& answer : answers) {
            EXPECT_NO_THROW(questions().validateAnswer(question.id, answer)) << question.id;
        }
    }
    const auto* age = questions().find("victim.age"); // 0..120
    ASSERT_NE(age, nullptr);
    EXPECT_EQ(candidateAnswers(*age, Now).size(), 121U);
    const auto* linked = questions().find("suspect.linkedRassoReports"); // 0..1000: 0..200 and 1000
    ASSERT_NE(linked, nullptr);
    const auto tried = candidateAnswers(*linked, Now);
    ASSERT_EQ(tried.size(), 202U);
    EXPECT_EQ(std::get<double>(tried.back()), 1000.0);
}

TEST(OpeningQuestionsTest, withTheRealCatalogueEveryOpenedLineIsReallyOpenedByAnAnswer)
{
    // A first report: a stranger or unknown suspect with little context, and an ex-partner case part-answered.
    const std::vector<Facts> cases{
        {},
        {{"suspect.known", false}, {"offence.location", std::string("outdoor-public-place")}},
        {{"relationship.category", std::string("ex-partner")}, {"suspect.known", true}},
    };
    for (const auto& facts : cases) {
        const auto before = propose(realEnquiries(), facts, Now);
        const auto result = openingQuestions(realEnquiries(), questions(), facts, Now);
        ASSERT_FALSE(result.empty());
        for (std::size_t i = 0; i < result.size(); ++i) {
            const auto& q = result[i];
            EXPECT_EQ(facts.count(q.question->id), 0U);
            EXPECT_TRUE(questions().isVisible(*q.question, facts, Now)) << q.question->id;
            if (i > 0) {
                EXPECT_GE(result[i - 1].opens.size(), q.opens.size());
            }
            for (const auto* opened : q.opens) {
                EXPECT_TRUE(std::none_of(before.begin(), before.end(),
                                         [&](const Proposal& p) { return p.enquiryId == opened->id; }))
                    << opened->id << " is already proposed";
                bool opensIt = false;
                for (const auto& answer : candidateAnswers(*q.question, Now)) {
                    Facts tried = facts;
                    tried.insert_or_assign(q.question->id, answer);
                    const auto after = propose(realEnquiries(), tried, Now);
                    opensIt = opensIt || std::any_of(after.begin(), after.end(),
                                                     [&](const Proposal& p) { return p.enquiryId == opened->id; });
                }
                EXPECT_TRUE(opensIt) << q.question->id << " -> " << opened->id;
            }
        }
    }
    // At first report the suspect's identity is among the questions that open suspect-focused lines.
    const auto first = openingQuestions(realEnquiries(), questions(), {}, Now);
    const auto* known = find(first, "suspect.known");
    ASSERT_NE(known, nullptr);
    EXPECT_GT(known->suspectFocused, 0);
}

TEST(OpeningQuestionsTestWalk, followUpQuestionsAreNamedOnceTheQuestionTheyDependOnIsAnswered)
{
    // An online first meeting, entered as at first report: digital contact said yes, channels not yet asked.
    const Facts online{{"relationship.category", std::string("met-online")},
                       {"suspect.known", true},
                       {"suspect.digitalContact", true}};
    const auto result = openingQuestions(realEnquiries(), questions(), online, Now);
    const auto* channels = find(result, "suspect.digitalChannels");
    ASSERT_NE(channels, nullptr) << "the follow-up on which channels were used opens lines";
    EXPECT_FALSE(channels->opens.empty());
    // Before digital contact is answered the follow-up is hidden, so not named; the question it follows is.
    Facts first = online;
    first.erase("suspect.digitalContact");
    const auto before = openingQuestions(realEnquiries(), questions(), first, Now);
    EXPECT_EQ(find(before, "suspect.digitalChannels"), nullptr);
    EXPECT_NE(find(before, "suspect.digitalContact"), nullptr);
    // Alcohol recorded: the follow-up on whether the suspect supplied it appears and opens the line about it.
    const Facts alcohol{{"offence.substances", TextList{"alcohol"}}};
    const auto drink = openingQuestions(realEnquiries(), questions(), alcohol, Now);
    ASSERT_NE(find(drink, "offence.suspectSupplied"), nullptr);
    const auto opened = openedIds(*find(drink, "offence.suspectSupplied"));
    EXPECT_NE(std::find(opened.begin(), opened.end(), "SUS-PRE-003"), opened.end());
    EXPECT_EQ(find(openingQuestions(realEnquiries(), questions(), {}, Now), "offence.suspectSupplied"), nullptr);
}
