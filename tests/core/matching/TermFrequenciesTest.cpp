// SPDX-License-Identifier: GPL-3.0-or-later
// Term-frequency adjustment: an exact match on a common surname counts for less than one on a rare surname.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
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

/// 1,000 fictional records: 100 Smiths, one Wolstenholme, the rest surnames seen a few times each.
std::vector<PersonRecord> population()
{
    std::vector<PersonRecord> records;
    for (int i = 0; i < 1000; ++i) {
        std::string family = i < 100 ? "Smith" : i == 100 ? "Wolstenholme" : "Name" + std::to_string(i % 200);
        records.push_back(person("Given" + std::to_string(i), family));
    }
    return records;
}

} // namespace

TEST(MatchTermFrequenciesTest, CountsNormalisedValues)
{
    std::vector<PersonRecord> records = {person("Jon", "Smith"), person("jon", "SMITH"), person("Ann", "Jones"),
                                         person("", "Smith")};
    const auto tf = TermFrequencies::build(records);
    EXPECT_EQ(tf.values(Field::FamilyName), 4U);
    EXPECT_EQ(tf.values(Field::GivenName), 3U);
    EXPECT_DOUBLE_EQ(tf.frequency(Field::FamilyName, "smith"), 0.75);
    EXPECT_DOUBLE_EQ(tf.frequency(Field::GivenName, "jon"), 2.0 / 3.0);
    EXPECT_DOUBLE_EQ(tf.frequency(Field::FamilyName, "brown"), 0.0);
    EXPECT_DOUBLE_EQ(tf.frequency(Field::Phone, "smith"), 0.0);
}

TEST(MatchTermFrequenciesTest, CommonSurnameCountsForLessThanRareOne)
{
    const auto records = population();
    const auto tf = TermFrequencies::build(records);
    const MatchScorer scorer(model(), &tf);
    const MatchScore common = scorer.score(person("A", "Smith"), person("B", "Smith"));
    const MatchScore rare = scorer.score(person("A", "Wolstenholme"), person("B", "Wolstenholme"));
    const Contribution& c = common.contributions[0];
    const Contribution& r = rare.contributions[0];
    ASSERT_EQ(c.level, Level::Exact);
    ASSERT_EQ(r.level, Level::Exact);
    EXPECT_LT(c.weight, r.weight);
    const double m = model().parameters(Field::FamilyName, Level::Exact).m;
    EXPECT_NEAR(c.weight, std::log2(m / 0.1), 1e-9) << "u is the surname's frequency, 100 in 1,000";
    EXPECT_LT(c.termFrequencyAdjustment, 0.0);
    EXPECT_GT(r.termFrequencyAdjustment, 0.0);
    EXPECT_NEAR(c.weight - c.termFrequencyAdjustment, model().weight(Field::FamilyName, Level::Exact), 1e-9);
    // The adjustment only touches exact matches.
    const MatchScore similar = scorer.score(person("A", "Smith"), person("B", "Smyth"));
    EXPECT_DOUBLE_EQ(similar.contributions[0].termFrequencyAdjustment, 0.0);
}

TEST(MatchTermFrequenciesTest, UIsBoundedBelow)
{
    std::vector<PersonRecord> records(200'000, person("Given", "Common"));
    records.push_back(person("Given", "Unique"));
    const auto tf = TermFrequencies::build(records);
    const MatchScorer scorer(model(), &tf);
    const auto c = scorer.score(person("A", "Unique"), person("B", "Unique")).contributions[0];
    const double m = model().parameters(Field::FamilyName, Level::Exact).m;
    EXPECT_NEAR(c.weight, std::log2(m / model().termFrequencyMinimumU()), 1e-9);
}

TEST(MatchTermFrequenciesTest, TooFewValuesKeepTheLevelsU)
{
    std::vector<PersonRecord> records = {person("Jon", "Smith"), person("Jon", "Smith"), person("Ann", "Jones")};
    const auto tf = TermFrequencies::build(records);
    ASSERT_LT(tf.values(Field::FamilyName), model().termFrequencyMinimumValues());
    const MatchScorer scorer(model(), &tf);
    const auto c = scorer.score(records[0], records[1]).contributions[0];
    EXPECT_DOUBLE_EQ(c.termFrequencyAdjustment, 0.0);
    EXPECT_NEAR(c.weight, model().weight(Field::FamilyName, Level::Exact), 1e-12);
}
