// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

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
        CreateNew,     ///< the file must not exist yet
        ExistingFile,  ///< the file must exist
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

    int userVersion();
    void setUserVersion(int version);

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
    std::vector<std::function<void()>> m_pending;
};

/// Copies every page of `source` into `target` (SQLite's online backup API; both
/// under the same cipher settings), in steps, reporting (pages done, pages in all).
void copyDatabase(Database& source, Database& target, const std::function<void(int, int)>& progress);

/// True for SQLITE_CORRUPT ("malformed": the structure is inconsistent), as opposed
/// to SQLITE_NOTADB (a page failed decryption or authentication).
bool isMalformed(const Error& error) noexcept;

/// A prepared statement with named binds (":name") and typed columns.
class Statement
{
public:
    Statement(Database& db, std::string_view sql);
    ~Statement();
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&&) = delete;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    Statement& bind(std::string_view name, std::int64_t value);
    Statement& bind(std::string_view name, int value) { return bind(name, std::int64_t{value}); }
    Statement& bind(std::string_view name, double value);
    Statement& bind(std::string_view name, std::string_view value);
    Statement& bind(std::string_view name, const char* value) { return bind(name, std::string_view(value)); }
    Statement& bind(std::string_view name, const std::string& value) { return bind(name, std::string_view(value)); }
    Statement& bind(std::string_view name, const std::optional<std::string>& value);
    Statement& bind(std::string_view name, const std::optional<std::int64_t>& value);
    Statement& bindNull(std::string_view name);
    Statement& bindBlob(std::string_view name, std::span<const unsigned char> bytes);
    /// Binds key material without copying it into SQLite's heap (SQLITE_STATIC):
    /// the buffer must outlive the statement's next step.
    Statement& bindSecret(std::string_view name, const SecureBuffer& secret);

    /// Steps once: true when a row is available, false when done.
    bool step();
    /// Steps to completion (for INSERT/UPDATE/DELETE); throws if a row comes back.
    void run();
    /// Resets for another run, keeping the bindings.
    void reset();
    void clearBindings();

    enum class Type { Integer, Real, Text, Blob, Null };

    int columnCount() const;
    std::string columnName(int column) const;
    Type columnType(int column) const;
    std::vector<unsigned char> columnBlob(int column) const;
    bool isNull(int column) const;
    std::int64_t columnInt64(int column) const;
    int columnInt(int column) const { return static_cast<int>(columnInt64(column)); }
    double columnDouble(int column) const;
    std::string columnText(int column) const;
    std::optional<std::string> columnOptionalText(int column) const;
    std::optional<std::int64_t> columnOptionalInt64(int column) const;

private:
    int index(std::string_view name) const;
    void checkBind(int resultCode, std::string_view name) const;

    Database* m_db;
    sqlite3_stmt* m_stmt = nullptr;
    std::string m_sql; ///< the key it returns to the database's cache under
};

/// BEGIN IMMEDIATE … COMMIT. The destructor rolls back unless commit() ran, and
/// never throws. Not nestable: use a Savepoint inside a Transaction.
class Transaction
{
public:
    explicit Transaction(Database& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    /// Commits, then runs the callbacks queued with Database::afterCommit.
    void commit();

private:
    Database& m_db;
    bool m_done = false;
};

/// One unit of work that nests: a Transaction when none is open, otherwise a
/// Savepoint inside the caller's transaction (so an import of many records can be
/// all-or-nothing while each repository call stays a unit of its own).
class WriteScope
{
public:
    explicit WriteScope(Database& db);
    ~WriteScope();
    WriteScope(const WriteScope&) = delete;
    WriteScope& operator=(const WriteScope&) = delete;

    void commit();

private:
    std::unique_ptr<Transaction> m_transaction;
    std::unique_ptr<class Savepoint> m_savepoint;
};

/// SAVEPOINT name … RELEASE name; rolls back to the savepoint in its destructor
/// unless release() ran. Callbacks queued inside a rolled-back savepoint are dropped.
class Savepoint
{
public:
    Savepoint(Database& db, std::string name);
    ~Savepoint();
    Savepoint(const Savepoint&) = delete;
    Savepoint& operator=(const Savepoint&) = delete;

    void release();

private:
    Database& m_db;
    std::string m_name;
    std::size_t m_pendingMark;
    bool m_done = false;
};

} // namespace wb::core::store
