// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/Workspace.h"

#include <algorithm>
#include <cerrno>
#include <fstream>
#include <system_error>

#include <fcntl.h>
#include <sodium.h>
#include <unistd.h>

#include "core/Error.h"
#include "core/nom/OffenceCatalogue.h"
#include "core/nom/ReferenceData.h"
#include "core/store/Database.h"
#include "core/store/Migrations.h"
#include "core/store/Pragmas.h"

namespace wb::core {

namespace fs = std::filesystem;
using store::Database;
using store::FileHeader;
using store::KeyMaterial;
using store::SecureBuffer;

namespace {

constexpr std::int64_t ApplicationId = store::WorkspaceApplicationId;

std::array<unsigned char, FileHeader::Size> readHeaderBytes(const fs::path& path)
{
    std::error_code ec;
    const auto status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
        if (ec && ec != std::errc::no_such_file_or_directory) {
            throw Error(ErrorCode::PermissionDenied, "the workspace file cannot be reached");
        }
        throw Error(ErrorCode::FileNotFound, "no workspace file at this path");
    }
    if (fs::is_directory(status)) {
        throw Error(ErrorCode::NotAWorkspace, "the path is a folder, not a workspace file");
    }
    if (!fs::is_regular_file(status)) {
        throw Error(ErrorCode::NotAWorkspace, "the path is not a regular file");
    }
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        throw Error(errno == EACCES || errno == EPERM ? ErrorCode::PermissionDenied : ErrorCode::Io,
                    "the workspace file cannot be read");
    }
    std::array<unsigned char, FileHeader::Size> bytes{};
    const ssize_t got = ::read(fd, bytes.data(), bytes.size());
    ::close(fd);
    const auto size = fs::file_size(path, ec);
    if (got == 0 || size == 0) {
        throw Error(ErrorCode::NotAWorkspace, "the file is empty");
    }
    if (got < 0) {
        throw Error(ErrorCode::Io, "the workspace file cannot be read");
    }
    if (static_cast<std::size_t>(got) < bytes.size()) {
        throw Error(ErrorCode::NotAWorkspace, "the file is too short to be a workspace");
    }
    // Parse first: a foreign file is "not a workspace", whatever its length.
    const std::uintmax_t pageSize = FileHeader::parse(bytes).pageSize();
    if (size < pageSize || size % pageSize != 0) {
        throw Error(ErrorCode::Truncated, "the file ends part-way through a page: it has been cut short");
    }
    return bytes;
}

void syncPath(const fs::path& path, bool directory)
{
    const int fd = ::open(path.c_str(), (directory ? O_RDONLY | O_DIRECTORY : O_RDWR) | O_CLOEXEC);
    if (fd < 0) {
        throw Error(ErrorCode::Io, "cannot open a file to flush it to disk");
    }
    const int rc = ::fsync(fd);
    ::close(fd);
    if (rc != 0) {
        throw Error(ErrorCode::Io, "flushing to disk failed");
    }
}

/// The workbench writes to the file and keeps its write-ahead log beside it: say plainly when either is
/// read-only (SQLite would report only a "disk I/O error", at the first write).
void requireWritable(const fs::path& path)
{
    if (::access(path.c_str(), W_OK) != 0 && (errno == EACCES || errno == EPERM || errno == EROFS)) {
        throw Error(ErrorCode::PermissionDenied,
                    errno == EROFS ? "the workspace file is on a read-only disk: copy it somewhere writable to open it"
                                   : "the workspace file is read-only: give yourself permission to write to it, "
                                     "or copy it somewhere writable, to open it");
    }
    const fs::path parent = path.has_parent_path() ? path.parent_path() : fs::path(".");
    if (::access(parent.c_str(), W_OK) != 0 && (errno == EACCES || errno == EPERM || errno == EROFS)) {
        throw Error(ErrorCode::PermissionDenied, "the folder holding the workspace is read-only: the workbench "
                                                 "keeps its write-ahead log beside the file");
    }
}

void removeQuietly(const fs::path& path)
{
    std::error_code ec;
    fs::remove(path, ec);
    fs::remove(fs::path(path.string() + "-wal"), ec);
    fs::remove(fs::path(path.string() + "-shm"), ec);
    fs::remove(fs::path(path.string() + "-journal"), ec);
}

