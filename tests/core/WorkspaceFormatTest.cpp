// SPDX-License-Identifier: GPL-3.0-or-later
// File formats: new workspaces have 4 KiB pages (format 2); format-1 files (1 KiB pages, the
// committed fixtures) still open and are upgraded on unlock, keeping every row and the audit
// chain; and the storage messages say what is wrong (read-only, damaged page, damaged header,
// a header asking for too much key-derivation memory).
#include <gtest/gtest.h>

#include <map>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/Error.h"
#include "core/io/CaseBundle.h"
#include "core/records/RecordSpec.h"
#include "core/schema/Migrations.h"
#include "core/store/Database.h"
#include "core/store/Pragmas.h"
#include "core/store/Statement.h"
#include "support/FixturePassphrase.h"
#include "support/TestSupport.h"

using namespace wb;
namespace fs = std::filesystem;
using core::ErrorCode;

#define EXPECT_CORE_ERROR(statement, expectedCode)                                                                     \
    do {                                                                                                               \
        try {                                                                                                          \
            statement;                                                                                                 \
            ADD_FAILURE() << "expected core::Error " << core::toString(expectedCode) << ", got no exception";          \
        } catch (const core::Error& e) {                                                                               \
            EXPECT_EQ(e.code(), expectedCode) << "got " << core::toString(e.code()) << ": " << e.what();               \
        }                                                                                                              \
    } while (false)

namespace {

class WorkspaceFormatTest : public ::testing::Test
{
protected:
    test::TempDir dir;
    fs::path file = dir / "format.rwb";

    /// A workspace written as the previous version wrote it: format 1, 1 KiB pages.
    void createFormatOne(const fs::path& path, int cases)
    {
        auto km = core::Workspace::deriveForCreate(test::Passphrase, test::fastOptions().kdf);
        km.header.format = 1;
        auto ws = core::Workspace::create(path, std::move(km), test::fastOptions(), test::offences(), test::lists());
        for (int i = 0; i < cases; ++i) {
            const auto c = ws->cases().add(test::caseDraft("FMT/" + std::to_string(i) + "/26"));
            core::PersonDraft p;
            p.caseId = c.id;
            p.givenName = "Format";
            p.familyName = "Example" + std::to_string(i);
            ws->people().add(p);
            ws->records().add(core::recordSpec("decision"), c.id,
                              {{"decided_at", "2026-01-01T10:00:00Z"},
                               {"decision", "Fictional decision"},
                               {"rationale", "Fictional rationale"},
                               {"decided_by", "DS Fictional"}});
        }
    }

