// SPDX-License-Identifier: GPL-3.0-or-later
// The condition language: every operator, time comparisons at the window edges, reasons, and load-time errors.
#include <gtest/gtest.h>

#include "core/Error.h"
#include "core/nom/Condition.h"
#include "core/nom/QuestionCatalogue.h"

using namespace wb::core;
using namespace wb::core::nom;
using namespace std::chrono_literals;

namespace {

// One fictional question of every answer type.
constexpr const char* Questions = R"({
  "kind": "nom-context-questions", "format": 1, "version": "test-1", "source": "test",
  "questions": [
    {"id": "suspect.known", "group": "suspect", "label": "Suspect's identity known", "text": "Known?",
     "help": "h", "type": "yes-no", "source": "s", "confirmed": true},
    {"id": "relationship.category", "group": "relationship", "label": "Relationship", "text": "How?",
     "help": "h", "type": "choice", "source": "s", "confirmed": false,
     "options": [{"value": "ex-partner", "label": "Ex-partner"}, {"value": "stranger", "label": "Stranger"},
                 {"value": "friend", "label": "Friend"}]},
    {"id": "victim.needs", "group": "victim", "label": "Needs", "text": "Needs?", "help": "h",
     "type": "multi-choice", "source": "s", "confirmed": false,
     "options": [{"value": "interpreter", "label": "An interpreter"},
                 {"value": "safe-contact", "label": "Safe contact"},
                 {"value": "other", "label": "Something else"}]},
    {"id": "victim.language", "group": "victim", "label": "Language", "text": "Which?", "help": "h", "type": "text",
     "source": "s", "confirmed": false},
    {"id": "victim.age", "group": "victim", "label": "Victim's age", "text": "Age?", "help": "h", "type": "number",
     "min": 0, "max": 120, "source": "s", "confirmed": true},
    {"id": "offence.lastContactAt", "group": "offence", "label": "Time of last contact", "text": "When?",
     "help": "h", "type": "instant", "source": "s", "confirmed": false},
    {"id": "offence.period", "group": "offence", "label": "When it happened", "text": "When?", "help": "h",
     "type": "date-range", "source": "s", "confirmed": false}
  ]})";

const QuestionCatalogue& questions()
{
    static const auto catalogue = QuestionCatalogue::fromJson(Questions, "test-questions.json");
    return catalogue;
}

Condition parse(const std::string& json)
{
    return Condition::fromJson(json, questions());
}

const Instant Now = *parseIsoUtc("2026-03-10T12:00:00Z");

std::vector<std::string> texts(const Evaluation& e)
{
    std::vector<std::string> out;
    for (const auto& r : e.reasons) {
        out.push_back(r.text);
    }
    return out;
}

std::string errorFor(const std::string& json)
{
    try {
        parse(json);
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::ReferenceData);
        return e.what();
    }
    ADD_FAILURE() << "expected a reference data error for " << json;
    return {};
}

TEST(NomConditionTest, equalsOnEachComparableType)
{
    const auto known = parse(R"({"equals": {"fact": "suspect.known", "value": true}})");
    EXPECT_TRUE(known.holds({{"suspect.known", true}}, Now));
    EXPECT_FALSE(known.holds({{"suspect.known", false}}, Now));
    EXPECT_FALSE(known.holds({}, Now)) << "an absent fact never equals anything";

    const auto rel = parse(R"({"equals": {"fact": "relationship.category", "value": "ex-partner"}})");
    EXPECT_TRUE(rel.holds({{"relationship.category", std::string("ex-partner")}}, Now));
    EXPECT_FALSE(rel.holds({{"relationship.category", std::string("stranger")}}, Now));

    const auto age = parse(R"({"equals": {"fact": "victim.age", "value": 17}})");
    EXPECT_TRUE(age.holds({{"victim.age", 17.0}}, Now));
    EXPECT_FALSE(age.holds({{"victim.age", 17.5}}, Now));

    const auto text = parse(R"({"equals": {"fact": "victim.language", "value": "Welsh"}})");
    EXPECT_TRUE(text.holds({{"victim.language", std::string("Welsh")}}, Now));
    EXPECT_FALSE(text.holds({{"victim.language", std::string("welsh")}}, Now));
}

