// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/Workspace.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>
#include <system_error>

#include <fcntl.h>
#include <sodium.h>
#include <unistd.h>

#include "core/Error.h"
#include "core/integrity/Verify.h"
#include "core/nom/OffenceCatalogue.h"
#include "core/reference/ReferenceData.h"
#include "core/schema/Migrations.h"
#include "core/security/PassphrasePolicy.h"
#include "core/store/Database.h"
#include "core/store/FileAccess.h"
#include "core/store/Pragmas.h"
#include "core/store/Statement.h"
#include "core/store/Transaction.h"

namespace wb::core {

namespace fs = std::filesystem;
using store::Database;
using store::FileHeader;
using store::KeyMaterial;
using store::SecureBuffer;

namespace {

constexpr std::int64_t ApplicationId = schema::WorkspaceApplicationId;

std::array<unsigned char, FileHeader::Size> readHeaderBytes(const fs::path& path)
{
    // Opening and closing a file this process holds through SQLite would drop SQLite's lock on it.
    if (store::files::heldInThisProcess(path)) {
        throw Error(ErrorCode::LockedByOtherInstance, "the workspace is already open in this program");
    }
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

/// What a scan of a write-ahead log found (SQLite's WAL format: a 32-byte header, then frames of a
/// 24-byte header and one page, each carrying the header's salts and a running checksum).
struct LogScan {
    std::int64_t validFrames = 0; ///< frames SQLite would replay or keep (salts and checksum match)
    std::string problem;          ///< empty, or what SQLite would silently drop
};

std::uint32_t bigEndian32(const unsigned char* p)
{
    return (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) | (std::uint32_t{p[2]} << 8) | p[3];
}

/// SQLite's walChecksumBytes: words read big-endian when the magic's low bit is set, else little-endian.
void logChecksum(bool bigEndianWords, const unsigned char* data, std::size_t size, std::uint32_t& s1, std::uint32_t& s2)
{
    for (std::size_t i = 0; i + 8 <= size; i += 8) {
        const unsigned char* p = data + i;
        const std::uint32_t x0 = bigEndianWords ? bigEndian32(p)
                                                : (std::uint32_t{p[3]} << 24) | (std::uint32_t{p[2]} << 16) |
                                                      (std::uint32_t{p[1]} << 8) | p[0];
        const std::uint32_t x1 = bigEndianWords ? bigEndian32(p + 4)
                                                : (std::uint32_t{p[7]} << 24) | (std::uint32_t{p[6]} << 16) |
                                                      (std::uint32_t{p[5]} << 8) | p[4];
        s1 += x0 + s2;
        s2 += x1 + s1;
    }
}

/// Checks every frame of the write-ahead log at `wal` (read by its own descriptor: SQLite takes
/// no lock on the log of an exclusive-mode connection, so closing it drops none). SQLite replays
/// frames up to the first whose checksum fails and ignores the rest without a word: say so.
LogScan scanLog(const fs::path& wal)
{
    LogScan scan;
    std::error_code ec;
    if (!fs::exists(wal, ec)) {
        return scan;
    }
    std::ifstream in(wal, std::ios::binary);
    if (!in.is_open()) {
        scan.problem = "the write-ahead log cannot be read";
        return scan;
    }
    const std::vector<unsigned char> bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    if (bytes.empty()) {
        return scan;
    }
    constexpr std::size_t HeaderSize = 32;
    constexpr std::size_t FrameHeaderSize = 24;
    const std::uint32_t magic = bytes.size() >= HeaderSize ? bigEndian32(bytes.data()) : 0;
    if (bytes.size() < HeaderSize || (magic & 0xFFFFFFFEu) != 0x377f0682u) {
        scan.problem = "the write-ahead log's header is damaged: the " + std::to_string(bytes.size()) +
                       " bytes of saved changes in it would be ignored";
        return scan;
    }
    const bool bigEndianWords = (magic & 1u) != 0;
    const std::uint32_t pageSize = bigEndian32(bytes.data() + 8);
    std::uint32_t s1 = 0;
    std::uint32_t s2 = 0;
    logChecksum(bigEndianWords, bytes.data(), 24, s1, s2);
    if (s1 != bigEndian32(bytes.data() + 24) || s2 != bigEndian32(bytes.data() + 28) || pageSize < 512 ||
        pageSize > 65536 || (pageSize & (pageSize - 1)) != 0) {
        scan.problem = "the write-ahead log's header fails its checksum: the " + std::to_string(bytes.size()) +
                       " bytes of saved changes in it would be ignored";
        return scan;
    }
    const std::size_t frameSize = FrameHeaderSize + pageSize;
    const std::int64_t frames = static_cast<std::int64_t>((bytes.size() - HeaderSize) / frameSize);
    for (std::int64_t i = 0; i < frames; ++i) {
        const unsigned char* frame = bytes.data() + HeaderSize + static_cast<std::size_t>(i) * frameSize;
        if (std::memcmp(frame + 8, bytes.data() + 16, 8) != 0) {
            break; // another generation's leftovers, after a checkpoint restarted the log: not ours to judge
        }
        logChecksum(bigEndianWords, frame, 8, s1, s2);
        logChecksum(bigEndianWords, frame + FrameHeaderSize, pageSize, s1, s2);
        if (s1 != bigEndian32(frame + 16) || s2 != bigEndian32(frame + 20)) {
            std::int64_t later = 0;
            for (std::int64_t j = i + 1; j < frames; ++j) {
                const unsigned char* next = bytes.data() + HeaderSize + static_cast<std::size_t>(j) * frameSize;
                later += std::memcmp(next + 8, bytes.data() + 16, 8) == 0 ? 1 : 0;
            }
            scan.problem = "write-ahead log frame " + std::to_string(i + 1) + " of " + std::to_string(frames) +
                           " fails its checksum: SQLite silently drops it and the " + std::to_string(later) +
                           " frame(s) after it (saved changes lost or altered)";
            return scan;
        }
        ++scan.validFrames;
    }
    return scan;
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

/// Who the audit log names: the owner, with the staff number when there is one.
std::string actorOf(std::string_view owner, std::string_view staff)
{
    return staff.empty() ? std::string(owner) : std::string(owner) + " (" + std::string(staff) + ")";
}

std::string actorOf(Database& db)
{
    return actorOf(metaValue(db, "owner_name").value_or("workspace owner"), metaValue(db, "staff_number").value_or(""));
}

/// Every metadata change is audited (audit::setMeta); only the chain head is written elsewhere.
void setMeta(Database& db, std::string_view actor, std::string_view key, std::string_view value)
{
    audit::setMeta(db, actor, key, value);
}

std::string kdfDescription(const store::KdfParams& kdf)
{
    return "argon2id13 ops=" + std::to_string(kdf.opsLimit) + " mem=" + std::to_string(kdf.memLimitBytes() >> 20) +
           "MiB";
}

/// The first reads through a keyed connection, and what their failure means: the file cut short,
/// a damaged page, page 1 failing authentication, or an encrypted database that is not a workspace.
void probeKeyed(Database& db, bool walExisted)
{
    bool pageOneRead = false;
    try {
        // Reads page 1 only: SQLite refuses as malformed a file with fewer pages than page 1 says.
        db.queryInt("PRAGMA page_count");
        pageOneRead = true;
        db.queryInt("SELECT count(*) FROM sqlite_master");
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
    if (db.queryInt("PRAGMA application_id") != ApplicationId) {
        throw Error(ErrorCode::NotAWorkspace, "the file is an encrypted database but not a workspace");
    }
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

Workspace::Workspace(fs::path path,
                     std::shared_ptr<const OffenceCatalogue> offences,
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

std::unique_ptr<Workspace> Workspace::create(const fs::path& path,
                                             KeyMaterial key,
                                             const CreateOptions& options,
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
    // Built under a name of its own beside the final one (0600 whatever the umask; SQLite gives its
    // -wal the same mode), closed, synced and only then renamed: a create that is killed leaves no
    // file at `path`, or a complete one.
    const fs::path partial = store::files::partialNameFor(path);
    store::files::createPrivateFile(partial);
    try {
        auto db = openConnection(partial, Database::OpenMode::ExistingFile);
        store::keyWorkspace(*db, key.key, key.header, true);
        db->exec("PRAGMA application_id = " + std::to_string(ApplicationId));
        store::configureConnection(*db);
        schema::migrate(*db);
        {
            store::Transaction tx(*db);
            const std::string actor = actorOf(owner, staff);
            setMeta(*db, actor, "owner_name", owner);
            setMeta(*db, actor, "staff_number", staff);
            setMeta(*db, actor, "created_at", toIsoUtc(nowUtc()));
            setMeta(*db, actor, "created_by_version", WB_VERSION);
            setMeta(*db, actor, "last_written_by_version", WB_VERSION);
            setMeta(*db, actor, "training", options.training ? "1" : "0");
            setMeta(*db, actor, "kdf", kdfDescription(key.header.kdf));
            tx.commit();
        }
        // SQLCipher must have written our header as the file salt, byte for byte. Read through
        // SQLite's own descriptor: opening and closing another would drop its lock on the file.
        db->exec("PRAGMA wal_checkpoint(FULL)");
        const auto onDisk = store::files::readThroughConnection(*db, 0, FileHeader::Size);
        const auto expected = key.header.bytes();
        if (!std::equal(onDisk.begin(), onDisk.end(), expected.begin(), expected.end())) {
            throw Error(ErrorCode::Storage, "SQLCipher did not write the expected file header");
        }
        db.reset(); // closing copies the log into the file and removes it
        store::files::syncFile(partial);
        store::files::renameNoReplace(partial, path);
    } catch (...) {
        removeQuietly(partial);
        throw;
    }
    try {
        ws->m_upgradeOnUnlock = false; // a file in an older format is only ever made so by tests, on purpose
        ws->unlock(std::move(key));
        ws->m_upgradeOnUnlock = true;
    } catch (...) {
        ws.reset();
        removeQuietly(path);
        throw;
    }
    return ws;
}

std::unique_ptr<Workspace> Workspace::open(const fs::path& path,
                                           KeyMaterial key,
                                           std::shared_ptr<const OffenceCatalogue> offences,
                                           std::shared_ptr<const ReferenceData> lists)
{
    std::unique_ptr<Workspace> ws(new Workspace(path, std::move(offences), std::move(lists)));
    ws->unlock(std::move(key));
    return ws;
}

std::unique_ptr<Workspace> Workspace::openForVerify(const fs::path& path,
                                                    KeyMaterial key,
                                                    std::shared_ptr<const OffenceCatalogue> offences,
                                                    std::shared_ptr<const ReferenceData> lists)
{
    std::unique_ptr<Workspace> ws(new Workspace(path, std::move(offences), std::move(lists)));
    ws->m_readOnly = true;
    ws->unlock(std::move(key));
    return ws;
}

void Workspace::unlockReadOnly(KeyMaterial key)
{
    const auto bytes = readHeaderBytes(m_path);
    if (bytes != key.header.bytes() || key.key.size() != 32) {
        throw Error(ErrorCode::WrongPassphrase, "the key was derived for a different file");
    }
    // Opened with SQLITE_OPEN_READONLY and held under a read lock (see Database::OpenMode::ReadOnly).
    // Exclusive locking mode keeps the log's index in this process's memory: no -shm file is made.
    auto db = std::make_unique<Database>(m_path, Database::OpenMode::ReadOnly);
    std::error_code ec;
    const bool walExisted = fs::exists(fs::path(m_path.string() + "-wal"), ec);
    if (db->cipherVersion().empty()) {
        throw Error(ErrorCode::NotSqlCipher, "the SQLite library in use is not SQLCipher; refusing to continue");
    }
    db->exec("PRAGMA locking_mode = EXCLUSIVE");
    store::keyWorkspace(*db, key.key, key.header, false); // either format: verify never upgrades
    probeKeyed(*db, walExisted);
    const int schema = db->userVersion();
    if (schema > schema::currentSchemaVersion()) {
        throw Error(ErrorCode::NewerVersion, "the workspace has schema " + std::to_string(schema) +
                                                 "; this is version " WB_VERSION " (schema " +
                                                 std::to_string(schema::currentSchemaVersion()) + ")");
    }
    db->exec("PRAGMA query_only = 1");
    // Closing would remove a log whose frames SQLite found nothing valid in (a damaged one, the
    // very thing to report): keep whatever log there was. (One that SQLite had to make because
    // there was none is empty, and still removed.)
    if (walExisted) {
        store::files::keepLogOnClose(*db);
    }
    attach(std::move(db), std::move(key));
}

void Workspace::unlock(KeyMaterial key)
{
    if (!isLocked()) {
        return;
    }
    m_formatUpgrade = {};
    if (m_readOnly) {
        unlockReadOnly(std::move(key));
        return;
    }
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
    probeKeyed(*db, walExisted);
    const int schema = db->userVersion();
    if (schema > schema::currentSchemaVersion()) {
        const std::string writer = metaValue(*db, "last_written_by_version").value_or("unknown");
        throw Error(ErrorCode::NewerVersion, "the workspace was written by version " + writer + " (schema " +
                                                 std::to_string(schema) + "); this is version " WB_VERSION " (schema " +
                                                 std::to_string(schema::currentSchemaVersion()) + ")");
    }
    if (!walExisted && static_cast<std::uintmax_t>(db->queryInt("PRAGMA page_count")) * key.header.pageSize() >
                           fs::file_size(m_path, ec)) {
        throw Error(ErrorCode::Truncated, "the file is shorter than its own header says: it has been cut short");
    }
    store::configureConnection(*db);
    schema::migrate(*db);
    if (metaValue(*db, "last_written_by_version") != std::optional<std::string>(WB_VERSION)) {
        setMeta(*db, actorOf(*db), "last_written_by_version", WB_VERSION); // audited, as every metadata change
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

void Workspace::attach(std::unique_ptr<Database> db, KeyMaterial key)
{
    m_db = std::move(db);
    m_header = key.header;
    m_key = std::move(key.key); // guarded memory, wiped by lock()
    const std::string owner = metaValue(*m_db, "owner_name").value_or("workspace owner");
    const std::string staff = metaValue(*m_db, "staff_number").value_or("");
    m_connection.set(m_db.get(), actorOf(owner, staff));
    if (!m_quietReopen) {
        lockChanged(false);
    }
}

void Workspace::lock()
{
    if (isLocked()) {
        return;
    }
    m_connection.set(nullptr);
    m_db.reset(); // sqlite3_close: SQLCipher zeroes and frees its key context
    m_key.wipe();
    if (!m_quietReopen) {
        lockChanged(true);
    }
}

bool Workspace::isLocked() const noexcept
{
    return !m_connection.isOpen();
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

void Workspace::setClock(std::shared_ptr<const Clock> clock)
{
    m_clock = std::move(clock);
    m_connection.setClock(m_clock ? *m_clock : Clock::system());
}

std::vector<search::Hit> Workspace::search(std::string_view query, int limit)
{
    return search::find(m_connection.db(), query, limit);
}

audit::Report Workspace::verifyAudit(const std::optional<audit::Anchor>& against)
{
    auto& db = m_connection.db();
    auto report = integrity::verify(db);
    if (against) {
        audit::checkAnchor(db, *against, report);
    }
    return report;
}

audit::Anchor Workspace::auditAnchor() const
{
    return audit::currentAnchor(m_connection.db());
}

audit::Anchor Workspace::anchorOfFile(const fs::path& file, KeyMaterial key)
{
    if (readHeaderBytes(file) != key.header.bytes() || key.key.size() != 32) {
        throw Error(ErrorCode::WrongPassphrase, "the key was derived for a different file");
    }
    Database db(file, Database::OpenMode::ExistingFile);
    store::keyWorkspace(db, key.key, key.header, false);
    key.key.wipe();
    db.exec("PRAGMA query_only = 1"); // only read: the anchor's file stays as it was
    if (db.queryInt("PRAGMA application_id") != ApplicationId) {
        throw Error(ErrorCode::NotAWorkspace, "the file is an encrypted database but not a workspace");
    }
    if (db.queryInt("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'audit_log'") == 0) {
        throw Error(ErrorCode::NotAWorkspace, "the file is from before the audit log (schema 3): it carries no anchor");
    }
    return audit::currentAnchor(db);
}

std::size_t Workspace::rebuildSearchIndex()
{
    return search::rebuildIndex(m_connection.db());
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
