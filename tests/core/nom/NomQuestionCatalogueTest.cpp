// SPDX-License-Identifier: GPL-3.0-or-later
// The shipped context questions, answer validation, visibility and the loader's errors.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <limits>
#include <optional>
#include <set>

#include "core/Error.h"
#include "core/nom/QuestionCatalogue.h"

using namespace wb::core;
using namespace wb::core::nom;
using namespace std::chrono_literals;

namespace {

const QuestionCatalogue& shipped()
{
    static const auto catalogue =
        QuestionCatalogue::fromFile(std::filesystem::path(WB_RESOURCES_DIR) / "nom" / "context-questions.json");
    return catalogue;
}

const Instant Now = *parseIsoUtc("2026-03-10T12:00:00Z");

std::string errorFor(const std::string& questionsJson)
{
    try {
        QuestionCatalogue::fromJson(R"({"kind": "nom-context-questions", "format": 1, "version": "t",
                                        "source": "s", "questions": [)" +
                                        questionsJson + "]}",
                                    "q.json");
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::ReferenceData);
        return e.what();
    }
    ADD_FAILURE() << "expected a reference data error";
    return {};
}

std::string question(const std::string& id, const std::string& type, const std::string& extra = {})
{
    const std::string group = id.substr(0, id.find('.'));
    return R"({"id": ")" + id + R"(", "group": ")" + group + R"(", "label": "L", "text": "T?", "help": "H",
               "type": ")" +
           type + R"(", "source": "S", "confirmed": false)" + extra + "}";
}

std::string swapText(std::string text, const std::string& from, const std::string& to)
{
    const auto at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    return at == std::string::npos ? text : text.replace(at, from.size(), to);
}

/// The Validation error validateAnswer throws, or an empty error when it accepts the value.
std::optional<Error> answerError(std::string_view id, const FactValue& value)
{
    try {
        shipped().validateAnswer(id, value);
    } catch (const Error& e) {
        return e;
    }
    return std::nullopt;
}

TEST(NomQuestionCatalogueTest, shippedQuestionsLoadAndCoverIssueFour)
{
    const auto& q = shipped();
    EXPECT_FALSE(q.version().empty());
    EXPECT_GE(q.questions().size(), 40U);
    // Issue 4's list: relationship, victim (wishes, needs, vulnerabilities, interpreter, disability), suspect
    // (known, identified how, prior reports and intelligence, access, position of trust, digital contact) and
    // offence circumstances (date range, last contact, where, intoxication or incapacity, force or threats, online,
    // first disclosure, injuries).
    const std::vector<std::pair<const char*, AnswerType>> required{
        {"relationship.category", AnswerType::Choice},
        {"victim.wantsInvestigation", AnswerType::Choice},
        {"victim.needs", AnswerType::MultiChoice},
        {"victim.vulnerabilities", AnswerType::MultiChoice},
        {"victim.language", AnswerType::Text},
        {"suspect.known", AnswerType::YesNo},
        {"suspect.identifiedHow", AnswerType::Choice},
        {"suspect.checksDone", AnswerType::YesNo},
        {"suspect.priorReports", AnswerType::MultiChoice},
        {"suspect.accessToVictim", AnswerType::YesNo},
        {"suspect.positionOfTrust", AnswerType::YesNo},
        {"suspect.digitalContact", AnswerType::YesNo},
        {"offence.period", AnswerType::DateRange},
        {"offence.lastContactAt", AnswerType::Instant},
        {"offence.location", AnswerType::Choice},
        {"offence.substances", AnswerType::MultiChoice},
        {"offence.incapacity", AnswerType::YesNo},
        {"offence.forceOrThreats", AnswerType::YesNo},
        {"offence.onlineElement", AnswerType::YesNo},
        {"offence.firstDisclosureTo", AnswerType::MultiChoice},
        {"offence.injuries", AnswerType::YesNo},
        {"victim.age", AnswerType::Number},
    };
    for (const auto& [id, type] : required) {
        const auto* found = q.find(id);
        ASSERT_NE(found, nullptr) << id;
        EXPECT_EQ(found->type, type) << id;
    }
    ASSERT_NE(q.find("victim.needs")->findOption("interpreter"), nullptr);
    ASSERT_NE(q.find("victim.needs")->findOption("disability-adjustments"), nullptr);

    std::set<ContextGroup> groups;
    for (const auto& question : q.questions()) {
        groups.insert(question.group);
        EXPECT_FALSE(question.help.empty()) << question.id;
        EXPECT_FALSE(question.source.empty()) << question.id;
        // The victim's context is recorded as needs and wishes, never as credibility points.
        if (question.group == ContextGroup::Victim) {
            for (const auto* word : {"credib", "believab", "reliab", "truthful", "consistent"}) {
                EXPECT_EQ(question.text.find(word), std::string::npos) << question.id << " uses '" << word << "'";
                EXPECT_EQ(question.label.find(word), std::string::npos) << question.id << " uses '" << word << "'";
            }
        }
    }
    EXPECT_EQ(groups.size(), 4U);
}

