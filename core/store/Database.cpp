// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/store/Database.h"

#include <cctype>
#include <cerrno>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <utility>

#include <fcntl.h>
#include <unistd.h>

#include <sqlite3.h>

#include "core/Error.h"
#include "core/store/FileAccess.h"
#include "core/store/SecureBuffer.h"
#include "core/store/ThreadGuard.h"

namespace wb::core::store {

namespace {

ErrorCode codeFor(int resultCode)
{
    switch (resultCode & 0xFF) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return ErrorCode::LockedByOtherInstance;
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT: return ErrorCode::Corrupted;
    case SQLITE_CONSTRAINT:
        return resultCode == SQLITE_CONSTRAINT_UNIQUE || resultCode == SQLITE_CONSTRAINT_PRIMARYKEY ||
                       resultCode == SQLITE_CONSTRAINT_FOREIGNKEY
                   ? ErrorCode::Conflict
                   : ErrorCode::Storage;
    case SQLITE_PERM:
    case SQLITE_READONLY: return ErrorCode::PermissionDenied;
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
    case SQLITE_FULL: return ErrorCode::Io;
    default: return ErrorCode::Storage;
    }
}

/// SQLite's unix VFS takes its SHARED lock as a read lock on these bytes and its EXCLUSIVE lock
/// as a write lock on them (sqlite3.c: PENDING_BYTE 0x40000000, SHARED_FIRST = +2, SHARED_SIZE 510).
constexpr off_t SharedFirst = 0x40000000 + 2;
constexpr off_t SharedSize = 510;

int takeSharedLock(const std::filesystem::path& path)
{
    if (files::heldInThisProcess(path)) {
        throw Error(ErrorCode::LockedByOtherInstance, "the workspace is already open in this program");
    }
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        throw Error(errno == ENOENT                     ? ErrorCode::FileNotFound
                    : errno == EACCES || errno == EPERM ? ErrorCode::PermissionDenied
                                                        : ErrorCode::Io,
                    "cannot open the workspace file");
    }
    struct flock lock {
    };
    lock.l_type = F_RDLCK;
    lock.l_whence = SEEK_SET;
    lock.l_start = SharedFirst;
    lock.l_len = SharedSize;
    if (::fcntl(fd, F_SETLK, &lock) != 0) {
        ::close(fd);
        throw Error(ErrorCode::LockedByOtherInstance, "another program has the workspace open");
    }
    return fd;
}

} // namespace

namespace {

struct GuardRegistry {
    std::mutex mutex;
    std::unordered_map<const Database*, std::unique_ptr<ThreadGuard>> guards;
};

GuardRegistry& guardRegistry()
{
    // Never destroyed: a connection held by another static object may close during exit.
    static auto* registry = new GuardRegistry();
    return *registry;
}

void forgetThreadGuard(const Database& db) noexcept
{
    GuardRegistry& registry = guardRegistry();
    const std::lock_guard<std::mutex> lock(registry.mutex);
    registry.guards.erase(&db);
}

} // namespace

ThreadGuard& threadGuard(const Database& db)
{
    GuardRegistry& registry = guardRegistry();
    const std::lock_guard<std::mutex> lock(registry.mutex);
    auto& guard = registry.guards[&db];
    if (guard == nullptr) {
        guard = std::make_unique<ThreadGuard>();
    }
    return *guard;
}

void copyDatabase(Database& source, Database& target, const std::function<void(int, int)>& progress)
{
    const ThreadGuard::Scope sourceGuard(threadGuard(source), "copy");
    sqlite3_backup* backup = sqlite3_backup_init(target.handle(), "main", source.handle(), "main");
    if (backup == nullptr) {
        target.raise(sqlite3_extended_errcode(target.handle()), "starting the copy failed");
    }
    int rc = SQLITE_OK;
    while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
        rc = sqlite3_backup_step(backup, 256);
        if (progress) {
            const int total = sqlite3_backup_pagecount(backup);
            progress(total - sqlite3_backup_remaining(backup), total);
        }
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
            break; // never wait: nothing else should hold either file
        }
    }
    const int finish = sqlite3_backup_finish(backup);
    if (rc != SQLITE_DONE) {
        target.raise(rc, "copying the workspace failed");
    }
    if (finish != SQLITE_OK) {
        target.raise(finish, "finishing the copy failed");
    }
}

bool isMalformed(const Error& error) noexcept
{
    return (error.nativeCode() & 0xFF) == SQLITE_CORRUPT;
}

