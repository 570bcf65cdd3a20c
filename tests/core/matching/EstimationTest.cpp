// SPDX-License-Identifier: GPL-3.0-or-later
// Fitting u-probabilities from random pairs of a set of records.
#include <gtest/gtest.h>

#include <filesystem>
#include <vector>

#include "core/matching/Estimation.h"
#include "core/matching/MatchCodes.h"
#include "core/matching/MatchModel.h"
#include "support/MatchingTestSupport.h"
#include "support/TestSupport.h"

using namespace wb::core::matching;

namespace {

const MatchModel& model()
{
    return wb::test::shippedMatchModel();
}

/// 400 fictional people: surnames from 4 (a quarter of random pairs share one), no phones recorded.
std::vector<PersonRecord> people()
{
    const char* surnames[] = {"Abbott", "Bexley", "Cartwright", "Dunmore"};
    std::vector<PersonRecord> records;
    for (int i = 0; i < 400; ++i) {
        PersonRecord r;
        r.personId = i + 1;
        r.givenName = "G" + std::to_string(i) + "x";
        r.familyName = surnames[i % 4];
        records.push_back(r);
    }
    return records;
}

} // namespace

TEST(MatchEstimationTest, UFollowsHowOftenRandomPairsAgree)
{
    const auto records = people();
    const UEstimate estimate = estimateU(model(), records, 20'000, 42);
    EXPECT_EQ(estimate.pairsSampled, 20'000U);
    const auto family = static_cast<std::size_t>(Field::FamilyName);
    EXPECT_EQ(estimate.compared[family], 20'000U);
    EXPECT_TRUE(estimate.estimated[family]);
    EXPECT_NEAR(estimate.model.parameters(Field::FamilyName, Level::Exact).u, 0.25, 0.02);
    EXPECT_NE(estimate.model.parameters(Field::FamilyName, Level::Exact).source.find("estimated"), std::string::npos);
    // m kept; every u still above 0 and the u's still sum to 1 (the model validates again).
    EXPECT_DOUBLE_EQ(estimate.model.parameters(Field::FamilyName, Level::Exact).m,
                     model().parameters(Field::FamilyName, Level::Exact).m);
    double sum = 0;
    for (const Level level : levelsOf(Field::FamilyName)) {
        EXPECT_GT(estimate.model.parameters(Field::FamilyName, level).u, 0.0);
        sum += estimate.model.parameters(Field::FamilyName, level).u;
    }
    EXPECT_NEAR(sum, 1.0, 1e-9);
    EXPECT_NO_THROW(MatchModel::fromJson(estimate.model.toJson(), "estimated"));
}

TEST(MatchEstimationTest, FieldsRarelyComparedKeepTheirDefaults)
{
    const auto records = people();
    const UEstimate estimate = estimateU(model(), records, 5'000, 7);
    const auto phone = static_cast<std::size_t>(Field::Phone);
    EXPECT_EQ(estimate.compared[phone], 0U);
    EXPECT_FALSE(estimate.estimated[phone]);
    EXPECT_DOUBLE_EQ(estimate.model.parameters(Field::Phone, Level::Exact).u,
                     model().parameters(Field::Phone, Level::Exact).u);
}

TEST(MatchEstimationTest, DeterministicForASeed)
{
    const auto records = people();
    EXPECT_EQ(estimateU(model(), records, 3'000, 1).model.toJson(),
              estimateU(model(), records, 3'000, 1).model.toJson());
    const std::vector<PersonRecord> one(1);
    EXPECT_EQ(estimateU(model(), one, 100, 1).pairsSampled, 0U);
}
