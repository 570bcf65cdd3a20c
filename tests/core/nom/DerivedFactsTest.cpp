// SPDX-License-Identifier: GPL-3.0-or-later
// Facts read from a case's records (issue 14, "Enter each fact once"): one test where each derived fact applies and
// one where it does not, against a small inline question catalogue (so a question the catalogue does not ask, such
// as victim.ageAtOffence in an older catalogue, is never derived), and the merge's precedence.
#include <gtest/gtest.h>

#include "core/domain/LondonTime.h"
#include "core/nom/DerivedFacts.h"
#include "core/nom/QuestionCatalogue.h"

using namespace wb::core;
using namespace wb::core::nom;

namespace {

std::string question(const std::string& id, const std::string& type, const std::string& extra = {})
{
    const std::string group = id.substr(0, id.find('.'));
    return R"({"id": ")" + id + R"(", "group": ")" + group +
           R"(", "label": "L", "text": "T?", "help": "H", "type": ")" + type +
           R"(", "source": "S", "confirmed": false)" + extra + "}";
}

std::string options(std::initializer_list<const char*> values)
{
    std::string out = R"(, "options": [)";
    bool first = true;
    for (const char* v : values) {
        out += std::string(first ? "" : ", ") + R"({"value": ")" + v + R"(", "label": ")" + v + R"("})";
        first = false;
    }
    return out + "]";
}

QuestionCatalogue catalogue(bool withAgeAtOffence)
{
    std::string qs = question("relationship.category", "choice", options({"ex-partner", "met-online", "stranger"})) +
                     "," + question("victim.age", "number", R"(, "min": 0, "max": 120)") + ",";
    if (withAgeAtOffence) {
        qs += question("victim.ageAtOffence", "number", R"(, "min": 0, "max": 120)") + ",";
    }
    qs +=
        question("victim.supportedByIsva", "yes-no") + "," + question("suspect.known", "yes-no") + "," +
        question("suspect.under18", "yes-no") + "," + question("suspect.interpreterNeeded", "yes-no") + "," +
        question("suspect.linkedRassoReports", "number", R"(, "min": 0, "max": 1000)") + "," +
        question("suspect.status", "choice", options({"not-yet-arrested", "on-bail", "released-under-investigation"})) +
        "," + question("offence.period", "date-range");
    return QuestionCatalogue::fromJson(
        R"({"kind": "nom-context-questions", "format": 1, "version": "t", "source": "s", "questions": [)" + qs + "]}",
        "inline.json");
}

Instant at(const char* iso)
{
    return *parseIsoUtc(iso);
}

const Instant Now = at("2026-12-06T12:00:00Z");

CaseRecordFacts::PersonFacts
person(std::optional<std::string> dob, std::optional<int> age = std::nullopt, bool named = true)
{
    return {named, std::move(dob), age, false};
}

class DerivedFactsTest : public ::testing::Test
{
protected:
    QuestionCatalogue questions = catalogue(true);
    CaseRecordFacts records;

    DerivedFacts derived() const { return deriveFacts(records, questions, Now); }
    std::optional<FactValue> fact(const char* key) const
    {
        const auto d = derived();
        const auto it = d.find(key);
        return it == d.end() ? std::nullopt : std::optional(it->second.value);
    }
    std::optional<RecordSource> source(const char* key) const
    {
        const auto d = derived();
        const auto it = d.find(key);
        return it == d.end() ? std::nullopt : std::optional(it->second.source);
    }
};

TEST_F(DerivedFactsTest, noRecordsDeriveNothing)
{
    EXPECT_TRUE(derived().empty());
}

TEST_F(DerivedFactsTest, relationshipCategoryComesFromPeopleWhenEveryRelationshipAgrees)
{
    records.relationshipCategories = {"met-online"};
    EXPECT_EQ(fact("relationship.category"), FactValue(std::string("met-online")));
    EXPECT_EQ(source("relationship.category"), RecordSource::Relationships);
    records.relationshipCategories = {"met-online", "met-online"};
    EXPECT_EQ(fact("relationship.category"), FactValue(std::string("met-online")));
}

TEST_F(DerivedFactsTest, relationshipCategoryIsNotDerivedWhenRelationshipsDifferOrTheOptionIsNotOffered)
{
    records.relationshipCategories = {"met-online", "ex-partner"};
    EXPECT_FALSE(fact("relationship.category"));
    records.relationshipCategories = {"colleague"}; // not an option of this catalogue's question
    EXPECT_FALSE(fact("relationship.category"));
}

TEST_F(DerivedFactsTest, aNamedSuspectMakesTheSuspectKnown)
{
    records.suspects = {person(std::nullopt)};
    EXPECT_EQ(fact("suspect.known"), FactValue(true));
    EXPECT_EQ(source("suspect.known"), RecordSource::People);
}

