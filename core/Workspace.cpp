// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/Workspace.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <system_error>

#include <fcntl.h>
#include <sodium.h>
#include <unistd.h>

#include "core/Error.h"
#include "core/domain/ScenarioClock.h"
#include "core/integrity/Verify.h"
#include "core/nom/OffenceCatalogue.h"
#include "core/reference/ReferenceData.h"
#include "core/schema/Migrations.h"
#include "core/store/Database.h"
#include "core/store/FileAccess.h"
#include "core/store/Pragmas.h"
#include "core/store/Statement.h"
#include "core/store/Transaction.h"
#include "core/store/WriteScope.h"
#include "core/workspace/WorkspaceFile.h"
#include "core/workspace/WorkspaceMeta.h"

namespace wb::core {

namespace fs = std::filesystem;
using store::Database;
using store::FileHeader;
using store::KeyMaterial;
using store::SecureBuffer;

using workspace::actorOf;
using workspace::kdfDescription;
using workspace::metaValue;
using workspace::openConnection;
using workspace::probeKeyed;
using workspace::readHeaderBytes;
using workspace::removeQuietly;
using workspace::requireWritable;
using workspace::setMeta;

namespace {

constexpr std::int64_t ApplicationId = schema::WorkspaceApplicationId;

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
    , m_drafts(m_connection)
    , m_matchDecisions(m_connection)
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
    // A journal left beside the name by an earlier file of that name would be read into the new one and damage it.
    for (const char* suffix : {"-wal", "-journal", "-shm"}) {
        fs::path leftover = path;
        leftover += suffix;
        if (fs::exists(leftover, ec) || fs::is_symlink(leftover, ec)) {
            throw Error(ErrorCode::AlreadyExists,
                        "a file left by an earlier workspace of this name (" + leftover.filename().string() +
                            ") is beside it; move it away or choose another name",
                        "leftover");
        }
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
    ws->setClock(options.clock);
    // Built under a name of its own beside the final one (0600 whatever the umask; SQLite gives its
    // -wal the same mode), closed, synced and only then renamed: a create that is killed leaves no
    // file at `path`, or a complete one.
    const fs::path partial = store::files::partialNameFor(path);
    store::files::createPrivateFile(partial);
    try {
        auto db = openConnection(partial, Database::OpenMode::ExistingFile);
        db->setClock(ws->clock());
        store::keyWorkspace(*db, key.key, key.header, true);
        db->exec("PRAGMA application_id = " + std::to_string(ApplicationId));
        store::configureConnection(*db);
        schema::migrate(*db);
        {
            store::Transaction tx(*db);
            const std::string actor = actorOf(owner, staff);
            setMeta(*db, actor, "owner_name", owner);
            setMeta(*db, actor, "staff_number", staff);
            setMeta(*db, actor, "created_at", toIsoUtc(ws->clock().now()));
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
    db->setClock(clock()); // the migrations' and the metadata's audit entries read it too
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
void Workspace::attach(std::unique_ptr<Database> db, KeyMaterial key)
{
    m_db = std::move(db);
    m_header = key.header;
    m_key = std::move(key.key); // guarded memory, wiped by lock()
    const std::string owner = metaValue(*m_db, "owner_name").value_or("workspace owner");
    const std::string staff = metaValue(*m_db, "staff_number").value_or("");
    m_connection.set(m_db.get(), actorOf(owner, staff));
    applyScenarioTime();
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
std::optional<Instant> Workspace::lastBackupAt() const
{
    const auto value = metaValue(m_connection.db(), "last_backup_at");
    return value ? parseIsoUtc(*value) : std::nullopt;
}

std::optional<std::string> Workspace::setting(std::string_view key) const
{
    return metaValue(m_connection.db(), key);
}

void Workspace::setSetting(std::string_view key, std::string_view value)
{
    auto& db = m_connection.db();
    if (m_readOnly) {
        throw Error(ErrorCode::PermissionDenied, "the workspace is open only to be verified; nothing is written");
    }
    store::WriteScope scope(db); // a unit of its own, or part of the caller's (an exercise being set up)
    setMeta(db, m_connection.actor(), key, value);
    scope.commit();
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

std::shared_ptr<const Clock> Workspace::sharedClock() const
{
    // The system clock is static: a pointer that owns nothing.
    return m_clock ? m_clock : std::shared_ptr<const Clock>(std::shared_ptr<const Clock>(), &Clock::system());
}

std::shared_ptr<const Clock> Workspace::sharedRealClock() const
{
    return m_realClock ? m_realClock : std::shared_ptr<const Clock>(std::shared_ptr<const Clock>(), &Clock::system());
}

void Workspace::setClock(std::shared_ptr<const Clock> clock)
{
    m_realClock = std::move(clock);
    if (m_scenarioClock) {
        // Scenario time keeps its distance from real time, now read from the new clock.
        m_scenarioClock = std::make_shared<ScenarioClock>(m_scenarioClock->offset(), m_realClock);
        useClock(m_scenarioClock);
    } else {
        useClock(m_realClock);
    }
}

void Workspace::useClock(std::shared_ptr<const Clock> clock)
{
    m_clock = std::move(clock);
    m_connection.setClock(m_clock ? *m_clock : Clock::system());
    if (m_db) {
        m_db->setClock(m_connection.clock());
    }
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