TEST(NomConditionTest, aValueOfTheWrongTypeNeverMatches)
{
    const auto known = parse(R"({"equals": {"fact": "suspect.known", "value": true}})");
    EXPECT_FALSE(known.holds({{"suspect.known", std::string("true")}}, Now));
    const auto older = parse(R"({"gt": {"fact": "victim.age", "value": 1}})");
    EXPECT_FALSE(older.holds({{"victim.age", std::string("30")}}, Now));
    const auto within = parse(R"({"within": {"fact": "offence.lastContactAt", "hours": 1}})");
    EXPECT_FALSE(within.holds({{"offence.lastContactAt", 5.0}}, Now));
}

TEST(NomConditionTest, inOnChoiceAndMultiChoice)
{
    const auto rel = parse(R"({"in": {"fact": "relationship.category", "values": ["ex-partner", "friend"]}})");
    EXPECT_TRUE(rel.holds({{"relationship.category", std::string("friend")}}, Now));
    EXPECT_FALSE(rel.holds({{"relationship.category", std::string("stranger")}}, Now));
    EXPECT_FALSE(rel.holds({}, Now));

    const auto needs = parse(R"({"in": {"fact": "victim.needs", "values": ["interpreter"]}})");
    EXPECT_TRUE(needs.holds({{"victim.needs", TextList{"safe-contact", "interpreter"}}}, Now));
    EXPECT_FALSE(needs.holds({{"victim.needs", TextList{"safe-contact"}}}, Now));
    EXPECT_FALSE(needs.holds({{"victim.needs", TextList{}}}, Now));
}

TEST(NomConditionTest, presentAndAbsent)
{
    const auto present = parse(R"({"present": {"fact": "victim.language"}})");
    const auto absent = parse(R"({"absent": {"fact": "victim.language"}})");
    const Facts with{{"victim.language", std::string("Polish")}};
    EXPECT_TRUE(present.holds(with, Now));
    EXPECT_FALSE(present.holds({}, Now));
    EXPECT_FALSE(absent.holds(with, Now));
    EXPECT_TRUE(absent.holds({}, Now));
}

TEST(NomConditionTest, numericComparisonsAtTheirEdges)
{
    const auto at = [](double age) { return Facts{{"victim.age", age}}; };
    const auto gt = parse(R"({"gt": {"fact": "victim.age", "value": 17}})");
    const auto gte = parse(R"({"gte": {"fact": "victim.age", "value": 17}})");
    const auto lt = parse(R"({"lt": {"fact": "victim.age", "value": 18}})");
    const auto lte = parse(R"({"lte": {"fact": "victim.age", "value": 18}})");
    EXPECT_FALSE(gt.holds(at(17), Now));
    EXPECT_TRUE(gt.holds(at(17.5), Now));
    EXPECT_TRUE(gte.holds(at(17), Now));
    EXPECT_FALSE(gte.holds(at(16.9), Now));
    EXPECT_TRUE(lt.holds(at(17), Now));
    EXPECT_FALSE(lt.holds(at(18), Now));
    EXPECT_TRUE(lte.holds(at(18), Now));
    EXPECT_FALSE(lte.holds(at(18.1), Now));
    EXPECT_FALSE(lt.holds({}, Now)) << "a comparison on an absent fact is false";
}

TEST(NomConditionTest, withinIsInclusiveAtBothEdgesAndRejectsTheFuture)
{
    const auto within = parse(R"({"within": {"fact": "offence.lastContactAt", "hours": 72}})");
    const auto at = [](Instant t) { return Facts{{"offence.lastContactAt", t}}; };
    EXPECT_TRUE(within.holds(at(Now - 72h), Now)) << "exactly 72 hours before now is still within";
    EXPECT_FALSE(within.holds(at(Now - 72h - 1s), Now)) << "one second more is not";
    EXPECT_TRUE(within.holds(at(Now), Now));
    EXPECT_FALSE(within.holds(at(Now + 1s), Now)) << "a future instant is not 'within the last' anything";
    EXPECT_FALSE(within.holds({}, Now));
}

