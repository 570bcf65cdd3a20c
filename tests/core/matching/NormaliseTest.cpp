// SPDX-License-Identifier: GPL-3.0-or-later
#include <gtest/gtest.h>

#include "core/matching/Normalise.h"

using namespace wb::core::matching;

TEST(MatchNormaliseTest, NamesLoseCaseAccentsPunctuationAndExtraSpaces)
{
    EXPECT_EQ(normaliseName("  JOHN  "), "john");
    EXPECT_EQ(normaliseName("Zoë"), "zoe");
    EXPECT_EQ(normaliseName("José-María"), "jose maria");
    EXPECT_EQ(normaliseName("O'Brien"), "obrien");
    EXPECT_EQ(normaliseName("O\u2019Brien"), "obrien");
    EXPECT_EQ(normaliseName("Łukasz  Wiśniewski"), "lukasz wisniewski");
    EXPECT_EQ(normaliseName("Strauß"), "strauss");
    EXPECT_EQ(normaliseName("Søren Ærø"), "soren aero");
    EXPECT_EQ(normaliseName("J. Smith"), "j smith");
    EXPECT_EQ(normaliseName("...   "), "");
}

TEST(MatchNormaliseTest, NamesInOtherScriptsAreKept)
{
    EXPECT_EQ(normaliseName("Иван"), "Иван");
}

TEST(MatchNormaliseTest, PhonesTakeOneUkForm)
{
    EXPECT_EQ(normalisePhone("07700 900123"), "07700900123");
    EXPECT_EQ(normalisePhone("+44 7700 900123"), "07700900123");
    EXPECT_EQ(normalisePhone("+44 (0)7700 900123"), "07700900123");
    EXPECT_EQ(normalisePhone("0044 7700 900123"), "07700900123");
    EXPECT_EQ(normalisePhone("(07700) 900-123"), "07700900123");
    EXPECT_EQ(normalisePhone("7700900123"), "07700900123");
    EXPECT_EQ(normalisePhone("+33 1 23 45 67 89"), "0033123456789");
    EXPECT_EQ(normalisePhone("12345"), "");
    EXPECT_EQ(normalisePhone("none"), "");
}

TEST(MatchNormaliseTest, EmailsAreLowerCaseAndGooglemailIsGmail)
{
    EXPECT_EQ(normaliseEmail(" Jon.Smyth@Example.COM "), "jon.smyth@example.com");
    EXPECT_EQ(normaliseEmail("jon@googlemail.com"), "jon@gmail.com");
    EXPECT_EQ(normaliseEmail("not an address"), "");
    EXPECT_EQ(normaliseEmail("@example.com"), "");
}

TEST(MatchNormaliseTest, HandlesLoseTheAtAndCase)
{
    EXPECT_EQ(normaliseHandle("@Jon_88"), "jon_88");
    EXPECT_EQ(normaliseHandle("jon_88"), "jon_88");
}

TEST(MatchNormaliseTest, VehiclesAndPoliceIdsLoseSpacesAndAreUpperCase)
{
    EXPECT_EQ(normaliseVehicle("ab12 cde"), "AB12CDE");
    EXPECT_EQ(normaliseVehicle("AB12-CDE"), "AB12CDE");
    EXPECT_EQ(normalisePoliceId("12/345678 a"), "12345678A");
}

TEST(MatchNormaliseTest, UkPostcodesAreFoundAndSplit)
{
    auto code = findPostcode("10 Downing Street, London SW1A 2AA");
    ASSERT_TRUE(code);
    EXPECT_TRUE(code->uk);
    EXPECT_EQ(code->outward, "SW1A");
    EXPECT_EQ(code->inward, "2AA");
    code = findPostcode("Flat 2, 5 High St, Leeds, ls1 4ap");
    ASSERT_TRUE(code);
    EXPECT_EQ(code->whole(), "LS14AP");
    code = findPostcode("1 Road, M11AE");
    ASSERT_TRUE(code);
    EXPECT_EQ(code->outward, "M1");
    EXPECT_EQ(code->inward, "1AE");
}

TEST(MatchNormaliseTest, OtherPostcodesFallBackToTheWholeCode)
{
    const auto code = findPostcode("6 tullaroop street, willaroo, st james, wa 4011");
    ASSERT_TRUE(code);
    EXPECT_FALSE(code->uk);
    EXPECT_EQ(code->whole(), "4011");
    EXPECT_TRUE(code->inward.empty());
    EXPECT_FALSE(findPostcode("The Old Barn, Little Snoring"));
    EXPECT_FALSE(findPostcode("flat 3"));
}

TEST(MatchNormaliseTest, AddressesAreComparedWithoutTheirPostcode)
{
    EXPECT_EQ(normaliseAddress("10 Downing Street, London SW1A 2AA"), "10 downing street london");
    EXPECT_EQ(normaliseAddress("10  downing st."), "10 downing st");
    EXPECT_EQ(normaliseAddress("6 tullaroop street, st james, wa 4011"), "6 tullaroop street st james wa");
}
