// SPDX-License-Identifier: GPL-3.0-or-later
// The encrypted workspace file: create, open, every distinct failure, lock, passphrase change, leaks.
#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>

#include "core/Error.h"
#include "core/Workspace.h"
#include "core/schema/Migrations.h"
#include "core/store/Database.h"
#include "core/store/Pragmas.h"
#include "support/TestSupport.h"

using namespace wb;
using core::ErrorCode;
namespace fs = std::filesystem;

namespace {

#define EXPECT_CORE_ERROR(statement, expectedCode)                                                                     \
    do {                                                                                                               \
        try {                                                                                                          \
            statement;                                                                                                 \
            ADD_FAILURE() << "expected core::Error " << core::toString(expectedCode) << ", got no exception";          \
        } catch (const core::Error& e) {                                                                               \
            EXPECT_EQ(e.code(), expectedCode) << "got " << core::toString(e.code()) << ": " << e.what();               \
        }                                                                                                              \
    } while (false)

class WorkspaceTest : public ::testing::Test
{
protected:
    test::TempDir dir;
    fs::path file = dir / "officer.rwb";

    /// Opens the file under the right key with raw SQLCipher, to tamper with it as a test.
    std::unique_ptr<core::store::Database> rawOpen()
    {
        auto km = core::Workspace::deriveForOpen(file, test::Passphrase);
        auto db = std::make_unique<core::store::Database>(file, core::store::Database::OpenMode::ExistingFile);
        core::store::keyWorkspace(*db, km.key, km.header, false);
        return db;
    }
};

TEST_F(WorkspaceTest, createThenOpenKeepsCasesAndMetadata)
{
    {
        auto ws = test::createWorkspace(file);
        ws->cases().add(test::caseDraft("FICT/1/26"));
    }
    auto ws = test::openWorkspace(file);
    const auto info = ws->info();
    EXPECT_EQ(info.owner.displayName, "DC Fictional Tester");
    EXPECT_EQ(info.owner.staffNumber, "T0001");
    EXPECT_FALSE(info.training);
    EXPECT_EQ(info.createdByVersion, WB_VERSION);
    EXPECT_EQ(info.schemaVersion, core::schema::currentSchemaVersion());
    EXPECT_EQ(info.kdf, core::store::KdfParams::minimum());
    EXPECT_FALSE(info.cipherVersion.empty());
    ASSERT_EQ(ws->cases().count(), 1);
    EXPECT_EQ(ws->cases().list().front().reference, "FICT/1/26");
    EXPECT_EQ(ws->integrityCheck(), "ok");
}

// Settings kept in the encrypted metadata (a force's protective marking): set, read back after reopening, each
// change audited; a workspace opened only to be verified refuses to set one.
TEST_F(WorkspaceTest, settingsAreKeptEncryptedAuditedAndRefusedWhenOpenOnlyToVerify)
{
    {
        auto ws = test::createWorkspace(file);
        EXPECT_FALSE(ws->setting("fictional_setting").has_value());
        ws->setSetting("fictional_setting", "first");
        ws->setSetting("fictional_setting", "second");
        EXPECT_EQ(ws->setting("fictional_setting"), std::optional<std::string>("second"));
        EXPECT_TRUE(ws->verifyAudit().ok());
    }
    auto ws = core::Workspace::openForVerify(file, core::Workspace::deriveForOpen(file, test::Passphrase),
                                             test::offences(), test::lists());
    EXPECT_EQ(ws->setting("fictional_setting"), std::optional<std::string>("second"));
    EXPECT_CORE_ERROR(ws->setSetting("fictional_setting", "third"), core::ErrorCode::PermissionDenied);
    EXPECT_EQ(ws->setting("fictional_setting"), std::optional<std::string>("second"));
}

// Saves only append to the write-ahead log; checkpoint() copies it into the file and empties it,
// and nothing saved is lost either way.
TEST_F(WorkspaceTest, checkpointCopiesTheLogIntoTheFileAndEmptiesIt)
{
    const fs::path wal = file.string() + "-wal";
    {
        auto ws = test::createWorkspace(file);
        EXPECT_EQ(ws->connectionForImport().queryInt("PRAGMA wal_autocheckpoint"), 1024) << "4 MiB of 4 KiB pages";
        ws->checkpoint();
        ASSERT_EQ(fs::file_size(wal), 0u);
        for (int i = 0; i < 40; ++i) {
            ws->cases().add(test::caseDraft(("FICT/C" + std::to_string(i) + "/26").c_str()));
        }
        EXPECT_GT(fs::file_size(wal), 0u) << "saves go to the log first";
        EXPECT_GT(ws->checkpoint(), 0);
        EXPECT_EQ(fs::file_size(wal), 0u);
        EXPECT_EQ(ws->checkpoint(), 0) << "nothing left to copy";
        ws->cases().add(test::caseDraft("FICT/LAST/26")); // in the log only when the workspace closes
    }
    auto ws = test::openWorkspace(file);
    EXPECT_EQ(ws->cases().count(), 41);
    EXPECT_EQ(ws->integrityCheck(), "ok");
    ws->lock();
    EXPECT_CORE_ERROR(ws->checkpoint(), core::ErrorCode::Locked);
}

TEST_F(WorkspaceTest, fileStartsWithOurHeaderNotSqliteMagic)
{
    test::createWorkspace(file);
    const auto bytes = test::readBytes(file);
    ASSERT_GE(bytes.size(), 4096u);
    EXPECT_EQ(bytes[0], 0xA2) << "new workspaces are format 2: 4 KiB pages";
    EXPECT_FALSE(test::contains(bytes, "SQLite format 3"));
    EXPECT_EQ(bytes.size() % 4096, 0u);
}

TEST_F(WorkspaceTest, trainingFlagIsRecorded)
{
    auto options = test::fastOptions();
    options.training = true;
    auto ws =
        core::Workspace::create(file, core::Workspace::deriveForCreate("p", options.kdf), options, test::offences());
    EXPECT_TRUE(ws->info().training);
}

TEST_F(WorkspaceTest, wrongPassphraseIsDistinctAndLeavesTheFileUntouched)
{
    {
        test::createWorkspace(file);
    }
    const std::string before = test::fileHash(file);
    EXPECT_CORE_ERROR(core::Workspace::deriveForOpen(file, "not the passphrase"), ErrorCode::WrongPassphrase);
    EXPECT_EQ(test::fileHash(file), before);
    EXPECT_FALSE(fs::exists(file.string() + "-wal"));
    EXPECT_NO_THROW(test::openWorkspace(file));
}

TEST_F(WorkspaceTest, missingFileIsFileNotFound)
{
    EXPECT_CORE_ERROR(core::Workspace::deriveForOpen(dir / "nothing.rwb", "x"), ErrorCode::FileNotFound);
}

TEST_F(WorkspaceTest, emptyFileIsNotAWorkspace)
{
    test::writeBytes(file, {});
    EXPECT_CORE_ERROR(core::Workspace::deriveForOpen(file, "x"), ErrorCode::NotAWorkspace);
}

TEST_F(WorkspaceTest, directoryIsNotAWorkspace)
{
    fs::create_directory(file);
    EXPECT_CORE_ERROR(core::Workspace::deriveForOpen(file, "x"), ErrorCode::NotAWorkspace);
}

TEST_F(WorkspaceTest, plainSqliteDatabaseIsNotAWorkspace)
{
    {
        core::store::Database plain(file, core::store::Database::OpenMode::CreateNew);
        plain.exec("CREATE TABLE cases (id INTEGER); INSERT INTO cases VALUES (1)");
    }
    EXPECT_CORE_ERROR(core::Workspace::deriveForOpen(file, "x"), ErrorCode::NotAWorkspace);
}

TEST_F(WorkspaceTest, textFileIsNotAWorkspace)
{
    const std::string text = "This is a fictional note, not a workspace.\n";
    test::writeBytes(file, std::vector<unsigned char>(text.begin(), text.end()));
    EXPECT_CORE_ERROR(core::Workspace::deriveForOpen(file, "x"), ErrorCode::NotAWorkspace);
}

TEST_F(WorkspaceTest, unreadableFileIsPermissionDenied)
{
    {
        test::createWorkspace(file);
    }
    fs::permissions(file, fs::perms::none);
    const auto attempt = [&]() -> int {
        try {
            core::Workspace::deriveForOpen(file, test::Passphrase);
            return 1;
        } catch (const core::Error& e) {
            return e.code() == ErrorCode::PermissionDenied ? 0 : 2;
        }
    };
    if (::geteuid() != 0) {
        EXPECT_EQ(attempt(), 0);
        return;
    }
    // Root reads any file: check as an unprivileged user in a child process.
    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        if (::setgid(65534) != 0 || ::setuid(65534) != 0) {
            ::_exit(4);
        }
        ::_exit(attempt());
    }
    int status = 0;
    ::waitpid(child, &status, 0);
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 0) << "1: read anyway, 2: another error, 4: could not drop privileges";
}

