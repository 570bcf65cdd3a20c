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
void noteChange(std::vector<FieldChange>& changes,
                std::string field,
                const std::optional<std::string>& before,
                const std::optional<std::string>& after,
                bool freeText = false);

struct Entry {
    std::int64_t id = 0;
    Instant at{};
    std::string actor;
    std::string entity; ///< the table: "cases", "people"
    std::string entityUuid;
    Action action = Action::Create;
    std::string changes; ///< canonical JSON: {"field": {"old": …, "new": …}} or {"field": {"changed": true}}
};

/// The record tables whose every row is covered by the log. The workspace metadata
/// (`meta`, entity "meta", one entry per key) is audited too; see isAuditedMetaKey().
const std::vector<std::string_view>& auditedTables();

/// Every table of the schema and how verify() covers it: "audited" (every row vouched
/// for by its last entry's state hash), "derived" (rebuilt in memory and compared) or
/// "internal" (SQLite's and the log's own bookkeeping, justified in AuditLog.cpp).
/// A table of the file that is not listed is reported by verify().
struct TableCoverage {
    std::string_view table;
    std::string_view kind;
};
const std::vector<TableCoverage>& tableCoverage();

/// Whether a `meta` key is covered by the log: all but the chain head itself
/// ("audit_head") and the due list's fingerprint ("due_index_fingerprint"), which
/// belongs to that derived list (a changed fingerprint only makes it rebuild).
bool isAuditedMetaKey(std::string_view key) noexcept;

/// The one way to change the workspace metadata (owner name, staff number, training
/// flag, key-derivation settings, last backup…): writes `key` = `value` and appends
/// an audit entry (entity "meta", the key as its id, old and new value), in one
/// savepoint of the caller's transaction. Does nothing when the value is unchanged.
void setMeta(store::Database& db, std::string_view actor, std::string_view key, std::string_view value);

/// Appends one entry, in the caller's transaction: when, who, what entity, what
/// changed, a BLAKE2b-256 hash of the record's full stored state after the change
/// (none after a delete), and the chain hash over the previous entry's hash and a
/// canonical encoding of all of that. Also moves the chain head kept in `meta`.
void append(store::Database& db,
            std::string_view actor,
            std::string_view table,
            std::string_view uuid,
            Action action,
            const std::vector<FieldChange>& changes);

/// A point of the chain kept outside the file: an entry's number and its chain hash.
/// Every backup (its own head) and every bundle carries one; an officer can note the
/// one `verify` prints. The chain hash of entry N commits to entries 1…N, so a
/// workspace whose entry N still has this hash has not had that history rewritten.
struct Anchor {
    std::int64_t sequence = 0; ///< entry number; 0 for an empty log
    std::string head;          ///< that entry's chain hash, 64 lower-case hex digits
    bool operator==(const Anchor&) const = default;
};

/// "seq 1234 · head 3f9a…" with the full hash, for printing (verify, reports).
std::string formatAnchor(const Anchor& anchor);
/// The head as the chain stands: its last entry (not the `meta` copy of it).
Anchor currentAnchor(store::Database& db);

/// What integrity::verify() found. Problems name entry numbers, tables and record ids (or
/// metadata keys), never the content of a record.
struct Report {
    std::size_t entries = 0;
    std::size_t records = 0;
    std::size_t metaKeys = 0; ///< audited metadata keys checked (schema 9 onwards)
    Anchor head;              ///< the chain's last entry
    std::vector<std::string> problems;
    bool ok() const noexcept { return problems.empty(); }
};

/// Checks that the chain still contains `anchor` (its entry exists with that chain
/// hash), adding problems to `report` when it does not. Run it after integrity::verify(): an
/// intact chain whose entry N matches the anchor has entries 1…N unchanged.
void checkAnchor(store::Database& db, const Anchor& anchor, Report& report);

/// Entries about one record, oldest first (every table when `table` is empty).
std::vector<Entry> entriesFor(store::Database& db, std::string_view uuid, std::string_view table = {});

} // namespace wb::core::audit