Database::Database(const std::filesystem::path& path, OpenMode mode)
    : m_path(path)
{
    const bool readOnly = mode == OpenMode::ReadOnly;
    if (readOnly) {
        m_readLockFd = takeSharedLock(path);
    }
    const int flags = (readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) | SQLITE_OPEN_FULLMUTEX |
                      (mode == OpenMode::CreateNew ? SQLITE_OPEN_CREATE : 0);
    const int rc = sqlite3_open_v2(path.c_str(), &m_db, flags, readOnly ? "unix-none" : nullptr);
    if (rc != SQLITE_OK) {
        const int extended = m_db ? sqlite3_extended_errcode(m_db) : rc;
        sqlite3_close(m_db);
        m_db = nullptr;
        if (m_readLockFd >= 0) {
            ::close(m_readLockFd);
        }
        throw Error(codeFor(extended), "cannot open the workspace file");
    }
    files::noteOpened(m_db, path);
    sqlite3_extended_result_codes(m_db, 1);
    // Never wait: a busy file means another instance holds it, and we say so.
    sqlite3_busy_timeout(m_db, 0);
}

Database::~Database()
{
    for (auto& [sql, stmt] : m_cache) {
        sqlite3_finalize(stmt);
    }
    m_cache.clear();
    // Give the page cache back before closing (it holds decrypted pages); freed heap is
    // overwritten where the process asked glibc to (core::security::hardenProcess).
    sqlite3_db_release_memory(m_db);
    // sqlite3_close_v2 finalises lazily if a Statement outlives us (it should not).
    // SQLCipher zeroes its copy of the key when the connection closes.
    files::noteClosed(m_db);
    sqlite3_close_v2(m_db);
    forgetThreadGuard(*this);
    if (m_readLockFd >= 0) {
        ::close(m_readLockFd); // after SQLite is done with the file: nothing holds it any more
    }
}

void Database::raise(int resultCode, std::string_view what) const
{
    // sqlite3_errmsg names tables and columns, never the values bound to them.
    std::string message(what);
    if (m_db != nullptr) {
        message += ": ";
        message += sqlite3_errmsg(m_db);
    }
    throw Error::fromSqlite(codeFor(resultCode), message, resultCode);
}

std::string Database::cipherVersion()
{
    return queryText("PRAGMA cipher_version").value_or(std::string());
}

void Database::key(const SecureBuffer& keyLiteral)
{
    const int rc = sqlite3_key(m_db, keyLiteral.data(), static_cast<int>(keyLiteral.size()));
    if (rc != SQLITE_OK) {
        raise(rc, "setting the key failed");
    }
}

void Database::exec(std::string_view sql)
{
    const ThreadGuard::Scope guard(threadGuard(*this), "exec");
    const std::string text(sql);
    const int rc = sqlite3_exec(m_db, text.c_str(), nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) {
        raise(sqlite3_extended_errcode(m_db), "statement failed");
    }
}

std::optional<std::string> Database::queryText(std::string_view sql)
{
    Statement statement(*this, sql);
    if (!statement.step()) {
        return std::nullopt;
    }
    return statement.columnOptionalText(0);
}

std::int64_t Database::queryInt(std::string_view sql)
{
    Statement statement(*this, sql);
    if (!statement.step()) {
        throw Error(ErrorCode::Storage, "query returned no row");
    }
    return statement.columnInt64(0);
}

std::int64_t Database::lastInsertRowId() const
{
    return sqlite3_last_insert_rowid(m_db);
}

int Database::changes() const
{
    return sqlite3_changes(m_db);
}

int Database::userVersion()
{
    return static_cast<int>(queryInt("PRAGMA user_version"));
}

void Database::setUserVersion(int version)
{
    exec("PRAGMA user_version = " + std::to_string(version));
}

void Database::afterCommit(std::function<void()> callback)
{
    if (m_depth == 0) {
        callback();
        return;
    }
    m_pending.push_back(std::move(callback));
}

void Database::flushPending()
{
    auto pending = std::exchange(m_pending, {});
    for (auto& callback : pending) {
        callback();
    }
}

// --- Statement -----------------------------------------------------------------

namespace {
// Enough for every statement the repositories use; the least recently returned one goes first.
constexpr std::size_t StatementCacheSize = 256;
} // namespace

sqlite3_stmt* Database::takeCached(const std::string& sql)
{
    for (auto it = m_cache.rbegin(); it != m_cache.rend(); ++it) {
        if (it->first == sql) {
            sqlite3_stmt* stmt = it->second;
            m_cache.erase(std::next(it).base());
            return stmt;
        }
    }
    return nullptr;
}

void Database::returnToCache(std::string sql, sqlite3_stmt* stmt)
{
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
    if (m_cache.size() >= StatementCacheSize) {
        sqlite3_finalize(m_cache.front().second);
        m_cache.erase(m_cache.begin());
    }
    m_cache.emplace_back(std::move(sql), stmt);
}

