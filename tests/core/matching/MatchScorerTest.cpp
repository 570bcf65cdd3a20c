// SPDX-License-Identifier: GPL-3.0-or-later
// Every comparison level of every field, and the score's arithmetic. Fictional people only.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "core/matching/MatchModel.h"
#include "core/matching/MatchScorer.h"
#include "core/matching/TermFrequencies.h"
#include "support/MatchingTestSupport.h"
#include "support/TestSupport.h"

using namespace wb::core::matching;

namespace {

const MatchModel& model()
{
    return wb::test::shippedMatchModel();
}

PersonRecord person(const std::string& given, const std::string& family)
{
    PersonRecord r;
    r.givenName = given;
    r.familyName = family;
    return r;
}

Level level(Field field, const PersonRecord& a, const PersonRecord& b)
{
    const MatchScorer scorer(model());
    const Level ab = scorer.compare(field, PreparedRecord::from(a), PreparedRecord::from(b));
    EXPECT_EQ(ab, scorer.compare(field, PreparedRecord::from(b), PreparedRecord::from(a))) << "not symmetric";
    return ab;
}

} // namespace

TEST(MatchScorerTest, SurnameLevels)
{
    const Field f = Field::FamilyName;
    EXPECT_EQ(level(f, person("Jon", "Smith"), person("Jon", "SMITH")), Level::Exact);
    EXPECT_EQ(level(f, person("Jon", "Smith"), person("Smith", "Jon")), Level::Swapped);
    auto aliased = person("Jon", "Smith");
    aliased.aliases = {"Jonny Wolstenholme"};
    EXPECT_EQ(level(f, aliased, person("Jonny", "Wolstenholme")), Level::Alias);
    EXPECT_EQ(level(f, person("Jon", "Wolstenholme"), person("Jon", "Wolstenholm")), Level::SimilarHigh);
    EXPECT_EQ(level(f, person("Jon", "Knight"), person("Jon", "Night")), Level::SimilarHigh);
    EXPECT_EQ(level(f, person("Jon", "Philips"), person("Jon", "Fillips")), Level::Phonetic); // both "FLPS"
    EXPECT_EQ(level(f, person("Jon", "Dixon"), person("Jon", "Dicksonx")), Level::Different);
    EXPECT_EQ(level(f, person("Jon", "Martin"), person("Jon", "Martyns")), Level::SimilarMedium);
    EXPECT_EQ(level(f, person("Jon", "Smith"), person("Jon", "Jones")), Level::Different);
    EXPECT_EQ(level(f, person("Jon", ""), person("Jon", "Jones")), Level::NotCompared);
}

TEST(MatchScorerTest, SimilarMediumBand)
{
    // JW("chris", "christine") = 0.911: between the bands, and no shared Metaphone code.
    const MatchScorer scorer(model());
    const auto a = PreparedRecord::from(person("Chris", "X"));
    const auto b = PreparedRecord::from(person("Christine", "X"));
    double similarity = 0;
    EXPECT_EQ(scorer.compare(Field::GivenName, a, b, &similarity), Level::SimilarMedium);
    EXPECT_GE(similarity, model().jaroWinklerMedium());
    EXPECT_LT(similarity, model().jaroWinklerHigh());
}

TEST(MatchScorerTest, GivenNameLevels)
{
    const Field f = Field::GivenName;
    EXPECT_EQ(level(f, person("Zoë", "Smith"), person("zoe", "Smith")), Level::Exact);
    EXPECT_EQ(level(f, person("Jon", "Smith"), person("Smith", "Jon")), Level::Swapped);
    auto knownAs = person("Jonathan", "Smith");
    knownAs.aliases = {"Bazza"};
    EXPECT_EQ(level(f, knownAs, person("Bazza", "Smith")), Level::Alias);
    EXPECT_EQ(level(f, person("Catherine", "Smith"), person("Kathryn", "Smith")), Level::Phonetic);
    EXPECT_EQ(level(f, person("Jonathon", "Smith"), person("Jonathan", "Smith")), Level::SimilarHigh);
    EXPECT_EQ(level(f, person("J", "Smith"), person("Jonathan", "Smith")), Level::Initial);
    EXPECT_EQ(level(f, person("K", "Smith"), person("Jonathan", "Smith")), Level::Different);
    EXPECT_EQ(level(f, person("", "Smith"), person("Jonathan", "Smith")), Level::NotCompared);
}

