// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace wb::core::store {

class Database;

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

} // namespace wb::core::store
