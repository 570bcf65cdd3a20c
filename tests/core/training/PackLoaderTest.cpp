// SPDX-License-Identifier: GPL-3.0-or-later
// Scenario packs (issue 17): a minimal pack loads; every kind of problem names its field by its path in the file;
// unknown ids are refused against the shipped catalogues; every shipped pack loads.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>

#include <nlohmann/json.hpp>

#include "core/Error.h"
#include "core/catalogues/Catalogues.h"
#include "core/training/PackLoader.h"
#include "support/TestSupport.h"

using namespace wb;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

const core::Catalogues& catalogues()
{
    static const auto loaded = core::Catalogues::loadFrom(WB_RESOURCES_DIR);
    return loaded;
}

/// The smallest pack the format accepts, with one item of every optional kind so that each can be broken.
json minimalPack()
{
    return json::parse(R"({
      "kind": "scenario-pack",
      "format": 1,
      "id": "minimal",
      "version": "1",
      "title": "Minimal pack",
      "summary": "For the loader's tests.",
      "startsAt": "2026-03-14T02:10:00+00:00",
      "case": {
        "crimeReference": "TRAIN/0001/26",
        "offence": "SOA2003-s1",
        "people": [
          {"key": "victim", "role": "victim", "givenName": "Testa", "familyName": "Fictional",
           "phone": "07700 900001"},
          {"key": "suspect", "role": "suspect", "givenName": "Ficto", "familyName": "Example"}
        ],
        "context": {"suspect.known": true, "relationship.category": "stranger"},
        "initialAccount": "An invented account."
      },
      "injects": [
        {"id": "cctv", "title": "CCTV", "text": "Footage found.", "kind": "cctv",
         "release": {"by": "time", "after": {"hours": 6}},
         "adds": {"context": {"offence.cctvPossible": true},
                  "people": [{"key": "witness", "role": "witness", "givenName": "Wit", "familyName": "Ness"}],
                  "records": [{"type": "device", "fields": {"owner_role": "suspect", "device_type": "mobile-phone",
                               "legal_basis": "pace-s19", "person_id": "suspect"}}]}},
        {"id": "arrest-follow-up", "title": "Interview", "text": "The suspect's account.", "kind": "interview",
         "release": {"by": "action", "caseEvent": "arrest"}}
      ],
      "model": {
        "lines": [{"enquiry": "FOR-012", "weight": 3, "why": "Footage is overwritten.", "learningPoint": "lp-cctv"}],
        "deadlines": [{"rule": "forensic-window", "why": "Samples degrade."}],
        "errors": [{"id": "counselling", "title": "Counselling notes sought",
                    "match": {"record": "tpm_request", "equals": {"tpm_type": "counselling"}},
                    "learningPoint": "lp-tpm"}],
        "learningPoints": [
          {"id": "lp-cctv", "principle": "suspect-focused", "text": "Secure CCTV early.", "source": "nom-brief §5.1 [U]"},
          {"id": "lp-tpm", "principle": "victim-information", "text": "No TPM without a line.",
           "source": "nom-brief §6.8 [C]"}
        ]
      }
    })");
}

core::training::PackCheck check(const json& pack)
{
    return core::training::checkPack(pack.dump(), catalogues());
}

bool names(const core::training::PackCheck& result, const std::string& field)
{
    return std::any_of(result.problems.begin(), result.problems.end(),
                       [&](const core::training::PackProblem& p) { return p.field == field; });
}

std::string listed(const core::training::PackCheck& result)
{
    std::string out;
    for (const auto& p : result.problems) {
        out += p.field + ": " + p.message + "\n";
    }
    return out;
}

} // namespace