    /// Every table's row count and the audit chain's head, read with raw SQLCipher.
    static std::map<std::string, std::int64_t> contents(const fs::path& path, const char* passphrase)
    {
        auto km = core::Workspace::deriveForOpen(path, passphrase);
        core::store::Database db(path, core::store::Database::OpenMode::ExistingFile);
        core::store::keyWorkspace(db, km.key, km.header, false);
        std::map<std::string, std::int64_t> out;
        std::vector<std::string> tables;
        core::store::Statement names(db, "SELECT name FROM sqlite_master WHERE type = 'table' "
                                         "AND name NOT LIKE 'sqlite_%'");
        while (names.step()) {
            tables.push_back(names.columnText(0));
        }
        for (const auto& t : tables) {
            out[t] = db.queryInt("SELECT count(*) FROM \"" + t + "\"");
        }
        out["page_size"] = db.queryInt("PRAGMA page_size");
        out["audit last seq"] = db.queryInt("SELECT coalesce(max(id), 0) FROM audit_log");
        return out;
    }
};

TEST_F(WorkspaceFormatTest, newWorkspaceHasFourKiBPages)
{
    {
        test::createWorkspace(file)->cases().add(test::caseDraft("FMT/NEW/26"));
    }
    const auto bytes = test::readBytes(file);
    EXPECT_EQ(bytes[0], 0xA2);
    EXPECT_EQ(bytes.size() % 4096, 0u);
    auto km = core::Workspace::deriveForOpen(file, test::Passphrase);
    EXPECT_EQ(km.header.format, 2u);
    core::store::Database db(file, core::store::Database::OpenMode::ExistingFile);
    core::store::keyWorkspace(db, km.key, km.header, false);
    EXPECT_EQ(db.queryInt("PRAGMA cipher_page_size"), 4096);
    EXPECT_EQ(db.queryInt("PRAGMA page_size"), 4096);
    EXPECT_EQ(db.queryInt("SELECT count(*) FROM cases"), 1);
}

TEST_F(WorkspaceFormatTest, formatOneIsUpgradedOnUnlockKeepingEveryRowAndTheChain)
{
    createFormatOne(file, 12);
    ASSERT_EQ(test::readBytes(file)[0], 0xA1);
    const auto before = contents(file, test::Passphrase);
    ASSERT_EQ(before.at("page_size"), 1024);
    ASSERT_GT(before.at("audit last seq"), 30);
    {
        auto ws = test::openWorkspace(file);
        EXPECT_EQ(ws->formatUpgrade().fromFormat, 1u);
        EXPECT_EQ(ws->formatUpgrade().toFormat, 2u);
        EXPECT_TRUE(ws->formatUpgrade().done) << ws->formatUpgrade().problem;
        EXPECT_EQ(ws->integrityCheck(), "ok");
        EXPECT_TRUE(ws->verifyAudit().ok());
        EXPECT_EQ(ws->cases().count(), 12);
        ws->cases().add(test::caseDraft("FMT/AFTER/26")); // and it carries on saving
    }
    const auto bytes = test::readBytes(file);
    EXPECT_EQ(bytes[0], 0xA2);
    EXPECT_EQ(bytes.size() % 4096, 0u);
    EXPECT_FALSE(fs::exists(file.string() + ".upgrade"));
    struct stat st {
    };
    ASSERT_EQ(::stat(file.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u);

    auto after = contents(file, test::Passphrase); // the same passphrase opens it
    EXPECT_EQ(after.at("page_size"), 4096);
    EXPECT_EQ(after.at("cases"), before.at("cases") + 1);
    for (const auto& [table, rows] : before) {
        if (table == "page_size" || table == "cases" || table == "audit_log" || table == "audit last seq" ||
            table.rfind("search", 0) == 0 || table.rfind("due_", 0) == 0 || table == "meta") {
            continue; // changed by the case added after the upgrade
        }
        EXPECT_EQ(after.at(table), rows) << table;
    }
    auto ws = test::openWorkspace(file);
    EXPECT_EQ(ws->formatUpgrade().fromFormat, 0u) << "upgraded once only";
    EXPECT_TRUE(ws->verifyAudit().ok());
}

TEST_F(WorkspaceFormatTest, upgradeKeepsEveryRowExactly)
{
    createFormatOne(file, 5);
    const auto before = contents(file, test::Passphrase);
    {
        test::openWorkspace(file);
    }
    auto after = contents(file, test::Passphrase);
    ASSERT_EQ(after.at("page_size"), 4096);
    after["page_size"] = before.at("page_size");
    EXPECT_EQ(after, before);
}

TEST_F(WorkspaceFormatTest, everyFixtureOpensAndIsUpgraded)
{
    for (int version = 1; version < core::schema::currentSchemaVersion(); ++version) {
        const fs::path copy = dir / ("fixture-v" + std::to_string(version) + ".rwb");
        fs::copy_file(fs::path(WB_TEST_DATA_DIR) / ("schema-v" + std::to_string(version) + ".rwb"), copy);
        ASSERT_EQ(test::readBytes(copy)[0], 0xA1) << "fixtures stand for format-1 files in the field";
        {
            auto ws = test::openWorkspace(copy, test::FixturePassphrase);
            EXPECT_TRUE(ws->formatUpgrade().done) << "schema " << version << ": " << ws->formatUpgrade().problem;
            EXPECT_EQ(ws->integrityCheck(), "ok") << "schema " << version;
            EXPECT_TRUE(ws->verifyAudit().ok()) << "schema " << version;
            EXPECT_EQ(ws->cases().count(), 1) << "schema " << version;
        }
        EXPECT_EQ(test::readBytes(copy)[0], 0xA2) << "schema " << version;
        auto ws = test::openWorkspace(copy, test::FixturePassphrase);
        EXPECT_EQ(ws->cases().list().front().reference, "FIXTURE/1");
        if (version >= 2) {
            EXPECT_EQ(ws->people().listForCase(ws->cases().list().front().id).size(), 1u) << "schema " << version;
        }
    }
}

TEST_F(WorkspaceFormatTest, failedUpgradeLeavesTheFileAsItWasAndStillOpens)
{
    createFormatOne(file, 3);
    const auto hash = test::fileHash(file);
    // Something in the way of the new file beside it: the upgrade cannot write, the officer can still work.
    fs::create_directories(file.string() + ".upgrade/blocked");
    {
        auto ws = test::openWorkspace(file);
        EXPECT_EQ(ws->formatUpgrade().fromFormat, 1u);
        EXPECT_FALSE(ws->formatUpgrade().done);
        EXPECT_FALSE(ws->formatUpgrade().problem.empty());
        EXPECT_EQ(ws->cases().count(), 3);
        EXPECT_EQ(ws->integrityCheck(), "ok");
        ws->cases().add(test::caseDraft("FMT/STILL/26"));
    }
    EXPECT_NE(test::fileHash(file), hash); // the save went into the format-1 file
    EXPECT_EQ(test::readBytes(file)[0], 0xA1);
    fs::remove_all(file.string() + ".upgrade");
    auto ws = test::openWorkspace(file);
    EXPECT_TRUE(ws->formatUpgrade().done) << "tried again at the next unlock";
    EXPECT_EQ(ws->cases().count(), 4);
}

TEST_F(WorkspaceFormatTest, backupAndRestoreWorkWithBothFormats)
{
    // A format-1 backup (as an older version wrote it) restores, and the restored copy is upgraded.
    const fs::path oldBackup = dir / "old-backup.rwb";
    createFormatOne(oldBackup, 4);
    const auto backupHash = test::fileHash(oldBackup);
    const fs::path restored = dir / "restored.rwb";
    {
        auto ws =
            core::Workspace::restore(oldBackup, restored, core::Workspace::deriveForOpen(oldBackup, test::Passphrase),
                                     test::offences(), test::lists());
        EXPECT_EQ(ws->cases().count(), 4);
        EXPECT_TRUE(ws->formatUpgrade().done);
        // A backup of the upgraded workspace is format 2, and restores.
        ws->backupTo(dir / "new-backup.rwb");
    }
    EXPECT_EQ(test::fileHash(oldBackup), backupHash) << "restore never writes to the backup";
    EXPECT_EQ(test::readBytes(restored)[0], 0xA2);
    EXPECT_EQ(test::readBytes(dir / "new-backup.rwb")[0], 0xA2);
    auto again = core::Workspace::restore(dir / "new-backup.rwb", dir / "restored-2.rwb",
                                          core::Workspace::deriveForOpen(dir / "new-backup.rwb", test::Passphrase),
                                          test::offences(), test::lists());
    EXPECT_EQ(again->cases().count(), 4);
    EXPECT_EQ(again->formatUpgrade().fromFormat, 0u);
}

TEST_F(WorkspaceFormatTest, bundlesMoveBetweenFormats)
{
    const fs::path oldFile = dir / "old.rwb";
    createFormatOne(oldFile, 3);
    const fs::path bundle = dir / "cases.rwbundle";
    {
        auto ws = test::openWorkspace(oldFile);
        std::vector<std::int64_t> ids;
        for (const auto& c : ws->cases().list()) {
            ids.push_back(c.id);
        }
        core::bundle::exportCases(*ws, ids, bundle, "a fictional bundle passphrase", core::store::KdfParams::minimum());
    }
    auto fresh = test::createWorkspace(file);
    const auto report = core::bundle::importCases(*fresh, bundle, "a fictional bundle passphrase");
    EXPECT_EQ(report.casesAdded, 3);
    EXPECT_TRUE(fresh->verifyAudit().ok());
}

// --- messages ------------------------------------------------------------------

TEST_F(WorkspaceFormatTest, readOnlyFileIsPermissionDeniedNotADiskError)
{
    {
        test::createWorkspace(file);
    }
    ASSERT_EQ(::chmod(file.c_str(), 0444), 0);
    ASSERT_EQ(::chmod(dir.path().c_str(), 0755), 0);
    // Root writes through any mode: try as an ordinary user (nobody) when run as root.
    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        if (::geteuid() == 0 && (::setgid(65534) != 0 || ::setuid(65534) != 0)) {
            ::_exit(4);
        }
        int code = 3;
        try {
            test::openWorkspace(file);
            code = 1;
        } catch (const core::Error& e) {
            const std::string message = e.what();
            code = e.code() == ErrorCode::PermissionDenied && message.find("read-only") != std::string::npos ? 0 : 2;
            if (code != 0) {
                std::fprintf(stderr, "%s: %s\n", core::toString(e.code()), e.what());
            }
        }
        ::_exit(code);
    }
    int status = 0;
    ::waitpid(child, &status, 0);
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 0) << "1: it opened; 2: another error (printed above)";
}

