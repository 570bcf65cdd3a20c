// SPDX-License-Identifier: GPL-3.0-or-later
#include <gtest/gtest.h>

#include "core/matching/Similarity.h"

using namespace wb::core::matching;

TEST(MatchSimilarityTest, JaroWinklerKnownValues)
{
    // Winkler's published examples.
    EXPECT_NEAR(jaroWinkler("martha", "marhta"), 0.9611, 0.0001);
    EXPECT_NEAR(jaroWinkler("dwayne", "duane"), 0.84, 0.0001);
    EXPECT_NEAR(jaroWinkler("dixon", "dicksonx"), 0.8133, 0.0001);
    EXPECT_DOUBLE_EQ(jaroWinkler("smith", "smith"), 1.0);
    EXPECT_DOUBLE_EQ(jaroWinkler("abc", "xyz"), 0.0);
    EXPECT_DOUBLE_EQ(jaroWinkler("", ""), 1.0);
    EXPECT_DOUBLE_EQ(jaroWinkler("a", ""), 0.0);
    EXPECT_DOUBLE_EQ(jaroWinkler("smyth", "smith"), jaroWinkler("smith", "smyth"));
}

TEST(MatchSimilarityTest, MetaphoneGivesSoundAlikesOneCode)
{
    EXPECT_EQ(metaphone("smith"), "SM0");
    EXPECT_EQ(metaphone("smyth"), "SM0");
    EXPECT_EQ(metaphone("catherine"), metaphone("kathryn"));
    EXPECT_EQ(metaphone("stephen"), metaphone("steven"));
    EXPECT_EQ(metaphone("knight"), metaphone("night"));
    EXPECT_EQ(metaphone("philips"), "FLPS");
    EXPECT_EQ(metaphone("xavier"), metaphone("savier"));
    EXPECT_NE(metaphone("smith"), metaphone("jones"));
    EXPECT_EQ(metaphone(""), "");
    EXPECT_EQ(metaphone("123"), "");
}
