// SPDX-License-Identifier: GPL-3.0-or-later
// Finding 9 of issue 12: `verify` opens read-only and changes nothing (no checkpoint, no migration,
// no metadata), on a current file, an old schema's fixture and with a live write-ahead log; and a
// log frame that fails its checksum, which SQLite drops without a word, is reported.
#include <gtest/gtest.h>

#include <fstream>

#include <sys/wait.h>
#include <unistd.h>

#include "core/Error.h"
#include "core/schema/Migrations.h"
#include "support/CliRunner.h"
#include "support/FixturePassphrase.h"
#include "support/TestSupport.h"

using namespace wb;
using core::ErrorCode;
namespace fs = std::filesystem;

namespace {

/// Every file in the folder with its hash (the workspace, its log, anything SQLite might add).
std::map<std::string, std::string> folderState(const fs::path& folder)
{
    std::map<std::string, std::string> state;
    for (const auto& entry : fs::directory_iterator(folder)) {
        if (entry.path().extension() != ".txt") {
            state[entry.path().filename().string()] = test::fileHash(entry.path());
        }
    }
    return state;
}

class ReadOnlyVerifyTest : public ::testing::Test
{
protected:
    test::TempDir dir;
    fs::path file = dir / "judged.rwb";
    fs::path pass = dir / "pass.txt";

    void SetUp() override { test::writePassphraseFile(pass, test::Passphrase); }

