// SPDX-License-Identifier: GPL-3.0-or-later
// pack validate FILE as a trainer runs it (issue 17): OK and a summary for a shipped pack; every problem with the
// field it is about, and exit 1, for a broken one; a usage error for an unknown action.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include <nlohmann/json.hpp>

#include "core/Workspace.h"
#include "support/CliRunner.h"
#include "support/TestSupport.h"

using namespace wb;
namespace fs = std::filesystem;

namespace {

const fs::path Packs = fs::path(WB_RESOURCES_DIR) / "training" / "packs";

test::CliResult pack(const std::string& arguments)
{
    return test::runShell(std::string("'") + WB_CLI_PATH + "' pack " + arguments + " 2>&1");
}

bool contains(const std::string& text, const std::string& part)
{
    return text.find(part) != std::string::npos;
}

} // namespace

TEST(PackCommands, aShippedPackIsOkWithItsSummary)
{
    const auto r = pack("validate " + test::quoted(Packs / "stranger-night-out.json"));
    EXPECT_EQ(r.exitCode, 0) << r.output;
    EXPECT_TRUE(contains(r.output, "OK: stranger-night-out version ")) << r.output;
    EXPECT_TRUE(contains(r.output, "starts 14/03/2026 04:20 GMT (Europe/London)")) << r.output;
    EXPECT_TRUE(contains(r.output, "4 injects: 1 released by the trainer, 2 at a scenario time, 1 on a trainee's "
                                   "action"))
        << r.output;
    EXPECT_TRUE(contains(r.output, "model answers: 16 lines of enquiry, 5 deadlines, 4 credibility-focused errors"))
        << r.output;
}

TEST(PackCommands, aBrokenPackListsEveryProblemByFieldAndFails)
{
    test::TempDir dir;
    std::ifstream in(Packs / "ex-partner-after-separation.json");
    auto doc = nlohmann::json::parse(in);
    doc["injects"][1]["release"]["caseEvent"] = "party";
    doc["model"]["lines"][0]["enquiry"] = "NOT-A-LINE";
    const auto file = dir / "broken.json";
    std::ofstream(file) << doc.dump(2);
    const auto r = pack("validate " + test::quoted(file));
    EXPECT_EQ(r.exitCode, 1) << r.output;
    EXPECT_TRUE(contains(r.output, "not a valid scenario pack (2 problems)")) << r.output;
    EXPECT_TRUE(contains(r.output, "  injects[1].release.caseEvent: is not a code of reference/case-event-kinds.json"))
        << r.output;
    EXPECT_TRUE(contains(r.output, "  model.lines[0].enquiry: is not a line of enquiry of nom/enquiries.json"))
        << r.output;
    EXPECT_FALSE(contains(r.output, "OK")) << r.output;
}

TEST(PackCommands, aMissingFileFails)
{
    test::TempDir dir;
    const auto r = pack("validate " + test::quoted(dir / "absent.json"));
    EXPECT_EQ(r.exitCode, 1) << r.output;
    EXPECT_TRUE(contains(r.output, "FileNotFound")) << r.output;
}

TEST(PackCommands, anUnknownActionIsAUsageError)
{
    const auto r = pack("publish " + test::quoted(Packs / "stranger-night-out.json"));
    EXPECT_EQ(r.exitCode, 2) << r.output;
}

TEST(PackCommands, theHelpListsPackUnderTraining)
{
    const auto r = test::runShell(std::string("'") + WB_CLI_PATH + "' help 2>&1");
    EXPECT_EQ(r.exitCode, 0) << r.output;
    const auto group = r.output.find("Training and this machine");
    const auto command = r.output.find("\n  pack ");
    ASSERT_NE(group, std::string::npos) << r.output;
    ASSERT_NE(command, std::string::npos) << r.output;
    EXPECT_GT(command, group) << r.output;
}

// scenario-time: a trainer sets the exercise's clock and moves it on; a live workspace refuses (issue 17).
TEST(ScenarioTimeCommand, setsAndMovesOnATrainingWorkspacesClockAndRefusesALiveOne)
{
    test::TempDir dir;
    const auto pass = dir / "pass.txt";
    test::writePassphraseFile(pass, test::Passphrase);
    const auto training = dir / "training.rwb";
    {
        auto options = test::fastOptions();
        options.training = true;
        core::Workspace::create(training, core::Workspace::deriveForCreate(test::Passphrase, options.kdf), options,
                                test::offences(), test::lists());
    }
    auto r = test::runCli("scenario-time " + test::quoted(training) + " --set 2026-03-28T19:00:00Z", pass);
    ASSERT_EQ(r.exitCode, 0) << r.output;
    EXPECT_TRUE(contains(r.output, "scenario time: 28/03/2026 19:00 GMT")) << r.output;
    r = test::runCli("scenario-time " + test::quoted(training) + " --advance-hours 24", pass);
    ASSERT_EQ(r.exitCode, 0) << r.output;
    EXPECT_TRUE(contains(r.output, "scenario time: 29/03/2026 20:00 BST")) << "across the change to summer time\n"
                                                                           << r.output;
    r = test::runCli("scenario-time " + test::quoted(training) + " --set 'March 28th'", pass);
    EXPECT_EQ(r.exitCode, 2) << r.output;

    const auto live = dir / "live.rwb";
    test::createWorkspace(live);
    r = test::runCli("scenario-time " + test::quoted(live) + " --set 2026-03-28T19:00:00Z", pass);
    EXPECT_EQ(r.exitCode, 1) << r.output;
    r = test::runCli("scenario-time " + test::quoted(live), pass);
    EXPECT_EQ(r.exitCode, 0) << r.output;
    EXPECT_TRUE(contains(r.output, "real time: ")) << r.output;
}
