// SPDX-License-Identifier: GPL-3.0-or-later
#include <gtest/gtest.h>

#include <algorithm>

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

TEST(OffenceCatalogueTest, shippedListHasTheOffencesNamedInIssue14)
{
    const auto catalogue = wb::test::offences();
    // SOA 2003 s.61, SCA 2015 s.75A, ss.15/15A, ss.47-50, ss.66A/66B, indecent images of children, and the
    // offences of the earlier Acts selectable by name for non-recent cases.
    for (const char* code :
         {"SOA2003-s61", "SCA2015-s75A", "SOA2003-s15", "SOA2003-s15A", "SOA2003-s47", "SOA2003-s48", "SOA2003-s49",
          "SOA2003-s50", "SOA2003-s66A", "SOA2003-s66B", "PCA1978-s1", "CJA1988-s160", "SOA1956-s1", "SOA1956-s5",
          "SOA1956-s6", "SOA1956-s10", "SOA1956-s14", "SOA1956-s15", "ICA1960-s1"}) {
        const auto* offence = catalogue->find(code);
        ASSERT_NE(offence, nullptr) << code;
        EXPECT_FALSE(offence->retired) << code;
        EXPECT_TRUE(offence->confirmed) << code << " is named in nom-brief 0a, tagged [C]";
    }
    EXPECT_EQ(catalogue->find("SOA2003-s61")->title, "Administering a substance with intent");
    EXPECT_EQ(catalogue->find("SCA2015-s75A")->legislation, "Serious Crime Act 2015");
    // The intimate-image placeholder still names older cases but is not offered for a new one.
    const auto* placeholder = catalogue->find("IMAGE-intimate");
    ASSERT_NE(placeholder, nullptr);
    EXPECT_TRUE(placeholder->retired);
    const auto selectable = catalogue->selectable();
    EXPECT_EQ(selectable.size(), catalogue->offences().size() - 1);
    EXPECT_TRUE(std::none_of(selectable.begin(), selectable.end(),
                             [](const Offence* o) { return o->code == "IMAGE-intimate"; }));
    EXPECT_EQ(selectable.front()->code, "SOA2003-s1");
}

TEST(OffenceCatalogueTest, retiredIsOptionalAndMustBeABoolean)
{
    const auto catalogue = OffenceCatalogue::fromJson(
        std::string(R"({"kind":"offences","version":"1","items":[)") + item("A") + "," +
        R"({"code":"B","title":"T","legislation":"L","section":"s.1","source":"S","confirmed":false,"retired":true},)" +
        R"({"code":"C","title":"T","legislation":"L","section":"s.1","source":"S","confirmed":false,"retired":false}]})");
    EXPECT_FALSE(catalogue.find("A")->retired);
    EXPECT_TRUE(catalogue.find("B")->retired);
    EXPECT_FALSE(catalogue.find("C")->retired);
    ASSERT_EQ(catalogue.selectable().size(), 2U);
    EXPECT_EQ(catalogue.selectable()[0]->code, "A");
    EXPECT_EQ(catalogue.selectable()[1]->code, "C");
    const std::string bad = errorFor(R"({"kind":"offences","version":"1","items":[{"code":"X1","title":"T",
        "legislation":"L","section":"s","source":"S","confirmed":true,"retired":"yes"}]})");
    EXPECT_NE(bad.find("item 0 (X1)"), std::string::npos) << bad;
    EXPECT_NE(bad.find("'retired'"), std::string::npos) << bad;
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
