// SPDX-License-Identifier: GPL-3.0-or-later
// The whole-file operations of a workspace: format upgrade, verified copies, passphrase
// change, integrity check, backup and restore.
#include "core/Workspace.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <system_error>

#include <fcntl.h>
#include <sodium.h>
#include <unistd.h>

#include "core/Error.h"
#include "core/integrity/Verify.h"
#include "core/schema/Migrations.h"
#include "core/security/PassphrasePolicy.h"
#include "core/store/Database.h"
#include "core/store/FileAccess.h"
#include "core/store/Pragmas.h"
#include "core/store/Statement.h"
#include "core/workspace/LogScan.h"
#include "core/workspace/WorkspaceFile.h"
#include "core/workspace/WorkspaceMeta.h"

namespace wb::core {

namespace fs = std::filesystem;
using store::Database;
using store::FileHeader;
using store::KeyMaterial;
using store::SecureBuffer;

using workspace::kdfDescription;
using workspace::readHeaderBytes;
using workspace::removeQuietly;
using workspace::scanLog;
using workspace::setMeta;

namespace {

constexpr std::int64_t ApplicationId = schema::WorkspaceApplicationId;

} // namespace

void Workspace::upgradeFormat()
{
    FormatUpgrade result{m_header.format, FileHeader::CurrentFormat, false, {}};
    // The same key in a new page layout: the header changes only in its format byte (the Argon2id
    // salt reads that byte as format 1 in every format), so the passphrase still opens it.
    KeyMaterial upgraded{m_header, SecureBuffer::fromBytes(m_key.view())};
    upgraded.header.format = FileHeader::CurrentFormat;
    const fs::path temp = m_path.string() + ".upgrade";
    try {
        requireIntact();
        writeVerifiedCopy(m_connection.db(), temp, upgraded, {});
        replaceFileWith(temp, std::move(upgraded));
        result.done = true;
    } catch (const Error& e) {
        if (isLocked()) {
            throw; // neither file could be reopened: nothing to carry on with
        }
        // The old file is untouched and open in its old format; the next unlock tries again.
        result.problem = e.what();
    }
    m_formatUpgrade = result;
}

void Workspace::requireIntact()
{
    // sqlcipher_export reads the tables and rebuilds the indexes into a file of exactly its pages:
    // a damaged index page, or bytes appended after the last page, would not be copied and the
    // damage would vanish unseen. Rewrite only a workspace that passes its own check.
    if (integrityCheck() != "ok") {
        throw Error(ErrorCode::Corrupted,
                    "the workspace fails its integrity check, so it is not rewritten: use a backup copy");
    }
}

void Workspace::writeVerifiedCopy(Database& db,
                                  const fs::path& target,
                                  const KeyMaterial& to,
                                  const std::function<void(Database&)>& adjust)
{
    removeQuietly(target);
    try {
        // The connection was opened without SQLITE_OPEN_CREATE (existing files only), and ATTACH
        // opens with the same flags: the file must exist, empty, before it is attached. 0600.
        store::files::createPrivateFile(target);
        store::Statement attachCopy(db, "ATTACH DATABASE :file AS copy KEY :key");
        const SecureBuffer literal = store::keyLiteral(to.key, &to.header);
        attachCopy.bind(":file", target.string()).bindSecret(":key", literal).run();
        try {
            store::setCipherLayout(db, to.header.format, "copy");
            db.queryText("SELECT sqlcipher_export('copy')");
            db.exec("PRAGMA copy.user_version = " + std::to_string(db.userVersion()));
            db.exec("PRAGMA copy.application_id = " + std::to_string(ApplicationId));
            // Every table holds as many rows in the copy as here (before `adjust` changes it). Virtual
            // tables (the search index) are checked through the tables that hold their data.
            store::Statement tables(db, "SELECT name FROM main.sqlite_master WHERE type = 'table' "
                                        "AND rootpage > 0 AND name NOT LIKE 'sqlite_%' ORDER BY name");
            while (tables.step()) {
                const std::string table = tables.columnText(0);
                const std::string quoted = "\"" + table + "\"";
                if (db.queryInt("SELECT count(*) FROM main." + quoted) !=
                    db.queryInt("SELECT count(*) FROM copy." + quoted)) {
                    throw Error(ErrorCode::Corrupted,
                                "the new copy does not hold every row of the workspace (table " + table + ")");
                }
            }
            if (adjust) {
                adjust(db);
            }
        } catch (...) {
            db.exec("DETACH DATABASE copy");
            throw;
        }
        db.exec("DETACH DATABASE copy");

        // Check what is on disk through a connection of its own: header, structure, audit chain.
        if (readHeaderBytes(target) != to.header.bytes()) {
            throw Error(ErrorCode::Storage, "the new copy does not carry the expected header");
        }
        {
            Database check(target, Database::OpenMode::ExistingFile);
            store::keyWorkspace(check, to.key, to.header, false);
            if (check.queryText("PRAGMA integrity_check").value_or("") != "ok" || !integrity::verify(check).ok()) {
                throw Error(ErrorCode::Corrupted, "the new copy failed verification after writing");
            }
        }
        store::files::syncFile(target);
    } catch (...) {
        removeQuietly(target);
        throw;
    }
}

void Workspace::replaceFileWith(const fs::path& replacement, KeyMaterial key)
{
    // Empty the log into the file first: the old file must be complete on its own at every moment
    // until the rename, and a log of the old file must never be replayed into the new one.
    {
        store::Statement truncate(m_connection.db(), "PRAGMA wal_checkpoint(TRUNCATE)");
        if (truncate.step() && truncate.columnInt64(0) != 0) {
            removeQuietly(replacement);
            throw Error(ErrorCode::Storage, "the write-ahead log could not be copied into the workspace file");
        }
    }
    KeyMaterial old{m_header, SecureBuffer::fromBytes(m_key.view())};
    // Closed and reopened quietly: to the program the workspace stays open.
    m_quietReopen = true;
    try {
        lock();
        std::error_code ec;
        const fs::path wal(m_path.string() + "-wal");
        if (fs::exists(wal, ec) && fs::file_size(wal, ec) != 0) {
            removeQuietly(replacement);
            unlock(std::move(old));
            throw Error(ErrorCode::Storage, "the write-ahead log was not emptied; the workspace is unchanged");
        }
        fs::remove(wal, ec);
        fs::rename(replacement, m_path, ec);
        if (ec) {
            removeQuietly(replacement);
            unlock(std::move(old));
            throw Error(ErrorCode::Io, "the new copy could not replace the workspace file; the workspace is unchanged");
        }
        store::files::syncFolder(store::files::folderOf(m_path));
        old.key.wipe();
        unlock(std::move(key));
    } catch (...) {
        m_quietReopen = false;
        if (isLocked()) {
            lockChanged(true); // left locked: say so
        }
        throw;
    }
    m_quietReopen = false;
}
// --- passphrase change --------------------------------------------------------

void Workspace::changePassphrase(std::string_view oldPassphrase,
                                 std::string_view newPassphrase,
                                 std::optional<store::KdfParams> newParams)
{
    auto& db = m_connection.db();
    if (newPassphrase.empty()) {
        throw Error(ErrorCode::Validation, "the new passphrase is empty", "newPassphrase");
    }
    // Verify the old passphrase against this file's header before anything else: the header we
    // opened it with, in memory (reading the file again by another descriptor would drop our lock).
    {
        const SecureBuffer oldKey = store::deriveKey(oldPassphrase, m_header);
        const auto check = store::keyCheckFor(oldKey);
        if (sodium_memcmp(check.data(), m_header.keyCheck.data(), check.size()) != 0) {
            throw Error(ErrorCode::WrongPassphrase, "the passphrase does not open this workspace");
        }
    }
    // The same rule as for a new workspace: strong for live ones, anything for training.
    const WorkspaceInfo current = info();
    security::PassphrasePolicy::check(newPassphrase,
                                      current.training ? security::PassphraseUse::TrainingWorkspace
                                                       : security::PassphraseUse::LiveWorkspace,
                                      {current.owner.displayName, current.owner.staffNumber});
    KeyMaterial fresh = deriveForCreate(newPassphrase, newParams.value_or(m_header.kdf));
    const std::string kdf = kdfDescription(fresh.header.kdf);
    requireIntact();
    const fs::path temp = store::files::partialNameFor(m_path);
    // The copy's `kdf` metadata is brought in line with its new header through the audit log,
    // once it is open (a direct write into the copy would not match its chain).
    writeVerifiedCopy(db, temp, fresh, {});
    // From here the new file is complete and on disk; a crash leaves the old file or the new one.
    replaceFileWith(temp, std::move(fresh));
    setMeta(m_connection.db(), m_connection.actor(), "kdf", kdf);
}

std::string Workspace::integrityCheck()
{
    auto& db = m_connection.db();
    try {
        std::string result = db.queryText("PRAGMA integrity_check").value_or("no result");
        if (result != "ok") {
            return result;
        }
        // SQLite ignores bytes after its last page; a file with more is not what we wrote.
        bool logHasFrames = false;
        if (m_readOnly) {
            // Never checkpoint here: the log is part of what is being judged.
            const auto log = scanLog(fs::path(m_path.string() + "-wal"));
            if (!log.problem.empty()) {
                return log.problem;
            }
            logHasFrames = log.validFrames > 0;
        } else {
            db.queryText("PRAGMA wal_checkpoint(TRUNCATE)");
        }
        const auto expected = static_cast<std::uintmax_t>(db.queryInt("PRAGMA page_count")) * m_header.pageSize();
        std::error_code ec;
        const auto actual = fs::file_size(m_path, ec);
        // With frames still in the log, the file may be shorter than the workspace (pages not yet copied).
        if (!ec && (logHasFrames ? actual > expected : actual != expected)) {
            return "the file is " + std::to_string(actual) + " bytes long but the workspace occupies " +
                   std::to_string(expected) + ": the file has been altered";
        }
        return result;
    } catch (const Error& e) {
        return e.what();
    }
}

audit::Anchor Workspace::backupTo(const fs::path& target, const std::function<void(int, int)>& progress)
{
    auto& db = m_connection.db();
    std::error_code ec;
    if (fs::exists(target, ec) || fs::is_symlink(target, ec)) {
        throw Error(ErrorCode::AlreadyExists, "a file already exists at the backup path; it will not be overwritten");
    }
    if (fs::equivalent(target.parent_path().empty() ? fs::path(".") : target.parent_path(),
                       m_path.parent_path().empty() ? fs::path(".") : m_path.parent_path(), ec) &&
        target.filename() == m_path.filename()) {
        throw Error(ErrorCode::AlreadyExists, "the backup cannot replace the workspace itself");
    }
    // Written and verified under a name of its own beside the target (0600 whatever the umask),
    // synced, and only then renamed: a backup that is killed leaves no file at `target`, or a
    // complete, verified one.
    const fs::path partial = store::files::partialNameFor(target);
    store::files::createPrivateFile(partial);
    audit::Anchor anchor;
    try {
        {
            // Same key and same header: the same passphrase opens the backup, and it
            // is a workspace file like any other (restore = open it, or copy it back).
            Database copy(partial, Database::OpenMode::ExistingFile);
            store::keyWorkspace(copy, m_key, m_header, true);
            store::copyDatabase(db, copy, progress);
            copy.exec("PRAGMA journal_mode = DELETE");
        }
        {
            // Verify what was written, through a fresh connection: header, key, structure, audit chain.
            KeyMaterial check{FileHeader::parse(readHeaderBytes(partial)), SecureBuffer::fromBytes(m_key.view())};
            if (check.header.bytes() != m_header.bytes()) {
                throw Error(ErrorCode::Storage, "the backup does not carry the workspace header");
            }
            Workspace verify(partial, m_offences, m_lists);
            verify.m_upgradeOnUnlock = false; // judge the backup as written; never rewrite it here
            verify.unlock(std::move(check));
            if (const auto integrity = verify.integrityCheck(); integrity != "ok") {
                throw Error(ErrorCode::Corrupted, "the backup failed verification after writing: " + integrity);
            }
            const auto report = verify.verifyAudit();
            if (!report.ok()) {
                // Names the first problem (tables, row ids, entry numbers; no content): usually one the
                // workspace itself has, which `verify` lists in full.
                throw Error(ErrorCode::Corrupted,
                            "the backup failed verification after writing: " + report.problems.front() +
                                (report.problems.size() > 1 ? " (and " + std::to_string(report.problems.size() - 1) +
                                                                  " more problems: run verify on the workspace)"
                                                            : std::string()));
            }
            if (verify.cases().count() != m_cases.count()) {
                throw Error(ErrorCode::Corrupted, "the backup failed verification after writing: it holds a different "
                                                  "number of cases");
            }
            anchor = report.head;
        }
        store::files::syncFile(partial);
        store::files::renameNoReplace(partial, target);
    } catch (...) {
        removeQuietly(partial);
        throw;
    }
    setMeta(db, m_connection.actor(), "last_backup_at", toIsoUtc(m_connection.now()));
    return anchor;
}

std::unique_ptr<Workspace> Workspace::restore(const fs::path& backup,
                                              const fs::path& target,
                                              KeyMaterial key,
                                              std::shared_ptr<const OffenceCatalogue> offences,
                                              std::shared_ptr<const ReferenceData> lists)
{
    std::error_code ec;
    if (fs::exists(target, ec) || fs::is_symlink(target, ec)) {
        throw Error(ErrorCode::AlreadyExists, "a file already exists at the restore path; it will not be overwritten");
    }
    if (readHeaderBytes(backup) != key.header.bytes()) {
        throw Error(ErrorCode::WrongPassphrase, "the key was derived for a different file");
    }
    if (fs::exists(fs::path(backup.string() + "-wal"), ec)) {
        throw Error(ErrorCode::LockedByOtherInstance, "the backup is open elsewhere; close it before restoring");
    }
    // Copy the bytes as they are (the backup itself is never written to), flush,
    // and only then give the copy its final name.
    const fs::path partial = target.string() + ".partial";
    removeQuietly(partial);
    try {
        fs::copy_file(backup, partial, fs::copy_options::none);
        fs::permissions(partial, fs::perms::owner_read | fs::perms::owner_write, fs::perm_options::replace);
        store::files::syncFile(partial);
        fs::rename(partial, target);
        store::files::syncFolder(store::files::folderOf(target));
    } catch (const fs::filesystem_error&) {
        removeQuietly(partial);
        throw Error(ErrorCode::Io, "the backup could not be copied to the restore path");
    }
    try {
        auto ws = open(target, std::move(key), std::move(offences), std::move(lists));
        if (ws->integrityCheck() != "ok" || !ws->verifyAudit().ok()) {
            throw Error(ErrorCode::Corrupted, "the restored workspace failed verification");
        }
        return ws;
    } catch (...) {
        removeQuietly(target);
        throw;
    }
}
} // namespace wb::core
