// SPDX-License-Identifier: GPL-3.0-or-later
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "core/Error.h"
#include "core/reference/ReferenceData.h"
#include "support/TestSupport.h"

using namespace wb::core;
namespace fs = std::filesystem;

namespace {

fs::path referenceFolder()
{
    return fs::path(WB_RESOURCES_DIR) / "reference";
}

const ReferenceData& shipped()
{
    static const ReferenceData data = ReferenceData::load(referenceFolder());
    return data;
}

/// The shipped files ReferenceData owns: every *.json in the folder except offences.json (OffenceCatalogue's)
/// and bank-holidays-england-wales.json (the deadline engine's Calendar).
std::vector<fs::path> shippedListFiles()
{
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(referenceFolder())) {
        if (entry.path().extension() == ".json" && entry.path().filename() != "offences.json" &&
            entry.path().filename() != "bank-holidays-england-wales.json") {
            files.push_back(entry.path());
        }
    }
    std::sort(files.begin(), files.end());
    return files;
}

std::string errorFor(const std::string& json, std::string_view expectedKind = {})
{
    try {
        ReferenceList::fromJson(json, "test.json", expectedKind);
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::ReferenceData);
        return e.what();
    }
    ADD_FAILURE() << "expected a reference data error for " << json;
    return {};
}

std::string loadErrorFor(const fs::path& folder)
{
    try {
        ReferenceData::load(folder);
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::ReferenceData);
        return e.what();
    }
    ADD_FAILURE() << "expected ReferenceData::load to fail";
    return {};
}

/// A well-formed item; `fields` is spliced in (a leading comma is added) to add or override fields.
std::string item(const std::string& code, const std::string& fields = {})
{
    return R"({"code":")" + code + R"(","label":"L","confirmed":true,"source":"S")" +
           (fields.empty() ? "" : "," + fields) + "}";
}

std::string list(const std::string& items, const std::string& kind = "test-kind")
{
    return R"({"kind":")" + kind + R"(","version":"2026.11-1","source":"unit test","items":[)" + items + "]}";
}

void writeText(const fs::path& path, const std::string& text)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
}

/// A copy of the shipped reference folder the test may break.
void copyShipped(const fs::path& to)
{
    fs::copy(referenceFolder(), to, fs::copy_options::recursive);
}

bool has(const std::string& text, const std::string& part)
{
    return text.find(part) != std::string::npos;
}

// --- the shipped lists -----------------------------------------------------------------------------------------

TEST(ReferenceDataTest, everyShippedListLoadsThroughLoad)
{
    const auto& data = shipped();
    ASSERT_EQ(ReferenceData::requiredKinds().size(), 19u);
    for (const auto kind : ReferenceData::requiredKinds()) {
        ASSERT_TRUE(data.has(kind)) << kind;
        const auto& l = data.list(kind);
        EXPECT_EQ(l.kind(), kind);
        // Lists changed for issue 14 are at 2026.12-1, the others still at 2026.11-1.
        EXPECT_TRUE(l.version() == "2026.11-1" || l.version() == "2026.12-1") << kind << ": " << l.version();
        EXPECT_FALSE(l.source().empty()) << kind;
        EXPECT_FALSE(l.items().empty()) << kind;
    }
    // Every shipped list file is one load() reads (so none is silently ignored), and offences stays out.
    std::set<std::string> required(ReferenceData::requiredKinds().begin(), ReferenceData::requiredKinds().end());
    EXPECT_EQ(required.count("offences"), 0u);
    const auto files = shippedListFiles();
    EXPECT_EQ(files.size(), required.size());
    for (const auto& file : files) {
        EXPECT_EQ(required.count(file.stem().string()), 1u) << file.filename() << " is not a required kind";
    }
}

TEST(ReferenceDataTest, eachFileKindEqualsItsFileName)
{
    const auto files = shippedListFiles();
    ASSERT_FALSE(files.empty());
    for (const auto& file : files) {
        EXPECT_EQ(ReferenceList::fromFile(file).kind(), file.stem().string()) << file.filename();
    }
}