TEST(NomQuestionCatalogueTest, showIfHidesQuestionsUntilTheyAreRelevant)
{
    const auto& q = shipped();
    const auto* language = q.find("victim.language");
    ASSERT_NE(language, nullptr);
    EXPECT_FALSE(language->showIf.isAlways());
    EXPECT_FALSE(q.isVisible(*language, {}, Now));
    EXPECT_FALSE(q.isVisible(*language, {{"victim.needs", TextList{"safe-contact"}}}, Now));
    EXPECT_TRUE(q.isVisible(*language, {{"victim.needs", TextList{"safe-contact", "interpreter"}}}, Now));

    const auto* how = q.find("suspect.identifiedHow");
    ASSERT_NE(how, nullptr);
    const auto hidden = q.visibleQuestions({{"suspect.known", false}}, Now);
    const auto shown = q.visibleQuestions({{"suspect.known", true}}, Now);
    EXPECT_EQ(std::find(hidden.begin(), hidden.end(), how), hidden.end());
    EXPECT_NE(std::find(shown.begin(), shown.end(), how), shown.end());
    EXPECT_LT(hidden.size(), shown.size());
    EXPECT_TRUE(std::is_sorted(shown.begin(), shown.end(),
                               [](const Question* a, const Question* b) { return a->order < b->order; }));
}

TEST(NomQuestionCatalogueTest, householdChildrenAndDependencyAreNotAskedWhenTheSuspectIsAStranger)
{
    // Issue 14 follow-up: a shared household, children together and dependency on the suspect mean nothing for a
    // stranger; they are asked for every other relationship, and until the relationship is answered.
    const auto& q = shipped();
    for (const char* id : {"relationship.sharedHousehold", "relationship.children", "relationship.dependency"}) {
        const auto* question = q.find(id);
        ASSERT_NE(question, nullptr) << id;
        EXPECT_FALSE(q.isVisible(*question, {{"relationship.category", std::string("stranger")}}, Now)) << id;
        EXPECT_TRUE(q.isVisible(*question, {}, Now)) << id;
        for (const char* category : {"current-partner", "ex-partner", "family-member", "friend", "acquaintance",
                                     "met-online", "position-of-trust", "colleague", "other"}) {
            EXPECT_TRUE(q.isVisible(*question, {{"relationship.category", std::string(category)}}, Now))
                << id << " / " << category;
        }
    }
    // The questions about the same relationship stay consistent: none of them is asked for a stranger.
    for (const char* id : {"relationship.knownFor", "relationship.powerImbalance", "relationship.sharedCircle",
                           "relationship.domesticAbuse", "relationship.separated"}) {
        const auto* question = q.find(id);
        ASSERT_NE(question, nullptr) << id;
        EXPECT_FALSE(q.isVisible(*question, {{"relationship.category", std::string("stranger")}}, Now)) << id;
    }
}

TEST(NomQuestionCatalogueTest, factsThatGateTheVictimsInformationSitWhereIssueFourteenPutsThem)
{
    // Issue 14: TPM-005 only on the suspect's account; TPM-002, TPM-003 and DF-003 only from a recorded line of
    // enquiry or CPS advice. The questions sit directly after their anchors (others append elsewhere).
    const auto& q = shipped();
    const auto* history = q.find("suspect.accountRaisesSexualHistory");
    const auto* asked = q.find("offence.victimMaterialAsked");
    ASSERT_NE(history, nullptr);
    ASSERT_NE(asked, nullptr);
    EXPECT_EQ(history->order, q.find("suspect.contactSinceOffence")->order + 1);
    EXPECT_EQ(asked->order, q.find("offence.firstDisclosureTo")->order + 1);
    EXPECT_EQ(history->type, AnswerType::YesNo);
    EXPECT_NE(history->help.find("s.41"), std::string::npos);
    EXPECT_FALSE(q.isVisible(*history, {}, Now)) << "asked once a suspect is known";
    EXPECT_TRUE(q.isVisible(*history, {{"suspect.known", true}}, Now));
    EXPECT_EQ(asked->type, AnswerType::MultiChoice);
    EXPECT_NO_THROW(
        q.validateAnswer("offence.victimMaterialAsked", TextList{"medical-records", "victim-phone-download"}));
    EXPECT_THROW(q.validateAnswer("offence.victimMaterialAsked", TextList{"counselling-notes"}), Error);
    EXPECT_EQ(q.version(), "2026.12-1");
}