TEST(PackLoader, minimalPackLoads)
{
    const auto result = check(minimalPack());
    ASSERT_TRUE(result.pack) << listed(result);
    const auto& pack = *result.pack;
    EXPECT_EQ(pack.id, "minimal");
    EXPECT_EQ(core::toIsoUtc(pack.startsAt), "2026-03-14T02:10:00Z");
    EXPECT_EQ(pack.scenarioCase.people.size(), 2U);
    EXPECT_EQ(std::get<bool>(pack.scenarioCase.context.at("suspect.known")), true);
    ASSERT_EQ(pack.injects.size(), 2U);
    EXPECT_EQ(pack.injects[0].kind, core::training::InjectKind::Cctv);
    EXPECT_EQ(pack.injects[0].release.by, core::training::ReleaseBy::Time);
    EXPECT_EQ(pack.injects[0].release.after, std::chrono::hours(6));
    EXPECT_EQ(pack.injects[0].records.at(0).fields.at("person_id"), "suspect");
    EXPECT_EQ(pack.injects[1].release.by, core::training::ReleaseBy::Action);
    EXPECT_EQ(pack.injects[1].release.caseEvent, "arrest");
    EXPECT_EQ(pack.model.lines.at(0).weight, 3);
    EXPECT_EQ(pack.model.errors.at(0).match.equals.at("tpm_type"), "counselling");
    EXPECT_EQ(pack.model.learningPoints.at(1).principle, core::nom::Principle::VictimInformation);
    EXPECT_NE(pack.findInject("cctv"), nullptr);
    EXPECT_EQ(pack.findInject("nope"), nullptr);
}

TEST(PackLoader, aSummerStartTakesBritishSummerTime)
{
    auto pack = minimalPack();
    pack["startsAt"] = "2026-07-01T23:30:00+01:00";
    const auto result = check(pack);
    ASSERT_TRUE(result.pack) << listed(result);
    EXPECT_EQ(core::toIsoUtc(result.pack->startsAt), "2026-07-01T22:30:00Z");
}

struct Breakage {
    const char* name;
    std::function<void(json&)> apply;
    const char* field;
};

class PackProblems : public ::testing::TestWithParam<Breakage>
{
};

TEST_P(PackProblems, namesTheField)
{
    auto pack = minimalPack();
    GetParam().apply(pack);
    const auto result = check(pack);
    EXPECT_FALSE(result.pack);
    EXPECT_TRUE(names(result, GetParam().field)) << "wanted " << GetParam().field << ", got:\n" << listed(result);
}