TEST(MatchScorerTest, BirthDateLevels)
{
    const Field f = Field::BirthDate;
    auto a = person("Jon", "Smith");
    auto b = person("Jon", "Smith");
    EXPECT_EQ(level(f, a, b), Level::NotCompared);
    a.dateOfBirth = "1988-04-03";
    EXPECT_EQ(level(f, a, b), Level::NotCompared);
    b.dateOfBirth = "1988-04-03";
    EXPECT_EQ(level(f, a, b), Level::Exact);
    b.dateOfBirth = "1988-03-04";
    EXPECT_EQ(level(f, a, b), Level::DayMonthSwapped);
    b.dateOfBirth = "1988-11-20";
    EXPECT_EQ(level(f, a, b), Level::WithinAYear);
    b.dateOfBirth = "1987-06-01";
    EXPECT_EQ(level(f, a, b), Level::WithinAYear);
    b.dateOfBirth = "1985-04-03";
    EXPECT_EQ(level(f, a, b), Level::Different);
    b.dateOfBirth = "1988-02-30"; // not a date: not recorded
    EXPECT_EQ(level(f, a, b), Level::NotCompared);
    b.dateOfBirth.reset();
    b.ageYears = 36;
    EXPECT_EQ(level(f, a, b), Level::NotCompared) << "an age without the day it was true says nothing";
    b.ageOnDate = "2025-01-10"; // 36 on that day
    EXPECT_EQ(level(f, a, b), Level::AgeConsistent);
    b.ageYears = 25;
    EXPECT_EQ(level(f, a, b), Level::Different);
    a.dateOfBirth.reset();
    a.ageYears = 30;
    a.ageOnDate = "2020-05-01"; // born about 1990
    b.ageYears = 35;
    b.ageOnDate = "2025-06-01"; // born about 1990
    EXPECT_EQ(level(f, a, b), Level::AgeConsistent);
    b.ageYears = 45;
    EXPECT_EQ(level(f, a, b), Level::Different);
}

TEST(MatchScorerTest, IdentifiersMatchOnAnyPairOfRecordedValues)
{
    auto a = person("Jon", "Smith");
    auto b = person("Jon", "Smith");
    EXPECT_EQ(level(Field::Phone, a, b), Level::NotCompared);
    a.phones = {"07700 900001", "+44 7700 900123"};
    b.phones = {"07700900999"};
    EXPECT_EQ(level(Field::Phone, a, b), Level::Different);
    b.phones.push_back("07700 900 123");
    EXPECT_EQ(level(Field::Phone, a, b), Level::Exact);
    a.emails = {"Jon.Smyth@googlemail.com"};
    b.emails = {"jon.smyth@gmail.com"};
    EXPECT_EQ(level(Field::Email, a, b), Level::Exact);
    b.emails = {"other@example.com"};
    EXPECT_EQ(level(Field::Email, a, b), Level::Different);
    a.handles = {"@JonS88"};
    b.handles = {"jons88"};
    EXPECT_EQ(level(Field::Handle, a, b), Level::Exact);
    a.vehicles = {"ab12 cde"};
    b.vehicles = {"AB12CDE"};
    EXPECT_EQ(level(Field::Vehicle, a, b), Level::Exact);
    b.vehicles = {"XY99ZZZ"};
    EXPECT_EQ(level(Field::Vehicle, a, b), Level::Different);
    a.policeIds = {"12/345678A"};
    b.policeIds = {"12345678a"};
    EXPECT_EQ(level(Field::PoliceId, a, b), Level::Exact);
}

