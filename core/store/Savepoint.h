// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <string>

namespace wb::core::store {

class Database;

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
