// SPDX-License-Identifier: GPL-3.0-or-later
// The command line's grammar (app/cli/CommandLine on CLI11): each command's own options and help,
// usage errors with exit status 2 before anything is opened or read, existing behaviour kept.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support/CliRunner.h"
#include "support/TestSupport.h"

using namespace wb;
namespace fs = std::filesystem;

namespace {

/// Runs the CLI with `arguments` (already quoted), no passphrase descriptor, stdout and stderr joined.
test::CliResult run(const std::string& arguments)
{
    return test::runShell(std::string("'") + WB_CLI_PATH + "' " + arguments + " 2>&1");
}

bool contains(const std::string& text, const std::string& part)
{
    return text.find(part) != std::string::npos;
}

const std::vector<std::string> Commands{
    "create",     "info",   "cases",  "change-passphrase", "verify",         "repair",   "backup",
    "restore",    "export", "import", "match-eval",        "match-estimate", "generate", "kdf-time",
    "self-check", "help",   "version"};

class CommandLineTest : public ::testing::Test
{
protected:
    test::TempDir dir;
    fs::path file = dir / "cli.rwb";
    fs::path pass = dir / "pass.txt";

    void SetUp() override
    {
        test::writePassphraseFile(pass, test::Passphrase);
        auto ws = test::createWorkspace(file);
        ws->cases().add(test::caseDraft("FICT/L1/26"));
        ws->cases().add(test::caseDraft("FICT/L2/26"));
    }
};

TEST(CommandLine, topLevelHelpListsEveryCommand)
{
    for (const std::string asked : {"--help", "-h", "help"}) {
        const auto r = run(asked);
        EXPECT_EQ(r.exitCode, 0) << asked << ": " << r.output;
        EXPECT_TRUE(contains(r.output, "Usage: rasso-workbench-cli [OPTIONS] [COMMAND]")) << r.output;
        for (const auto& command : Commands) {
            EXPECT_TRUE(contains(r.output, "\n  " + command + " ")) << asked << " does not list " << command;
        }
        EXPECT_TRUE(contains(r.output, "Exit status: 0 success, 1 the operation failed")) << r.output;
    }
    const auto none = run("");
    EXPECT_EQ(none.exitCode, 2) << none.output;
    EXPECT_TRUE(contains(none.output, "rasso-workbench-cli: no command given")) << none.output;
    EXPECT_TRUE(contains(none.output, "\n  verify ")) << "the commands are listed: " << none.output;
}

TEST(CommandLine, versionPrintsTheVersion)
{
    for (const std::string asked : {"--version", "version"}) {
        const auto r = run(asked);
        EXPECT_EQ(r.exitCode, 0) << r.output;
        EXPECT_EQ(r.output, std::string("rasso-workbench-cli ") + WB_VERSION + "\n");
    }
}

TEST(CommandLine, everyCommandHasItsOwnHelp)
{
    for (const auto& command : Commands) {
        const auto r = run(command + " --help");
        EXPECT_EQ(r.exitCode, 0) << command << ": " << r.output;
        EXPECT_TRUE(contains(r.output, "Usage: rasso-workbench-cli " + command)) << r.output;
        EXPECT_FALSE(contains(r.output, "\n  create ")) << command << "'s help lists every command: " << r.output;
        if (command != "help") {
            EXPECT_EQ(run("help " + command).output, r.output) << "help " << command << " differs from --help";
        }
    }
    // Each shows its own options and no other command's.
    const auto create = run("create --help").output;
    for (const std::string option : {"PATH", "--owner NAME", "--staff NUMBER", "--training", "--demo", "--kdf-ops N",
                                     "--kdf-mem-exp E", "--passphrase-fd FD"}) {
        EXPECT_TRUE(contains(create, option)) << option << " missing from\n" << create;
    }
    const auto info = run("info --help").output;
    for (const std::string option : {"--owner", "--training", "--kdf-ops", "--case", "--accept", "--against"}) {
        EXPECT_FALSE(contains(info, option)) << option << " in info's help\n" << info;
    }
    const auto verify = run("verify --help").output;
    for (const std::string option : {"--against FILE", "--against-passphrase-fd FD", "--anchor SEQ:HASH"}) {
        EXPECT_TRUE(contains(verify, option)) << option << " missing from\n" << verify;
    }
    const auto import = run("import --help").output;
    for (const std::string option : {"BUNDLE", "--accept UUID", "--accept-all", "--bundle-passphrase-fd FD"}) {
        EXPECT_TRUE(contains(import, option)) << option << " missing from\n" << import;
    }
    const auto unknown = run("help frobnicate");
    EXPECT_EQ(unknown.exitCode, 2) << unknown.output;
    EXPECT_TRUE(contains(unknown.output, "unknown command frobnicate")) << unknown.output;
}

TEST_F(CommandLineTest, anOptionOfAnotherCommandIsAUsageErrorNotIgnored)
{
    // Before CLI11, any known option was accepted by any command: this ran info and exited 0.
    const auto r = test::runCli("info " + test::quoted(file) + " --training", pass);
    EXPECT_EQ(r.exitCode, 2) << r.output;
    EXPECT_TRUE(contains(r.output, "rasso-workbench-cli info: unknown option --training (an option of create, not "
                                   "of info)"))
        << r.output;
    EXPECT_FALSE(contains(r.output, "owner:")) << "info must not have run: " << r.output;
    EXPECT_TRUE(contains(r.output, "Usage: rasso-workbench-cli info [OPTIONS] PATH")) << "its help follows";

    const std::vector<std::string> misplaced{
        "cases " + test::quoted(file) + " --owner 'DC Fictional Tester'",
        "verify " + test::quoted(file) + " --case FICT/L1/26",
        "backup " + test::quoted(file) + " " + test::quoted(dir / "b.rwb") + " --accept-all",
        "repair " + test::quoted(file) + " --kdf-ops 1",
        "restore " + test::quoted(file) + " " + test::quoted(dir / "r.rwb") + " --bundle-passphrase-fd 4",
        "export " + test::quoted(file) + " " + test::quoted(dir / "e.bundle") + " --case FICT/L1/26 --anchor 1:2",
        "info " + test::quoted(file) + " --new-passphrase-fd 4",
    };
    for (const auto& arguments : misplaced) {
        const auto m = test::runCli(arguments, pass);
        EXPECT_EQ(m.exitCode, 2) << arguments << "\n" << m.output;
        EXPECT_TRUE(contains(m.output, "unknown option --")) << m.output;
        EXPECT_TRUE(contains(m.output, ", not of ")) << "names the commands it belongs to: " << m.output;
    }
    EXPECT_FALSE(fs::exists(dir / "b.rwb"));
    EXPECT_FALSE(fs::exists(dir / "r.rwb"));
    EXPECT_FALSE(fs::exists(dir / "e.bundle"));
    // Commands that read no passphrase take no --passphrase-fd.
    for (const std::string command : {"kdf-time", "self-check", "version", "match-eval x.csv"}) {
        const auto m = run(command + " --passphrase-fd 3 3<" + test::quoted(pass));
        EXPECT_EQ(m.exitCode, 2) << command << "\n" << m.output;
        EXPECT_TRUE(contains(m.output, "unknown option --passphrase-fd")) << m.output;
    }
}

TEST_F(CommandLineTest, unknownOptionsAreUsageErrorsOnEveryCommand)
{
    for (const auto& command : Commands) {
        const auto r = run(command + " --frobnicate");
        EXPECT_EQ(r.exitCode, 2) << command << "\n" << r.output;
        // A command missing its PATH may say so first; either way it is a usage error with its help.
        EXPECT_TRUE(contains(r.output, "rasso-workbench-cli " + command + ": ")) << r.output;
    }
    const auto top = run("--frobnicate");
    EXPECT_EQ(top.exitCode, 2) << top.output;
    EXPECT_TRUE(contains(top.output, "rasso-workbench-cli: unknown option --frobnicate")) << top.output;
    const auto unknown = run("frobnicate");
    EXPECT_EQ(unknown.exitCode, 2) << unknown.output;
    EXPECT_TRUE(contains(unknown.output, "rasso-workbench-cli: unknown command frobnicate")) << unknown.output;
    const auto withEquals = test::runCli("info " + test::quoted(file) + " --frobnicate=1", pass);
    EXPECT_EQ(withEquals.exitCode, 2) << withEquals.output;
    EXPECT_TRUE(contains(withEquals.output, "unknown option --frobnicate")) << withEquals.output;
}

TEST_F(CommandLineTest, missingOrSurplusArgumentsAreUsageErrors)
{
    const std::string path = test::quoted(file);
    const std::vector<std::pair<std::string, std::string>> cases{
        {"info", "PATH is required"},
        {"verify --anchor 1:2", "PATH is required"},
        {"backup " + path, "TARGET is required"},
        {"restore " + path, "TARGET is required"},
        {"import " + path, "BUNDLE is required"},
        {"export " + path + " " + test::quoted(dir / "e.bundle"), "--case is required"},
        {"create " + test::quoted(dir / "n.rwb"), "--owner is required"},
        {"create " + test::quoted(dir / "n.rwb") + " --owner", "--owner"},
        {"generate " + test::quoted(dir / "g.rwb"), "--cases is required"},
        {"generate " + test::quoted(dir / "g.rwb") + " --cases 0", "generate needs --cases N (a whole number from 1)"},
        {"kdf-time --kdf-ops three", "--kdf-ops: needs a whole number"},
        {"kdf-time --kdf-ops 0x3", "--kdf-ops: needs a whole number"},
        {"info " + path + " " + path, "unexpected argument"},
        {"cases " + path + " extra", "unexpected argument extra"},
        {"verify " + path + " --against " + path + " --anchor 1:2", "--against FILE or --anchor SEQ:HASH, not both"},
        {"verify " + path + " --against-passphrase-fd 4", "which is missing"},
    };
    for (const auto& [arguments, message] : cases) {
        const auto r = test::runCli(arguments, pass);
        EXPECT_EQ(r.exitCode, 2) << arguments << "\n" << r.output;
        EXPECT_TRUE(contains(r.output, message)) << arguments << "\n" << r.output;
        EXPECT_TRUE(contains(r.output, "Usage: rasso-workbench-cli ")) << "the command's help follows: " << r.output;
    }
    EXPECT_FALSE(fs::exists(dir / "n.rwb"));
    EXPECT_FALSE(fs::exists(dir / "g.rwb"));
    EXPECT_FALSE(fs::exists(dir / "e.bundle"));
}

TEST_F(CommandLineTest, valuesAreReadAsBeforeDecimalRepeatableLastOneCounts)
{
    // Whole numbers are decimal ("010" is ten passes, never octal eight).
    const auto kdf = run("kdf-time --kdf-ops 010 --kdf-mem-exp 0");
    EXPECT_EQ(kdf.exitCode, 0) << kdf.output;
    EXPECT_TRUE(contains(kdf.output, "Argon2id 10 passes, 8 MiB")) << kdf.output;
    // Out of core's range: the operation fails (1), as before, with core's message.
    const auto tooMany = run("kdf-time --kdf-ops 11");
    EXPECT_EQ(tooMany.exitCode, 1) << tooMany.output;
    EXPECT_TRUE(contains(tooMany.output, "Argon2id passes must be between 1 and 10")) << tooMany.output;

    // A repeated single-valued option: the last one counts, as before (descriptor 9 is closed).
    const auto last = test::runShell(std::string("'") + WB_CLI_PATH + "' info " + test::quoted(file) +
                                     " --passphrase-fd 9 --passphrase-fd 3 3<" + test::quoted(pass) + " 2>&1");
    EXPECT_EQ(last.exitCode, 0) << last.output;
    EXPECT_TRUE(contains(last.output, "cases:            2")) << last.output;

    // --case is repeatable, options go before or after the arguments, --name=value works.
    const std::string bundleFd = " --bundle-passphrase-fd 4 4<" + test::quoted(pass);
    const auto both = test::runCli("export --case FICT/L1/26 " + test::quoted(file) + " --case=FICT/L2/26 " +
                                       test::quoted(dir / "two.bundle") + bundleFd,
                                   pass);
    EXPECT_EQ(both.exitCode, 0) << both.output;
    EXPECT_TRUE(contains(both.output, "2 case(s) written to")) << both.output;
    EXPECT_TRUE(contains(both.output, "anchor: seq ")) << both.output;

    // A workspace path that is also a command's name is still a path.
    fs::copy_file(file, dir / "cases");
    const auto named = test::runShell("cd " + test::quoted(dir.path()) + " && '" + WB_CLI_PATH +
                                      "' info cases --passphrase-fd 3 3<" + test::quoted(pass) + " 2>&1");
    EXPECT_EQ(named.exitCode, 0) << named.output;
    EXPECT_TRUE(contains(named.output, "cases:            2")) << named.output;
}

} // namespace