TEST(MatchScorerTest, AddressAndPostcodeLevels)
{
    auto a = person("Jon", "Smith");
    auto b = person("Jon", "Smith");
    EXPECT_EQ(level(Field::Address, a, b), Level::NotCompared);
    EXPECT_EQ(level(Field::Postcode, a, b), Level::NotCompared);
    a.addresses = {"12 Acacia Avenue, Leeds LS1 4AP"};
    b.addresses = {"12 acacia avenue leeds, ls14ap"};
    EXPECT_EQ(level(Field::Address, a, b), Level::Exact);
    EXPECT_EQ(level(Field::Postcode, a, b), Level::Exact);
    const MatchScore s = MatchScorer(model()).score(a, b);
    EXPECT_EQ(s.contributions[static_cast<std::size_t>(Field::Postcode)].valueA, "LS1 4AP");
    EXPECT_EQ(s.contributions[static_cast<std::size_t>(Field::Address)].valueB, "12 acacia avenue leeds, ls14ap");
    b.addresses = {"12 Acacia Avenu, Leeds LS1 9ZZ"};
    EXPECT_EQ(level(Field::Address, a, b), Level::SimilarHigh);
    EXPECT_EQ(level(Field::Postcode, a, b), Level::SameArea);
    b.addresses = {"Flat 9, Quarry Hill, Bradford BD7 1AA"};
    EXPECT_EQ(level(Field::Address, a, b), Level::Different);
    EXPECT_EQ(level(Field::Postcode, a, b), Level::Different);
    b.addresses = {"The Old Barn, Little Snoring"}; // no postcode
    EXPECT_EQ(level(Field::Postcode, a, b), Level::NotCompared);
    // Another country's postcode: exact or different, never "same area".
    a.addresses = {"6 tullaroop street, st james, wa 4011"};
    b.addresses = {"9 other street, st james, wa 4011"};
    EXPECT_EQ(level(Field::Postcode, a, b), Level::Exact);
    b.addresses = {"9 other street, st james, wa 4012"};
    EXPECT_EQ(level(Field::Postcode, a, b), Level::Different);
}

TEST(MatchScorerTest, ScoreIsPriorPlusContributionsInFieldOrder)
{
    auto a = person("Jon", "Smythe");
    a.phones = {"07700 900123"};
    auto b = person("Jonathan", "Smyth");
    b.dateOfBirth = "1988-04-03";
    b.phones = {"+44 7700 900123"};
    const MatchScorer scorer(model());
    const MatchScore s = scorer.score(a, b);
    ASSERT_EQ(s.contributions.size(), 10U);
    EXPECT_DOUBLE_EQ(s.priorWeight, model().priorWeight());
    double total = s.priorWeight;
    for (std::size_t i = 0; i < s.contributions.size(); ++i) {
        EXPECT_EQ(static_cast<std::size_t>(s.contributions[i].field), i);
        total += s.contributions[i].weight;
    }
    EXPECT_NEAR(s.totalWeight, total, 1e-9);
    EXPECT_NEAR(s.probability, std::exp2(total) / (1 + std::exp2(total)), 1e-12);
    const auto& surname = s.contributions[0];
    EXPECT_EQ(surname.level, Level::SimilarHigh);
    ASSERT_TRUE(surname.similarity);
    EXPECT_GE(*surname.similarity, model().jaroWinklerHigh());
    EXPECT_EQ(surname.valueA, "Smythe");
    EXPECT_EQ(surname.valueB, "Smyth");
    EXPECT_EQ(s.contributions[2].level, Level::NotCompared);
    EXPECT_DOUBLE_EQ(s.contributions[2].weight, 0.0);
    EXPECT_EQ(s.contributions[3].level, Level::Exact);
    EXPECT_NEAR(s.contributions[3].weight, model().weight(Field::Phone, Level::Exact), 1e-12);
    EXPECT_NEAR(scorer.totalWeight(PreparedRecord::from(a), PreparedRecord::from(b)), s.totalWeight, 1e-9);
}

TEST(MatchScorerTest, MoreAgreementScoresHigher)
{
    const MatchScorer scorer(model());
    auto a = person("Jon", "Smyth");
    auto b = person("Jon", "Smyth");
    const double namesOnly = scorer.score(a, b).totalWeight;
    a.dateOfBirth = b.dateOfBirth = "1988-04-03";
    const double withDate = scorer.score(a, b).totalWeight;
    EXPECT_GT(withDate, namesOnly);
    b.dateOfBirth = "1960-01-01";
    EXPECT_LT(scorer.score(a, b).totalWeight, namesOnly);
}