TEST_F(WorkspaceTest, fileCutMidPageIsTruncated)
{
    {
        test::createWorkspace(file);
    }
    auto bytes = test::readBytes(file);
    bytes.resize(bytes.size() - 300);
    test::writeBytes(file, bytes);
    EXPECT_CORE_ERROR(core::Workspace::deriveForOpen(file, test::Passphrase), ErrorCode::Truncated);
}

TEST_F(WorkspaceTest, fileCutAtAPageBoundaryIsTruncated)
{
    {
        auto ws = test::createWorkspace(file);
        for (int i = 0; i < 30; ++i) {
            ws->cases().add(test::caseDraft("FICT/" + std::to_string(i) + "/26"));
        }
    }
    auto bytes = test::readBytes(file);
    ASSERT_GT(bytes.size(), 4096u);
    bytes.resize(bytes.size() - 2048);
    test::writeBytes(file, bytes);
    EXPECT_CORE_ERROR(test::openWorkspace(file), ErrorCode::Truncated);
}

TEST_F(WorkspaceTest, damagedFirstPageIsCorruptedNotWrongPassphrase)
{
    {
        test::createWorkspace(file);
    }
    auto bytes = test::readBytes(file);
    bytes[200] ^= 0x5A;
    test::writeBytes(file, bytes);
    EXPECT_CORE_ERROR(test::openWorkspace(file), ErrorCode::Corrupted);
}

