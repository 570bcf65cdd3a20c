// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/store/Database.h"

#include <cctype>
#include <cerrno>
#include <memory>
#include <utility>

#include <fcntl.h>
#include <unistd.h>

#include <sqlite3.h>

#include "core/Error.h"
#include "core/store/FileAccess.h"
#include "core/store/SecureBuffer.h"
#include "core/store/Statement.h"
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

void copyDatabase(Database& source, Database& target, const std::function<void(int, int)>& progress)
{
    const ThreadGuard::Scope sourceGuard(source.threadGuard(), "copy");
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
    const ThreadGuard::Scope guard(m_threadGuard, "exec");
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

// --- Statement cache -----------------------------------------------------------

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

} // namespace wb::core::store