TEST(ReferenceDataTest, shippedCodesAreUniqueAndItemsComplete)
{
    for (const auto kind : ReferenceData::requiredKinds()) {
        const auto& items = shipped().list(kind).items();
        std::set<std::string> codes;
        for (std::size_t i = 0; i < items.size(); ++i) {
            const auto& it = items[i];
            EXPECT_TRUE(codes.insert(it.code).second) << kind << ": duplicate " << it.code;
            EXPECT_EQ(it.order, static_cast<int>(i)) << kind << " " << it.code;
            EXPECT_FALSE(it.label.empty()) << kind << " " << it.code;
            EXPECT_FALSE(it.source.empty()) << kind << " " << it.code;
            EXPECT_EQ(shipped().list(kind).find(it.code), &it);
        }
    }
}

TEST(ReferenceDataTest, confirmedMatchesTheConfidenceTagInTheSource)
{
    // confirmed is true only where the brief tags the item [C]; every other item names a weaker tag.
    for (const auto kind : ReferenceData::requiredKinds()) {
        for (const auto& it : shipped().list(kind).items()) {
            if (it.confirmed) {
                EXPECT_TRUE(has(it.source, "[C]")) << kind << " " << it.code << ": " << it.source;
            } else {
                EXPECT_TRUE(has(it.source, "[S]") || has(it.source, "[U]") || has(it.source, "[D]") ||
                            has(it.source, "no confidence tag"))
                    << kind << " " << it.code << ": " << it.source;
            }
        }
    }
    for (const auto& it : shipped().list("location-types").items()) {
        EXPECT_FALSE(it.confirmed) << it.code; // the brief has no location list
    }
    for (const auto& it : shipped().list("withdrawal-reasons").items()) {
        EXPECT_FALSE(it.confirmed) << it.code; // enum WithdrawalReason is [D]
    }
}

TEST(ReferenceDataTest, journeyHasExactlyFifteenOrderedStages)
{
    const auto& stages = shipped().list("journey-stages").items();
    ASSERT_EQ(stages.size(), 15u);
    for (std::size_t i = 0; i < stages.size(); ++i) {
        const std::string number = (i + 1 < 10 ? "0" : "") + std::to_string(i + 1);
        EXPECT_EQ(stages[i].code, "stage-" + number);
        EXPECT_EQ(stages[i].order, static_cast<int>(i));
        EXPECT_EQ(stages[i].confirmed, i < 2) << stages[i].code; // only stages 1 and 2 are [C]
        EXPECT_FALSE(stages[i].extraValue("guidance").empty()) << stages[i].code;
    }
    EXPECT_EQ(stages[0].label, "First contact and recording");
    EXPECT_EQ(stages[1].label, "Initial conversation");
}

TEST(ReferenceDataTest, outcomeCodesIncludeTheRassoCodes)
{
    const auto& outcomes = shipped().list("outcome-codes");
    for (const char* code : {"1", "1A", "14", "15", "16", "18", "21", "22"}) {
        EXPECT_TRUE(outcomes.contains(code)) << code;
    }
    EXPECT_FALSE(outcomes.contains("19")); // not in the brief's table
    EXPECT_TRUE(outcomes.find("15")->confirmed);
    EXPECT_TRUE(outcomes.find("16")->confirmed);
    EXPECT_FALSE(outcomes.find("14")->confirmed); // name [S], number [U]
    EXPECT_FALSE(outcomes.find("18")->confirmed);
    // Issue 14: outcome 17's guidance names the domestic-abuse exception for common assault (CJA 1988 s.39A).
    EXPECT_TRUE(has(std::string(outcomes.find("17")->extraValue("guidance")), "s.39A"));
    EXPECT_TRUE(has(std::string(outcomes.find("17")->extraValue("guidance")), "2 years after the offence"));
    for (const auto& it : outcomes.items()) {
        EXPECT_FALSE(it.extraValue("group").empty()) << it.code;
        EXPECT_EQ(it.extraValue("class"), it.code == "N100" ? "recording-classification" : "outcome-type") << it.code;
    }
}