/// Connection set-up shared by create and open, up to (not including) keying.
std::unique_ptr<Database> openConnection(const fs::path& path, Database::OpenMode mode)
{
    auto db = std::make_unique<Database>(path, mode);
    const std::string cipher = db->cipherVersion();
    if (cipher.empty()) {
        throw Error(ErrorCode::NotSqlCipher, "the SQLite library in use is not SQLCipher; refusing to continue");
    }
    // Held for as long as we are open: a second instance gets SQLITE_BUSY, reported
    // as LockedByOtherInstance. With WAL, it also means no -shm file is created.
    db->exec("PRAGMA locking_mode = EXCLUSIVE");
    return db;
}

std::optional<std::string> metaValue(Database& db, std::string_view key)
{
    store::Statement select(db, "SELECT value FROM meta WHERE key = :key");
    select.bind(":key", key);
    if (!select.step()) {
        return std::nullopt;
    }
    return select.columnText(0);
}

void setMeta(Database& db, std::string_view key, std::string_view value)
{
    store::Statement upsert(db, "INSERT OR REPLACE INTO meta (key, value) VALUES (:key, :value)");
    upsert.bind(":key", key).bind(":value", value).run();
}

} // namespace

// --- key derivation (thread-safe, slow) ---------------------------------------

KeyMaterial Workspace::deriveForCreate(std::string_view passphrase, const store::KdfParams& params)
{
    if (passphrase.empty()) {
        throw Error(ErrorCode::Validation, "the passphrase is empty", "passphrase");
    }
    KeyMaterial km{FileHeader::fresh(params), SecureBuffer()};
    km.key = store::deriveKey(passphrase, km.header);
    km.header.keyCheck = store::keyCheckFor(km.key);
    return km;
}

KeyMaterial Workspace::deriveForOpen(const fs::path& path, std::string_view passphrase)
{
    const auto bytes = readHeaderBytes(path);
    KeyMaterial km{FileHeader::parse(bytes), SecureBuffer()};
    const auto& kdf = km.header.kdf;
    if (kdf.memExponent > store::KdfParams::MaxMemExponent || kdf.opsLimit > store::KdfParams::MaxOps) {
        // Checked before any memory is reserved: a damaged or crafted header cannot make this
        // machine spend up to 8 GiB on one attempt. This version never writes such a header.
        throw Error(ErrorCode::Corrupted, "the workspace header asks for " + std::to_string(kdf.memLimitBytes() >> 20) +
                                              " MiB and " + std::to_string(kdf.opsLimit) +
                                              " passes of key derivation, more than the 1 GiB and 10 passes this "
                                              "version allows: the header may be damaged; use a backup copy");
    }
    km.key = store::deriveKey(passphrase, km.header);
    const auto check = store::keyCheckFor(km.key);
    if (sodium_memcmp(check.data(), km.header.keyCheck.data(), check.size()) != 0) {
        km.key.wipe();
        // The key check cannot tell a wrong passphrase from damage to the header's random bytes
        // (the salt): either way the derived key differs. Say both.
        throw Error(ErrorCode::WrongPassphrase,
                    "the passphrase does not open this workspace; if it is certainly right, the file's header "
                    "may be damaged: try a backup copy");
    }
    return km;
}

// --- create / open ------------------------------------------------------------

Workspace::Workspace(fs::path path, std::shared_ptr<const OffenceCatalogue> offences,
                     std::shared_ptr<const ReferenceData> lists)
    : m_path(std::move(path))
    , m_offences(std::move(offences))
    , m_lists(lists ? std::move(lists) : std::make_shared<const ReferenceData>())
    , m_cases(m_connection, m_offences, m_lists)
    , m_people(m_connection)
    , m_records(m_connection, m_lists)
    , m_context(m_connection)
{
    if (!m_offences) {
        throw Error(ErrorCode::ReferenceData, "no offences reference list was given");
    }
}

Workspace::~Workspace()
{
    m_connection.set(nullptr);
    m_db.reset();
}

