// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

#include "core/Error.h"
#include "core/domain/Clock.h"
#include "core/store/Database.h"

namespace wb::core {

/// The workspace's open connection as repositories see it. Owned by Workspace at a
/// stable address; empty while the workspace is locked, when every call throws
/// Error(Locked) instead of touching a closed file.
class Connection
{
public:
    store::Database& db() const
    {
        if (m_db == nullptr) {
            throw Error(ErrorCode::Locked, "the workspace is locked");
        }
        return *m_db;
    }
    bool isOpen() const noexcept { return m_db != nullptr; }
    /// Who the audit log names for changes made through this connection.
    const std::string& actor() const noexcept { return m_actor; }
    /// "Now" for timestamps and validation: the workspace's clock (the system clock by default).
    Instant now() const { return m_clock->now(); }
    const Clock& clock() const noexcept { return *m_clock; }
    /// The clock must outlive the connection (the workspace keeps it).
    void setClock(const Clock& clock) noexcept { m_clock = &clock; }
    void set(store::Database* db, std::string actor = {})
    {
        m_db = db;
        m_actor = std::move(actor);
    }

private:
    store::Database* m_db = nullptr;
    std::string m_actor;
    const Clock* m_clock = &Clock::system();
};

/// What happened to a record, as announced by a repository's changed signal.
enum class ChangeKind { Added, Updated, Removed };

} // namespace wb::core
