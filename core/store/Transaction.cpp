// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/store/Transaction.h"

#include <sqlite3.h>

#include "core/Error.h"
#include "core/store/Database.h"

namespace wb::core::store {

Transaction::Transaction(Database& db)
    : m_db(db)
{
    // Held until commit or rollback: another thread's statement between ours would join the transaction.
    db.threadGuard().enter("transaction");
    try {
        if (db.m_depth != 0) {
            throw Error(ErrorCode::Storage, "transactions do not nest; use a Savepoint");
        }
        db.exec("BEGIN IMMEDIATE");
    } catch (...) {
        db.threadGuard().leave();
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
    m_db.threadGuard().leave();
}

void Transaction::commit()
{
    if (m_done) {
        throw Error(ErrorCode::Storage, "transaction already finished");
    }
    m_db.exec("COMMIT");
    m_done = true;
    m_db.m_depth = 0;
    m_db.threadGuard().leave();
    m_db.flushPending();
}

} // namespace wb::core::store