TEST_F(WorkspaceTest, damagedLaterPageIsReportedAsCorrupted)
{
    {
        auto ws = test::createWorkspace(file);
        for (int i = 0; i < 40; ++i) {
            ws->cases().add(test::caseDraft("FICT/" + std::to_string(i) + "/26"));
        }
    }
    auto bytes = test::readBytes(file);
    ASSERT_GT(bytes.size(), 8u * 1024);
    bytes[bytes.size() - 1024 + 100] ^= 0xFF; // inside the last page
    test::writeBytes(file, bytes);
    try {
        auto ws = test::openWorkspace(file);
        // The damage may sit on a page that opening does not read: reading everything finds it.
        EXPECT_CORE_ERROR(
            {
                ws->cases().list();
                const auto check = ws->integrityCheck();
                if (check != "ok") {
                    throw core::Error(ErrorCode::Corrupted, check);
                }
            },
            ErrorCode::Corrupted);
    } catch (const core::Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::Corrupted) << e.what();
    }
}

TEST_F(WorkspaceTest, newerSchemaIsRefusedNamingBothVersions)
{
    {
        test::createWorkspace(file);
    }
    {
        auto db = rawOpen();
        db->exec("UPDATE meta SET value = '9.4.2' WHERE key = 'last_written_by_version'");
        db->setUserVersion(99);
    }
    try {
        test::openWorkspace(file);
        FAIL() << "a newer schema must be refused";
    } catch (const core::Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::NewerVersion);
        const std::string message = e.what();
        EXPECT_NE(message.find("9.4.2"), std::string::npos) << message;
        EXPECT_NE(message.find(WB_VERSION), std::string::npos) << message;
        EXPECT_NE(message.find("schema 99"), std::string::npos) << message;
    }
}

TEST_F(WorkspaceTest, newerFileFormatIsRefused)
{
    {
        test::createWorkspace(file);
    }
    auto bytes = test::readBytes(file);
    bytes[0] = 0xA3;
    test::writeBytes(file, bytes);
    EXPECT_CORE_ERROR(core::Workspace::deriveForOpen(file, test::Passphrase), ErrorCode::NewerVersion);
}

TEST_F(WorkspaceTest, foreignEncryptedDatabaseIsNotAWorkspace)
{
    {
        test::createWorkspace(file);
    }
    {
        auto db = rawOpen();
        db->exec("PRAGMA application_id = 7");
    }
    EXPECT_CORE_ERROR(test::openWorkspace(file), ErrorCode::NotAWorkspace);
}