TEST_F(WorkspaceFormatTest, zeroedPageInTheMiddleIsDamageNotTruncation)
{
    for (const unsigned format : {1u, 2u}) {
        const fs::path path = dir / ("zeroed-" + std::to_string(format) + ".rwb");
        if (format == 1) {
            createFormatOne(path, 40);
        } else {
            auto ws = test::createWorkspace(path);
            for (int i = 0; i < 40; ++i) {
                ws->cases().add(test::caseDraft("FMT/Z" + std::to_string(i) + "/26"));
            }
        }
        const auto clean = test::readBytes(path);
        const auto key = core::Workspace::deriveForOpen(path, test::Passphrase);
        const std::size_t page = core::store::FileHeader::pageSizeOf(format);
        const std::size_t pages = clean.size() / page;
        ASSERT_GT(pages, 12u);
        // Pages 2-9 hold the schema and the first tables' roots, which opening reads: SQLCipher
        // reads an all-zero page as an empty one, so SQLite finds the structure broken.
        int damaged = 0;
        for (std::size_t p = 1; p < 9; ++p) {
            auto bytes = clean;
            std::fill(bytes.begin() + static_cast<long>(p * page), bytes.begin() + static_cast<long>((p + 1) * page),
                      0);
            test::writeBytes(path, bytes);
            try {
                core::store::KeyMaterial km{key.header, core::store::SecureBuffer::fromBytes(key.key.view())};
                auto ws = core::Workspace::open(path, std::move(km), test::offences(), test::lists());
                (void)ws->integrityCheck();
            } catch (const core::Error& e) {
                ++damaged;
                EXPECT_NE(e.code(), ErrorCode::Truncated) << "format " << format << ", page " << p << ": " << e.what();
            }
            fs::remove(path.string() + "-wal");
            fs::remove_all(path.string() + ".upgrade");
        }
        EXPECT_GT(damaged, 0) << "format " << format << ": some zeroed page must be refused at open";
    }
}

