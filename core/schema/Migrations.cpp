// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/schema/Migrations.h"

#include <array>
#include <initializer_list>
#include <string>
#include <vector>

#include "core/Error.h"
#include "core/audit/AuditLog.h"
#include "core/schema/BailAndOrdersSchema.h"
#include "core/schema/CaseRecordSchema.h"
#include "core/schema/ContactEventsSchema.h"
#include "core/schema/DisclosureSchema.h"
#include "core/schema/DueListSchema.h"
#include "core/schema/GuardrailSchema.h"
#include "core/schema/MatchSchema.h"
#include "core/schema/PlanAndVictimSchema.h"
#include "core/store/Database.h"
#include "core/store/Statement.h"
#include "core/store/Transaction.h"

namespace wb::core::schema {

using store::Database;
using store::Statement;
using store::Transaction;

namespace {

struct Migration {
    int version;
    std::string_view description;
    std::string_view sql;
    void (*after)(Database&) = nullptr; ///< work SQL cannot do, in the same transaction
};

/// Gives every record of these tables a baseline audit entry: the log then vouches
/// for them as they stand. Each migration names its tables: a migration must not
/// depend on what later versions audit.
void auditBaseline(Database& db, std::initializer_list<std::string_view> tables, std::string_view actor)
{
    for (const auto table : tables) {
        std::vector<std::string> uuids;
        Statement select(db, "SELECT uuid FROM " + std::string(table) + " ORDER BY id");
        while (select.step()) {
            uuids.push_back(select.columnText(0));
        }
        for (const auto& uuid : uuids) {
            audit::append(db, actor, table, uuid, audit::Action::Baseline, {});
        }
    }
}

/// Schema 3: records from before the audit log existed.
void afterMigration3(Database& db)
{
    auditBaseline(db, {"cases", "people"}, "schema migration 3");
}

// Append only. Never edit a migration that has shipped: add the next one.
// SQL is limited to what SQLite 3.15 (SQLCipher 3.4.1, Debian 12) understands.
/// Schema 4 added columns to cases and people, which changes their stored state:
/// re-baseline them, and index them for search.
void afterMigration4(Database& db)
{
    auditBaseline(db, {"cases", "people"}, "schema migration 4");
    db.exec("INSERT INTO search_index (entity, uuid, case_id, body) "
            "SELECT 'case', uuid, id, reference || ' ' || coalesce(operation_name, '') FROM cases");
    db.exec("INSERT INTO search_index (entity, uuid, case_id, body) "
            "SELECT 'person', uuid, case_id, given_name || ' ' || family_name FROM people");
    db.exec("INSERT INTO search_map (uuid, docid, case_id) SELECT uuid, docid, case_id FROM search_index");
}

/// Schema 9: the workspace metadata joins the audit log (audit::setMeta writes it from now on).
void afterMigration9(Database& db)
{
    std::vector<std::string> keys;
    Statement select(db, "SELECT key FROM meta ORDER BY key");
    while (select.step()) {
        keys.push_back(select.columnText(0));
    }
    for (const auto& key : keys) {
        if (audit::isAuditedMetaKey(key)) {
            audit::append(db, "schema migration 9", "meta", key, audit::Action::Baseline, {});
        }
    }
}

/// Right 6 events per contact (issue 14): contacts gained columns, which changes their stored state.
void afterContactEvents(Database& db)
{
    auditBaseline(db, {"contacts"}, "schema migration: Right 6 events per contact");
}

/// Issue 14, "Enter each fact once": an answer given over a fact that the records hold keeps the reason
/// (core/nom/DerivedFacts, ContextRepository::answer). NULL for every plain answer.
constexpr std::string_view ContextOverrideSchema = R"sql(
ALTER TABLE context_answers ADD COLUMN override_reason TEXT;
-- The deadline snapshot now reads the victim-suspect relationships (a fact derived from them): a change marks
-- the case's due items for re-evaluation, as for every other table the deadline rules read (DueListSchema).
CREATE TRIGGER due_dirty_relationships_insert AFTER INSERT ON relationships BEGIN
    INSERT OR IGNORE INTO due_dirty (case_id) VALUES (NEW.case_id);
END;
CREATE TRIGGER due_dirty_relationships_update AFTER UPDATE ON relationships BEGIN
    INSERT OR IGNORE INTO due_dirty (case_id) VALUES (NEW.case_id);
    INSERT OR IGNORE INTO due_dirty (case_id) VALUES (OLD.case_id);
END;
CREATE TRIGGER due_dirty_relationships_delete AFTER DELETE ON relationships BEGIN
    INSERT OR IGNORE INTO due_dirty (case_id) VALUES (OLD.case_id);
END;
)sql";

/// The new column changes every stored answer's state (the audit log's row hash covers every column): each gets a
/// baseline entry, as schema 4 did for cases and people.
void afterContextOverrideSchema(Database& db)
{
    auditBaseline(db, {"context_answers"}, "schema migration: context override reason");
}

/// The guardrails migration added columns to tpm_requests and victim_wishes, which changes their stored state:
/// re-baseline them. The actor names the migration, not its number, so renumbering it at a merge is one line.
void afterGuardrailMigration(Database& db)
{
    auditBaseline(db, {"tpm_requests", "victim_wishes"}, "schema migration: guardrails");
}

const std::array<Migration, 16> Migrations{{
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
     afterMigration3},
    {4,
     "the whole case record: case details, people's details and identifiers, relationships, decision log, "
     "timeline, exhibits and movements, devices, third-party material, bail and RUI, reviews, search",
     CaseRecordSchema, afterMigration4},
    {5, "answers to the guided context questions, with their revision history",
     R"sql(
CREATE TABLE context_answers (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    case_id     INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    question_id TEXT NOT NULL,
    value       TEXT,
    answered_at TEXT NOT NULL,
    answered_by TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE INDEX context_answers_by_question ON context_answers(case_id, question_id, id);
)sql"},
    {6,
     "the investigation plan (tracked enquiries, plan reviews), case events, and victim engagement "
     "(contact plans, contacts, Victims' Code rights, ISVA, the victim's wishes)",
     PlanAndVictimSchema},
    {7, "indexes for large workspaces: people by name and date of birth, cases by status, child records by case",
     R"sql(
CREATE INDEX identifiers_by_case ON person_identifiers(case_id);
CREATE INDEX movements_by_case ON exhibit_movements(case_id);
CREATE INDEX extensions_by_case ON bail_extensions(case_id);
CREATE INDEX rui_reviews_by_case ON rui_reviews(case_id);
CREATE INDEX people_by_name ON people(family_name COLLATE NOCASE, given_name COLLATE NOCASE);
CREATE INDEX people_by_birth ON people(date_of_birth);
CREATE INDEX cases_by_status ON cases(status, reported_at);
)sql"},
    {8,
     "the stored due list: open deadline items kept per case, marked for re-evaluation by triggers on every "
     "table the deadline rules read",
     DueListSchema},
    {9,
     "the workspace metadata (owner, staff number, training flag, key derivation, last backup…) joins the "
     "audit log: every key but the chain head and the due list's fingerprint gets a baseline entry",
     "-- no change to the tables: afterMigration9 writes the baseline entries", afterMigration9},
    {10, "unsaved edits kept across a lock (drafts), restored and removed at the next unlock",
     R"sql(
-- Unsaved edits of the case windows open when the workspace locked (core/repo/DraftRepository): one row
-- per window, its tabs' drafts as JSON. Never records: not audited, exported, searched or evaluated.
CREATE TABLE drafts (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    state TEXT NOT NULL     -- the window's tab on show and its forms' field values (JSON)
);
)sql"},
    {11, "Right 6 per event: a contact records which events it explained to the victim (issue 14)", ContactEventsSchema,
     afterContactEvents},
    {12,
     "bail counted from the arrest, periods on bail awaiting a CPS charging decision, designated (exceptionally "
     "complex) extensions, and orders and notices",
     BailAndOrdersSchema},
    {13,
     "a context answer may override a fact derived from the case's records, with the officer's reason; "
     "relationships mark the due list for re-evaluation",
     ContextOverrideSchema, afterContextOverrideSchema},
    {14,
     "guardrails: a supervisor's review on third-party material requests; whether evidence-led prosecution was "
     "considered when the victim withdraws",
     GuardrailSchema, afterGuardrailMigration},
    {15,
     "repeat suspects: officers' decisions on pairs of persons (same person, different people, undecided), "
     "with the rationale and history",
     MatchSchema},
    {16,
     "disclosure: unused material for the MG6C, MG6D and MG6E schedules, with its sensitivity and the disclosure "
     "test (issue 18)",
     DisclosureSchema},
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

} // namespace wb::core::schema