Statement::Statement(Database& db, std::string_view sql)
    : m_db(&db)
    , m_sql(sql)
{
    const ThreadGuard::Scope guard(threadGuard(db), "prepare");
    m_stmt = db.takeCached(m_sql);
    if (m_stmt != nullptr) {
        return;
    }
    const int rc = sqlite3_prepare_v2(db.handle(), sql.data(), static_cast<int>(sql.size()), &m_stmt, nullptr);
    if (rc != SQLITE_OK) {
        db.raise(sqlite3_extended_errcode(db.handle()), "preparing a statement failed");
    }
}

Statement::~Statement()
{
    if (m_stmt == nullptr) {
        return;
    }
    // A Statement never outlives its Database (the workspace closes the connection only
    // between repository calls), so the cache is still there to take it back.
    if (m_db != nullptr && m_db->handle() != nullptr && !m_sql.empty()) {
        try {
            m_db->returnToCache(std::move(m_sql), m_stmt);
            return;
        } catch (...) { // allocation failure: fall back to finalising
        }
    }
    sqlite3_finalize(m_stmt);
}

Statement::Statement(Statement&& other) noexcept
    : m_db(other.m_db)
    , m_stmt(std::exchange(other.m_stmt, nullptr))
    , m_sql(std::move(other.m_sql))
{
}

void Statement::checkBind(int resultCode, std::string_view name) const
{
    // A bind on a statement that has run and not been reset fails (SQLITE_MISUSE): say so rather than run
    // the statement again with the old values.
    if (resultCode != SQLITE_OK) {
        throw Error(ErrorCode::Storage,
                    "cannot bind parameter " + std::string(name) + ": " + sqlite3_errstr(resultCode));
    }
}

int Statement::index(std::string_view name) const
{
    const std::string key(name);
    const int i = sqlite3_bind_parameter_index(m_stmt, key.c_str());
    if (i == 0) {
        throw Error(ErrorCode::Storage, "statement has no parameter " + key);
    }
    return i;
}

Statement& Statement::bind(std::string_view name, std::int64_t value)
{
    checkBind(sqlite3_bind_int64(m_stmt, index(name), value), name);
    return *this;
}

Statement& Statement::bind(std::string_view name, double value)
{
    checkBind(sqlite3_bind_double(m_stmt, index(name), value), name);
    return *this;
}

Statement& Statement::bind(std::string_view name, std::string_view value)
{
    checkBind(sqlite3_bind_text(m_stmt, index(name), value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT),
              name);
    return *this;
}

Statement& Statement::bind(std::string_view name, const std::optional<std::string>& value)
{
    return value ? bind(name, std::string_view(*value)) : bindNull(name);
}

Statement& Statement::bind(std::string_view name, const std::optional<std::int64_t>& value)
{
    return value ? bind(name, *value) : bindNull(name);
}

Statement& Statement::bindSecret(std::string_view name, const SecureBuffer& secret)
{
    checkBind(sqlite3_bind_text(m_stmt, index(name), reinterpret_cast<const char*>(secret.data()),
                                static_cast<int>(secret.size()), SQLITE_STATIC),
              name);
    return *this;
}

Statement& Statement::bindBlob(std::string_view name, std::span<const unsigned char> bytes)
{
    if (bytes.empty()) {
        checkBind(sqlite3_bind_zeroblob(m_stmt, index(name), 0), name); // an empty blob, not NULL
    } else {
        checkBind(
            sqlite3_bind_blob(m_stmt, index(name), bytes.data(), static_cast<int>(bytes.size()), SQLITE_TRANSIENT),
            name);
    }
    return *this;
}

Statement& Statement::bindNull(std::string_view name)
{
    checkBind(sqlite3_bind_null(m_stmt, index(name)), name);
    return *this;
}

bool Statement::step()
{
    const ThreadGuard::Scope guard(threadGuard(*m_db), "step");
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW) {
        return true;
    }
    if (rc == SQLITE_DONE) {
        return false;
    }
    const int extended = sqlite3_extended_errcode(m_db->handle());
    sqlite3_reset(m_stmt);
    m_db->raise(extended, "statement failed");
}

void Statement::run()
{
    if (step()) {
        throw Error(ErrorCode::Storage, "statement returned rows where none were expected");
    }
}

void Statement::reset()
{
    sqlite3_reset(m_stmt);
}

void Statement::clearBindings()
{
    sqlite3_clear_bindings(m_stmt);
}

int Statement::columnCount() const
{
    return sqlite3_column_count(m_stmt);
}

