// SPDX-License-Identifier: GPL-3.0-or-later
// A classroom exercise in a TRAINING workspace (issue 17): every shipped pack starts at first report on its own
// clock, injects arrive by scenario time, by the trainee's action and by the trainer's release code, each once, and a
// live workspace runs no exercise. Fictional data only (the shipped packs).
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "core/Error.h"
#include "core/Workspace.h"
#include "core/catalogues/Catalogues.h"
#include "core/records/RecordSpec.h"
#include "core/records/RecordTypes.h"
#include "core/training/Exercise.h"
#include "core/training/PackLoader.h"
#include "support/TestSupport.h"

using namespace wb;
using namespace wb::core;
namespace fs = std::filesystem;
namespace training = core::training;

namespace {

const Catalogues& catalogues()
{
    static const auto loaded = Catalogues::loadFrom(WB_RESOURCES_DIR);
    return loaded;
}

std::string packText(const std::string& name)
{
    std::ifstream in(fs::path(WB_RESOURCES_DIR) / "training" / "packs" / (name + ".json"), std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

training::PackAttachments packAttachments(const training::ScenarioPack& pack)
{
    return training::readPackAttachments(pack, fs::path(WB_RESOURCES_DIR) / "training" / "packs");
}

class ExerciseTest : public ::testing::TestWithParam<std::string>
{
protected:
    test::TempDir dir;

    std::unique_ptr<Workspace> trainingWorkspace(const std::string& name = "exercise.rwb")
    {
        auto options = test::fastOptions();
        options.owner = {"Trainee Fictional", ""};
        options.training = true;
        return Workspace::create(dir / name, Workspace::deriveForCreate(test::Passphrase, options.kdf), options,
                                 catalogues().offences, catalogues().lists);
    }

    std::size_t count(Workspace& ws, std::string_view type, std::int64_t caseId)
    {
        return ws.records().listForCase(recordSpec(type), caseId).size();
    }
};

TEST_P(ExerciseTest, startsAtFirstReportAndReleasesEveryInjectOnce)
{
    const std::string text = packText(GetParam());
    const auto pack = training::loadPack(text, catalogues());
    auto ws = trainingWorkspace();
    const auto state = training::startExercise(*ws, pack, text, catalogues(), packAttachments(pack));

    // At first report: the case, its people, the first account, on the pack's own clock.
    EXPECT_TRUE(ws->onScenarioTime());
    EXPECT_LT(std::chrono::abs(ws->clock().now() - pack.startsAt), std::chrono::minutes(1));
    const auto cases = ws->cases().list();
    ASSERT_EQ(cases.size(), 1U);
    EXPECT_EQ(cases[0].reference, pack.scenarioCase.crimeReference);
    EXPECT_EQ(cases[0].reportedAt, pack.startsAt);
    EXPECT_EQ(ws->people().listForCase(cases[0].id).size(), pack.scenarioCase.people.size());
    EXPECT_EQ(state.trainee, "Trainee Fictional");
    EXPECT_TRUE(state.released.empty());
    const auto firstEvents = count(*ws, recordtype::kTimelineEvent, cases[0].id);
    EXPECT_GE(firstEvents, 1U);

    // Read back from the workspace, as Reset and the debrief will.
    const auto stored = training::exerciseState(*ws);
    ASSERT_TRUE(stored.has_value());
    EXPECT_EQ(stored->packId, pack.id);
    EXPECT_EQ(training::exercisePack(*ws, catalogues()).injects.size(), pack.injects.size());

    // Every code differs; a wrong one is refused by name.
    std::set<std::string> codes;
    for (const auto& inject : pack.injects) {
        const auto code = training::releaseCode(pack, inject.id);
        EXPECT_EQ(code.size(), 6U);
        EXPECT_EQ(code.find_first_of("01OIL"), std::string::npos) << code;
        codes.insert(code);
    }
    EXPECT_EQ(codes.size(), pack.injects.size());
    try {
        training::releaseByCode(*ws, catalogues(), "ZZZZZZ");
        FAIL() << "a code of no inject released something";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::Validation);
        EXPECT_EQ(e.field(), "code");
    }

    // Nothing is due at the start but what the pack releases at once.
    std::size_t released = training::releaseDue(*ws, catalogues()).size();
    // The trainer's injects by their codes (typed in lower case with a space: still the code).
    for (const auto& inject : pack.injects) {
        if (inject.release.by == training::ReleaseBy::Trainer) {
            std::string code = training::releaseCode(pack, inject.id);
            for (auto& c : code) {
                c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            }
            code.insert(3, " ");
            const auto result = training::releaseByCode(*ws, catalogues(), code);
            EXPECT_FALSE(result.alreadyReleased);
            EXPECT_EQ(result.inject.id, inject.id);
            EXPECT_TRUE(training::releaseByCode(*ws, catalogues(), code).alreadyReleased) << "never twice";
            ++released;
        }
    }
    // The trainee's actions: what each action-released inject waits for.
    const auto caseId = cases[0].id;
    for (const auto& inject : pack.injects) {
        if (inject.release.by != training::ReleaseBy::Action || training::exerciseState(*ws)->isReleased(inject.id)) {
            continue;
        }
        if (!inject.release.caseEvent.empty()) {
            ws->records().add(recordSpec(recordtype::kCaseEvent), caseId,
                              {{"kind", inject.release.caseEvent}, {"occurred_at", toIsoUtc(ws->clock().now())}});
        }
        released += training::releaseDue(*ws, catalogues()).size();
    }
    // Scenario time moved on past the last timed inject.
    ws->advanceScenarioTime(std::chrono::hours(24 * 30));
    released += training::releaseDue(*ws, catalogues()).size();
    const auto final = training::exerciseState(*ws);
    ASSERT_TRUE(final.has_value());
    for (const auto& inject : pack.injects) {
        if (inject.release.by != training::ReleaseBy::Action || !inject.release.caseEvent.empty()) {
            EXPECT_TRUE(final->isReleased(inject.id)) << inject.id;
        }
    }
    EXPECT_EQ(final->released.size(), released) << "each inject released once";
    EXPECT_TRUE(training::releaseDue(*ws, catalogues()).empty()) << "nothing twice";
    // Each arrival is on the timeline as new information, newest first in "New information".
    EXPECT_EQ(count(*ws, recordtype::kTimelineEvent, caseId) >= firstEvents + released, true);
    const auto news = training::releasedInjects(*ws, catalogues());
    ASSERT_EQ(news.size(), released);
    EXPECT_EQ(news.front().first.injectId, final->released.back().injectId);
}

INSTANTIATE_TEST_SUITE_P(ShippedPacks,
                         ExerciseTest,
                         ::testing::Values("stranger-night-out",
                                           "ex-partner-after-separation",
                                           "online-dating-first-meeting",
                                           "non-recent-familial"));

TEST(ExerciseRules, aLiveWorkspaceOrOneWithCasesRunsNoExercise)
{
    test::TempDir dir;
    const std::string text = packText("stranger-night-out");
    const auto pack = training::loadPack(text, catalogues());
    auto live = test::createWorkspace(dir / "live.rwb");
    try {
        training::startExercise(*live, pack, text, catalogues());
        FAIL() << "an exercise started in a live workspace";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::Validation);
        EXPECT_EQ(e.field(), "training");
    }
    EXPECT_EQ(live->cases().count(), 0);
    EXPECT_FALSE(training::exerciseState(*live).has_value());
    EXPECT_TRUE(training::releaseDue(*live, catalogues()).empty());

    auto options = test::fastOptions();
    options.training = true;
    auto used = Workspace::create(dir / "used.rwb", Workspace::deriveForCreate(test::Passphrase, options.kdf), options,
                                  catalogues().offences, catalogues().lists);
    used->cases().add(test::caseDraft("FICT/EX/1"));
    try {
        training::startExercise(*used, pack, text, catalogues());
        FAIL() << "an exercise started beside another case";
    } catch (const Error& e) {
        EXPECT_EQ(e.field(), "exercise");
    }
    EXPECT_EQ(used->cases().count(), 1);
    EXPECT_THROW(training::resetExercise(*used, catalogues()), Error) << "no exercise to reset";
    EXPECT_EQ(used->cases().count(), 1);
}

TEST(ExerciseRules, attachmentsTravelInsideTheWorkspaceAndAMissingOneIsRefused)
{
    test::TempDir dir;
    const std::string text = packText("online-dating-first-meeting");
    const auto pack = training::loadPack(text, catalogues());
    const auto* inject = pack.findInject("platform-response");
    ASSERT_NE(inject, nullptr);
    ASSERT_EQ(inject->attachments.size(), 2U);
    auto options = test::fastOptions();
    options.training = true;
    auto refused = Workspace::create(dir / "a.rwb", Workspace::deriveForCreate(test::Passphrase, options.kdf), options,
                                     catalogues().offences, catalogues().lists);
    try {
        training::startExercise(*refused, pack, text, catalogues());
        FAIL() << "started without the pack's attachments";
    } catch (const Error& e) {
        EXPECT_EQ(e.field(), "attachment");
    }
    EXPECT_EQ(refused->cases().count(), 0) << "nothing set up";

    auto ws = Workspace::create(dir / "b.rwb", Workspace::deriveForCreate(test::Passphrase, options.kdf), options,
                                catalogues().offences, catalogues().lists);
    const auto attachments = packAttachments(pack);
    training::startExercise(*ws, pack, text, catalogues(), attachments);
    for (const auto& a : inject->attachments) {
        const auto kept = training::exerciseAttachment(*ws, a.file);
        ASSERT_TRUE(kept.has_value()) << a.file;
        EXPECT_EQ(*kept, attachments.at(a.file)) << "byte for byte";
    }
    EXPECT_FALSE(training::exerciseAttachment(*ws, "nothing.png").has_value());

    // Beside a copy of the pack with one file missing: the check names it.
    fs::create_directories(dir / "copy");
    std::ofstream(dir / "copy" / "pack.json") << text;
    fs::copy_file(fs::path(WB_RESOURCES_DIR) / "training" / "packs" / "platform-disclosure.txt",
                  dir / "copy" / "platform-disclosure.txt");
    const auto check = training::checkPackFile(dir / "copy" / "pack.json", catalogues());
    EXPECT_FALSE(check.pack.has_value());
    ASSERT_FALSE(check.problems.empty());
    EXPECT_NE(check.problems.back().message.find("profile-screenshot.png"), std::string::npos);
    // A text file whose bytes are an image is not what its name says.
    std::ofstream(dir / "copy" / "profile-screenshot.png") << "not a PNG";
    EXPECT_FALSE(training::checkPackFile(dir / "copy" / "pack.json", catalogues()).pack.has_value());
}

TEST(ExerciseRules, resetStartsAfreshAtFirstReportForTheSameTrainee)
{
    test::TempDir dir;
    const std::string text = packText("stranger-night-out");
    const auto pack = training::loadPack(text, catalogues());
    auto options = test::fastOptions();
    options.owner = {"Trainee Fictional", ""};
    options.training = true;
    auto ws = Workspace::create(dir / "reset.rwb", Workspace::deriveForCreate(test::Passphrase, options.kdf), options,
                                catalogues().offences, catalogues().lists);
    const auto first = training::startExercise(*ws, pack, text, catalogues(), packAttachments(pack));
    const auto oldCase = ws->cases().list().at(0);
    const auto startEvents = ws->records().listForCase(recordSpec(recordtype::kTimelineEvent), oldCase.id).size();
    ws->advanceScenarioTime(std::chrono::hours(24 * 5));
    ASSERT_FALSE(training::releaseDue(*ws, catalogues()).empty());
    ws->records().add(recordSpec(recordtype::kDecision), oldCase.id,
                      {{"decided_at", toIsoUtc(ws->clock().now())},
                       {"decision", "A trainee's decision"},
                       {"rationale", "Because"},
                       {"decided_by", "Trainee Fictional"}});

    const auto fresh = training::resetExercise(*ws, catalogues());
    EXPECT_EQ(fresh.trainee, "Trainee Fictional");
    EXPECT_NE(fresh.caseUuid, first.caseUuid);
    EXPECT_TRUE(fresh.released.empty());
    EXPECT_TRUE(training::exerciseState(*ws)->released.empty());
    EXPECT_LT(std::chrono::abs(ws->clock().now() - pack.startsAt), std::chrono::minutes(1)) << "back at the start";
    const auto cases = ws->cases().list();
    ASSERT_EQ(cases.size(), 1U);
    EXPECT_TRUE(ws->records().listForCase(recordSpec(recordtype::kDecision), cases[0].id).empty());
    EXPECT_TRUE(ws->records().listForCase(recordSpec(recordtype::kDecision), oldCase.id).empty());
    EXPECT_EQ(ws->records().listForCase(recordSpec(recordtype::kTimelineEvent), cases[0].id).size(), startEvents);
    EXPECT_TRUE(training::releasedInjects(*ws, catalogues()).empty());
}

} // namespace