TEST(ReferenceDataTest, bailExtensionsReferenceExistingPoliceRanks)
{
    const auto& ranks = shipped().list("police-ranks");
    const auto& steps = shipped().list("bail-extensions").items();
    // Issue 14: the ordinary route (3, 6, 9, 12 months) and the exceptionally complex one (12, then 18), all
    // confirmed in the Act's text.
    ASSERT_EQ(steps.size(), 6u);
    for (const auto& step : steps) {
        const std::string authority(step.extraValue("authority"));
        EXPECT_TRUE(authority == "court" || ranks.contains(authority)) << step.code << ": " << authority;
        EXPECT_TRUE(step.confirmed) << step.code;
        EXPECT_FALSE(step.extraValue("section").empty()) << step.code;
    }
    const auto months = [&](std::size_t i) { return std::stoi(std::string(steps[i].extraValue("months"))); };
    EXPECT_EQ(steps[0].extraValue("months"), "3");
    EXPECT_EQ(steps[0].extraValue("authority"), "sergeant");
    EXPECT_EQ(steps[1].extraValue("authority"), "inspector");
    EXPECT_EQ(steps[1].extraValue("months"), "6");
    EXPECT_EQ(steps[2].extraValue("authority"), "superintendent");
    EXPECT_EQ(steps[2].extraValue("months"), "9");
    EXPECT_EQ(steps[3].extraValue("authority"), "court");
    EXPECT_EQ(months(3), 12);
    EXPECT_TRUE(steps[3].extraValue("designation").empty());
    EXPECT_EQ(steps[4].code, "designated-12");
    EXPECT_EQ(steps[4].extraValue("authority"), "assistant-chief-constable");
    EXPECT_EQ(steps[4].extraValue("designation"), "dpp");
    EXPECT_EQ(months(4), 12);
    EXPECT_EQ(steps[5].extraValue("authority"), "court");
    EXPECT_EQ(steps[5].extraValue("designation"), "dpp");
    EXPECT_EQ(months(5), 18);
}

TEST(ReferenceDataTest, policeRankLevelsRiseWithSeniority)
{
    // Levels rise one step at a time; commander shares the level of assistant chief constable (PACE s.47ZE(9)
    // names them together), the one pair allowed on the same level.
    const auto& ranks = shipped().list("police-ranks");
    int previous = 0;
    for (const auto& rank : ranks.items()) {
        const int level = std::stoi(std::string(rank.extraValue("level")));
        if (rank.code == "commander") {
            EXPECT_EQ(level, previous) << rank.code;
        } else {
            EXPECT_EQ(level, previous + 1) << rank.code;
        }
        previous = level;
    }
    const auto level = [&](const char* code) { return std::stoi(std::string(ranks.find(code)->extraValue("level"))); };
    EXPECT_LT(level("constable"), level("sergeant"));
    EXPECT_LT(level("inspector"), level("superintendent"));
    EXPECT_LT(level("superintendent"), level("chief-constable"));
    EXPECT_EQ(level("commander"), level("assistant-chief-constable"));
    EXPECT_TRUE(ranks.find("commander")->confirmed);
}

TEST(ReferenceDataTest, listOfAnUnknownKindThrows)
{
    for (const char* kind : {"offences", "no-such-kind", ""}) {
        try {
            (void)shipped().list(kind);
            ADD_FAILURE() << "expected an error for kind '" << kind << "'";
        } catch (const Error& e) {
            EXPECT_EQ(e.code(), ErrorCode::ReferenceData);
            EXPECT_TRUE(has(e.what(), std::string("\"") + kind + "\"")) << e.what();
        }
    }
    EXPECT_FALSE(shipped().has("offences"));
}

// --- the generic loader -------------------------------------------------------------------------------------------