std::string Statement::columnName(int column) const
{
    const char* name = sqlite3_column_name(m_stmt, column);
    return name ? name : "";
}

Statement::Type Statement::columnType(int column) const
{
    switch (sqlite3_column_type(m_stmt, column)) {
    case SQLITE_INTEGER: return Type::Integer;
    case SQLITE_FLOAT: return Type::Real;
    case SQLITE_TEXT: return Type::Text;
    case SQLITE_BLOB: return Type::Blob;
    default: return Type::Null;
    }
}

std::vector<unsigned char> Statement::columnBlob(int column) const
{
    const auto* data = static_cast<const unsigned char*>(sqlite3_column_blob(m_stmt, column));
    const int size = sqlite3_column_bytes(m_stmt, column);
    return data ? std::vector<unsigned char>(data, data + size) : std::vector<unsigned char>();
}

bool Statement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

std::int64_t Statement::columnInt64(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

double Statement::columnDouble(int column) const
{
    return sqlite3_column_double(m_stmt, column);
}

std::string Statement::columnText(int column) const
{
    const auto* text = sqlite3_column_text(m_stmt, column);
    const int size = sqlite3_column_bytes(m_stmt, column);
    return text ? std::string(reinterpret_cast<const char*>(text), static_cast<std::size_t>(size)) : std::string();
}

std::optional<std::string> Statement::columnOptionalText(int column) const
{
    if (isNull(column)) {
        return std::nullopt;
    }
    return columnText(column);
}

std::optional<std::int64_t> Statement::columnOptionalInt64(int column) const
{
    if (isNull(column)) {
        return std::nullopt;
    }
    return columnInt64(column);
}

// --- Transaction ---------------------------------------------------------------

Transaction::Transaction(Database& db)
    : m_db(db)
{
    // Held until commit or rollback: another thread's statement between ours would join the transaction.
    threadGuard(db).enter("transaction");
    try {
        if (db.m_depth != 0) {
            throw Error(ErrorCode::Storage, "transactions do not nest; use a Savepoint");
        }
        db.exec("BEGIN IMMEDIATE");
    } catch (...) {
        threadGuard(db).leave();
        throw;
    }
    db.m_depth = 1;
}

Transaction::~Transaction()
{
    if (m_done) {
        return;
    }
    // A destructor must not throw. A failed ROLLBACK here means SQLite has
    // already rolled the transaction back (e.g. after an I/O error): harmless.
    sqlite3_exec(m_db.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
    m_db.m_pending.clear();
    m_db.m_depth = 0;
    threadGuard(m_db).leave();
}

void Transaction::commit()
{
    if (m_done) {
        throw Error(ErrorCode::Storage, "transaction already finished");
    }
    m_db.exec("COMMIT");
    m_done = true;
    m_db.m_depth = 0;
    threadGuard(m_db).leave();
    m_db.flushPending();
}

// --- WriteScope ----------------------------------------------------------------

WriteScope::WriteScope(Database& db)
{
    if (db.inTransaction()) {
        static int counter = 0;
        m_savepoint = std::make_unique<Savepoint>(db, "unit_" + std::to_string(++counter));
    } else {
        m_transaction = std::make_unique<Transaction>(db);
    }
}

WriteScope::~WriteScope() = default;

void WriteScope::commit()
{
    if (m_transaction) {
        m_transaction->commit();
    } else {
        m_savepoint->release();
    }
}

// --- Savepoint -----------------------------------------------------------------

Savepoint::Savepoint(Database& db, std::string name)
    : m_db(db)
    , m_name(std::move(name))
    , m_pendingMark(db.m_pending.size())
{
    for (const char c : m_name) {
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_')) {
            throw Error(ErrorCode::Storage, "savepoint names are letters, digits and underscores");
        }
    }
    db.exec("SAVEPOINT " + m_name);
    ++db.m_depth;
}

Savepoint::~Savepoint()
{
    if (m_done) {
        return;
    }
    const std::string rollback = "ROLLBACK TO " + m_name + "; RELEASE " + m_name;
    sqlite3_exec(m_db.handle(), rollback.c_str(), nullptr, nullptr, nullptr);
    if (m_db.m_pending.size() > m_pendingMark) {
        m_db.m_pending.resize(m_pendingMark);
    }
    --m_db.m_depth;
}

void Savepoint::release()
{
    if (m_done) {
        throw Error(ErrorCode::Storage, "savepoint already released");
    }
    m_db.exec("RELEASE " + m_name);
    m_done = true;
    // Released outside any transaction, a savepoint is the outermost unit: it committed.
    if (--m_db.m_depth == 0) {
        m_db.flushPending();
    }
}

} // namespace wb::core::store
