// SPDX-License-Identifier: GPL-3.0-or-later
// Finding 1 of issue 12: an open workspace keeps its lock. SQLite locks the file with POSIX fcntl()
// locks, which the kernel drops when ANY descriptor of the file in the process is closed; the
// workbench must never open and close the held file by another descriptor (create's header check,
// a passphrase change, a backup, a bundle or header read of the same path).
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include <sys/stat.h>
#include <unistd.h>

#include "core/Error.h"
#include "core/io/CaseBundle.h"
#include "core/store/FileAccess.h"
#include "support/CliRunner.h"
#include "support/TestSupport.h"

using namespace wb;
using core::ErrorCode;
namespace fs = std::filesystem;

namespace {

/// True when /proc/locks lists a POSIX lock held by this process on the file's inode.
bool lockedByThisProcess(const fs::path& file)
{
    struct stat st {
    };
    if (::stat(file.c_str(), &st) != 0) {
        return false;
    }
    const std::string pid = std::to_string(::getpid());
    const std::string inode = ":" + std::to_string(st.st_ino);
    std::ifstream locks("/proc/locks");
    std::string line;
    while (std::getline(locks, line)) {
        std::istringstream words(line);
        std::string n, kind, advisory, mode, owner, device;
        words >> n >> kind >> advisory >> mode >> owner >> device;
        if (kind == "POSIX" && owner == pid && device.size() > inode.size() &&
            device.compare(device.size() - inode.size(), inode.size(), inode) == 0) {
            return true;
        }
    }
    return false;
}

class FileLockTest : public ::testing::Test
{
protected:
    test::TempDir dir;
    fs::path file = dir / "held.rwb";
    fs::path pass = dir / "pass.txt";

    void SetUp() override { test::writePassphraseFile(pass, test::Passphrase); }

    /// A second program trying the file: it must be turned away.
    void expectSecondProgramTurnedAway(const fs::path& passphraseFile)
    {
        const auto info = test::runCli("info " + test::quoted(file), passphraseFile);
        EXPECT_EQ(info.exitCode, 1) << info.output;
        EXPECT_NE(info.output.find("LockedByOtherInstance"), std::string::npos) << info.output;
        const auto verify = test::runCli("verify " + test::quoted(file), passphraseFile);
        EXPECT_EQ(verify.exitCode, 1) << verify.output;
        EXPECT_NE(verify.output.find("LockedByOtherInstance"), std::string::npos) << verify.output;
    }
};

TEST_F(FileLockTest, aJustCreatedWorkspaceIsLockedAgainstASecondProgram)
{
    auto ws = test::createWorkspace(file);
    EXPECT_TRUE(lockedByThisProcess(file));
    expectSecondProgramTurnedAway(pass);
    // And the workspace is still whole and ours.
    ws->cases().add(test::caseDraft("FICT/L1/26"));
    EXPECT_EQ(ws->integrityCheck(), "ok");
}

TEST_F(FileLockTest, theLockSurvivesAPassphraseChange)
{
    auto ws = test::createWorkspace(file);
    ws->cases().add(test::caseDraft("FICT/L2/26"));
    ws->lock();
    ws->unlock(core::Workspace::deriveForOpen(file, test::Passphrase)); // an existing workspace, opened
    ws->changePassphrase(test::Passphrase, "a new fictional passphrase for the lock test");
    EXPECT_TRUE(lockedByThisProcess(file));
    const fs::path fresh = dir / "fresh.txt";
    test::writePassphraseFile(fresh, "a new fictional passphrase for the lock test");
    expectSecondProgramTurnedAway(fresh);
}

TEST_F(FileLockTest, theLockSurvivesABackup)
{
    auto ws = test::createWorkspace(file);
    ws->cases().add(test::caseDraft("FICT/L3/26"));
    ws->backupTo(dir / "backup.rwb");
    EXPECT_TRUE(lockedByThisProcess(file));
    expectSecondProgramTurnedAway(pass);
}

TEST_F(FileLockTest, readingTheHeldFileByAnotherRouteIsRefusedAndKeepsTheLock)
{
    auto ws = test::createWorkspace(file);
    ASSERT_TRUE(lockedByThisProcess(file));
    // Opening the same workspace again in this program (a second window, or its header read).
    try {
        (void)core::Workspace::deriveForOpen(file, test::Passphrase);
        ADD_FAILURE() << "the held file was read by another descriptor";
    } catch (const core::Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::LockedByOtherInstance) << e.what();
    }
    // The workspace itself, or its log, picked as a bundle to import.
    for (const fs::path& bundle : {file, fs::path(file.string() + "-wal")}) {
        try {
            (void)core::bundle::importCases(*ws, bundle, test::Passphrase);
            ADD_FAILURE() << "the held file was read as a bundle";
        } catch (const core::Error& e) {
            EXPECT_EQ(e.code(), ErrorCode::LockedByOtherInstance) << e.what();
        }
    }
    // Restoring from the open workspace itself, as if it were a backup.
    try {
        (void)core::Workspace::restore(file, dir / "restored.rwb", core::store::KeyMaterial{}, test::offences(),
                                       test::lists());
        ADD_FAILURE() << "the held file was copied";
    } catch (const core::Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::LockedByOtherInstance) << e.what();
    }
    EXPECT_TRUE(lockedByThisProcess(file));
    expectSecondProgramTurnedAway(pass);
}

TEST_F(FileLockTest, heldInThisProcessKnowsTheFileAndItsLog)
{
    EXPECT_FALSE(core::store::files::heldInThisProcess(file));
    {
        auto ws = test::createWorkspace(file);
        EXPECT_TRUE(core::store::files::heldInThisProcess(file));
        EXPECT_TRUE(core::store::files::heldInThisProcess(fs::path(file.string() + "-wal")));
        EXPECT_TRUE(core::store::files::heldInThisProcess(dir.path() / "." / "held.rwb"));
        ws->lock();
        EXPECT_FALSE(core::store::files::heldInThisProcess(file));
    }
    EXPECT_FALSE(core::store::files::heldInThisProcess(file));
}

} // namespace
