// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/domain/Clock.h"
#include "core/store/ThreadGuard.h"

struct sqlite3;
struct sqlite3_stmt;

namespace wb::core {
class Error;
}

namespace wb::core::store {

class SecureBuffer;
class Statement;

/// One SQLCipher connection (RAII over sqlite3*). Not thread-safe: a Database
/// is used by one thread at a time. Every failure throws core::Error with a code
/// mapped from the SQLite result (BUSY → LockedByOtherInstance, NOTADB/CORRUPT →
/// Corrupted, UNIQUE → Conflict, …). Nothing above core/store calls sqlite3_* itself.
class Database
{
public:
    enum class OpenMode {
        CreateNew,    ///< the file must not exist yet
        ExistingFile, ///< the file must exist
        /// The file must exist and is only read (SQLITE_OPEN_READONLY, for verify): no SQLite
        /// locks (the "unix-none" VFS, so that an exclusive-mode WAL read needs no write lock and
        /// no -shm file) but a POSIX read lock on SQLite's shared-lock bytes, taken here, so a
        /// workbench holding the file makes this throw LockedByOtherInstance and none can take
        /// it meanwhile. Set `PRAGMA locking_mode = EXCLUSIVE` before the first read.
        ReadOnly,
    };

    Database(const std::filesystem::path& path, OpenMode mode);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    /// The SQLCipher version string (PRAGMA cipher_version), empty when the linked
    /// library is plain SQLite. Can be read before a key is set.
    std::string cipherVersion();

    /// Hands SQLCipher the key as the blob literal text x'…' (64 or 96 hex digits),
    /// held in guarded memory by the caller.
    void key(const SecureBuffer& keyLiteral);

    /// Runs one or more statements that return no rows.
    void exec(std::string_view sql);
    /// Runs a statement and returns the first column of its first row as text
    /// (PRAGMA values and the like); std::nullopt when there is no row.
    std::optional<std::string> queryText(std::string_view sql);
    std::int64_t queryInt(std::string_view sql);

    std::int64_t lastInsertRowId() const;
    int changes() const;
    bool inTransaction() const noexcept { return m_depth > 0; }
    /// Catches this connection used from two threads at once (see ThreadGuard).
    ThreadGuard& threadGuard() const noexcept { return m_threadGuard; }

    int userVersion();
    void setUserVersion(int version);

    /// "Now" for what is written through this connection below the repositories (audit entry
    /// times, the due list's evaluation): its owner's clock, the system clock unless set
    /// (Workspace sets its own). The clock must outlive the connection.
    void setClock(const Clock& clock) noexcept { m_clock = &clock; }
    const Clock& clock() const noexcept { return *m_clock; }

    /// Queues a callback to run once the outermost transaction commits; dropped on
    /// rollback. Outside a transaction it runs at once. This is how repositories
    /// make their change signals fire only after commit.
    void afterCommit(std::function<void()> callback);

    /// Throws core::Error for a SQLite result code, with `what` as context.
    [[noreturn]] void raise(int resultCode, std::string_view what) const;

    sqlite3* handle() const noexcept { return m_db; }
    const std::filesystem::path& path() const noexcept { return m_path; }

private:
    friend class Transaction;
    friend class Savepoint;
    friend class Statement;
    void flushPending();
    /// Prepared statements are kept for reuse, keyed by their SQL: preparing costs more than
    /// running most of the workbench's statements. Reset and unbound while cached.
    sqlite3_stmt* takeCached(const std::string& sql);
    void returnToCache(std::string sql, sqlite3_stmt* stmt);
    std::vector<std::pair<std::string, sqlite3_stmt*>> m_cache;

    sqlite3* m_db = nullptr;
    int m_readLockFd = -1; ///< ReadOnly mode: the descriptor holding the POSIX read lock
    std::filesystem::path m_path;
    int m_depth = 0;
    const Clock* m_clock = &Clock::system();
    mutable ThreadGuard m_threadGuard;
    std::vector<std::function<void()>> m_pending;
};

/// Copies every page of `source` into `target` (SQLite's online backup API; both
/// under the same cipher settings), in steps, reporting (pages done, pages in all).
void copyDatabase(Database& source, Database& target, const std::function<void(int, int)>& progress);

/// True for SQLITE_CORRUPT ("malformed": the structure is inconsistent), as opposed
/// to SQLITE_NOTADB (a page failed decryption or authentication).
bool isMalformed(const Error& error) noexcept;

} // namespace wb::core::store
