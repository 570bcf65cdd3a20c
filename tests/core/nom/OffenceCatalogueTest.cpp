// SPDX-License-Identifier: GPL-3.0-or-later
#include <gtest/gtest.h>

#include "core/Error.h"
#include "core/nom/OffenceCatalogue.h"
#include "support/TestSupport.h"

using namespace wb::core;

namespace {

std::string errorFor(const std::string& json)
{
    try {
        OffenceCatalogue::fromJson(json, "test.json");
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::ReferenceData);
        return e.what();
    }
    ADD_FAILURE() << "expected a reference data error";
    return {};
}

std::string item(const char* code)
{
    return std::string(R"({"code":")") + code +
           R"(","title":"T","legislation":"L","section":"s.1","source":"S","confirmed":true})";
}

TEST(OffenceCatalogueTest, shippedListLoadsWithTheCoreOffences)
{
    const auto catalogue = wb::test::offences();
    EXPECT_FALSE(catalogue->version().empty());
    const auto* rape = catalogue->find("SOA2003-s1");
    ASSERT_NE(rape, nullptr);
    EXPECT_EQ(rape->title, "Rape");
    EXPECT_TRUE(rape->confirmed);
    ASSERT_NE(catalogue->find("SOA2003-s2"), nullptr);
    ASSERT_NE(catalogue->find("SOA2003-s3"), nullptr);
    EXPECT_EQ(catalogue->find("nonsense"), nullptr);
    for (const auto& o : catalogue->offences()) {
        EXPECT_FALSE(o.source.empty()) << o.code;
    }
}

TEST(OffenceCatalogueTest, errorsNameTheItemAndField)
{
    EXPECT_NE(errorFor("{").find("not valid JSON"), std::string::npos);
    // Found by fuzzing: a number too large for a double is an error, not a crash.
    EXPECT_NE(
        errorFor(R"({"kind":"offences","version":"1","items":[{"confirmed":888888888e84888}]})").find("not valid JSON"),
        std::string::npos);
    EXPECT_NE(errorFor("[]").find("top level"), std::string::npos);
    EXPECT_NE(errorFor(R"({"kind":"outcomes","version":"1","items":[]})").find("kind"), std::string::npos);
    EXPECT_NE(errorFor(R"({"kind":"offences","version":"1","items":[]})").find("items"), std::string::npos);
    const std::string missingTitle =
        errorFor(R"({"kind":"offences","version":"1","items":[{"code":"X1","legislation":"L","section":"s",
                    "source":"S","confirmed":true}]})");
    EXPECT_NE(missingTitle.find("item 0 (X1)"), std::string::npos) << missingTitle;
    EXPECT_NE(missingTitle.find("'title'"), std::string::npos) << missingTitle;
    const std::string badFlag =
        errorFor(R"({"kind":"offences","version":"1","items":[{"code":"X1","title":"T","legislation":"L",
                    "section":"s","source":"S","confirmed":"yes"}]})");
    EXPECT_NE(badFlag.find("'confirmed'"), std::string::npos) << badFlag;
    const std::string duplicate =
        errorFor(std::string(R"({"kind":"offences","version":"1","items":[)") + item("D") + "," + item("D") + "]}");
    EXPECT_NE(duplicate.find("item 1 (D): duplicate code"), std::string::npos) << duplicate;
}

TEST(OffenceCatalogueTest, missingFileIsAReferenceDataError)
{
    try {
        OffenceCatalogue::fromFile("/nonexistent/offences.json");
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::ReferenceData);
    }
}

} // namespace
