// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/store/Migrations.h"

#include <array>
#include <string>
#include <vector>

#include "core/Error.h"
#include "core/audit/AuditLog.h"
#include "core/store/Database.h"

namespace wb::core::store {

namespace {

struct Migration {
    int version;
    std::string_view description;
    std::string_view sql;
    void (*after)(Database&) = nullptr; ///< work SQL cannot do, in the same transaction
};

/// Records that existed before the audit log get a baseline entry, so that the
/// log vouches for every record from here on.
void auditBaseline(Database& db)
{
    for (const auto table : audit::auditedTables()) {
        std::vector<std::string> uuids;
        Statement select(db, "SELECT uuid FROM " + std::string(table) + " ORDER BY id");
        while (select.step()) {
            uuids.push_back(select.columnText(0));
        }
        for (const auto& uuid : uuids) {
            audit::append(db, "schema migration 3", table, uuid, audit::Action::Baseline, {});
        }
    }
}

// Append only. Never edit a migration that has shipped: add the next one.
// SQL is limited to what SQLite 3.15 (SQLCipher 3.4.1, Debian 12) understands.
const std::array<Migration, 3> Migrations{{
    {1, "workspace metadata and cases",
     R"sql(
CREATE TABLE meta (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
);
CREATE TABLE cases (
    id              INTEGER PRIMARY KEY,
    uuid            TEXT NOT NULL UNIQUE,
    reference       TEXT NOT NULL UNIQUE COLLATE NOCASE,
    operation_name  TEXT,
    primary_offence TEXT NOT NULL,
    reported_at     TEXT NOT NULL,
    status          TEXT NOT NULL CHECK (status IN ('open', 'closed')),
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
CREATE INDEX cases_by_reported_at ON cases(reported_at);
)sql"},
    {2, "people linked to cases (victims, suspects, witnesses)",
     R"sql(
CREATE TABLE people (
    id            INTEGER PRIMARY KEY,
    uuid          TEXT NOT NULL UNIQUE,
    case_id       INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    role          TEXT NOT NULL CHECK (role IN ('victim', 'suspect', 'witness')),
    given_name    TEXT NOT NULL,
    family_name   TEXT NOT NULL,
    date_of_birth TEXT,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);
CREATE INDEX people_by_case ON people(case_id, role);
)sql"},
    {3, "hash-chained audit log of every create, update and delete",
     R"sql(
CREATE TABLE audit_log (
    id          INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,
    actor       TEXT NOT NULL,
    entity      TEXT NOT NULL,
    entity_uuid TEXT NOT NULL,
    action      TEXT NOT NULL,
    changes     TEXT NOT NULL,
    row_hash    BLOB NOT NULL,
    prev_hash   BLOB NOT NULL,
    hash        BLOB NOT NULL
);
CREATE INDEX audit_by_entity ON audit_log(entity_uuid, id);
)sql",
     auditBaseline},
}};

} // namespace

int currentSchemaVersion() noexcept
{
    return Migrations.back().version;
}

std::string_view migrationDescription(int version)
{
    for (const auto& m : Migrations) {
        if (m.version == version) {
            return m.description;
        }
    }
    return {};
}

void migrate(Database& db, int target)
{
    if (target < 0) {
        target = currentSchemaVersion();
    }
    if (target > currentSchemaVersion()) {
        throw Error(ErrorCode::Storage, "no migration to schema " + std::to_string(target));
    }
    const int from = db.userVersion();
    for (const auto& m : Migrations) {
        if (m.version <= from || m.version > target) {
            continue;
        }
        Transaction tx(db);
        db.exec(m.sql);
        if (m.after != nullptr) {
            m.after(db);
        }
        db.setUserVersion(m.version);
        tx.commit();
    }
}

} // namespace wb::core::store