TEST(ReferenceDataTest, parsesItemsExtrasAndOrder)
{
    const auto l = ReferenceList::fromJson(
        list(item("a.b/c-1_Z", R"("group":"G","guidance":"")") + "," + item("2", R"("confirmed":false)")), "test.json");
    EXPECT_EQ(l.kind(), "test-kind");
    EXPECT_EQ(l.version(), "2026.11-1");
    EXPECT_EQ(l.source(), "unit test");
    ASSERT_EQ(l.items().size(), 2u);
    const auto* first = l.find("a.b/c-1_Z");
    ASSERT_NE(first, nullptr);
    EXPECT_EQ(first->label, "L");
    EXPECT_EQ(first->source, "S");
    EXPECT_TRUE(first->confirmed);
    EXPECT_EQ(first->order, 0);
    EXPECT_EQ(first->extra.size(), 2u); // the standard fields are not copied into extra
    EXPECT_EQ(first->extraValue("group"), "G");
    EXPECT_EQ(first->extra.count("guidance"), 1u);
    EXPECT_EQ(first->extraValue("missing"), "");
    EXPECT_FALSE(l.find("2")->confirmed);
    EXPECT_EQ(l.find("2")->order, 1);
    EXPECT_TRUE(l.contains("2"));
    EXPECT_FALSE(l.contains("3"));
    EXPECT_FALSE(l.contains("A.B/C-1_Z")); // codes are case-sensitive
    // The expected kind, when given, must match.
    EXPECT_EQ(ReferenceList::fromJson(list(item("x")), "t.json", "test-kind").kind(), "test-kind");
}

TEST(ReferenceDataTest, rejectsInvalidJsonAndANonObjectTopLevel)
{
    EXPECT_TRUE(has(errorFor("{"), "test.json: not valid JSON"));
    EXPECT_TRUE(has(errorFor(R"([{"kind":"k"}])"), "test.json: the top level must be an object"));
}

TEST(ReferenceDataTest, rejectsAMissingOrWrongKind)
{
    EXPECT_TRUE(has(errorFor(R"({"version":"1","source":"s","items":[)" + item("x") + "]}"),
                    "top level: 'kind' must be a non-empty string"));
    EXPECT_TRUE(has(errorFor(list(item("x"), "")), "'kind' must be a non-empty string"));
    const std::string wrong = errorFor(list(item("x"), "outcome-codes"), "police-ranks");
    EXPECT_TRUE(has(wrong, "test.json: 'kind' is \"outcome-codes\" but \"police-ranks\" was expected")) << wrong;
}

TEST(ReferenceDataTest, rejectsAMissingVersionOrSource)
{
    EXPECT_TRUE(has(errorFor(R"({"kind":"k","source":"s","items":[)" + item("x") + "]}"),
                    "top level: 'version' must be a non-empty string"));
    EXPECT_TRUE(has(errorFor(R"({"kind":"k","version":"","source":"s","items":[)" + item("x") + "]}"),
                    "'version' must be a non-empty string"));
    EXPECT_TRUE(has(errorFor(R"({"kind":"k","version":"1","items":[)" + item("x") + "]}"),
                    "top level: 'source' must be a non-empty string"));
}

TEST(ReferenceDataTest, rejectsMissingOrEmptyItems)
{
    EXPECT_TRUE(has(errorFor(R"({"kind":"k","version":"1","source":"s"})"), "'items' must be a non-empty array"));
    EXPECT_TRUE(has(errorFor(list("")), "'items' must be a non-empty array"));
    EXPECT_TRUE(has(errorFor(R"({"kind":"k","version":"1","source":"s","items":{"code":"x"}})"),
                    "'items' must be a non-empty array"));
    EXPECT_TRUE(has(errorFor(list(item("x") + R"(,"y")")), "item 1 must be an object"));
}

TEST(ReferenceDataTest, rejectsAMissingCode)
{
    const std::string e = errorFor(list(item("ok") + R"(,{"label":"L","confirmed":true,"source":"S"})"));
    EXPECT_TRUE(has(e, "test.json: item 1: 'code' must be a non-empty string")) << e;
    EXPECT_TRUE(has(errorFor(list(R"({"code":7,"label":"L","confirmed":true,"source":"S"})")),
                    "item 0: 'code' must be a non-empty string"));
}

