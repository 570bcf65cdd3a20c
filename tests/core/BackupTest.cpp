// SPDX-License-Identifier: GPL-3.0-or-later
// Encrypted backup and restore.
#include <gtest/gtest.h>

#include "core/Error.h"
#include "support/TestSupport.h"

using namespace wb;
namespace fs = std::filesystem;

namespace {

class BackupTest : public ::testing::Test
{
protected:
    test::TempDir dir;
    fs::path file = dir / "live.rwb";
    fs::path backup = dir / "backup.rwb";
    std::unique_ptr<core::Workspace> ws = test::createWorkspace(file);

    void SetUp() override
    {
        for (int i = 0; i < 60; ++i) {
            ws->cases().add(test::caseDraft("FICT/B" + std::to_string(i) + "/26"));
        }
    }
};

TEST_F(BackupTest, backupOpensWithTheSamePassphraseAndHoldsEverything)
{
    std::vector<std::pair<int, int>> steps;
    EXPECT_FALSE(ws->lastBackupAt().has_value());
    ws->backupTo(backup, [&](int done, int total) { steps.emplace_back(done, total); });
    ASSERT_FALSE(steps.empty());
    EXPECT_EQ(steps.back().first, steps.back().second);
    EXPECT_GT(steps.back().second, 0);
    EXPECT_TRUE(ws->lastBackupAt().has_value());
    EXPECT_FALSE(fs::exists(backup.string() + "-wal"));
    const auto bytes = test::readBytes(backup);
    EXPECT_FALSE(test::contains(bytes, "FICT/B1/26"));
    EXPECT_FALSE(test::contains(bytes, "SQLite format 3"));
    auto copy = test::openWorkspace(backup);
    EXPECT_EQ(copy->cases().count(), 60);
    EXPECT_TRUE(copy->verifyAudit().ok());
    EXPECT_EQ(copy->integrityCheck(), "ok");
}

TEST_F(BackupTest, backupNeverOverwritesAndNeedsAnUnlockedWorkspace)
{
    test::writeBytes(backup, {9, 9, 9});
    EXPECT_THROW(ws->backupTo(backup), core::Error);
    EXPECT_EQ(test::readBytes(backup), (std::vector<unsigned char>{9, 9, 9}));
    EXPECT_THROW(ws->backupTo(file), core::Error);
    ws->lock();
    try {
        ws->backupTo(dir / "other.rwb");
        FAIL();
    } catch (const core::Error& e) {
        EXPECT_EQ(e.code(), core::ErrorCode::Locked);
    }
    EXPECT_FALSE(fs::exists(dir / "other.rwb"));
}

TEST_F(BackupTest, restoreMakesANewVerifiedWorkspaceAndLeavesTheBackupAlone)
{
    ws->backupTo(backup);
    ws->cases().add(test::caseDraft("FICT/AFTER/26"));
    const std::string before = test::fileHash(backup);
    auto restored =
        core::Workspace::restore(backup, dir / "restored.rwb", core::Workspace::deriveForOpen(backup, test::Passphrase),
                                 test::offences(), test::lists());
    EXPECT_EQ(restored->cases().count(), 60);
    EXPECT_EQ(test::fileHash(backup), before);
    EXPECT_THROW(core::Workspace::restore(backup, dir / "restored.rwb",
                                          core::Workspace::deriveForOpen(backup, test::Passphrase), test::offences(),
                                          test::lists()),
                 core::Error);
    try {
        core::Workspace::deriveForOpen(backup, "wrong passphrase");
        FAIL();
    } catch (const core::Error& e) {
        EXPECT_EQ(e.code(), core::ErrorCode::WrongPassphrase);
    }
}

TEST_F(BackupTest, damagedBackupIsNotRestored)
{
    ws->backupTo(backup);
    auto bytes = test::readBytes(backup);
    bytes[bytes.size() / 2] ^= 0x40;
    test::writeBytes(backup, bytes);
    EXPECT_THROW(core::Workspace::restore(backup, dir / "restored.rwb",
                                          core::Workspace::deriveForOpen(backup, test::Passphrase), test::offences(),
                                          test::lists()),
                 core::Error);
    EXPECT_FALSE(fs::exists(dir / "restored.rwb"));
}

} // namespace