std::unique_ptr<Workspace> Workspace::create(const fs::path& path, KeyMaterial key, const CreateOptions& options,
                                             std::shared_ptr<const OffenceCatalogue> offences,
                                             std::shared_ptr<const ReferenceData> lists)
{
    std::error_code ec;
    if (fs::exists(path, ec) || fs::is_symlink(path, ec)) {
        throw Error(ErrorCode::AlreadyExists, "a file already exists at this path; it will not be overwritten");
    }
    const fs::path parent = path.has_parent_path() ? path.parent_path() : fs::path(".");
    if (!fs::is_directory(parent, ec)) {
        throw Error(ErrorCode::FileNotFound, "the folder for the new workspace does not exist");
    }
    if (key.key.size() != 32) {
        throw Error(ErrorCode::Storage, "create needs key material from deriveForCreate");
    }
    const std::string owner = options.owner.displayName;
    const std::string staff = options.owner.staffNumber;
    if (owner.empty()) {
        throw Error(ErrorCode::Validation, "the owner's name is required", "ownerName");
    }

    std::unique_ptr<Workspace> ws(new Workspace(path, std::move(offences), std::move(lists)));
    try {
        auto db = openConnection(path, Database::OpenMode::CreateNew);
        store::keyWorkspace(*db, key.key, key.header, true);
        db->exec("PRAGMA application_id = " + std::to_string(ApplicationId));
        store::configureConnection(*db);
        store::migrate(*db);
        {
            store::Transaction tx(*db);
            setMeta(*db, "owner_name", owner);
            setMeta(*db, "staff_number", staff);
            setMeta(*db, "created_at", toIsoUtc(nowUtc()));
            setMeta(*db, "created_by_version", WB_VERSION);
            setMeta(*db, "last_written_by_version", WB_VERSION);
            setMeta(*db, "training", options.training ? "1" : "0");
            setMeta(*db, "kdf", "argon2id13 ops=" + std::to_string(key.header.kdf.opsLimit)
                                    + " mem=" + std::to_string(key.header.kdf.memLimitBytes() >> 20) + "MiB");
            tx.commit();
        }
        // SQLCipher must have written our header as the file salt, byte for byte.
        db->exec("PRAGMA wal_checkpoint(FULL)");
        std::array<unsigned char, FileHeader::Size> onDisk{};
        std::ifstream in(path, std::ios::binary);
        in.read(reinterpret_cast<char*>(onDisk.data()), onDisk.size());
        if (!in || onDisk != key.header.bytes()) {
            throw Error(ErrorCode::Storage, "SQLCipher did not write the expected file header");
        }
        ws->attach(std::move(db), std::move(key));
    } catch (...) {
        ws.reset();
        removeQuietly(path);
        throw;
    }
    return ws;
}

std::unique_ptr<Workspace> Workspace::open(const fs::path& path, KeyMaterial key,
                                           std::shared_ptr<const OffenceCatalogue> offences,
                                           std::shared_ptr<const ReferenceData> lists)
{
    std::unique_ptr<Workspace> ws(new Workspace(path, std::move(offences), std::move(lists)));
    ws->unlock(std::move(key));
    return ws;
}