TEST(ReferenceDataTest, rejectsAMissingOrEmptyLabel)
{
    const std::string missing = errorFor(list(R"({"code":"X1","confirmed":true,"source":"S"})"));
    EXPECT_TRUE(has(missing, "test.json: item 0 (X1): 'label' must be a non-empty string")) << missing;
    const std::string empty = errorFor(list(item("ok") + "," + item("X2", R"("label":"")")));
    EXPECT_TRUE(has(empty, "item 1 (X2): 'label' must be a non-empty string")) << empty;
}

TEST(ReferenceDataTest, rejectsAMissingOrEmptyItemSource)
{
    const std::string missing = errorFor(list(R"({"code":"X1","label":"L","confirmed":true})"));
    EXPECT_TRUE(has(missing, "item 0 (X1): 'source' must be a non-empty string")) << missing;
    const std::string empty = errorFor(list(item("X1", R"("source":"")")));
    EXPECT_TRUE(has(empty, "item 0 (X1): 'source' must be a non-empty string")) << empty;
}

TEST(ReferenceDataTest, rejectsAConfirmedFlagThatIsNotBoolean)
{
    const std::string text = errorFor(list(item("X1", R"("confirmed":"yes")")));
    EXPECT_TRUE(has(text, "item 0 (X1): 'confirmed' must be true or false")) << text;
    const std::string number = errorFor(list(item("X1", R"("confirmed":1)")));
    EXPECT_TRUE(has(number, "item 0 (X1): 'confirmed' must be true or false")) << number;
    const std::string missing = errorFor(list(R"({"code":"X1","label":"L","source":"S"})"));
    EXPECT_TRUE(has(missing, "item 0 (X1): 'confirmed' must be true or false")) << missing;
}

TEST(ReferenceDataTest, rejectsADuplicateCode)
{
    const std::string e = errorFor(list(item("D") + "," + item("E") + "," + item("D")));
    EXPECT_TRUE(has(e, "test.json: item 2 (D): duplicate code")) << e;
}

TEST(ReferenceDataTest, rejectsACodeOutsideThePattern)
{
    const std::vector<std::string> badCodes{"a b", "caf\u00e9", "x:y", "1+1", "tab\\t", std::string(41, 'a')};
    for (const auto& bad : badCodes) {
        const std::string e = errorFor(list(item(bad)));
        EXPECT_TRUE(has(e, "item 0 (")) << bad << ": " << e;
        EXPECT_TRUE(has(e, "'code' must be 1 to 40 characters")) << bad << ": " << e;
    }
    // The boundary and every allowed character class are accepted.
    EXPECT_NO_THROW(ReferenceList::fromJson(list(item(std::string(40, 'z'))), "t.json"));
    EXPECT_NO_THROW(ReferenceList::fromJson(list(item("Az09._/-")), "t.json"));
}

TEST(ReferenceDataTest, rejectsAnExtraFieldThatIsNotAString)
{
    for (const char* value : {"3", "true", "null", R"({"a":"b"})", R"(["a"])"}) {
        const std::string e = errorFor(list(item("X1", std::string(R"("level":)") + value)));
        EXPECT_TRUE(has(e, "item 0 (X1): 'level' must be a string")) << value << ": " << e;
    }
}

TEST(ReferenceDataTest, rejectsAnOrderField)
{
    const std::string e = errorFor(list(item("X1", R"("order":"5")")));
    EXPECT_TRUE(has(e, "item 0 (X1): 'order' is reserved")) << e;
}

TEST(ReferenceDataTest, fromFileNamesTheFile)
{
    wb::test::TempDir dir;
    try {
        ReferenceList::fromFile(dir / "missing-list.json");
        ADD_FAILURE() << "expected an error for a missing file";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::ReferenceData);
        EXPECT_TRUE(has(e.what(), "missing-list.json")) << e.what();
    }
    writeText(dir / "tpm-types.json", list(item("x"), "device-types"));
    try {
        ReferenceList::fromFile(dir / "tpm-types.json", "tpm-types");
        ADD_FAILURE() << "expected an error for the wrong kind";
    } catch (const Error& e) {
        EXPECT_TRUE(has(e.what(), "tpm-types.json: 'kind' is \"device-types\" but \"tpm-types\" was expected"))
            << e.what();
    }
    writeText(dir / "good.json", list(item("x"), "anything"));
    EXPECT_EQ(ReferenceList::fromFile(dir / "good.json").kind(), "anything");
}