TEST(NomQuestionCatalogueTest, validateAnswerAcceptsGoodValues)
{
    EXPECT_FALSE(answerError("suspect.known", true));
    EXPECT_FALSE(answerError("relationship.category", std::string("ex-partner")));
    EXPECT_FALSE(answerError("victim.needs", TextList{"interpreter", "safe-contact"}));
    EXPECT_FALSE(answerError("victim.needs", TextList{}));
    EXPECT_FALSE(answerError("victim.language", std::string("Welsh")));
    EXPECT_FALSE(answerError("victim.age", 34.0));
    EXPECT_FALSE(answerError("offence.lastContactAt", Now));
    EXPECT_FALSE(answerError("offence.period", DateRange{Now - 48h, Now - 24h}));
    EXPECT_FALSE(answerError("offence.period", DateRange{Now, Now}));
}

TEST(NomQuestionCatalogueTest, validateAnswerNamesTheQuestionAndNeverRepeatsTheValue)
{
    const std::vector<std::pair<std::string, FactValue>> bad{
        {"suspect.known", std::string("Jane Example said yes")},
        {"relationship.category", std::string("Jane Example's ex")},
        {"relationship.category", true},
        {"victim.needs", TextList{"interpreter", "Jane Example private"}},
        {"victim.needs", TextList{"interpreter", "interpreter"}},
        {"victim.needs", std::string("interpreter")},
        {"victim.language", std::string("   ")},
        {"victim.age", 121.0},
        {"victim.age", -1.0},
        {"victim.age", std::numeric_limits<double>::infinity()},
        {"offence.lastContactAt", std::string("2026-03-10T12:00:00Z")},
        {"offence.period", DateRange{Now, Now - 1s}},
    };
    for (const auto& [id, value] : bad) {
        const auto error = answerError(id, value);
        ASSERT_TRUE(error.has_value()) << id << " " << factValueToJson(value);
        EXPECT_EQ(error->code(), ErrorCode::Validation) << id;
        EXPECT_EQ(error->field(), id);
        EXPECT_EQ(std::string(error->what()).find("Jane"), std::string::npos) << error->what();
    }
    const auto unknown = answerError("suspect.favouriteColour", true);
    ASSERT_TRUE(unknown.has_value());
    EXPECT_EQ(unknown->field(), "suspect.favouriteColour");
    EXPECT_NE(std::string(unknown->what()).find("no context question"), std::string::npos);
    const auto option = answerError("relationship.category", std::string("expartner"));
    ASSERT_TRUE(option.has_value());
    EXPECT_NE(std::string(option->what()).find("not one of the options (current-partner, ex-partner"),
              std::string::npos)
        << option->what();
}

TEST(NomQuestionCatalogueTest, factsRoundTripThroughJson)
{
    const Facts facts{{"suspect.known", true},
                      {"relationship.category", std::string("ex-partner")},
                      {"victim.needs", TextList{"interpreter"}},
                      {"victim.language", std::string("Cymraeg")},
                      {"victim.age", 19.0},
                      {"offence.lastContactAt", Now - 20h},
                      {"offence.period", DateRange{Now - 30h, Now - 20h}}};
    const std::string json = factsToJson(facts);
    EXPECT_EQ(shipped().factsFromJson(json), facts);
    EXPECT_EQ(factValueToJson(facts.at("offence.period")),
              R"({"from":"2026-03-09T06:00:00Z","to":"2026-03-09T16:00:00Z"})");
    EXPECT_EQ(shipped().answerFromJson("offence.lastContactAt", R"("2026-03-09T16:00:00Z")"), FactValue(Now - 20h));
    try {
        shipped().factsFromJson(R"({"suspect.known": true, "victim.age": "nineteen"})");
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::Validation);
        EXPECT_EQ(e.field(), "victim.age");
    }
    try {
        shipped().answerFromJson("offence.lastContactAt", R"("2026-03-09 16:00")");
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.field(), "offence.lastContactAt");
    }
    try {
        shipped().answerFromJson("victim.language", R"("Jane)");
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.field(), "victim.language");
        EXPECT_EQ(std::string(e.what()).find("Jane"), std::string::npos) << e.what();
    }
}