void Workspace::unlock(KeyMaterial key)
{
    if (!isLocked()) {
        return;
    }
    m_formatUpgrade = {};
    // The key must come from deriveForOpen on this very file (its header).
    const auto bytes = readHeaderBytes(m_path);
    if (bytes != key.header.bytes() || key.key.size() != 32) {
        throw Error(ErrorCode::WrongPassphrase, "the key was derived for a different file");
    }
    requireWritable(m_path);
    std::error_code ec;
    const bool walExisted = fs::exists(fs::path(m_path.string() + "-wal"), ec);
    auto db = openConnection(m_path, Database::OpenMode::ExistingFile);
    store::keyWorkspace(*db, key.key, key.header, false);
    bool pageOneRead = false;
    try {
        // Reads page 1 only: SQLite refuses as malformed a file with fewer pages than page 1 says.
        db->queryInt("PRAGMA page_count");
        pageOneRead = true;
        db->queryInt("SELECT count(*) FROM sqlite_master");
    } catch (const Error& e) {
        if (store::isMalformed(e)) {
            // Page 1 passed its HMAC, so it is exactly what we wrote. Without a log, SQLite finding
            // it inconsistent with the file means the file no longer has the pages it records: cut
            // short. Any later page found inconsistent is damage, not truncation (SQLCipher reads an
            // all-zero page as an empty one, so a zeroed page in the middle lands here).
            if (!pageOneRead && !walExisted) {
                throw Error(ErrorCode::Truncated,
                            "the file is shorter than its own header says: it has been cut short");
            }
            throw Error(ErrorCode::Corrupted, "a page of the workspace is damaged (it may have been overwritten "
                                              "or zeroed): the file is not cut short, but cannot be read safely");
        }
        if (e.code() == ErrorCode::Corrupted) {
            // The key check matched, so the key is right: page 1 fails authentication.
            throw Error(ErrorCode::Corrupted, "the workspace's first page fails its integrity check");
        }
        throw;
    }
    if (db->queryInt("PRAGMA application_id") != ApplicationId) {
        throw Error(ErrorCode::NotAWorkspace, "the file is an encrypted database but not a workspace");
    }
    const int schema = db->userVersion();
    if (schema > store::currentSchemaVersion()) {
        const std::string writer = metaValue(*db, "last_written_by_version").value_or("unknown");
        throw Error(ErrorCode::NewerVersion, "the workspace was written by version " + writer + " (schema "
                                                 + std::to_string(schema) + "); this is version " WB_VERSION
                                                 " (schema " + std::to_string(store::currentSchemaVersion()) + ")");
    }
    if (!walExisted && static_cast<std::uintmax_t>(db->queryInt("PRAGMA page_count")) * key.header.pageSize() >
                           fs::file_size(m_path, ec)) {
        throw Error(ErrorCode::Truncated, "the file is shorter than its own header says: it has been cut short");
    }
    store::configureConnection(*db);
    store::migrate(*db);
    if (metaValue(*db, "last_written_by_version") != std::optional<std::string>(WB_VERSION)) {
        setMeta(*db, "last_written_by_version", WB_VERSION);
    }
    attach(std::move(db), std::move(key));
    if (m_header.format < FileHeader::CurrentFormat && m_upgradeOnUnlock) {
        upgradeFormat();
    }
}