TEST_F(DerivedFactsTest, anUnnamedSuspectOrNoSuspectDerivesNothingAboutIdentity)
{
    records.suspects = {person("2000-01-01", std::nullopt, false)};
    EXPECT_FALSE(fact("suspect.known"));
    EXPECT_FALSE(fact("suspect.under18")); // only a named suspect's age counts
    records.suspects.clear();
    EXPECT_FALSE(fact("suspect.known")); // never "false": no suspect yet is not "not known"
}

TEST_F(DerivedFactsTest, suspectUnder18FromTheYoungestNamedSuspect)
{
    records.suspects = {person("1990-04-01"), person("2009-12-07")}; // the second turns 17 tomorrow
    EXPECT_EQ(fact("suspect.under18"), FactValue(true));
    records.suspects = {person("1990-04-01"), person("2008-12-06")}; // 18 today
    EXPECT_EQ(fact("suspect.under18"), FactValue(false));
    records.suspects = {person(std::nullopt, 16)};
    EXPECT_EQ(fact("suspect.under18"), FactValue(true));
}

TEST_F(DerivedFactsTest, suspectUnder18IsNotDerivedWithoutAnAge)
{
    records.suspects = {person(std::nullopt)};
    EXPECT_FALSE(fact("suspect.under18"));
}

TEST_F(DerivedFactsTest, suspectInterpreterNeededOnlyWhenPeopleSaysSo)
{
    records.suspects = {person(std::nullopt)};
    EXPECT_FALSE(fact("suspect.interpreterNeeded")); // an unticked box is not "no interpreter needed"
    records.suspects.front().interpreterNeeded = true;
    EXPECT_EQ(fact("suspect.interpreterNeeded"), FactValue(true));
}

TEST_F(DerivedFactsTest, linkedReportsFromCasesLinkedThroughASuspectConfirmedTheSame)
{
    EXPECT_FALSE(fact("suspect.linkedRassoReports")); // no link here is not "no report anywhere": not derived
    records.linkedSuspectCases = 2;
    EXPECT_EQ(fact("suspect.linkedRassoReports"), FactValue(2.0));
    EXPECT_EQ(source("suspect.linkedRassoReports"), RecordSource::People);
    records.linkedSuspectCases = 1001; // beyond what the question accepts: not derived
    EXPECT_FALSE(fact("suspect.linkedRassoReports"));
}

TEST_F(DerivedFactsTest, suspectStatusFromTheLatestBailRecordThatHasNotEnded)
{
    records.bails = {{"bail", "2026-10-01", true}, {"rui", "2026-11-01", false}};
    EXPECT_EQ(fact("suspect.status"), FactValue(std::string("released-under-investigation")));
    EXPECT_EQ(source("suspect.status"), RecordSource::Bail);
    records.bails = {{"rui", "2026-10-01", false}, {"bail", "2026-11-01", false}};
    EXPECT_EQ(fact("suspect.status"), FactValue(std::string("on-bail")));
}

TEST_F(DerivedFactsTest, suspectStatusIsNotDerivedWhenEveryBailEnded)
{
    records.bails = {{"bail", "2026-10-01", true}};
    EXPECT_FALSE(fact("suspect.status"));
}

TEST_F(DerivedFactsTest, victimAgeFromDateOfBirthAtNowElseTheRecordedAge)
{
    records.victims = {person("2010-12-07")};
    EXPECT_EQ(fact("victim.age"), FactValue(15.0));
    records.victims = {person("2010-12-06")};
    EXPECT_EQ(fact("victim.age"), FactValue(16.0));
    records.victims = {person(std::nullopt, 34)};
    EXPECT_EQ(fact("victim.age"), FactValue(34.0));
    records.victims = {person(std::nullopt, 34), person("2000-06-01")};
    EXPECT_EQ(fact("victim.age"), FactValue(26.0)); // the youngest victim
}

TEST_F(DerivedFactsTest, victimAgeIsNotDerivedWithoutADateOfBirthOrAge)
{
    records.victims = {person(std::nullopt)};
    EXPECT_FALSE(fact("victim.age"));
    records.victims = {person("2027-01-01")}; // born after "now": no age
    EXPECT_FALSE(fact("victim.age"));
}

TEST_F(DerivedFactsTest, victimAgeAtOffenceFromDateOfBirthAndTheStartOfTheOffenceDate)
{
    records.victims = {person("1990-05-05")};
    records.offenceDate = ApproxDate::year(2003);
    EXPECT_EQ(fact("victim.ageAtOffence"), FactValue(12.0)); // 1 January 2003: still 12
    records.offenceDate = ApproxDate::day("2003-05-05");
    EXPECT_EQ(fact("victim.ageAtOffence"), FactValue(13.0));
    records.offenceDate = ApproxDate::exact("2003-05-04T23:30:00Z"); // 00:30 BST on 5 May in London
    EXPECT_EQ(fact("victim.ageAtOffence"), FactValue(13.0));
}

