// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/domain/Time.h"

namespace wb::core::store {
class Database;
}

namespace wb::core::audit {

enum class Action {
    Create,
    Update,
    Delete,
    Baseline, ///< a record that existed before the audit log did (written by the migration that added it)
};

std::string_view toString(Action action) noexcept;

/// One field of a change. Structured fields carry their old and new values;
/// free-text fields (names, narrative) only say that they changed, so the log
/// never becomes a second copy of what officers write.
struct FieldChange {
    std::string field;
    std::optional<std::string> before;
    std::optional<std::string> after;
    bool freeText = false;
};

/// Adds `change` to `changes` when before and after differ (values omitted when freeText).
void noteChange(std::vector<FieldChange>& changes, std::string field, const std::optional<std::string>& before,
                const std::optional<std::string>& after, bool freeText = false);

struct Entry {
    std::int64_t id = 0;
    Instant at{};
    std::string actor;
    std::string entity;     ///< the table: "cases", "people"
    std::string entityUuid;
    Action action = Action::Create;
    std::string changes;    ///< canonical JSON: {"field": {"old": …, "new": …}} or {"field": {"changed": true}}
};

/// The tables whose every row is covered by the log.
const std::vector<std::string_view>& auditedTables();

/// Appends one entry, in the caller's transaction: when, who, what entity, what
/// changed, a BLAKE2b-256 hash of the record's full stored state after the change
/// (none after a delete), and the chain hash over the previous entry's hash and a
/// canonical encoding of all of that. Also moves the chain head kept in `meta`.
void append(store::Database& db, std::string_view actor, std::string_view table, std::string_view uuid,
            Action action, const std::vector<FieldChange>& changes);

/// What verify() found. Problems name entry numbers, tables and record ids, never
/// the content of a record.
struct Report {
    std::size_t entries = 0;
    std::size_t records = 0;
    std::vector<std::string> problems;
    bool ok() const noexcept { return problems.empty(); }
};

/// Walks the chain from the first entry and checks every link and hash, that the
/// chain reaches the recorded head, and that every audited record's stored state
/// matches the state its last entry recorded (so an edit, insert or delete made
/// outside the workbench shows up).
Report verify(store::Database& db);

/// Entries about one record, oldest first.
std::vector<Entry> entriesFor(store::Database& db, std::string_view uuid);

} // namespace wb::core::audit
