// SPDX-License-Identifier: GPL-3.0-or-later
#include <gtest/gtest.h>

#include "core/Error.h"
#include "core/domain/Text.h"
#include "core/domain/Time.h"
#include "core/domain/Uuid.h"

using namespace wb::core;

namespace {

TEST(TextTest, checkedTextTrimsAndCountsCharactersNotBytes)
{
    EXPECT_EQ(checkedText("  Ffion  ", "f", 10, true), "Ffion");
    EXPECT_EQ(checkedText("Siân Llŷr", "f", 9, true), "Siân Llŷr"); // 9 characters, 11 bytes
    EXPECT_THROW(checkedText("Siân Llŷr!", "f", 9, true), Error);
    EXPECT_THROW(checkedText("   ", "f", 10, true), Error);
    EXPECT_EQ(checkedText("   ", "f", 10, false), "");
    EXPECT_THROW(checkedText("bad\x7f", "f", 10, false), Error);
    EXPECT_THROW(checkedText("\xC3\x28", "f", 10, false), Error); // invalid UTF-8
    try {
        checkedText("", "reference", 10, true);
    } catch (const Error& e) {
        EXPECT_EQ(e.field(), "reference");
        EXPECT_EQ(e.code(), ErrorCode::Validation);
    }
}

TEST(TextTest, splitListTrimsItemsAndLeavesOutEmptyOnes)
{
    EXPECT_EQ(splitList("a, b,c"), (std::vector<std::string>{"a", "b", "c"}));
    EXPECT_EQ(splitList(" ,a,, b ,"), (std::vector<std::string>{"a", "b"}));
    EXPECT_TRUE(splitList("").empty());
    EXPECT_TRUE(splitList(" , ").empty());
}

TEST(TextTest, clippedUtf8NeverCutsInsideACharacter)
{
    EXPECT_EQ(clippedUtf8("short", 10), "short");
    EXPECT_EQ(clippedUtf8("abcdef", 4), "abcd");
    // "é" is two bytes (C3 A9), "€" three (E2 82 AC): a cut inside one leaves it out whole.
    EXPECT_EQ(clippedUtf8("ab\xC3\xA9", 3), "ab");
    EXPECT_EQ(clippedUtf8("ab\xC3\xA9", 4), "ab\xC3\xA9");
    EXPECT_EQ(clippedUtf8("a\xE2\x82\xAC", 3), "a");
    EXPECT_EQ(clippedUtf8("\xE2\x82\xAC", 2), "");
}

TEST(TimeTest, isoUtcRoundTripsAndRejectsOtherForms)
{
    const auto t = parseIsoUtc("2026-03-29T00:59:59Z");
    ASSERT_TRUE(t);
    EXPECT_EQ(toIsoUtc(*t), "2026-03-29T00:59:59Z");
    EXPECT_FALSE(parseIsoUtc("2026-03-29 00:59:59"));
    EXPECT_FALSE(parseIsoUtc("2026-02-30T00:00:00Z"));
    EXPECT_FALSE(parseIsoUtc("2026-03-29T24:00:00Z"));
    EXPECT_FALSE(parseIsoUtc("2026-03-29T00:00:00+01:00"));
    EXPECT_TRUE(isValidIsoDate("2024-02-29"));
    EXPECT_FALSE(isValidIsoDate("2023-02-29"));
    EXPECT_FALSE(isValidIsoDate("29/02/2024"));
}

TEST(UuidTest, versionFourAndUnique)
{
    const auto a = newUuid();
    EXPECT_TRUE(isUuid(a)) << a;
    EXPECT_EQ(a[14], '4');
    EXPECT_NE(a, newUuid());
    EXPECT_FALSE(isUuid("not-a-uuid"));
}

} // namespace
