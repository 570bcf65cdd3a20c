// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3_stmt;

namespace wb::core::store {

class Database;
class SecureBuffer;

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

} // namespace wb::core::store
