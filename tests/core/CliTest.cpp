// SPDX-License-Identifier: GPL-3.0-or-later
// rasso-workbench-cli as a person runs it: passphrase on a descriptor, exit codes, messages.
#include <gtest/gtest.h>

#include <cstdio>
#include <sys/wait.h>

#include "core/store/Database.h"
#include "core/store/Pragmas.h"
#include "support/TestSupport.h"

using namespace wb;
namespace fs = std::filesystem;

namespace {

struct Result {
    int exitCode = -1;
    std::string output; // stdout and stderr together
};

/// Runs the CLI with the passphrase file on descriptor 3.
Result runCli(const std::string& arguments, const fs::path& passphraseFile)
{
    const std::string command = std::string("'") + WB_CLI_PATH + "' " + arguments + " --passphrase-fd 3 3<'"
        + passphraseFile.string() + "' 2>&1";
    Result result;
    FILE* pipe = ::popen(command.c_str(), "r");
    if (pipe == nullptr) {
        return result;
    }
    char buffer[4096];
    std::size_t n = 0;
    while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) {
        result.output.append(buffer, n);
    }
    const int status = ::pclose(pipe);
    result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return result;
}

class CliTest : public ::testing::Test
{
protected:
    test::TempDir dir;
    fs::path file = dir / "cli.rwb";
    fs::path pass = dir / "pass.txt";

    void SetUp() override
    {
        const std::string line = std::string(test::Passphrase) + "\n";
        test::writeBytes(pass, std::vector<unsigned char>(line.begin(), line.end()));
        auto ws = test::createWorkspace(file);
        ws->cases().add(test::caseDraft("FICT/C1/26"));
        ws->cases().add(test::caseDraft("FICT/C2/26"));
    }
};

TEST_F(CliTest, casesListsTheCases)
{
    const auto r = runCli("cases '" + file.string() + "'", pass);
    EXPECT_EQ(r.exitCode, 0) << r.output;
    EXPECT_NE(r.output.find("FICT/C1/26"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("FICT/C2/26"), std::string::npos) << r.output;
}

TEST_F(CliTest, verifyPassesOnAnUntouchedWorkspace)
{
    const auto r = runCli("verify '" + file.string() + "'", pass);
    EXPECT_EQ(r.exitCode, 0) << r.output;
    EXPECT_NE(r.output.find("integrity: ok"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("audit chain: ok (2 entries, 2 records)"), std::string::npos) << r.output;
}

TEST_F(CliTest, verifyReportsTamperingAndFails)
{
    {
        auto km = core::Workspace::deriveForOpen(file, test::Passphrase);
        core::store::Database db(file, core::store::Database::OpenMode::ExistingFile);
        core::store::keyWorkspace(db, km.key, km.header, false);
        db.exec("UPDATE cases SET status = 'closed' WHERE reference = 'FICT/C2/26'");
    }
    const auto r = runCli("verify '" + file.string() + "'", pass);
    EXPECT_EQ(r.exitCode, 1) << r.output;
    EXPECT_NE(r.output.find("changed outside the workbench"), std::string::npos) << r.output;
}

TEST_F(CliTest, backupThenRestoreRoundTrips)
{
    const auto b = runCli("backup '" + file.string() + "' '" + (dir / "b.rwb").string() + "'", pass);
    EXPECT_EQ(b.exitCode, 0) << b.output;
    EXPECT_NE(b.output.find("backup written and verified"), std::string::npos) << b.output;
    const auto r = runCli("restore '" + (dir / "b.rwb").string() + "' '" + (dir / "r.rwb").string() + "'", pass);
    EXPECT_EQ(r.exitCode, 0) << r.output;
    EXPECT_NE(r.output.find("restored 2 cases"), std::string::npos) << r.output;
    const auto again = runCli("backup '" + file.string() + "' '" + (dir / "b.rwb").string() + "'", pass);
    EXPECT_EQ(again.exitCode, 1) << again.output;
    EXPECT_NE(again.output.find("will not be overwritten"), std::string::npos) << again.output;
}

TEST_F(CliTest, exportThenImportHandsACaseOver)
{
    const auto other = dir / "other.rwb";
    { test::createWorkspace(other); }
    const auto e = runCli("export '" + file.string() + "' '" + (dir / "h.bundle").string()
                              + "' --case FICT/C2/26 --bundle-passphrase-fd 4 4<'" + pass.string() + "'",
                          pass);
    EXPECT_EQ(e.exitCode, 0) << e.output;
    const auto i = runCli("import '" + other.string() + "' '" + (dir / "h.bundle").string()
                              + "' --bundle-passphrase-fd 4 4<'" + pass.string() + "'",
                          pass);
    EXPECT_EQ(i.exitCode, 0) << i.output;
    EXPECT_NE(i.output.find("imported: 1 case(s)"), std::string::npos) << i.output;
    const auto missing = runCli("export '" + file.string() + "' '" + (dir / "x.bundle").string()
                                    + "' --case NOPE --bundle-passphrase-fd 4 4<'" + pass.string() + "'",
                                pass);
    EXPECT_EQ(missing.exitCode, 1);
    EXPECT_NE(missing.output.find("no case with reference NOPE"), std::string::npos) << missing.output;
}

TEST_F(CliTest, wrongPassphraseIsAClearErrorWithExitCode1)
{
    const fs::path wrong = dir / "wrong.txt";
    test::writeBytes(wrong, {'n', 'o', '\n'});
    const auto r = runCli("info '" + file.string() + "'", wrong);
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.output.find("passphrase does not open this workspace"), std::string::npos) << r.output;
}

TEST_F(CliTest, unknownOptionIsAUsageError)
{
    const auto r = runCli("info --frobnicate '" + file.string() + "'", pass);
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.output.find("unknown option --frobnicate"), std::string::npos) << r.output;
}

} // namespace