TEST_F(DerivedFactsTest, victimAgeAtOffenceIsNotDerivedFromAnAgeAloneOrWithoutAnOffenceDate)
{
    records.victims = {person(std::nullopt, 30)};
    records.offenceDate = ApproxDate::year(2003);
    EXPECT_FALSE(fact("victim.ageAtOffence"));
    records.victims = {person("1990-05-05")};
    records.offenceDate = ApproxDate::unknown();
    EXPECT_FALSE(fact("victim.ageAtOffence"));
}

TEST_F(DerivedFactsTest, victimAgeAtOffenceOnlyWhenTheCatalogueAsksIt)
{
    records.victims = {person("1990-05-05")};
    records.offenceDate = ApproxDate::year(2003);
    const auto older = deriveFacts(records, catalogue(false), Now);
    EXPECT_EQ(older.count("victim.ageAtOffence"), 0u);
    EXPECT_EQ(older.count("victim.age"), 1u);
    EXPECT_EQ(deriveFacts(records, catalogue(true), Now).count("victim.ageAtOffence"), 1u);
}

TEST_F(DerivedFactsTest, offencePeriodFromTheOverviewsOffenceDate)
{
    records.offenceDate = ApproxDate::month("2026-07");
    const DateRange july{at("2026-06-30T23:00:00Z"), at("2026-07-31T22:59:59Z")}; // BST
    EXPECT_EQ(fact("offence.period"), FactValue(july));
    EXPECT_EQ(source("offence.period"), RecordSource::Overview);
    records.offenceDate = ApproxDate::exact("2026-01-10T21:15:00Z");
    const DateRange instant{at("2026-01-10T21:15:00Z"), at("2026-01-10T21:15:00Z")};
    EXPECT_EQ(fact("offence.period"), FactValue(instant));
    records.offenceDate = ApproxDate::between("1998-01-01", "1999-12-31");
    const DateRange years{at("1998-01-01T00:00:00Z"), at("1999-12-31T23:59:59Z")}; // GMT
    EXPECT_EQ(fact("offence.period"), FactValue(years));
}

TEST_F(DerivedFactsTest, offencePeriodIsNotDerivedWhenTheDateIsNotKnown)
{
    records.offenceDate = ApproxDate::unknown();
    EXPECT_FALSE(fact("offence.period"));
}

TEST_F(DerivedFactsTest, supportedByIsvaWhenAReferralWasAccepted)
{
    records.isvaAccepted = {"no", "yes"};
    EXPECT_EQ(fact("victim.supportedByIsva"), FactValue(true));
    EXPECT_EQ(source("victim.supportedByIsva"), RecordSource::IsvaReferrals);
}

TEST_F(DerivedFactsTest, supportedByIsvaIsNotDerivedFromAnOfferDeclinedOrUndecided)
{
    records.isvaAccepted = {"no", "undecided"};
    EXPECT_FALSE(fact("victim.supportedByIsva"));
}

TEST(MergeFactsTest, aRecordOutranksAPlainAnswerAndAnOverrideOutranksTheRecord)
{
    DerivedFacts derived;
    derived.emplace("relationship.category", DerivedFact{std::string("met-online"), RecordSource::Relationships});
    derived.emplace("suspect.known", DerivedFact{true, RecordSource::People});
    CurrentAnswers answers;
    answers.emplace("relationship.category", CurrentAnswer{std::string("stranger"), std::nullopt});
    answers.emplace("suspect.known", CurrentAnswer{false, std::string("The name given is an alias; identity unknown")});
    answers.emplace("offence.repeated", CurrentAnswer{true, std::nullopt});

    const auto merged = mergeFacts(answers, derived);
    EXPECT_EQ(merged.facts.at("relationship.category"), FactValue(std::string("met-online")));
    EXPECT_EQ(merged.provenance.at("relationship.category").origin, FactOrigin::Record);
    EXPECT_EQ(merged.facts.at("suspect.known"), FactValue(false));
    const auto& overridden = merged.provenance.at("suspect.known");
    EXPECT_EQ(overridden.origin, FactOrigin::Override);
    EXPECT_EQ(overridden.overrideReason, "The name given is an alias; identity unknown");
    ASSERT_TRUE(overridden.derived.has_value());
    EXPECT_EQ(overridden.derived->value, FactValue(true));
    EXPECT_EQ(merged.facts.at("offence.repeated"), FactValue(true));
    EXPECT_EQ(merged.provenance.at("offence.repeated").origin, FactOrigin::Answer);
    EXPECT_EQ(merged.facts.size(), merged.provenance.size());
}

TEST(MergeFactsTest, anOverrideStandsWhenTheRecordGoes)
{
    CurrentAnswers answers;
    answers.emplace("suspect.known", CurrentAnswer{false, std::string("reason")});
    const auto merged = mergeFacts(answers, {});
    EXPECT_EQ(merged.facts.at("suspect.known"), FactValue(false));
    EXPECT_EQ(merged.provenance.at("suspect.known").origin, FactOrigin::Override);
    EXPECT_FALSE(merged.provenance.at("suspect.known").derived.has_value());
}

} // namespace