TEST(NomConditionTest, olderThanIsStrictAndComplementsWithin)
{
    const auto older = parse(R"({"olderThan": {"fact": "offence.lastContactAt", "days": 3}})");
    const auto within = parse(R"({"within": {"fact": "offence.lastContactAt", "days": 3}})");
    const auto at = [](Instant t) { return Facts{{"offence.lastContactAt", t}}; };
    EXPECT_FALSE(older.holds(at(Now - 72h), Now));
    EXPECT_TRUE(older.holds(at(Now - 72h - 1s), Now));
    EXPECT_FALSE(older.holds(at(Now + 1h), Now));
    for (const auto offset : {0s, 1s, 3600s, 259199s, 259200s, 259201s, 400000s}) {
        EXPECT_NE(older.holds(at(Now - offset), Now), within.holds(at(Now - offset), Now)) << offset.count();
    }
}

TEST(NomConditionTest, timeComparisonsOnADateRangeUseItsLatestInstant)
{
    const auto within = parse(R"({"within": {"fact": "offence.period", "days": 7}})");
    const auto older = parse(R"({"olderThan": {"fact": "offence.period", "days": 365}})");
    const Facts recentEnd{{"offence.period", DateRange{Now - 24h * 400, Now - 24h}}};
    EXPECT_TRUE(within.holds(recentEnd, Now));
    EXPECT_FALSE(older.holds(recentEnd, Now)) << "a range that may have ended yesterday is not 'older than a year'";
    const Facts longAgo{{"offence.period", DateRange{Now - 24h * 900, Now - 24h * 366}}};
    EXPECT_FALSE(within.holds(longAgo, Now));
    EXPECT_TRUE(older.holds(longAgo, Now));
}

TEST(NomConditionTest, allAnyNotCombine)
{
    const auto c = parse(R"({"all": [
        {"equals": {"fact": "suspect.known", "value": true}},
        {"any": [{"in": {"fact": "relationship.category", "values": ["ex-partner"]}},
                 {"lt": {"fact": "victim.age", "value": 18}}]},
        {"not": {"in": {"fact": "victim.needs", "values": ["interpreter"]}}}]})");
    Facts facts{{"suspect.known", true}, {"relationship.category", std::string("ex-partner")}};
    EXPECT_TRUE(c.holds(facts, Now));
    facts["victim.needs"] = TextList{"interpreter"};
    EXPECT_FALSE(c.holds(facts, Now));
    facts["victim.needs"] = TextList{"other"};
    facts["relationship.category"] = std::string("stranger");
    EXPECT_FALSE(c.holds(facts, Now));
    facts["victim.age"] = 15.0;
    EXPECT_TRUE(c.holds(facts, Now));
    facts["suspect.known"] = false;
    EXPECT_FALSE(c.holds(facts, Now));
}

TEST(NomConditionTest, reasonsNameTheLeavesThatHeldInPlainEnglish)
{
    const auto c = parse(R"({"all": [
        {"equals": {"fact": "suspect.known", "value": true}},
        {"any": [{"in": {"fact": "relationship.category", "values": ["ex-partner", "friend"]}},
                 {"lt": {"fact": "victim.age", "value": 18}}]},
        {"in": {"fact": "victim.needs", "values": ["interpreter", "safe-contact"]}},
        {"within": {"fact": "offence.lastContactAt", "days": 7}}]})");
    const Facts facts{{"suspect.known", true},
                      {"relationship.category", std::string("ex-partner")},
                      {"victim.age", 30.0},
                      {"victim.needs", TextList{"other", "safe-contact"}},
                      {"offence.lastContactAt", Now - 20h}};
    const auto e = c.evaluate(facts, Now);
    ASSERT_TRUE(e.holds);
    EXPECT_EQ(texts(e), (std::vector<std::string>{"Suspect's identity known: yes", "Relationship: Ex-partner",
                                                  "Needs: includes Safe contact",
                                                  "Time of last contact: within the last 7 days"}))
        << "the age branch did not hold, so it is not a reason";
    EXPECT_EQ(e.reasons[0].fact, "suspect.known");
    EXPECT_EQ(e.reasons[3].fact, "offence.lastContactAt");

    const auto young = c.evaluate(Facts{{"suspect.known", true},
                                        {"victim.age", 15.0},
                                        {"victim.needs", TextList{"interpreter"}},
                                        {"offence.lastContactAt", Now}},
                                  Now);
    ASSERT_TRUE(young.holds);
    EXPECT_EQ(young.reasons[1].text, "Victim's age: 15 (less than 18)");
    EXPECT_EQ(young.reasons[2].text, "Needs: includes An interpreter");
}