// --- loading the folder -------------------------------------------------------------------------------------------

TEST(ReferenceDataTest, loadNamesAMissingFile)
{
    wb::test::TempDir dir;
    const auto folder = dir / "reference";
    copyShipped(folder);
    EXPECT_NO_THROW(ReferenceData::load(folder));
    fs::remove(folder / "withdrawal-reasons.json");
    const std::string e = loadErrorFor(folder);
    EXPECT_TRUE(has(e, "withdrawal-reasons.json")) << e;
}

TEST(ReferenceDataTest, loadRejectsAFileWhoseKindIsNotItsName)
{
    wb::test::TempDir dir;
    const auto folder = dir / "reference";
    copyShipped(folder);
    fs::copy_file(folder / "device-types.json", folder / "tpm-types.json", fs::copy_options::overwrite_existing);
    const std::string e = loadErrorFor(folder);
    EXPECT_TRUE(has(e, "tpm-types.json: 'kind' is \"device-types\" but \"tpm-types\" was expected")) << e;
}

TEST(ReferenceDataTest, loadRejectsABailAuthorityThatIsNotARank)
{
    wb::test::TempDir dir;
    const auto folder = dir / "reference";
    copyShipped(folder);
    writeText(folder / "bail-extensions.json", list(item("initial", R"("months":"3","authority":"sergeant")") + "," +
                                                        item("extension-1", R"("months":"6","authority":"inspecter")"),
                                                    "bail-extensions"));
    const std::string e = loadErrorFor(folder);
    EXPECT_TRUE(has(e, "bail-extensions.json: item 1 (extension-1): 'authority'")) << e;
}

TEST(ReferenceDataTest, loadRejectsBailMonthsThatAreNotAWholeNumber)
{
    for (const char* months : {"", "three", "0", "-3", "3.5", "6 "}) {
        wb::test::TempDir dir;
        const auto folder = dir / "reference";
        copyShipped(folder);
        writeText(folder / "bail-extensions.json",
                  list(item("initial", std::string(R"("months":")") + months + R"(","authority":"sergeant")"),
                       "bail-extensions"));
        const std::string e = loadErrorFor(folder);
        EXPECT_TRUE(has(e, "bail-extensions.json: item 0 (initial): 'months'")) << months << ": " << e;
    }
}

TEST(ReferenceDataTest, loadRejectsARankWithoutAWholeNumberLevel)
{
    wb::test::TempDir dir;
    const auto folder = dir / "reference";
    copyShipped(folder);
    writeText(folder / "police-ranks.json", list(item("sergeant", R"("level":"2")") + "," + item("inspector") + "," +
                                                     item("superintendent", R"("level":"5")"),
                                                 "police-ranks"));
    const std::string e = loadErrorFor(folder);
    EXPECT_TRUE(has(e, "police-ranks.json: item 1 (inspector): 'level'")) << e;
}

} // namespace

namespace {

TEST(ReferenceDataTest, crimeReferenceFormatsNeedValidPatterns)
{
    wb::test::TempDir dir;
    const auto folder = dir / "reference";
    std::filesystem::copy(std::filesystem::path(WB_RESOURCES_DIR) / "reference", folder);
    for (const std::string pattern : {R"("pattern": "[0-9")", R"("example": "no pattern")"}) {
        const std::string bad = R"({"kind": "crime-reference-formats", "version": "1", "source": "test", "items": [
            {"code": "x", "label": "X", "confirmed": false, "source": "test", )" +
                                pattern + "}]}";
        wb::test::writeBytes(folder / "crime-reference-formats.json",
                             std::vector<unsigned char>(bad.begin(), bad.end()));
        try {
            ReferenceData::load(folder);
            ADD_FAILURE() << "accepted " << pattern;
        } catch (const Error& e) {
            EXPECT_NE(std::string(e.what()).find("item 0 (x): 'pattern'"), std::string::npos) << e.what();
        }
    }
}

} // namespace