    /// Leaves `file` with saves still in its log, as a workbench that lost power would: a child
    /// process opens it, saves `cases` cases and ends without closing.
    void leaveALiveLog(int cases)
    {
        const pid_t pid = ::fork();
        if (pid == 0) {
            try {
                auto ws = test::openWorkspace(file);
                for (int i = 0; i < cases; ++i) {
                    ws->cases().add(test::caseDraft("FICT/W" + std::to_string(i) + "/26"));
                }
                ws.release(); // never closed: the log stays as it is
            } catch (...) {
                ::_exit(1);
            }
            ::_exit(0);
        }
        int status = 0;
        ::waitpid(pid, &status, 0);
        ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
        ASSERT_TRUE(fs::exists(file.string() + "-wal"));
        ASSERT_GT(fs::file_size(file.string() + "-wal"), 0u);
    }
};

TEST_F(ReadOnlyVerifyTest, verifyLeavesACurrentWorkspaceByteIdentical)
{
    {
        test::createWorkspace(file)->cases().add(test::caseDraft("FICT/R1/26"));
    }
    const auto before = folderState(dir.path());
    const auto r = test::runCli("verify " + test::quoted(file), pass);
    EXPECT_EQ(r.exitCode, 0) << r.output;
    EXPECT_NE(r.output.find("integrity: ok"), std::string::npos) << r.output;
    EXPECT_EQ(folderState(dir.path()), before);
}

TEST_F(ReadOnlyVerifyTest, verifyJudgesALiveLogAndLeavesItByteIdentical)
{
    {
        test::createWorkspace(file)->cases().add(test::caseDraft("FICT/R2/26"));
    }
    leaveALiveLog(3);
    const auto before = folderState(dir.path());
    const auto r = test::runCli("verify " + test::quoted(file), pass);
    EXPECT_EQ(r.exitCode, 0) << r.output;
    EXPECT_NE(r.output.find("integrity: ok"), std::string::npos) << r.output;
    // The log's saves were read and checked, not skipped: 4 cases, 4 audit entries besides the
    // new workspace's 7 settings.
    EXPECT_NE(r.output.find("audit chain: ok (11 entries, 4 records, 7 settings)"), std::string::npos) << r.output;
    EXPECT_EQ(folderState(dir.path()), before);
}

TEST_F(ReadOnlyVerifyTest, verifyLeavesAnOldSchemaAsItIsAndSaysSo)
{
    const fs::path fixturePass = dir / "fixture.txt";
    test::writePassphraseFile(fixturePass, test::FixturePassphrase);
    for (int v = 1; v < core::schema::currentSchemaVersion(); ++v) {
        const fs::path copy = dir / ("schema-v" + std::to_string(v) + ".rwb");
        fs::copy_file(fs::path(WB_TEST_DATA_DIR) / copy.filename(), copy);
        const auto before = folderState(dir.path());
        const auto r = test::runCli("verify " + test::quoted(copy), fixturePass);
        EXPECT_EQ(r.exitCode, 0) << "schema " << v << ": " << r.output;
        EXPECT_NE(r.output.find("schema: " + std::to_string(v) + " is older"), std::string::npos) << r.output;
        EXPECT_NE(r.output.find("integrity: ok"), std::string::npos) << r.output;
        EXPECT_EQ(folderState(dir.path()), before) << "schema " << v;
        auto ws = core::Workspace::openForVerify(copy, core::Workspace::deriveForOpen(copy, test::FixturePassphrase),
                                                 test::offences(), test::lists());
        EXPECT_EQ(ws->info().schemaVersion, v);
        EXPECT_TRUE(ws->isReadOnly());
    }
}

TEST_F(ReadOnlyVerifyTest, aReadOnlyWorkspaceRefusesEveryWrite)
{
    {
        test::createWorkspace(file);
    }
    const auto before = folderState(dir.path());
    {
        auto ws = core::Workspace::openForVerify(file, core::Workspace::deriveForOpen(file, test::Passphrase),
                                                 test::offences(), test::lists());
        try {
            ws->cases().add(test::caseDraft("FICT/R3/26"));
            ADD_FAILURE() << "a read-only workspace took a write";
        } catch (const core::Error& e) {
            EXPECT_EQ(e.code(), ErrorCode::PermissionDenied) << e.what();
        }
        EXPECT_EQ(ws->integrityCheck(), "ok");
    }
    EXPECT_EQ(folderState(dir.path()), before);
}

/// Flips one byte in the page of the log's `frame`-th frame (1-based), as damage on disk would.
void damageLogFrame(const fs::path& wal, int frame)
{
    auto bytes = test::readBytes(wal);
    const std::size_t pageSize =
        (std::size_t{bytes[8]} << 24) | (std::size_t{bytes[9]} << 16) | (std::size_t{bytes[10]} << 8) | bytes[11];
    const std::size_t at = 32 + static_cast<std::size_t>(frame - 1) * (24 + pageSize) + 24 + pageSize / 2;
    ASSERT_LT(at, bytes.size());
    bytes[at] ^= 0x5A;
    test::writeBytes(wal, bytes);
}

TEST_F(ReadOnlyVerifyTest, aDamagedLogFrameIsReportedNotSilentlyDropped)
{
    {
        test::createWorkspace(file)->cases().add(test::caseDraft("FICT/R4/26"));
    }
    leaveALiveLog(3);
    damageLogFrame(file.string() + "-wal", 2);
    const auto before = folderState(dir.path());
    const auto r = test::runCli("verify " + test::quoted(file), pass);
    EXPECT_EQ(r.exitCode, 1) << r.output;
    EXPECT_NE(r.output.find("write-ahead log frame 2 of"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("fails its checksum"), std::string::npos) << r.output;
    EXPECT_EQ(folderState(dir.path()), before);

    // What SQLCipher 3.4.1 itself does with it, for the record: SQLite checks the log's own
    // (unkeyed) checksums first and stops replaying at the damaged frame, so an ordinary open
    // succeeds and the saves from that frame on are simply gone, without an error. Hence the report.
    auto ws = test::openWorkspace(file);
    EXPECT_LT(ws->cases().count(), 4);
}

/// Flips a byte in the page of the log's last frame and recomputes the log's (unkeyed) checksums from
/// there, as someone without the key could: SQLite then accepts the frame, and only SQLCipher's
/// per-page HMAC can tell.
void forgeLastLogFrame(const fs::path& wal)
{
    auto bytes = test::readBytes(wal);
    const auto be32 = [&](std::size_t at) {
        return (std::uint32_t{bytes[at]} << 24) | (std::uint32_t{bytes[at + 1]} << 16) |
               (std::uint32_t{bytes[at + 2]} << 8) | bytes[at + 3];
    };
    const auto put32 = [&](std::size_t at, std::uint32_t v) {
        for (int k = 0; k < 4; ++k) {
            bytes[at + static_cast<std::size_t>(k)] = static_cast<unsigned char>(v >> (24 - 8 * k));
        }
    };
    const bool bigEndianWords = (be32(0) & 1u) != 0;
    const std::size_t pageSize = be32(8);
    const std::size_t frameSize = 24 + pageSize;
    const std::size_t frames = (bytes.size() - 32) / frameSize;
    ASSERT_GT(frames, 0u);
    const auto word = [&](std::size_t at) {
        return bigEndianWords ? be32(at)
                              : (std::uint32_t{bytes[at + 3]} << 24) | (std::uint32_t{bytes[at + 2]} << 16) |
                                    (std::uint32_t{bytes[at + 1]} << 8) | bytes[at];
    };
    std::uint32_t s1 = be32(24);
    std::uint32_t s2 = be32(28);
    const auto sum = [&](std::size_t from, std::size_t size) {
        for (std::size_t i = from; i + 8 <= from + size; i += 8) {
            s1 += word(i) + s2;
            s2 += word(i + 4) + s1;
        }
    };
    bytes[32 + (frames - 1) * frameSize + 24 + pageSize / 2] ^= 0x5A;
    for (std::size_t f = 0; f < frames; ++f) {
        const std::size_t at = 32 + f * frameSize;
        sum(at, 8);
        sum(at + 24, pageSize);
        put32(at + 16, s1);
        put32(at + 20, s2);
    }
    test::writeBytes(wal, bytes);
}

TEST_F(ReadOnlyVerifyTest, aForgedLogFrameFailsItsPageAuthentication)
{
    {
        test::createWorkspace(file)->cases().add(test::caseDraft("FICT/R5/26"));
    }
    leaveALiveLog(3);
    forgeLastLogFrame(file.string() + "-wal");
    const auto before = folderState(dir.path());
    const auto r = test::runCli("verify " + test::quoted(file), pass);
    // SQLCipher 3.4.1: the log's checksums pass, the page's HMAC does not, so the page cannot be read;
    // integrity_check names it ("Page N: btreeInitPage() returns error code 11") and verify fails.
    EXPECT_EQ(r.exitCode, 1) << r.output;
    EXPECT_EQ(r.output.find("integrity: ok"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("Page "), std::string::npos) << r.output;
    EXPECT_EQ(folderState(dir.path()), before);
}

} // namespace