TEST_F(WorkspaceTest, secondOpenInThisProcessIsLockedByOtherInstance)
{
    auto first = test::createWorkspace(file);
    EXPECT_CORE_ERROR(test::openWorkspace(file), ErrorCode::LockedByOtherInstance);
    first->cases().add(test::caseDraft("FICT/2/26")); // the first is unaffected
    EXPECT_EQ(first->cases().count(), 1);
}

TEST_F(WorkspaceTest, openInAnotherProcessIsLockedByOtherInstance)
{
    auto first = test::createWorkspace(file);
    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        int code = 3;
        try {
            test::openWorkspace(file);
            code = 1;
        } catch (const core::Error& e) {
            code = e.code() == ErrorCode::LockedByOtherInstance ? 0 : 2;
        } catch (...) {
        }
        ::_exit(code);
    }
    int status = 0;
    ::waitpid(child, &status, 0);
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 0) << "1: opened anyway, 2: another error, 3: crashed";
}

TEST_F(WorkspaceTest, lockMakesEveryRepositoryCallFailWithLocked)
{
    auto ws = test::createWorkspace(file);
    const auto c = ws->cases().add(test::caseDraft("FICT/3/26"));
    std::vector<bool> lockEvents;
    ws->lockChanged.connect([&](bool locked) { lockEvents.push_back(locked); });
    ws->lock();
    EXPECT_TRUE(ws->isLocked());
    EXPECT_CORE_ERROR(ws->cases().list(), ErrorCode::Locked);
    EXPECT_CORE_ERROR(ws->cases().add(test::caseDraft("FICT/4/26")), ErrorCode::Locked);
    EXPECT_CORE_ERROR(ws->people().listForCase(c.id), ErrorCode::Locked);
    EXPECT_CORE_ERROR(ws->info(), ErrorCode::Locked);
    // Locked means closed: another instance can now open the file.
    EXPECT_NO_THROW(test::openWorkspace(file));
    ws->unlock(core::Workspace::deriveForOpen(file, test::Passphrase));
    EXPECT_FALSE(ws->isLocked());
    EXPECT_EQ(ws->cases().count(), 1);
    EXPECT_EQ(lockEvents, (std::vector<bool>{true, false}));
}

TEST_F(WorkspaceTest, unlockRefusesKeyMaterialOfAnotherFile)
{
    auto ws = test::createWorkspace(file);
    const fs::path other = dir / "other.rwb";
    {
        test::createWorkspace(other);
    }
    ws->lock();
    EXPECT_CORE_ERROR(ws->unlock(core::Workspace::deriveForOpen(other, test::Passphrase)), ErrorCode::WrongPassphrase);
    EXPECT_TRUE(ws->isLocked());
}

TEST_F(WorkspaceTest, changePassphraseReencryptsAndKeepsData)
{
    auto ws = test::createWorkspace(file);
    ws->cases().add(test::caseDraft("FICT/5/26"));
    const auto before = test::readBytes(file);
    ws->changePassphrase(test::Passphrase, "a new fictional passphrase", core::store::KdfParams{2, 0});
    EXPECT_FALSE(ws->isLocked());
    EXPECT_EQ(ws->cases().count(), 1);
    EXPECT_EQ(ws->info().kdf, (core::store::KdfParams{2, 0}));
    ws.reset();
    EXPECT_FALSE(fs::exists(file.string() + ".rekey"));
    EXPECT_NE(test::readBytes(file), before);
    EXPECT_CORE_ERROR(core::Workspace::deriveForOpen(file, test::Passphrase), ErrorCode::WrongPassphrase);
    auto reopened = test::openWorkspace(file, "a new fictional passphrase");
    EXPECT_EQ(reopened->cases().list().front().reference, "FICT/5/26");
    EXPECT_EQ(reopened->integrityCheck(), "ok");
}

TEST_F(WorkspaceTest, changePassphraseWithWrongOldPassphraseChangesNothing)
{
    auto ws = test::createWorkspace(file);
    ws->cases().add(test::caseDraft("FICT/6/26"));
    ws->lock();
    ws->unlock(core::Workspace::deriveForOpen(file, test::Passphrase)); // settles the WAL
    EXPECT_CORE_ERROR(ws->changePassphrase("wrong old passphrase", "new"), ErrorCode::WrongPassphrase);
    EXPECT_FALSE(ws->isLocked());
    EXPECT_EQ(ws->cases().count(), 1);
    ws.reset();
    EXPECT_NO_THROW(test::openWorkspace(file));
}

