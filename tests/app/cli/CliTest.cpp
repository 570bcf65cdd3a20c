// SPDX-License-Identifier: GPL-3.0-or-later
// rasso-workbench-cli as a person runs it: passphrase on a descriptor, exit codes, messages.
#include <gtest/gtest.h>

#include <cstdio>
#include <sys/stat.h>
#include <sys/wait.h>

#include "core/store/Database.h"
#include "core/store/Pragmas.h"
#include "core/store/Statement.h"
#include "support/AuditForger.h"
#include "support/CliRunner.h"
#include "support/TestSupport.h"

using namespace wb;
namespace fs = std::filesystem;

namespace {

using Result = test::CliResult;
using test::runCli;

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
    EXPECT_NE(r.output.find("audit chain: ok (9 entries, 2 records, 7 settings)"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("anchor: seq 9 · head "), std::string::npos) << r.output;
}

TEST_F(CliTest, verifyAgainstAnEarlierBackupCatchesARewrittenHistory)
{
    const auto b = runCli("backup '" + file.string() + "' '" + (dir / "b.rwb").string() + "'", pass);
    ASSERT_EQ(b.exitCode, 0) << b.output;
    const auto anchorAt = b.output.find("anchor: seq 9 · head ");
    ASSERT_NE(anchorAt, std::string::npos) << b.output;
    const std::string against =
        " --against '" + (dir / "b.rwb").string() + "' --against-passphrase-fd 4 4<'" + pass.string() + "'";
    // Honest history since the backup: the anchor still holds.
    auto r = runCli("verify '" + file.string() + "'" + against, pass);
    EXPECT_EQ(r.exitCode, 0) << r.output;
    EXPECT_NE(r.output.find("the history still holds it"), std::string::npos) << r.output;

    // With the passphrase, the second case is reopened and its history recomputed to match.
    {
        auto km = core::Workspace::deriveForOpen(file, test::Passphrase);
        core::store::Database db(file, core::store::Database::OpenMode::ExistingFile);
        core::store::keyWorkspace(db, km.key, km.header, false);
        db.exec("UPDATE cases SET reported_at = '2025-01-01T00:00:00Z' WHERE reference = 'FICT/C2/26'");
        core::store::Statement uuid(db, "SELECT uuid FROM cases WHERE reference = 'FICT/C2/26'");
        ASSERT_TRUE(uuid.step());
        test::forger::restate(db, "cases", uuid.columnText(0));
        test::forger::rechain(db);
    }
    r = runCli("verify '" + file.string() + "'", pass);
    EXPECT_EQ(r.exitCode, 0) << "the known limit: a recomputed chain passes plain verify\n" << r.output;
    r = runCli("verify '" + file.string() + "'" + against, pass);
    EXPECT_EQ(r.exitCode, 1) << r.output;
    EXPECT_NE(r.output.find("no longer has the chain hash the anchor recorded"), std::string::npos) << r.output;

    // The same anchor as an officer noted it from the backup's output.
    const std::string noted = b.output.substr(anchorAt + 8, b.output.find('\n', anchorAt) - anchorAt - 8);
    r = runCli("verify '" + file.string() + "' --anchor '" + noted + "'", pass);
    EXPECT_EQ(r.exitCode, 1) << noted << "\n" << r.output;
    EXPECT_NE(r.output.find("no longer has the chain hash the anchor recorded"), std::string::npos) << r.output;
    r = runCli("verify '" + file.string() + "' --anchor 'seq 9 · head nothex'", pass);
    EXPECT_EQ(r.exitCode, 2) << r.output;
}

TEST_F(CliTest, repairRebuildsTheDerivedSearchIndex)
{
    {
        auto km = core::Workspace::deriveForOpen(file, test::Passphrase);
        core::store::Database db(file, core::store::Database::OpenMode::ExistingFile);
        core::store::keyWorkspace(db, km.key, km.header, false);
        db.exec("DELETE FROM search_map");
    }
    auto r = runCli("verify '" + file.string() + "'", pass);
    EXPECT_EQ(r.exitCode, 1) << r.output;
    EXPECT_NE(r.output.find("search index: cases record 1 is missing from it"), std::string::npos) << r.output;
    r = runCli("repair '" + file.string() + "'", pass);
    EXPECT_EQ(r.exitCode, 0) << r.output;
    EXPECT_NE(r.output.find("verify: ok"), std::string::npos) << r.output;
    r = runCli("verify '" + file.string() + "'", pass);
    EXPECT_EQ(r.exitCode, 0) << r.output;
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
    {
        test::createWorkspace(other);
    }
    const auto e = runCli("export '" + file.string() + "' '" + (dir / "h.bundle").string() +
                              "' --case FICT/C2/26 --bundle-passphrase-fd 4 4<'" + pass.string() + "'",
                          pass);
    EXPECT_EQ(e.exitCode, 0) << e.output;
    const auto i = runCli("import '" + other.string() + "' '" + (dir / "h.bundle").string() +
                              "' --bundle-passphrase-fd 4 4<'" + pass.string() + "'",
                          pass);
    EXPECT_EQ(i.exitCode, 0) << i.output;
    EXPECT_NE(i.output.find("imported: 1 case(s)"), std::string::npos) << i.output;
    const auto missing = runCli("export '" + file.string() + "' '" + (dir / "x.bundle").string() +
                                    "' --case NOPE --bundle-passphrase-fd 4 4<'" + pass.string() + "'",
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

// --- passphrase policy, reading and the process's protection (issue 12, findings 3, 8, 12) ---

fs::path writeLine(const fs::path& path, const std::string& bytes)
{
    test::writeBytes(path, std::vector<unsigned char>(bytes.begin(), bytes.end()));
    return path;
}

TEST_F(CliTest, createRefusesAWeakPassphraseForALiveWorkspaceAndSaysWhy)
{
    for (const std::string weak : {"a", " "}) {
        const auto target = dir / "weak.rwb";
        const auto r =
            runCli("create '" + target.string() + "' --owner 'DC Fictional Tester' --kdf-ops 1 --kdf-mem-exp 0",
                   writeLine(dir / "weak.txt", weak + "\n"));
        EXPECT_EQ(r.exitCode, 1) << "'" << weak << "': " << r.output;
        EXPECT_NE(r.output.find("too easy to guess"), std::string::npos) << r.output;
        EXPECT_NE(r.output.find("four or more unrelated words"), std::string::npos) << r.output;
        EXPECT_FALSE(fs::exists(target));
    }
    // Training workspaces stay lenient.
    const auto training = dir / "training.rwb";
    const auto t = runCli("create '" + training.string() +
                              "' --owner 'DC Fictional Tester' --training --kdf-ops 1 --kdf-mem-exp 0",
                          writeLine(dir / "weak.txt", "a\n"));
    EXPECT_EQ(t.exitCode, 0) << t.output;
}

TEST_F(CliTest, exportRefusesAWeakBundlePassphrase)
{
    for (const std::string weak : {"a", " "}) {
        const auto weakFile = writeLine(dir / "weak.txt", weak + "\n");
        const auto r = runCli("export '" + file.string() + "' '" + (dir / "w.bundle").string() +
                                  "' --case FICT/C2/26 --bundle-passphrase-fd 4 4<'" + weakFile.string() + "'",
                              pass);
        EXPECT_EQ(r.exitCode, 1) << r.output;
        EXPECT_NE(r.output.find("too easy to guess"), std::string::npos) << r.output;
        EXPECT_FALSE(fs::exists(dir / "w.bundle"));
    }
}

TEST_F(CliTest, anOverLongPassphraseIsRefusedNotCutShort)
{
    // 1,025 bytes, whose first 1,024 would have been used before.
    const std::string longOne =
        std::string(test::Passphrase) + std::string(1025 - std::string(test::Passphrase).size(), 'x');
    const auto target = dir / "long.rwb";
    const auto r = runCli("create '" + target.string() + "' --owner 'DC Fictional Tester' --kdf-ops 1 --kdf-mem-exp 0",
                          writeLine(dir / "long.txt", longOne + "\n"));
    EXPECT_EQ(r.exitCode, 1) << r.output;
    EXPECT_NE(r.output.find("longer than 1024 bytes"), std::string::npos) << r.output;
    EXPECT_FALSE(fs::exists(target));
    // Exactly 1,024 bytes is accepted.
    const auto ok = runCli("create '" + target.string() + "' --owner 'DC Fictional Tester' --kdf-ops 1 --kdf-mem-exp 0",
                           writeLine(dir / "long.txt", longOne.substr(0, 1024) + "\r\n"));
    EXPECT_EQ(ok.exitCode, 0) << ok.output;
}

TEST_F(CliTest, aClosedOrEmptyPassphraseDescriptorIsNotCalledAWrongPassphrase)
{
    // Descriptor 9 closed: the shell's "9<&-".
    const std::string command =
        std::string("'") + WB_CLI_PATH + "' info '" + file.string() + "' --passphrase-fd 9 9<&- 2>&1";
    const Result closed = test::runShell(command);
    EXPECT_EQ(closed.exitCode, 1) << closed.output;
    EXPECT_NE(closed.output.find("no passphrase could be read from descriptor 9"), std::string::npos) << closed.output;
    EXPECT_EQ(closed.output.find("does not open"), std::string::npos) << closed.output;

    const auto empty = runCli("info '" + file.string() + "'", writeLine(dir / "empty.txt", ""));
    EXPECT_EQ(empty.exitCode, 1) << empty.output;
    EXPECT_NE(empty.output.find("no passphrase could be read from descriptor 3: the input is empty"), std::string::npos)
        << empty.output;
    EXPECT_EQ(empty.output.find("does not open"), std::string::npos) << empty.output;
}

TEST_F(CliTest, runsWithoutCoreDumpsAndNotDumpable)
{
    // self-check reads no passphrase, so it takes no --passphrase-fd (CommandLineTest checks that refusal).
    const auto r = test::runShell(std::string("'") + WB_CLI_PATH + "' self-check 2>&1");
    EXPECT_EQ(r.exitCode, 0) << r.output;
    EXPECT_NE(r.output.find("dumpable: no"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("core dump size limit: 0"), std::string::npos) << r.output;
}

TEST_F(CliTest, importListsRecordsForACaseAlreadyHereAndAddsOnlyThoseAccepted)
{
    const auto other = dir / "other.rwb";
    {
        test::createWorkspace(other);
    }
    const std::string bundleFd = " --bundle-passphrase-fd 4 4<'" + pass.string() + "'";
    ASSERT_EQ(
        runCli("export '" + file.string() + "' '" + (dir / "h1.bundle").string() + "' --case FICT/C2/26" + bundleFd,
               pass)
            .exitCode,
        0);
    ASSERT_EQ(
        runCli("import '" + other.string() + "' '" + (dir / "h1.bundle").string() + "'" + bundleFd, pass).exitCode, 0);
    std::string uuid;
    {
        auto ws = test::openWorkspace(file);
        std::int64_t caseId = 0;
        for (const auto& c : ws->cases().list()) {
            if (c.reference == "FICT/C2/26") {
                caseId = c.id;
            }
        }
        core::PersonDraft draft;
        draft.caseId = caseId;
        draft.givenName = "Fictional";
        draft.familyName = "Latecomer";
        uuid = ws->people().add(draft).uuid;
    }
    const auto h2 = (dir / "h2.bundle").string();
    ASSERT_EQ(runCli("export '" + file.string() + "' '" + h2 + "' --case FICT/C2/26" + bundleFd, pass).exitCode, 0);

    const auto listed = runCli("import '" + other.string() + "' '" + h2 + "'" + bundleFd, pass);
    EXPECT_EQ(listed.exitCode, 0) << listed.output;
    EXPECT_NE(listed.output.find("not added: case FICT/C2/26: person " + uuid), std::string::npos) << listed.output;
    EXPECT_NE(listed.output.find("1 record(s) for cases already in this workspace were not added"), std::string::npos)
        << listed.output;
    EXPECT_NE(listed.output.find("not verified"), std::string::npos) << listed.output;
    EXPECT_EQ(listed.output.find("Latecomer"), std::string::npos) << "no names printed";
    {
        EXPECT_FALSE(test::openWorkspace(other)->people().findByUuid(uuid));
    }

    const auto unknown = runCli("import '" + other.string() + "' '" + h2 +
                                    "' --accept 00000000-0000-4000-8000-"
                                    "000000000000" +
                                    bundleFd,
                                pass);
    EXPECT_EQ(unknown.exitCode, 1) << unknown.output;
    EXPECT_NE(unknown.output.find("not among the records this bundle proposes"), std::string::npos) << unknown.output;

    const auto accepted = runCli("import '" + other.string() + "' '" + h2 + "' --accept " + uuid + bundleFd, pass);
    EXPECT_EQ(accepted.exitCode, 0) << accepted.output;
    EXPECT_NE(accepted.output.find("accepted: case FICT/C2/26: person " + uuid), std::string::npos) << accepted.output;
    {
        EXPECT_TRUE(test::openWorkspace(other)->people().findByUuid(uuid));
    }
}

TEST_F(CliTest, controlCharactersFromOwnerAndBundlesAreEscaped)
{
    const auto owned = dir / "owned.rwb";
    const auto created = runCli("create '" + owned.string() +
                                    "' --owner 'DC \x1b[2J\x1b]0;pwned\x07Red' --staff 'S1' --kdf-ops 1 "
                                    "--kdf-mem-exp 0",
                                pass);
    ASSERT_EQ(created.exitCode, 0) << created.output;
    const auto info = runCli("info '" + owned.string() + "'", pass);
    EXPECT_EQ(info.exitCode, 0) << info.output;
    EXPECT_NE(info.output.find("DC \\x1b[2J\\x1b]0;pwned\\x07Red (S1)"), std::string::npos) << info.output;
    EXPECT_EQ(info.output.find('\x1b'), std::string::npos) << "no raw escape reaches the terminal";
    EXPECT_EQ(info.output.find('\x07'), std::string::npos);

    {
        test::openWorkspace(owned)->cases().add(test::caseDraft("FICT/C9/26"));
    }
    const std::string bundleFd = " --bundle-passphrase-fd 4 4<'" + pass.string() + "'";
    const auto bundle = (dir / "esc.bundle").string();
    ASSERT_EQ(runCli("export '" + owned.string() + "' '" + bundle + "' --case FICT/C9/26" + bundleFd, pass).exitCode,
              0);
    const auto imported = runCli("import '" + file.string() + "' '" + bundle + "'" + bundleFd, pass);
    EXPECT_EQ(imported.exitCode, 0) << imported.output;
    EXPECT_NE(imported.output.find("DC \\x1b[2J"), std::string::npos) << imported.output;
    EXPECT_EQ(imported.output.find('\x1b'), std::string::npos) << imported.output;

    const auto usage = runCli("info '\x1b[2J' --frob\x1b", pass);
    EXPECT_EQ(usage.exitCode, 2);
    EXPECT_EQ(usage.output.find('\x1b'), std::string::npos) << usage.output;
}

TEST_F(CliTest, importRefusesAFifoOrDeviceAtOnce)
{
    const auto fifo = dir / "fifo.bundle";
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    const std::string bundleFd = " --bundle-passphrase-fd 4 4<'" + pass.string() + "'";
    for (const std::string& path : {fifo.string(), std::string("/dev/zero")}) {
        const auto r = runCli("import '" + file.string() + "' '" + path + "'" + bundleFd, pass);
        EXPECT_EQ(r.exitCode, 1) << r.output;
        EXPECT_NE(r.output.find("not a regular file"), std::string::npos) << r.output;
    }
}

} // namespace
