// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/store/Savepoint.h"

#include <cctype>
#include <utility>

#include <sqlite3.h>

#include "core/Error.h"
#include "core/store/Database.h"

namespace wb::core::store {

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