TEST(NomQuestionCatalogueTest, loaderErrorsNameTheQuestionAndField)
{
    const auto has = [](const std::string& message, const std::string& part) {
        return message.find(part) != std::string::npos;
    };
    std::string m = errorFor(question("victim.a", "yes-no") + "," + question("victim.a", "yes-no"));
    EXPECT_TRUE(has(m, "q.json: question victim.a: 'id' is a duplicate")) << m;
    m = errorFor(swapText(question("victim.a", "yes-no"), R"("group": "victim")", R"("group": "suspect")"));
    EXPECT_TRUE(has(m, "question victim.a: 'id' must be 'suspect.<name>'")) << m;
    m = errorFor(swapText(question("victim.a", "yes-no"), R"("group": "victim")", R"("group": "witness")"));
    EXPECT_TRUE(has(m, "question victim.a: 'group'")) << m;
    m = errorFor(question("victim.a", "true-false"));
    EXPECT_TRUE(has(m, "question victim.a: 'type'")) << m;
    m = errorFor(question("victim.a", "choice"));
    EXPECT_TRUE(has(m, "question victim.a: 'options' must list at least two")) << m;
    m = errorFor(
        question("victim.a", "choice", R"(, "options": [{"value": "x", "label": "X"}, {"value": "x", "label": "Y"}])"));
    EXPECT_TRUE(has(m, "question victim.a: 'options[1]': 'value' 'x' is a duplicate")) << m;
    m = errorFor(question("victim.a", "choice",
                          R"(, "options": [{"value": "X Y", "label": "X"}, {"value": "y", "label": "Y"}])"));
    EXPECT_TRUE(has(m, "'options[0]': 'value' must be lower-case")) << m;
    m = errorFor(
        question("victim.a", "yes-no", R"(, "options": [{"value": "x", "label": "X"}, {"value": "y", "label": "Y"}])"));
    EXPECT_TRUE(has(m, "question victim.a: 'options' is only allowed")) << m;
    m = errorFor(question("victim.a", "number", R"(, "min": 5, "max": 1)"));
    EXPECT_TRUE(has(m, "question victim.a: 'min' must not be greater than 'max'")) << m;
    m = errorFor(question("victim.a", "text", R"(, "max": 1)"));
    EXPECT_TRUE(has(m, "question victim.a: 'max' is only allowed for number questions")) << m;
    m = errorFor(swapText(question("victim.a", "text"), R"("help": "H")", R"("help": "")"));
    EXPECT_TRUE(has(m, "question victim.a: 'help' must be a non-empty string")) << m;
    m = errorFor(swapText(question("victim.a", "text"), R"("confirmed": false)", R"("confirmed": "no")"));
    EXPECT_TRUE(has(m, "question victim.a: 'confirmed' must be true or false")) << m;
    m = errorFor(question("victim.a", "text", R"(, "sourse": "x")"));
    EXPECT_TRUE(has(m, "question victim.a: 'sourse' is not a known field")) << m;
    // showIf may only name questions that come earlier in the file (no cycles, a sensible guided flow).
    m = errorFor(question("victim.a", "yes-no", R"(, "showIf": {"equals": {"fact": "victim.b", "value": true}})") +
                 "," + question("victim.b", "yes-no"));
    EXPECT_TRUE(has(m, "question victim.a: 'showIf.equals.fact' names an unknown fact key 'victim.b'")) << m;
    m = errorFor(question("victim.a", "yes-no", R"(, "showIf": {"equals": {"fact": "victim.a", "value": true}})"));
    EXPECT_TRUE(has(m, "'showIf.equals.fact'")) << m;
    m = errorFor(question("victim.a", "yes-no") + "," +
                 question("victim.b", "yes-no", R"(, "showIf": {"equals": {"fact": "victim.a", "value": "yes"}})"));
    EXPECT_TRUE(has(m, "question victim.b: 'showIf.equals.value' must be true or false")) << m;
    EXPECT_NO_THROW(QuestionCatalogue::fromJson(
        R"({"kind": "nom-context-questions", "format": 1, "version": "t", "source": "s", "questions": [)" +
        question("victim.a", "yes-no") + "," +
        question("victim.b", "yes-no", R"(, "showIf": {"equals": {"fact": "victim.a", "value": true}})") + "]}"));

    try {
        QuestionCatalogue::fromJson(R"({"kind": "nom-enquiries", "format": 1, "version": "t", "source": "s",
                                        "questions": []})");
        FAIL();
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("'kind'"), std::string::npos);
    }
    try {
        QuestionCatalogue::fromJson(R"({"kind": "nom-context-questions", "format": 2, "version": "t", "source": "s",
                                        "questions": [{}]})");
        FAIL();
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("'format'"), std::string::npos);
    }
    try {
        QuestionCatalogue::fromFile("/nonexistent/context-questions.json");
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::ReferenceData);
    }
}

} // namespace