INSTANTIATE_TEST_SUITE_P(
    EveryKind,
    PackProblems,
    ::testing::Values(
        Breakage{"wrongKind", [](json& p) { p["kind"] = "offences"; }, "kind"},
        Breakage{"laterFormat", [](json& p) { p["format"] = 2; }, "format"},
        Breakage{"badId", [](json& p) { p["id"] = "Has Spaces"; }, "id"},
        Breakage{"missingTitle", [](json& p) { p.erase("title"); }, "title"},
        Breakage{"unknownTopLevelKey", [](json& p) { p["titel"] = "x"; }, "titel"},
        Breakage{"startWithoutOffset", [](json& p) { p["startsAt"] = "2026-03-14T02:10:00"; }, "startsAt"},
        Breakage{"startWithTheWrongOffset", [](json& p) { p["startsAt"] = "2026-07-01T10:00:00+00:00"; }, "startsAt"},
        Breakage{"unknownOffence", [](json& p) { p["case"]["offence"] = "SOA2003-s999"; }, "case.offence"},
        Breakage{"noVictim", [](json& p) { p["case"]["people"][0]["role"] = "witness"; }, "case.people"},
        Breakage{"unknownRole", [](json& p) { p["case"]["people"][1]["role"] = "bystander"; }, "case.people[1].role"},
        Breakage{"realLookingPhone", [](json& p) { p["case"]["people"][0]["phone"] = "07123 456789"; },
                 "case.people[0].phone"},
        Breakage{"duplicatePersonKey", [](json& p) { p["injects"][0]["adds"]["people"][0]["key"] = "victim"; },
                 "injects[0].adds.people[0].key"},
        Breakage{"unknownQuestion", [](json& p) { p["case"]["context"]["suspect.shoeSize"] = 9; },
                 "case.context[\"suspect.shoeSize\"]"},
        Breakage{"answerOfTheWrongType", [](json& p) { p["case"]["context"]["suspect.known"] = "maybe"; },
                 "case.context[\"suspect.known\"]"},
        Breakage{"optionNotOffered", [](json& p) { p["case"]["context"]["relationship.category"] = "neighbour"; },
                 "case.context[\"relationship.category\"]"},
        Breakage{"answerNestedTooDeep",
                 [](json& p) { p["case"]["context"]["offence.acts"] = json::array({json::array({"oral"})}); },
                 "case.context[\"offence.acts\"]"},
        Breakage{"noInjects", [](json& p) { p["injects"] = json::array(); }, "injects"},
        Breakage{"unknownInjectKind", [](json& p) { p["injects"][0]["kind"] = "rumour"; }, "injects[0].kind"},
        Breakage{"duplicateInjectId", [](json& p) { p["injects"][1]["id"] = "cctv"; }, "injects[1].id"},
        Breakage{"misspeltInjectKey", [](json& p) { p["injects"][0]["relase"] = 1; }, "injects[0].relase"},
        Breakage{"zeroHours", [](json& p) { p["injects"][0]["release"]["after"]["hours"] = 0; },
                 "injects[0].release.after.hours"},
        Breakage{"hoursAndDays", [](json& p) { p["injects"][0]["release"]["after"]["days"] = 1; },
                 "injects[0].release.after"},
        Breakage{"unknownRelease",
                 [](json& p) {
                     p["injects"][0]["release"] = {{"by", "moon"}};
                 },
                 "injects[0].release.by"},
        Breakage{"unknownCaseEvent", [](json& p) { p["injects"][1]["release"]["caseEvent"] = "party"; },
                 "injects[1].release.caseEvent"},
        Breakage{"unknownRecordTrigger",
                 [](json& p) {
                     p["injects"][1]["release"] = {{"by", "action"}, {"record", "party"}};
                 },
                 "injects[1].release.record"},
        Breakage{"unknownRecordType", [](json& p) { p["injects"][0]["adds"]["records"][0]["type"] = "party"; },
                 "injects[0].adds.records[0].type"},
        Breakage{"unknownRecordField",
                 [](json& p) { p["injects"][0]["adds"]["records"][0]["fields"]["colour"] = "red"; },
                 "injects[0].adds.records[0].fields.colour"},
        Breakage{"choiceNotInItsList",
                 [](json& p) { p["injects"][0]["adds"]["records"][0]["fields"]["device_type"] = "pager"; },
                 "injects[0].adds.records[0].fields.device_type"},
        Breakage{"missingRequiredField",
                 [](json& p) { p["injects"][0]["adds"]["records"][0]["fields"].erase("legal_basis"); },
                 "injects[0].adds.records[0].fields.legal_basis"},
        Breakage{"unknownPersonLink",
                 [](json& p) { p["injects"][0]["adds"]["records"][0]["fields"]["person_id"] = "nobody"; },
                 "injects[0].adds.records[0].fields.person_id"},
        Breakage{"unknownEnquiry", [](json& p) { p["model"]["lines"][0]["enquiry"] = "XYZ-001"; },
                 "model.lines[0].enquiry"},
        Breakage{"weightOutOfRange", [](json& p) { p["model"]["lines"][0]["weight"] = 5; }, "model.lines[0].weight"},
        Breakage{"noModelLines", [](json& p) { p["model"].erase("lines"); }, "model.lines"},
        Breakage{"unknownDeadlineRule", [](json& p) { p["model"]["deadlines"][0]["rule"] = "tomorrow"; },
                 "model.deadlines[0].rule"},
        Breakage{"errorChoiceNotInItsList",
                 [](json& p) { p["model"]["errors"][0]["match"]["equals"]["tpm_type"] = "diary"; },
                 "model.errors[0].match.equals.tpm_type"},
        Breakage{"errorMatchingAnyRecord", [](json& p) { p["model"]["errors"][0]["match"].erase("equals"); },
                 "model.errors[0].match"},
        Breakage{"errorByUnknownEnquiry", [](json& p) { p["model"]["errors"][0]["match"] = {{"enquiry", "NOPE-1"}}; },
                 "model.errors[0].match.enquiry"},
        Breakage{"unknownLearningPoint", [](json& p) { p["model"]["errors"][0]["learningPoint"] = "lp-none"; },
                 "model.errors[0].learningPoint"},
        Breakage{"sourceWithoutTag", [](json& p) { p["model"]["learningPoints"][0]["source"] = "common sense"; },
                 "model.learningPoints[0].source"},
        Breakage{
            "attachmentOutsideThePack",
            [](json&
                   p) { p["injects"][0]["attachments"] = json::array({{{"file", "../secret.txt"}, {"title", "x"}}}); },
            "injects[0].attachments[0].file"},
        Breakage{
            "attachmentOfAnUnreadKind",
            [](json& p) { p["injects"][0]["attachments"] = json::array({{{"file", "clip.mp4"}, {"title", "x"}}}); },
            "injects[0].attachments[0].file"},
        Breakage{"attachmentWithoutTitle",
                 [](json& p) { p["injects"][0]["attachments"] = json::array({{{"file", "still.png"}}}); },
                 "injects[0].attachments[0].title"},
        Breakage{"unknownPrinciple", [](json& p) { p["model"]["learningPoints"][0]["principle"] = "gut-feeling"; },
                 "model.learningPoints[0].principle"}),
    [](const ::testing::TestParamInfo<Breakage>& param) { return std::string(param.param.name); });