TEST(MatchScorerTest, NicknamesAreTheirOwnLevelWhereTheNamesAreNotSimilar)
{
    const Field f = Field::GivenName;
    EXPECT_EQ(level(f, person("Bill", "Smith"), person("William", "Smith")), Level::Nickname);
    EXPECT_EQ(level(f, person("Kate", "Smith"), person("Katherine", "Smith")), Level::Nickname);
    EXPECT_EQ(level(f, person("Jon", "Smith"), person("Jonathan", "Smith")), Level::Nickname);
    EXPECT_EQ(level(f, person("Peggy", "Smith"), person("Margaret", "Smith")), Level::Nickname);
    EXPECT_EQ(level(f, person("Chris", "Smith"), person("Christine", "Smith")), Level::SimilarMedium)
        << "already similar: the Jaro–Winkler level";
    EXPECT_EQ(level(f, person("Bill", "Smith"), person("Robert", "Smith")), Level::Different);
    EXPECT_EQ(level(Field::FamilyName, person("Jon", "Bill"), person("Jon", "William")), Level::Different)
        << "nicknames are given names only";
}

TEST(MatchScorerTest, EarlyStopGivesTheWeightOrStopsOnlyBelowTheFloor)
{
    std::vector<PersonRecord> people;
    for (const auto& [given, family] : std::vector<std::pair<std::string, std::string>>{{"Jonathan", "Smith"},
                                                                                        {"Jon", "Smyth"},
                                                                                        {"Bill", "Smith"},
                                                                                        {"William", "Smith"},
                                                                                        {"Amira", "Haddad"},
                                                                                        {"Jonathan", "Smith"},
                                                                                        {"Smith", "Jonathan"},
                                                                                        {"J", "Smith"},
                                                                                        {"", "Smith"},
                                                                                        {"Peter", ""}}) {
        people.push_back(person(given, family));
    }
    people[0].dateOfBirth = "1988-04-03";
    people[0].phones = {"07700 900123"};
    people[0].addresses = {"12 Invented Road, Leeds LS1 4AP"};
    people[1].phones = {"07700900123"};
    people[2].dateOfBirth = "1988-03-04";
    people[3].ageYears = 38;
    people[3].ageOnDate = "2026-12-01";
    people[5].dateOfBirth = "1988-04-03";
    people[5].addresses = {"12 Invented Rd, Leeds LS1 4AP"};
    people[5].vehicles = {"AB12CDE"};
    people[6].vehicles = {"AB12 CDE"};
    // Without and with term frequencies (a crowd where Smith is common and most other surnames rare).
    std::vector<PersonRecord> crowd = people;
    for (int i = 0; i < 600; ++i) {
        crowd.push_back(person("Given" + std::to_string(i % 40), i % 3 == 0 ? "Smith" : "Rare" + std::to_string(i)));
    }
    const auto frequencies = TermFrequencies::build(crowd);
    ASSERT_GE(frequencies.values(Field::FamilyName), model().termFrequencyMinimumValues());
    const MatchScorer plain(model());
    const MatchScorer weighed(model(), &frequencies);
    std::size_t stopped = 0;
    std::size_t reached = 0;
    for (const MatchScorer* scorerOf : {&plain, &weighed}) {
        const MatchScorer& scorer = *scorerOf;
        for (const double floor : {-30.0, -10.0, 0.0, 10.0, 30.0}) {
            for (const auto& a : people) {
                for (const auto& b : people) {
                    const auto pa = PreparedRecord::from(a);
                    const auto pb = PreparedRecord::from(b);
                    const double total = scorer.totalWeight(pa, pb);
                    const auto early = scorer.weightIfReaches(pa, pb, floor);
                    if (early) {
                        EXPECT_EQ(*early, total) << "the same sum, in the same order";
                        ++reached;
                    } else {
                        EXPECT_LT(total, floor) << a.givenName << " / " << b.givenName;
                        ++stopped;
                    }
                    if (total >= floor) {
                        EXPECT_TRUE(early.has_value());
                    }
                }
            }
        }
    }
    EXPECT_GT(stopped, 0U);
    EXPECT_GT(reached, 0U);
}