TEST(NomConditionTest, reasonsUnderNotDescribeWhatWasActuallyRecorded)
{
    const auto c = parse(R"({"all": [
        {"not": {"equals": {"fact": "relationship.category", "value": "stranger"}}},
        {"not": {"present": {"fact": "victim.language"}}},
        {"not": {"gt": {"fact": "victim.age", "value": 17}}},
        {"not": {"in": {"fact": "victim.needs", "values": ["interpreter"]}}},
        {"not": {"olderThan": {"fact": "offence.lastContactAt", "hours": 48}}}]})");
    const Facts facts{{"relationship.category", std::string("friend")},
                      {"victim.age", 16.0},
                      {"victim.needs", TextList{"other"}},
                      {"offence.lastContactAt", Now - 1h}};
    const auto e = c.evaluate(facts, Now);
    ASSERT_TRUE(e.holds);
    EXPECT_EQ(texts(e),
              (std::vector<std::string>{"Relationship: Friend", "Language: not yet recorded",
                                        "Victim's age: 16 (not more than 17)", "Needs: includes none of An interpreter",
                                        "Time of last contact: not more than 2 days ago"}));
}

TEST(NomConditionTest, anAuthorsReasonReplacesTheDerivedOnes)
{
    const auto c = parse(R"({"all": [
        {"equals": {"fact": "suspect.known", "value": true}},
        {"not": {"equals": {"fact": "relationship.category", "value": "stranger"}},
         "reason": "The suspect is someone the victim knows"}]})");
    const auto e = c.evaluate({{"suspect.known", true}, {"relationship.category", std::string("friend")}}, Now);
    ASSERT_TRUE(e.holds);
    ASSERT_EQ(e.reasons.size(), 2U);
    EXPECT_EQ(e.reasons[1].text, "The suspect is someone the victim knows");
    EXPECT_EQ(e.reasons[1].fact, "") << "a reason written on a composite condition is not about a single fact";
}

TEST(NomConditionTest, noReasonsWhenItDoesNotHoldAndNoneForAlways)
{
    const auto c = parse(R"({"equals": {"fact": "suspect.known", "value": true}})");
    const auto e = c.evaluate({{"suspect.known", false}}, Now);
    EXPECT_FALSE(e.holds);
    EXPECT_TRUE(e.reasons.empty());
    const auto always = Condition::always();
    EXPECT_TRUE(always.isAlways());
    EXPECT_TRUE(always.evaluate({}, Now).holds);
    EXPECT_TRUE(always.evaluate({}, Now).reasons.empty());
    EXPECT_EQ(always.describe(), "always");
}

TEST(NomConditionTest, describeAndFactKeys)
{
    const auto c = parse(R"({"any": [
        {"in": {"fact": "relationship.category", "values": ["ex-partner", "friend"]}},
        {"not": {"within": {"fact": "offence.lastContactAt", "hours": 36}}},
        {"gte": {"fact": "victim.age", "value": 65}},
        {"in": {"fact": "victim.needs", "values": ["interpreter"]}},
        {"equals": {"fact": "suspect.known", "value": false}}]})");
    EXPECT_EQ(c.describe(),
              "any of (Relationship is one of: Ex-partner, Friend; not (Time of last contact is within the last 36 "
              "hours); Victim's age is 65 or more; Needs includes any of: An interpreter; Suspect's identity known "
              "is no)");
    EXPECT_EQ(c.factKeys(), (std::vector<std::string>{"offence.lastContactAt", "relationship.category", "suspect.known",
                                                      "victim.age", "victim.needs"}));
}

