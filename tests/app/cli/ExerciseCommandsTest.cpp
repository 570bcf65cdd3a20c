// SPDX-License-Identifier: GPL-3.0-or-later
// Classroom exercises from the command line (issue 17): exercise-start makes a trainee's TRAINING workspace from a
// pack, pack-codes lists the trainer's release codes, exercise-release releases by code (once) and what is due, and
// exercise-status says what has arrived; exercise-debrief writes the trainee's debrief file once and class-debrief
// reads the room's files. Fictional data only (a shipped pack).
#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>
#include <string>

#include "support/CliRunner.h"
#include "support/TestSupport.h"

using namespace wb;
namespace fs = std::filesystem;

namespace {

const fs::path Pack = fs::path(WB_RESOURCES_DIR) / "training" / "packs" / "stranger-night-out.json";

bool contains(const std::string& text, const std::string& part)
{
    return text.find(part) != std::string::npos;
}

/// The code pack-codes prints on the line of the inject titled `title`.
std::string codeFor(const std::string& codesOutput, const std::string& title)
{
    std::istringstream lines(codesOutput);
    for (std::string line; std::getline(lines, line);) {
        if (contains(line, title)) {
            std::istringstream words(line);
            std::string code;
            words >> code;
            return code;
        }
    }
    return {};
}

TEST(ExerciseCommands, startReleaseByCodeOnceAndByScenarioTime)
{
    test::TempDir dir;
    const fs::path pass = dir / "pass.txt";
    test::writePassphraseFile(pass, "a classroom passphrase for training only");
    const fs::path file = dir / "trainee.rwb";
    const auto started = test::runCli("exercise-start " + test::quoted(Pack) + " " + test::quoted(file) +
                                          " --trainee 'PC Trainee Example' --kdf-ops 1 --kdf-mem-exp 0",
                                      pass);
    ASSERT_EQ(started.exitCode, 0) << started.output;
    EXPECT_TRUE(contains(started.output, "exercise started: Stranger attack after a night out")) << started.output;

    const auto codes = test::runShell(std::string("'") + WB_CLI_PATH + "' pack-codes " + test::quoted(Pack) + " 2>&1");
    ASSERT_EQ(codes.exitCode, 0) << codes.output;
    const std::string code = codeFor(codes.output, "The victim calls");
    ASSERT_EQ(code.size(), 6U) << codes.output;

    const auto wrong = test::runCli("exercise-release " + test::quoted(file) + " --code ABCDEF", pass);
    EXPECT_NE(wrong.exitCode, 0);
    EXPECT_TRUE(contains(wrong.output, "no new information of this exercise has that release code")) << wrong.output;

    const auto first = test::runCli("exercise-release " + test::quoted(file) + " --code " + code, pass);
    ASSERT_EQ(first.exitCode, 0) << first.output;
    EXPECT_TRUE(contains(first.output, "released: The victim calls")) << first.output;
    const auto again = test::runCli("exercise-release " + test::quoted(file) + " --code " + code, pass);
    EXPECT_TRUE(contains(again.output, "already released: The victim calls")) << again.output;

    // Eight hours of scenario time on: the CCTV arrives.
    ASSERT_EQ(test::runCli("scenario-time " + test::quoted(file) + " --advance-hours 9", pass).exitCode, 0);
    const auto due = test::runCli("exercise-release " + test::quoted(file), pass);
    EXPECT_TRUE(contains(due.output, "released (due): Town-centre CCTV")) << due.output;

    const auto status = test::runCli("exercise-status " + test::quoted(file), pass);
    ASSERT_EQ(status.exitCode, 0) << status.output;
    EXPECT_TRUE(contains(status.output, "released cctv-route")) << status.output;
    EXPECT_TRUE(contains(status.output, "released victim-wavers")) << status.output;
    EXPECT_TRUE(contains(status.output, "to come  dna-match")) << status.output;
}

TEST(ExerciseCommands, debriefFileAndClassDebrief)
{
    test::TempDir dir;
    const fs::path pass = dir / "pass.txt";
    test::writePassphraseFile(pass, "a classroom passphrase for training only");
    const fs::path file = dir / "trainee.rwb";
    ASSERT_EQ(test::runCli("exercise-start " + test::quoted(Pack) + " " + test::quoted(file) +
                               " --trainee 'PC Trainee Example' --kdf-ops 1 --kdf-mem-exp 0",
                           pass)
                  .exitCode,
              0);
    ASSERT_EQ(test::runCli("scenario-time " + test::quoted(file) + " --advance-hours 80", pass).exitCode, 0);

    const fs::path out = dir / "debrief-1.json";
    const auto debrief = test::runCli("exercise-debrief " + test::quoted(file) + " --out " + test::quoted(out), pass);
    ASSERT_EQ(debrief.exitCode, 0) << debrief.output;
    EXPECT_TRUE(contains(debrief.output, "TRAINING debrief: Stranger attack after a night out")) << debrief.output;
    EXPECT_TRUE(contains(debrief.output, "model lines followed: 0 of 16")) << debrief.output;
    EXPECT_TRUE(contains(debrief.output, "missed: First supervisory review of the investigation")) << debrief.output;
    ASSERT_TRUE(fs::exists(out));
    EXPECT_EQ(fs::status(out).permissions() & fs::perms::others_read, fs::perms::none);
    const auto again = test::runCli("exercise-debrief " + test::quoted(file) + " --out " + test::quoted(out), pass);
    EXPECT_NE(again.exitCode, 0) << "never over another file";

    fs::copy_file(out, dir / "debrief-2.json");
    const auto room = test::runShell(std::string("'") + WB_CLI_PATH + "' class-debrief " + test::quoted(out) + " " +
                                     test::quoted(dir / "debrief-2.json") + " 2>&1");
    ASSERT_EQ(room.exitCode, 0) << room.output;
    EXPECT_TRUE(contains(room.output, "2 trainees")) << room.output;
    EXPECT_TRUE(contains(room.output, "missed by 2, declined by 0: FOR-012")) << room.output;

    // The trainer saves the case as a new pack to edit; it validates.
    const fs::path saved = dir / "new-pack.json";
    const auto fromCase = test::runCli("pack-from-case " + test::quoted(file) +
                                           " --case TRAIN/0001/26 --id my-pack --out " + test::quoted(saved),
                                       pass);
    ASSERT_EQ(fromCase.exitCode, 0) << fromCase.output;
    EXPECT_TRUE(contains(fromCase.output, "it validates")) << fromCase.output;
    const auto validate =
        test::runShell(std::string("'") + WB_CLI_PATH + "' pack validate " + test::quoted(saved) + " 2>&1");
    EXPECT_EQ(validate.exitCode, 0) << validate.output;

    const auto bad = test::runShell(std::string("'") + WB_CLI_PATH + "' class-debrief " + test::quoted(Pack) + " 2>&1");
    EXPECT_NE(bad.exitCode, 0);
    EXPECT_TRUE(contains(bad.output, "not a debrief file of this workbench")) << bad.output;
}

} // namespace
