// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/store/WriteScope.h"

#include <string>

#include "core/store/Database.h"
#include "core/store/Savepoint.h"
#include "core/store/Transaction.h"

namespace wb::core::store {

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

} // namespace wb::core::store
