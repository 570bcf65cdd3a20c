// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/store/Statement.h"

#include <utility>

#include <sqlite3.h>

#include "core/Error.h"
#include "core/store/Database.h"
#include "core/store/SecureBuffer.h"

namespace wb::core::store {

Statement::Statement(Database& db, std::string_view sql)
    : m_db(&db)
    , m_sql(sql)
{
    const ThreadGuard::Scope guard(db.threadGuard(), "prepare");
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
    const ThreadGuard::Scope guard(m_db->threadGuard(), "step");
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

} // namespace wb::core::store