TEST(PackLoader, reportsEveryProblemNotOnlyTheFirst)
{
    auto pack = minimalPack();
    pack["case"]["offence"] = "nope";
    pack["model"]["lines"][0]["weight"] = 0;
    const auto result = check(pack);
    EXPECT_TRUE(names(result, "case.offence")) << listed(result);
    EXPECT_TRUE(names(result, "model.lines[0].weight")) << listed(result);
}

TEST(PackLoader, loadPackThrowsValidationNamingTheFirstField)
{
    auto pack = minimalPack();
    pack["injects"][0]["kind"] = "rumour";
    try {
        (void)core::training::loadPack(pack.dump(), catalogues());
        FAIL() << "an invalid pack loaded";
    } catch (const core::Error& e) {
        EXPECT_EQ(e.code(), core::ErrorCode::Validation);
        EXPECT_EQ(e.field(), "injects[0].kind");
    }
}

TEST(PackLoader, textThatIsNotJsonIsOneProblemAboutTheFile)
{
    for (const char* text : {"", "{", "[1, 2]", "{\"kind\": 1e999}"}) {
        const auto result = core::training::checkPack(text, catalogues());
        EXPECT_FALSE(result.pack) << text;
        ASSERT_EQ(result.problems.size(), 1U) << text;
        EXPECT_EQ(result.problems[0].field, "") << text;
    }
}

TEST(PackLoader, aMissingFileIsFileNotFound)
{
    test::TempDir dir;
    try {
        (void)core::training::checkPackFile(dir / "absent.json", catalogues());
        FAIL() << "a missing file was read";
    } catch (const core::Error& e) {
        EXPECT_EQ(e.code(), core::ErrorCode::FileNotFound);
    }
}

TEST(PackLoader, everyShippedPackLoadsWithItsInjectsAndModelAnswers)
{
    const fs::path folder = fs::path(WB_RESOURCES_DIR) / "training" / "packs";
    int packs = 0;
    for (const auto& entry : fs::directory_iterator(folder)) {
        if (entry.path().extension() != ".json") {
            continue;
        }
        ++packs;
        SCOPED_TRACE(entry.path().filename().string());
        const auto result = core::training::checkPackFile(entry.path(), catalogues());
        ASSERT_TRUE(result.pack) << listed(result);
        const auto& pack = *result.pack;
        EXPECT_EQ(entry.path().stem().string(), pack.id);
        EXPECT_GE(pack.injects.size(), 3U);
        EXPECT_GE(pack.model.lines.size(), 8U);
        EXPECT_GE(pack.model.deadlines.size(), 2U);
        EXPECT_GE(pack.model.errors.size(), 2U);
        EXPECT_GE(pack.model.learningPoints.size(), 3U);
        // Every credibility-focused error teaches something, and a line of enquiry is never also an error.
        for (const auto& error : pack.model.errors) {
            EXPECT_NE(pack.model.findLearningPoint(error.learningPoint), nullptr) << error.id;
            if (!error.match.enquiry.empty()) {
                EXPECT_TRUE(std::none_of(pack.model.lines.begin(), pack.model.lines.end(), [&](const auto& line) {
                    return line.enquiry == error.match.enquiry;
                })) << error.id;
            }
        }
        // The model plan is suspect-focused: most of its weight is on the suspect's actions.
        int suspectWeight = 0;
        int allWeight = 0;
        for (const auto& line : pack.model.lines) {
            const auto* enquiry = catalogues().enquiries->find(line.enquiry);
            ASSERT_NE(enquiry, nullptr);
            allWeight += line.weight;
            if (enquiry->principle == core::nom::Principle::SuspectFocused ||
                enquiry->principle == core::nom::Principle::DisruptingRepeatSuspects) {
                suspectWeight += line.weight;
            }
        }
        EXPECT_GT(suspectWeight * 2, allWeight);
    }
    EXPECT_GE(packs, 4);
}
