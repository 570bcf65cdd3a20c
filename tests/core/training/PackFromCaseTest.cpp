// SPDX-License-Identifier: GPL-3.0-or-later
// Authoring (issue 17): a trainer saves a training case as a new pack to edit. The case as it stands (people, their
// drama-range phones, context, the first account) becomes the first report at scenario time now; an exercise's
// injects still to come follow, time-released ones counted from the new start, with the model answers; the result
// validates and plays. A live case never becomes a pack. Fictional data only (a shipped pack).
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "core/Error.h"
#include "core/Workspace.h"
#include "core/catalogues/Catalogues.h"
#include "core/training/Exercise.h"
#include "core/training/PackFromCase.h"
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

std::unique_ptr<Workspace> trainingWorkspace(const fs::path& path)
{
    auto options = test::fastOptions();
    options.training = true;
    return Workspace::create(path, Workspace::deriveForCreate(test::Passphrase, options.kdf), options,
                             catalogues().offences, catalogues().lists);
}

TEST(PackFromCase, anExercisesCaseBecomesAPackThatValidatesAndPlays)
{
    test::TempDir dir;
    const std::string text = packText("stranger-night-out");
    const auto original = training::loadPack(text, catalogues());
    auto ws = trainingWorkspace(dir / "a.rwb");
    training::startExercise(*ws, original, text, catalogues());
    ws->advanceScenarioTime(std::chrono::hours(9));
    ASSERT_EQ(training::releaseDue(*ws, catalogues()).size(), 1U) << "the CCTV";
    const auto caseId = ws->cases().list().at(0).id;

    const std::string saved = training::packFromCase(*ws, caseId, "stranger-night-out-v2", catalogues()).json;
    const auto check = training::checkPack(saved, catalogues());
    ASSERT_TRUE(check.pack.has_value()) << check.problems.front().field << ": " << check.problems.front().message;
    const auto& pack = *check.pack;
    EXPECT_EQ(pack.id, "stranger-night-out-v2");
    EXPECT_LT(std::chrono::abs(pack.startsAt - ws->clock().now()), std::chrono::seconds(1)) << "starts now";
    EXPECT_EQ(pack.scenarioCase.crimeReference, original.scenarioCase.crimeReference);
    ASSERT_EQ(pack.scenarioCase.people.size(), original.scenarioCase.people.size());
    EXPECT_EQ(pack.scenarioCase.people[0].phone, original.scenarioCase.people[0].phone);
    EXPECT_GE(pack.scenarioCase.context.size(), original.scenarioCase.context.size()) << "and what the CCTV added";
    EXPECT_NE(pack.scenarioCase.initialAccount.find(original.scenarioCase.initialAccount), std::string::npos);
    EXPECT_EQ(pack.injects.size(), original.injects.size() - 1) << "the CCTV has arrived: it is part of the case";
    const auto* dna = pack.findInject("dna-match");
    ASSERT_NE(dna, nullptr);
    EXPECT_EQ(dna->release.after, std::chrono::hours(4 * 24 - 9)) << "still four days after the original start";
    EXPECT_EQ(pack.model.lines.size(), original.model.lines.size());

    auto next = trainingWorkspace(dir / "b.rwb");
    training::startExercise(*next, pack, saved, catalogues());
    EXPECT_EQ(next->cases().list().size(), 1U);
}

TEST(PackFromCase, aLiveCaseNeverBecomesAPackAndAnIdIsChecked)
{
    test::TempDir dir;
    auto live = test::createWorkspace(dir / "live.rwb");
    const auto c = live->cases().add(test::caseDraft("FICT/PK/1"));
    try {
        training::packFromCase(*live, c.id, "from-live", catalogues());
        FAIL() << "a live case became a pack";
    } catch (const Error& e) {
        EXPECT_EQ(e.field(), "training");
    }
    auto ws = trainingWorkspace(dir / "t.rwb");
    const auto t = ws->cases().add(test::caseDraft("FICT/PK/2"));
    EXPECT_THROW(training::packFromCase(*ws, t.id, "Not An Id", catalogues()), Error);
    // A case that runs no exercise: the first report only; the injects and model answers are the trainer's to write.
    const auto draft =
        training::checkPack(training::packFromCase(*ws, t.id, "new-pack", catalogues()).json, catalogues());
    EXPECT_FALSE(draft.pack.has_value());
    EXPECT_FALSE(draft.problems.empty());
}

} // namespace