TEST_F(WorkspaceTest, createRefusesToOverwrite)
{
    test::writeBytes(file, {1, 2, 3});
    EXPECT_CORE_ERROR(test::createWorkspace(file), ErrorCode::AlreadyExists);
    EXPECT_EQ(test::readBytes(file), (std::vector<unsigned char>{1, 2, 3}));
}

// A journal left beside the name by an earlier workspace (deleted without it) would be read into the new file and
// damage it at once ("database disk image is malformed"): creation refuses, names it, and creates nothing.
TEST_F(WorkspaceTest, createRefusesWhenAnEarlierWorkspacesJournalIsLeftBesideTheName)
{
    {
        auto earlier = test::createWorkspace(file);
        earlier->cases().add(test::caseDraft("FICT/WAL/1"));
        fs::path wal = file;
        wal += "-wal";
        fs::copy_file(wal, dir / "kept-wal"); // the journal as it stood with the workspace open
    }
    fs::remove(file);
    fs::path wal = file;
    wal += "-wal";
    fs::copy_file(dir / "kept-wal", wal, fs::copy_options::overwrite_existing);
    try {
        test::createWorkspace(file);
        FAIL() << "created over a leftover journal";
    } catch (const core::Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::AlreadyExists);
        EXPECT_EQ(e.field(), "leftover");
        EXPECT_NE(std::string(e.what()).find(file.filename().string() + "-wal"), std::string::npos) << e.what();
    }
    EXPECT_FALSE(fs::exists(file));
    fs::remove(wal);
    EXPECT_NO_THROW(test::createWorkspace(file)) << "with the leftover moved away";
}

TEST_F(WorkspaceTest, createInMissingFolderFailsAndLeavesNothing)
{
    EXPECT_CORE_ERROR(test::createWorkspace(dir / "no-such-folder" / "w.rwb"), ErrorCode::FileNotFound);
    EXPECT_FALSE(fs::exists(dir / "no-such-folder"));
}

TEST_F(WorkspaceTest, createWithoutOwnerFailsAndLeavesNoFile)
{
    auto options = test::fastOptions();
    options.owner.displayName.clear();
    EXPECT_CORE_ERROR(
        core::Workspace::create(file, core::Workspace::deriveForCreate("p", options.kdf), options, test::offences()),
        ErrorCode::Validation);
    EXPECT_FALSE(fs::exists(file));
}

TEST_F(WorkspaceTest, personalDataNeverAppearsInPlainTextOnDisk)
{
    const std::string marker = "ZEBRA-MARKER-5be1c0de";
    const std::string name = "Fictionalia Quillfeather";
    {
        auto ws = test::createWorkspace(file);
        auto draft = test::caseDraft("FICT/7/26");
        draft.operationName = "Operation " + marker;
        const auto c = ws->cases().add(draft);
        core::PersonDraft person;
        person.caseId = c.id;
        person.givenName = "Fictionalia";
        person.familyName = "Quillfeather";
        person.dateOfBirth = "1990-01-01";
        ws->people().add(person);
        // While open: the WAL (if any) must be encrypted too.
        for (const auto& entry : fs::directory_iterator(dir.path())) {
            const auto bytes = test::readBytes(entry.path());
            EXPECT_FALSE(test::contains(bytes, marker)) << entry.path();
            EXPECT_FALSE(test::contains(bytes, "Quillfeather")) << entry.path();
            EXPECT_FALSE(test::contains(bytes, "DC Fictional Tester")) << entry.path();
        }
    }
    std::size_t files = 0;
    for (const auto& entry : fs::directory_iterator(dir.path())) {
        ++files;
        const auto bytes = test::readBytes(entry.path());
        EXPECT_FALSE(test::contains(bytes, marker)) << entry.path();
        EXPECT_FALSE(test::contains(bytes, name)) << entry.path();
        EXPECT_FALSE(test::contains(bytes, "Quillfeather")) << entry.path();
        EXPECT_FALSE(test::contains(bytes, test::Passphrase)) << entry.path();
    }
    EXPECT_GE(files, 1u);
    // And the data is really there, readable with the key.
    auto ws = test::openWorkspace(file);
    EXPECT_EQ(ws->cases().list().front().operationName, "Operation " + marker);
}

} // namespace