TEST_F(WorkspaceFormatTest, truncationIsStillReportedForBothFormats)
{
    for (const unsigned format : {1u, 2u}) {
        const fs::path path = dir / ("short-" + std::to_string(format) + ".rwb");
        if (format == 1) {
            createFormatOne(path, 40);
        } else {
            auto ws = test::createWorkspace(path);
            for (int i = 0; i < 60; ++i) {
                ws->cases().add(test::caseDraft("FMT/T" + std::to_string(i) + "/26"));
            }
        }
        auto bytes = test::readBytes(path);
        const std::size_t page = core::store::FileHeader::pageSizeOf(format);
        ASSERT_GT(bytes.size(), 4 * page);
        bytes.resize(bytes.size() - 2 * page);
        test::writeBytes(path, bytes);
        SCOPED_TRACE("format " + std::to_string(format));
        EXPECT_CORE_ERROR(test::openWorkspace(path), ErrorCode::Truncated);
        bytes.resize(bytes.size() - page / 2); // part-way through a page
        test::writeBytes(path, bytes);
        EXPECT_CORE_ERROR(core::Workspace::deriveForOpen(path, test::Passphrase), ErrorCode::Truncated);
    }
}

TEST_F(WorkspaceFormatTest, damagedSaltSaysTheHeaderMayBeDamaged)
{
    {
        test::createWorkspace(file);
    }
    auto bytes = test::readBytes(file);
    bytes[6] ^= 0x10; // one of the header's random bytes
    test::writeBytes(file, bytes);
    try {
        core::Workspace::deriveForOpen(file, test::Passphrase);
        FAIL() << "a damaged salt cannot derive the right key";
    } catch (const core::Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::WrongPassphrase);
        const std::string message = e.what();
        EXPECT_NE(message.find("header may be damaged"), std::string::npos) << message;
        EXPECT_NE(message.find("backup"), std::string::npos) << message;
    }
}

TEST_F(WorkspaceFormatTest, headerDemandingMoreThanOneGiBIsRefusedBeforeDerivation)
{
    {
        test::createWorkspace(file);
    }
    auto bytes = test::readBytes(file);
    bytes[1] = (3 << 4) | 10; // 3 passes over 8 GiB
    test::writeBytes(file, bytes);
    try {
        core::Workspace::deriveForOpen(file, test::Passphrase);
        FAIL() << "8 GiB of key derivation must be refused";
    } catch (const core::Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::Corrupted) << e.what();
        EXPECT_NE(std::string(e.what()).find("1 GiB"), std::string::npos) << e.what();
    }
    bytes[1] = (12 << 4) | 0; // 12 passes
    test::writeBytes(file, bytes);
    EXPECT_CORE_ERROR(core::Workspace::deriveForOpen(file, test::Passphrase), ErrorCode::Corrupted);
}

} // namespace
