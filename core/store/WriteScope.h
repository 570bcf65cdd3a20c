// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>

namespace wb::core::store {

class Database;
class Savepoint;
class Transaction;

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
    std::unique_ptr<Savepoint> m_savepoint;
};

} // namespace wb::core::store
