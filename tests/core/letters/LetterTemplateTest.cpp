// SPDX-License-Identifier: GPL-3.0-or-later
// Victim letter templates: read and checked at start (every shipped one), placeholders known, filled whole or not.
#include <gtest/gtest.h>

#include <string>

#include "core/Error.h"
#include "core/catalogues/Catalogues.h"
#include "core/letters/LetterTemplate.h"
#include "support/TestSupport.h"

using namespace wb::core;
using namespace wb::core::letters;

namespace {

std::string letterJson(const std::string& paragraphs, const std::string& events = R"(["case_event:arrest"])")
{
    return R"({"kind": "victim-letter", "format": 1, "version": "t1", "occasion": "test", "name": "Test",
        "title": "A fictional letter", "contactPurpose": "event-notification", "events": )" +
           events + R"(, "source": "fictional", "paragraphs": )" + paragraphs + "}";
}

ErrorCode codeOf(const std::function<void()>& f, std::string* message = nullptr)
{
    try {
        f();
    } catch (const Error& e) {
        if (message != nullptr) {
            *message = e.what();
        }
        return e.code();
    }
    ADD_FAILURE() << "no error";
    return ErrorCode::Storage;
}

TEST(LetterTemplateTest, everyShippedLetterLoadsAndIsCheckedAgainstTheLists)
{
    const auto catalogues = Catalogues::loadFrom(WB_RESOURCES_DIR);
    ASSERT_NE(catalogues.letters, nullptr);
    ASSERT_EQ(catalogues.letters->size(), 6U);
    for (const auto& letter : *catalogues.letters) {
        SCOPED_TRACE(letter.occasion);
        EXPECT_FALSE(letter.paragraphs.empty());
        EXPECT_FALSE(letter.events.empty());
        EXPECT_FALSE(letter.source.empty());
    }
    const auto& nfa = *std::find_if(catalogues.letters->begin(), catalogues.letters->end(),
                                    [](const auto& l) { return l.occasion == "no-further-action"; });
    EXPECT_EQ(nfa.contactPurpose, "vrr-information");
    EXPECT_TRUE(nfa.isAbout("case_event", "no-further-action"));
    EXPECT_FALSE(nfa.isAbout("case_event", "arrest"));
    std::string all;
    for (const auto& p : nfa.paragraphs) {
        all += p;
    }
    EXPECT_NE(all.find("{{vrr.askBy}}"), std::string::npos);
    EXPECT_NE(all.find("10 working days"), std::string::npos);
    EXPECT_NE(all.find("30 working days"), std::string::npos);
}

TEST(LetterTemplateTest, anUnknownPlaceholderAFieldOrABadEventIsRefusedByName)
{
    std::string message;
    EXPECT_EQ(codeOf([] { parseLetter(letterJson(R"(["Dear {{victim.nickname}},"])"), "test.json"); }, &message),
              ErrorCode::ReferenceData);
    EXPECT_NE(message.find("test.json"), std::string::npos) << message;
    EXPECT_NE(message.find("{{victim.nickname}}"), std::string::npos) << message;
    EXPECT_EQ(codeOf([] { parseLetter(letterJson(R"(["Dear {{victim.name,"])"), "t.json"); }, &message),
              ErrorCode::ReferenceData);
    EXPECT_NE(message.find("not closed"), std::string::npos) << message;
    EXPECT_EQ(codeOf([] { parseLetter(letterJson(R"(["x"])", R"(["bail:remand"])"), "t.json"); }),
              ErrorCode::ReferenceData);
    EXPECT_EQ(codeOf([] { parseLetter(letterJson(R"(["x"])", R"(["arrest"])"), "t.json"); }), ErrorCode::ReferenceData);
    EXPECT_EQ(
        codeOf(
            [] { parseLetter(R"({"kind": "victim-letter", "format": 1, "version": "1", "sourse": "x"})", "t.json"); },
            &message),
        ErrorCode::ReferenceData);
}

TEST(LetterTemplateTest, fillsEveryPlaceholderOrRefusesNamingTheOneMissing)
{
    const auto letter = parseLetter(
        letterJson(
            R"(["Dear {{victim.name}},", "Bail ends on {{bail.endDate}} ({{case.reference}}).", "No placeholders."])",
            R"(["bail:bail"])"),
        "t.json");
    EXPECT_EQ(placeholdersIn(letter.paragraphs[1], "t"), (std::vector<std::string>{"bail.endDate", "case.reference"}));
    const auto filled =
        fill(letter, {{"victim.name", "Vivian Example"}, {"bail.endDate", "31/03/2027"}, {"case.reference", "FICT/1"}});
    ASSERT_EQ(filled.size(), 3U);
    EXPECT_EQ(filled[0], "Dear Vivian Example,");
    EXPECT_EQ(filled[1], "Bail ends on 31/03/2027 (FICT/1).");
    EXPECT_EQ(filled[2], "No placeholders.");
    try {
        fill(letter, {{"victim.name", "Vivian Example"}, {"case.reference", "FICT/1"}, {"bail.endDate", ""}});
        FAIL() << "a letter was written without its bail end";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::Validation);
        EXPECT_EQ(e.field(), "bail.endDate");
    }
}

TEST(LetterTemplateTest, aFolderWithTwoFilesForOneOccasionIsRefused)
{
    wb::test::TempDir dir;
    wb::test::writeBytes(dir / "a.json", [] {
        const std::string s = letterJson(R"(["x"])");
        return std::vector<unsigned char>(s.begin(), s.end());
    }());
    std::filesystem::copy_file(dir / "a.json", dir / "b.json");
    std::string message;
    EXPECT_EQ(codeOf([&] { loadLetters(dir.path()); }, &message), ErrorCode::ReferenceData);
    EXPECT_NE(message.find("b.json"), std::string::npos) << message;
    EXPECT_TRUE(loadLetters(dir / "missing").empty());
}

} // namespace