TEST(NomConditionTest, loadErrorsNameThePathAndTheProblem)
{
    EXPECT_NE(errorFor("{").find("not valid JSON"), std::string::npos);
    EXPECT_NE(errorFor(R"({"equals": {"fact": "suspect.knwn", "value": true}})")
                  .find("'condition.equals.fact' names an unknown fact key 'suspect.knwn'"),
              std::string::npos);
    EXPECT_NE(errorFor(R"({"all": [{"present": {"fact": "victim.age"}}, {"absent": {"fact": "nope.x"}}]})")
                  .find("'condition.all[1].absent.fact'"),
              std::string::npos);
    EXPECT_NE(errorFor(R"({"eq": {"fact": "suspect.known", "value": true}})").find("unknown operator 'eq'"),
              std::string::npos);
    EXPECT_NE(errorFor(R"({"present": {"fact": "suspect.known"}, "absent": {"fact": "suspect.known"}})")
                  .find("two operators"),
              std::string::npos);
    EXPECT_NE(errorFor(R"({"reason": "r"})").find("has no operator"), std::string::npos);
    EXPECT_NE(errorFor(R"({"equals": {"fact": "suspect.known", "value": "yes"}})").find("'condition.equals.value'"),
              std::string::npos);
    EXPECT_NE(errorFor(R"({"equals": {"fact": "relationship.category", "value": "expartner"}})")
                  .find("'expartner' is not an option of the question 'relationship.category'"),
              std::string::npos);
    EXPECT_NE(errorFor(R"({"in": {"fact": "victim.needs", "values": ["interpreter", "nope"]}})")
                  .find("'condition.in.values[1]'"),
              std::string::npos);
    EXPECT_NE(errorFor(R"({"in": {"fact": "victim.needs", "values": []}})").find("'condition.in.values'"),
              std::string::npos);
    EXPECT_NE(errorFor(R"({"in": {"fact": "victim.needs", "values": ["other", "other"]}})").find("repeats"),
              std::string::npos);
    EXPECT_NE(errorFor(R"({"in": {"fact": "suspect.known", "values": ["x"]}})").find("needs a choice"),
              std::string::npos);
    EXPECT_NE(errorFor(R"({"equals": {"fact": "victim.needs", "value": "other"}})").find("use 'in'"),
              std::string::npos);
    EXPECT_NE(errorFor(R"({"gt": {"fact": "relationship.category", "value": 1}})").find("needs a number fact"),
              std::string::npos);
    EXPECT_NE(errorFor(R"({"within": {"fact": "victim.age", "hours": 1}})").find("needs an instant or date-range"),
              std::string::npos);
    EXPECT_NE(errorFor(R"({"within": {"fact": "offence.lastContactAt", "hours": 0}})")
                  .find("'condition.within.hours' must be a positive whole number"),
              std::string::npos);
    EXPECT_NE(errorFor(R"({"within": {"fact": "offence.lastContactAt", "hours": 1.5}})").find("positive whole"),
              std::string::npos);
    EXPECT_NE(errorFor(R"({"within": {"fact": "offence.lastContactAt", "hours": 1, "days": 1}})")
                  .find("exactly one of 'hours' or 'days'"),
              std::string::npos);
    EXPECT_NE(errorFor(R"({"equals": {"fact": "suspect.known", "vaule": true}})").find("'vaule' is not a known field"),
              std::string::npos);
    EXPECT_NE(errorFor(R"({"all": []})").find("non-empty array"), std::string::npos);
    EXPECT_NE(errorFor(R"({"not": [1]})").find("must be a condition object"), std::string::npos);
    EXPECT_NE(errorFor(R"({"equals": {"fact": "suspect.known", "value": true}, "reason": ""})").find(".reason"),
              std::string::npos);
    std::string deep = R"({"equals": {"fact": "suspect.known", "value": true}})";
    for (int i = 0; i < 40; ++i) {
        deep = R"({"not": )" + deep + "}";
    }
    EXPECT_NE(errorFor(deep).find("nested too deeply"), std::string::npos);
}

} // namespace