void Workspace::upgradeFormat()
{
    FormatUpgrade result{m_header.format, FileHeader::CurrentFormat, false, {}};
    // The same key in a new page layout: the header changes only in its format byte (the Argon2id
    // salt reads that byte as format 1 in every format), so the passphrase still opens it.
    KeyMaterial upgraded{m_header, SecureBuffer::fromBytes(m_key.view())};
    upgraded.header.format = FileHeader::CurrentFormat;
    const fs::path temp = m_path.string() + ".upgrade";
    try {
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

void Workspace::writeVerifiedCopy(Database& db,
                                  const fs::path& target,
                                  const KeyMaterial& to,
                                  const std::function<void(Database&)>& adjust)
{
    removeQuietly(target);
    try {
        // The connection was opened without SQLITE_OPEN_CREATE (existing files only), and ATTACH
        // opens with the same flags: the file must exist, empty, before it is attached. 0600.
        const int fd = ::open(target.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        if (fd < 0) {
            throw Error(errno == EACCES || errno == EPERM || errno == EROFS ? ErrorCode::PermissionDenied
                                                                            : ErrorCode::Io,
                        "a new file cannot be created beside the workspace");
        }
        ::close(fd);
        store::Statement attachCopy(db, "ATTACH DATABASE :file AS copy KEY :key");
        const SecureBuffer literal = store::keyLiteral(to.key, &to.header);
        attachCopy.bind(":file", target.string()).bindSecret(":key", literal).run();
        try {
            store::setCipherLayout(db, to.header.format, "copy");
            db.queryText("SELECT sqlcipher_export('copy')");
            db.exec("PRAGMA copy.user_version = " + std::to_string(db.userVersion()));
            db.exec("PRAGMA copy.application_id = " + std::to_string(ApplicationId));
            if (adjust) {
                adjust(db);
            }
        } catch (...) {
            db.exec("DETACH DATABASE copy");
            throw;
        }
        db.exec("DETACH DATABASE copy");

        // Check what is on disk through a connection of its own: header, structure, audit chain,
        // and the same number of rows in every table.
        if (readHeaderBytes(target) != to.header.bytes()) {
            throw Error(ErrorCode::Storage, "the new copy does not carry the expected header");
        }
        {
            Database check(target, Database::OpenMode::ExistingFile);
            store::keyWorkspace(check, to.key, to.header, false);
            if (check.queryText("PRAGMA integrity_check").value_or("") != "ok" || !audit::verify(check).ok()) {
                throw Error(ErrorCode::Corrupted, "the new copy failed verification after writing");
            }
            store::Statement tables(db, "SELECT name FROM main.sqlite_master WHERE type = 'table' "
                                        "AND name NOT LIKE 'sqlite_%' ORDER BY name");
            while (tables.step()) {
                const std::string quoted = "\"" + tables.columnText(0) + "\"";
                if (db.queryInt("SELECT count(*) FROM main." + quoted) !=
                    check.queryInt("SELECT count(*) FROM main." + quoted)) {
                    throw Error(ErrorCode::Corrupted, "the new copy does not hold every row of the workspace");
                }
            }
        }
        syncPath(target, false);
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
    syncPath(m_path.has_parent_path() ? m_path.parent_path() : fs::path("."), true);
    old.key.wipe();
    unlock(std::move(key));
}

void Workspace::attach(std::unique_ptr<Database> db, KeyMaterial key)
{
    m_db = std::move(db);
    m_header = key.header;
    m_key = std::move(key.key); // guarded memory, wiped by lock()
    const std::string owner = metaValue(*m_db, "owner_name").value_or("workspace owner");
    const std::string staff = metaValue(*m_db, "staff_number").value_or("");
    m_connection.set(m_db.get(), staff.empty() ? owner : owner + " (" + staff + ")");
    lockChanged(false);
}

void Workspace::lock()
{
    if (isLocked()) {
        return;
    }
    m_connection.set(nullptr);
    m_db.reset(); // sqlite3_close: SQLCipher zeroes and frees its key context
    m_key.wipe();
    lockChanged(true);
}

bool Workspace::isLocked() const noexcept
{
    return !m_connection.isOpen();
}

// --- passphrase change --------------------------------------------------------

void Workspace::changePassphrase(std::string_view oldPassphrase, std::string_view newPassphrase,
                                 std::optional<store::KdfParams> newParams)
{
    auto& db = m_connection.db();
    if (newPassphrase.empty()) {
        throw Error(ErrorCode::Validation, "the new passphrase is empty", "newPassphrase");
    }
    // Verify the old passphrase against this file's header before anything else.
    KeyMaterial old = deriveForOpen(m_path, oldPassphrase);
    old.key.wipe();
    KeyMaterial fresh = deriveForCreate(newPassphrase, newParams.value_or(m_header.kdf));
    const std::string kdf = "argon2id13 ops=" + std::to_string(fresh.header.kdf.opsLimit) +
                            " mem=" + std::to_string(fresh.header.kdf.memLimitBytes() >> 20) + "MiB";
    const fs::path temp = m_path.string() + ".rekey";
    writeVerifiedCopy(db, temp, fresh, [&kdf](Database& target) {
        store::Statement update(target, "INSERT OR REPLACE INTO copy.meta (key, value) VALUES ('kdf', :value)");
        update.bind(":value", kdf).run();
    });
    // From here the new file is complete and on disk; a crash leaves the old file or the new one.
    replaceFileWith(temp, std::move(fresh));
}

std::string Workspace::integrityCheck()
{
    auto& db = m_connection.db();
    try {
        const std::string result = db.queryText("PRAGMA integrity_check").value_or("no result");
        if (result != "ok") {
            return result;
        }
        // SQLite ignores bytes after its last page; a file with more is not what we wrote.
        db.queryText("PRAGMA wal_checkpoint(TRUNCATE)");
        const auto expected = static_cast<std::uintmax_t>(db.queryInt("PRAGMA page_count")) * m_header.pageSize();
        std::error_code ec;
        const auto actual = fs::file_size(m_path, ec);
        if (!ec && actual != expected) {
            return "the file is " + std::to_string(actual) + " bytes long but the workspace occupies "
                + std::to_string(expected) + ": the file has been altered";
        }
        return result;
    } catch (const Error& e) {
        return e.what();
    }
}

void Workspace::backupTo(const fs::path& target, const std::function<void(int, int)>& progress)
{
    auto& db = m_connection.db();
    std::error_code ec;
    if (fs::exists(target, ec) || fs::is_symlink(target, ec)) {
        throw Error(ErrorCode::AlreadyExists, "a file already exists at the backup path; it will not be overwritten");
    }
    if (fs::equivalent(target.parent_path().empty() ? fs::path(".") : target.parent_path(),
                       m_path.parent_path().empty() ? fs::path(".") : m_path.parent_path(), ec)
        && target.filename() == m_path.filename()) {
        throw Error(ErrorCode::AlreadyExists, "the backup cannot replace the workspace itself");
    }
    try {
        {
            // Same key and same header: the same passphrase opens the backup, and it
            // is a workspace file like any other (restore = open it, or copy it back).
            Database copy(target, Database::OpenMode::CreateNew);
            store::keyWorkspace(copy, m_key, m_header, true);
            store::copyDatabase(db, copy, progress);
            copy.exec("PRAGMA journal_mode = DELETE");
        }
        syncPath(target, false);
        syncPath(target.has_parent_path() ? target.parent_path() : fs::path("."), true);
        // Verify what was written, through a fresh connection: header, key, structure, audit chain.
        KeyMaterial check{FileHeader::parse(readHeaderBytes(target)), SecureBuffer::fromBytes(m_key.view())};
        if (check.header.bytes() != m_header.bytes()) {
            throw Error(ErrorCode::Storage, "the backup does not carry the workspace header");
        }
        Workspace verify(target, m_offences, m_lists);
        verify.m_upgradeOnUnlock = false; // judge the backup as written; never rewrite it here
        verify.unlock(std::move(check));
        if (verify.integrityCheck() != "ok" || !verify.verifyAudit().ok()
            || verify.cases().count() != m_cases.count()) {
            throw Error(ErrorCode::Corrupted, "the backup failed verification after writing");
        }
    } catch (...) {
        removeQuietly(target);
        throw;
    }
    setMeta(db, "last_backup_at", toIsoUtc(nowUtc()));
}

std::unique_ptr<Workspace> Workspace::restore(const fs::path& backup, const fs::path& target, KeyMaterial key,
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
        syncPath(partial, false);
        fs::rename(partial, target);
        syncPath(target.has_parent_path() ? target.parent_path() : fs::path("."), true);
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

std::optional<Instant> Workspace::lastBackupAt() const
{
    const auto value = metaValue(m_connection.db(), "last_backup_at");
    return value ? parseIsoUtc(*value) : std::nullopt;
}

int Workspace::checkpoint()
{
    auto& db = m_connection.db();
    if (db.inTransaction()) {
        return 0; // never in the middle of someone's unit of work
    }
    // PASSIVE copies every frame (this connection is the only one) and says how many; TRUNCATE then
    // empties the log file (it reports no counts once it has).
    int copied = 0;
    for (const char* mode : {"PRAGMA wal_checkpoint(PASSIVE)", "PRAGMA wal_checkpoint(TRUNCATE)"}) {
        store::Statement statement(db, mode);
        if (!statement.step()) {
            continue;
        }
        if (statement.columnInt64(0) != 0) {
            throw Error(ErrorCode::Storage, "the write-ahead log could not be copied into the workspace file");
        }
        copied = std::max(copied, static_cast<int>(statement.columnInt64(2)));
    }
    return copied;
}

std::vector<search::Hit> Workspace::search(std::string_view query, int limit)
{
    return search::find(m_connection.db(), query, limit);
}

audit::Report Workspace::verifyAudit()
{
    return audit::verify(m_connection.db());
}

WorkspaceInfo Workspace::info() const
{
    auto& db = m_connection.db();
    WorkspaceInfo info;
    info.owner.displayName = metaValue(db, "owner_name").value_or("");
    info.owner.staffNumber = metaValue(db, "staff_number").value_or("");
    info.training = metaValue(db, "training") == std::optional<std::string>("1");
    info.createdAt = parseIsoUtc(metaValue(db, "created_at").value_or("")).value_or(Instant{});
    info.createdByVersion = metaValue(db, "created_by_version").value_or("");
    info.lastWrittenByVersion = metaValue(db, "last_written_by_version").value_or("");
    info.schemaVersion = db.userVersion();
    info.kdf = m_header.kdf;
    info.cipherVersion = db.cipherVersion();
    return info;
}

} // namespace wb::core
