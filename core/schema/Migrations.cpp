// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/schema/Migrations.h"

#include <array>
#include <initializer_list>
#include <string>
#include <vector>

#include "core/Error.h"
#include "core/audit/AuditLog.h"
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

const std::array<Migration, 10> Migrations{{
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
     R"sql(
ALTER TABLE cases ADD COLUMN other_offences TEXT NOT NULL DEFAULT '';
ALTER TABLE cases ADD COLUMN offence_precision TEXT NOT NULL DEFAULT 'unknown';
ALTER TABLE cases ADD COLUMN offence_from TEXT NOT NULL DEFAULT '';
ALTER TABLE cases ADD COLUMN offence_to TEXT NOT NULL DEFAULT '';
ALTER TABLE cases ADD COLUMN location_type TEXT;
ALTER TABLE cases ADD COLUMN location_description TEXT;
ALTER TABLE cases ADD COLUMN report_channel TEXT;
ALTER TABLE cases ADD COLUMN journey_stage TEXT;
ALTER TABLE cases ADD COLUMN outcome_code TEXT;
ALTER TABLE cases ADD COLUMN outcome_date TEXT;
ALTER TABLE cases ADD COLUMN outcome_reason TEXT;

ALTER TABLE people ADD COLUMN age_years INTEGER;
ALTER TABLE people ADD COLUMN pronouns TEXT;
ALTER TABLE people ADD COLUMN language TEXT;
ALTER TABLE people ADD COLUMN interpreter_needed INTEGER NOT NULL DEFAULT 0;
ALTER TABLE people ADD COLUMN needs TEXT;
ALTER TABLE people ADD COLUMN enhanced_rights INTEGER NOT NULL DEFAULT 1;
ALTER TABLE people ADD COLUMN first_disclosure INTEGER NOT NULL DEFAULT 0;

CREATE TABLE person_identifiers (
    id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE,
    case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    kind TEXT NOT NULL, value TEXT NOT NULL, note TEXT,
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL
);
CREATE INDEX identifiers_by_person ON person_identifiers(person_id);
CREATE INDEX identifiers_by_value ON person_identifiers(kind, value);

CREATE TABLE relationships (
    id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE,
    case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    victim_id INTEGER NOT NULL REFERENCES people(id),
    suspect_id INTEGER NOT NULL REFERENCES people(id),
    category TEXT NOT NULL, description TEXT,
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL
);
CREATE INDEX relationships_by_case ON relationships(case_id);

CREATE TABLE decisions (
    id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE,
    case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    decided_at TEXT NOT NULL, decision TEXT NOT NULL, rationale TEXT NOT NULL, alternatives TEXT,
    decided_by TEXT NOT NULL, supersedes_id INTEGER REFERENCES decisions(id), rests_on TEXT,
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL
);
CREATE INDEX decisions_by_case ON decisions(case_id, decided_at);

CREATE TABLE timeline_events (
    id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE,
    case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    occurred_precision TEXT NOT NULL, occurred_from TEXT NOT NULL, occurred_to TEXT NOT NULL,
    title TEXT NOT NULL, details TEXT, source TEXT, links TEXT,
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL
);
CREATE INDEX timeline_by_case ON timeline_events(case_id, occurred_from);

CREATE TABLE exhibits (
    id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE,
    case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    reference TEXT NOT NULL, description TEXT NOT NULL, seized_from TEXT, seized_by TEXT, seized_at TEXT,
    storage_location TEXT,
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL
);
CREATE INDEX exhibits_by_case ON exhibits(case_id);

CREATE TABLE exhibit_movements (
    id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE,
    case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    exhibit_id INTEGER NOT NULL REFERENCES exhibits(id) ON DELETE CASCADE,
    moved_at TEXT NOT NULL, from_location TEXT NOT NULL, to_location TEXT NOT NULL, moved_by TEXT NOT NULL,
    reason TEXT,
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL
);
CREATE INDEX movements_by_exhibit ON exhibit_movements(exhibit_id, moved_at);

CREATE TABLE devices (
    id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE,
    case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    owner_role TEXT NOT NULL, person_id INTEGER REFERENCES people(id),
    device_type TEXT NOT NULL, description TEXT, legal_basis TEXT NOT NULL, s37_notice_date TEXT,
    line_of_enquiry TEXT, proportionality TEXT, data_types TEXT, data_from TEXT, data_to TEXT, seized_at TEXT,
    extraction_started TEXT, extraction_completed TEXT, returned_at TEXT, swap_given INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL
);
CREATE INDEX devices_by_case ON devices(case_id);

CREATE TABLE tpm_requests (
    id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE,
    case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    person_id INTEGER REFERENCES people(id),
    tpm_type TEXT NOT NULL, holder TEXT NOT NULL, line_of_enquiry TEXT NOT NULL, proportionality TEXT NOT NULL,
    requested_on TEXT, victim_informed_on TEXT, response TEXT, response_on TEXT,
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL
);
CREATE INDEX tpm_by_case ON tpm_requests(case_id);

CREATE TABLE bail_records (
    id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE,
    case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    suspect_id INTEGER NOT NULL REFERENCES people(id),
    kind TEXT NOT NULL, start_date TEXT NOT NULL, conditions TEXT,
    victim_views_sought INTEGER NOT NULL DEFAULT 0, victim_views TEXT, abp_end TEXT, ended_on TEXT, end_reason TEXT,
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL
);
CREATE INDEX bail_by_case ON bail_records(case_id);

CREATE TABLE bail_extensions (
    id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE,
    case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    bail_id INTEGER NOT NULL REFERENCES bail_records(id) ON DELETE CASCADE,
    extension TEXT NOT NULL, new_end TEXT NOT NULL, authorised_by TEXT NOT NULL, authorised_rank TEXT,
    authorised_on TEXT NOT NULL,
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL
);
CREATE INDEX extensions_by_bail ON bail_extensions(bail_id);

CREATE TABLE rui_reviews (
    id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE,
    case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    bail_id INTEGER NOT NULL REFERENCES bail_records(id) ON DELETE CASCADE,
    due_on TEXT NOT NULL, reviewed_on TEXT, outcome TEXT,
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL
);
CREATE INDEX rui_reviews_by_bail ON rui_reviews(bail_id, due_on);

CREATE TABLE reviews (
    id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE,
    case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    reviewed_at TEXT NOT NULL, reviewer_name TEXT NOT NULL, reviewer_rank TEXT NOT NULL, scope TEXT NOT NULL,
    directions TEXT, signed_off INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL
);
CREATE INDEX reviews_by_case ON reviews(case_id, reviewed_at);

CREATE VIRTUAL TABLE search_index USING fts4(
    entity, uuid, case_id, body,
    notindexed=entity, notindexed=uuid, notindexed=case_id,
    tokenize=unicode61 "remove_diacritics=1"
);
CREATE TABLE search_map (
    uuid    TEXT PRIMARY KEY NOT NULL,
    docid   INTEGER NOT NULL UNIQUE,
    case_id INTEGER NOT NULL
);
CREATE INDEX search_map_by_case ON search_map(case_id);
)sql",
     afterMigration4},
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
     R"sql(
ALTER TABLE decisions ADD COLUMN enquiry_ref TEXT;
ALTER TABLE decisions ADD COLUMN catalogue_version TEXT;

CREATE TABLE enquiries (
    id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE,
    case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    catalogue_id TEXT, catalogue_version TEXT, title TEXT NOT NULL, principle TEXT NOT NULL,
    owner TEXT NOT NULL, due_on TEXT, status TEXT NOT NULL, result TEXT,
    accepted_at TEXT NOT NULL, accepted_by TEXT NOT NULL,
    intrudes INTEGER NOT NULL DEFAULT 0, involves_device INTEGER NOT NULL DEFAULT 0,
    line_of_enquiry TEXT, necessity_proportionality TEXT, less_intrusive_options TEXT, s37_notice_date TEXT,
    supervisor_review TEXT NOT NULL, supervisor_name TEXT, supervisor_rank TEXT, supervisor_reviewed_at TEXT,
    supervisor_comment TEXT,
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL
);
CREATE INDEX enquiries_by_case ON enquiries(case_id, status, due_on);
CREATE INDEX enquiries_by_due ON enquiries(due_on) WHERE status IN ('planned', 'in_progress');

CREATE TABLE plan_snapshots (
    id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE,
    case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    taken_at TEXT NOT NULL, taken_by TEXT NOT NULL, catalogue_version TEXT NOT NULL, enquiry_ids TEXT,
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL
);
CREATE INDEX plan_snapshots_by_case ON plan_snapshots(case_id, taken_at);

CREATE TABLE case_events (
    id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE,
    case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    kind TEXT NOT NULL, occurred_at TEXT NOT NULL, suspect_id INTEGER REFERENCES people(id), details TEXT,
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL
);
CREATE INDEX case_events_by_case ON case_events(case_id, occurred_at);

CREATE TABLE contact_plans (
    id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE,
    case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    victim_id INTEGER NOT NULL REFERENCES people(id),
    agreed_on TEXT NOT NULL, frequency_days INTEGER, method TEXT NOT NULL, other_method TEXT, safe_times TEXT,
    safe_channels TEXT, may_leave_messages INTEGER NOT NULL DEFAULT 0, through_whom TEXT NOT NULL,
    through_details TEXT, language TEXT, avoid TEXT, do_not_contact INTEGER NOT NULL DEFAULT 0,
    do_not_contact_reason TEXT, recorded_by TEXT NOT NULL, supersedes_id INTEGER REFERENCES contact_plans(id),
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL
);
CREATE INDEX contact_plans_by_case ON contact_plans(case_id, victim_id);

CREATE TABLE contacts (
    id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE,
    case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    victim_id INTEGER NOT NULL REFERENCES people(id),
    contacted_at TEXT NOT NULL, method TEXT NOT NULL, by_whom TEXT NOT NULL, purpose TEXT NOT NULL,
    explained TEXT, victim_views TEXT, plan_followed INTEGER NOT NULL DEFAULT 1, deviation_reason TEXT,
    next_due TEXT,
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL
);
CREATE INDEX contacts_by_case ON contacts(case_id, contacted_at);

CREATE TABLE victim_rights (
    id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE,
    case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    victim_id INTEGER NOT NULL REFERENCES people(id),
    right_code TEXT NOT NULL, action TEXT NOT NULL, done_on TEXT NOT NULL, done_by TEXT,
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL
);
CREATE INDEX victim_rights_by_case ON victim_rights(case_id, victim_id, right_code);

CREATE TABLE isva_referrals (
    id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE,
    case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    victim_id INTEGER NOT NULL REFERENCES people(id),
    offered_on TEXT NOT NULL, accepted TEXT NOT NULL, service TEXT, isva_contact TEXT,
    consent_to_share INTEGER NOT NULL DEFAULT 0, consent_on TEXT, notes TEXT,
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL
);
CREATE INDEX isva_by_case ON isva_referrals(case_id, victim_id);

CREATE TABLE victim_wishes (
    id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE,
    case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    victim_id INTEGER NOT NULL REFERENCES people(id),
    recorded_at TEXT NOT NULL, wish TEXT NOT NULL, reason TEXT, second_reason TEXT, spoken_directly TEXT,
    support_continues TEXT, notes TEXT, recorded_by TEXT NOT NULL,
    supersedes_id INTEGER REFERENCES victim_wishes(id),
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL
);
CREATE INDEX victim_wishes_by_case ON victim_wishes(case_id, victim_id, recorded_at);
)sql"},
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
     R"sql(
-- Derived data (core/deadlines/DueIndex.cpp): every unmet item of every open case, so the Today list
-- is one indexed read however many cases the workspace holds. Not audited and never exported: it is
-- rebuilt from the records whenever the rules, the calendar or the app version change.
CREATE TABLE due_items (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL,
    kind TEXT NOT NULL,
    rule_id TEXT NOT NULL,
    trigger_uuid TEXT NOT NULL,
    person_id INTEGER NOT NULL,
    due INTEGER NOT NULL,   -- seconds since 1970 (UTC)
    warn_from INTEGER,      -- shown as upcoming from here, when the rule warns early
    item TEXT NOT NULL      -- the whole item (JSON), as the engine gave it
);
CREATE INDEX due_items_by_due ON due_items(due, case_id, rule_id, trigger_uuid, person_id);
CREATE INDEX due_items_by_warning ON due_items(warn_from) WHERE warn_from IS NOT NULL;
CREATE INDEX due_items_by_case ON due_items(case_id, due);
-- Cases whose records changed since their items were stored; filled by the triggers below in the
-- same transaction as the change, so a crash can never leave a stale item unmarked.
CREATE TABLE due_dirty (case_id INTEGER PRIMARY KEY);
CREATE TRIGGER due_dirty_cases_insert AFTER INSERT ON cases BEGIN
    INSERT OR IGNORE INTO due_dirty (case_id) VALUES (NEW.id);
END;
CREATE TRIGGER due_dirty_cases_update AFTER UPDATE ON cases BEGIN
    INSERT OR IGNORE INTO due_dirty (case_id) VALUES (NEW.id);
    INSERT OR IGNORE INTO due_dirty (case_id) VALUES (OLD.id);
END;
CREATE TRIGGER due_dirty_cases_delete AFTER DELETE ON cases BEGIN
    INSERT OR IGNORE INTO due_dirty (case_id) VALUES (OLD.id);
END;
CREATE TRIGGER due_dirty_people_insert AFTER INSERT ON people BEGIN
    INSERT OR IGNORE INTO due_dirty (case_id) VALUES (NEW.case_id);
END;
CREATE TRIGGER due_dirty_people_update AFTER UPDATE ON people BEGIN
    INSERT OR IGNORE INTO due_dirty (case_id) VALUES (NEW.case_id);
    INSERT OR IGNORE INTO due_dirty (case_id) VALUES (OLD.case_id);
END;
CREATE TRIGGER due_dirty_people_delete AFTER DELETE ON people BEGIN
    INSERT OR IGNORE INTO due_dirty (case_id) VALUES (OLD.case_id);
END;
CREATE TRIGGER due_dirty_case_events_insert AFTER INSERT ON case_events BEGIN
    INSERT OR IGNORE INTO due_dirty (case_id) VALUES (NEW.case_id);
END;
CREATE TRIGGER due_dirty_case_events_update AFTER UPDATE ON case_events BEGIN
    INSERT OR IGNORE INTO due_dirty (case_id) VALUES (NEW.case_id);
    INSERT OR IGNORE INTO due_dirty (case_id) VALUES (OLD.case_id);
END;
CREATE TRIGGER due_dirty_case_events_delete AFTER DELETE ON case_events BEGIN
    INSERT OR IGNORE INTO due_dirty (case_id) VALUES (OLD.case_id);
END;
CREATE TRIGGER due_dirty_bail_records_insert AFTER INSERT ON bail_records BEGIN
    INSERT OR IGNORE INTO due_dirty (case_id) VALUES (NEW.case_id);
END;
CREATE TRIGGER due_dirty_bail_records_update AFTER UPDATE ON bail_records BEGIN
    INSERT OR IGNORE INTO due_dirty (case_id) VALUES (NEW.case_id);
    INSERT OR IGNORE INTO due_dirty (case_id) VALUES (OLD.case_id);
END;
CREATE TRIGGER due_dirty_bail_records_delete AFTER DELETE ON bail_records BEGIN
    INSERT OR IGNORE INTO due_dirty (case_id) VALUES (OLD.case_id);
END;
CREATE TRIGGER due_dirty_bail_extensions_insert AFTER INSERT ON bail_extensions BEGIN
    INSERT OR IGNORE INTO due_dirty (case_id) VALUES (NEW.case_id);
END;
CREATE TRIGGER due_dirty_bail_extensions_update AFTER UPDATE ON bail_extensions BEGIN
    INSERT OR IGNORE INTO due_dirty (case_id) VALUES (NEW.case_id);
    INSERT OR IGNORE INTO due_dirty (case_id) VALUES (OLD.case_id);
END;
CREATE TRIGGER due_dirty_bail_extensions_delete AFTER DELETE ON bail_extensions BEGIN
    INSERT OR IGNORE INTO due_dirty (case_id) VALUES (OLD.case_id);
END;
CREATE TRIGGER due_dirty_rui_reviews_insert AFTER INSERT ON rui_reviews BEGIN
    INSERT OR IGNORE INTO due_dirty (case_id) VALUES (NEW.case_id);
END;
CREATE TRIGGER due_dirty_rui_reviews_update AFTER UPDATE ON rui_reviews BEGIN
    INSERT OR IGNORE INTO due_dirty (case_id) VALUES (NEW.case_id);
    INSERT OR IGNORE INTO due_dirty (case_id) VALUES (OLD.case_id);
END;
CREATE TRIGGER due_dirty_rui_reviews_delete AFTER DELETE ON rui_reviews BEGIN
    INSERT OR IGNORE INTO due_dirty (case_id) VALUES (OLD.case_id);
END;
CREATE TRIGGER due_dirty_contact_plans_insert AFTER INSERT ON contact_plans BEGIN
    INSERT OR IGNORE INTO due_dirty (case_id) VALUES (NEW.case_id);
END;
CREATE TRIGGER due_dirty_contact_plans_update AFTER UPDATE ON contact_plans BEGIN
    INSERT OR IGNORE INTO due_dirty (case_id) VALUES (NEW.case_id);
    INSERT OR IGNORE INTO due_dirty (case_id) VALUES (OLD.case_id);
END;
CREATE TRIGGER due_dirty_contact_plans_delete AFTER DELETE ON contact_plans BEGIN
    INSERT OR IGNORE INTO due_dirty (case_id) VALUES (OLD.case_id);
END;
CREATE TRIGGER due_dirty_contacts_insert AFTER INSERT ON contacts BEGIN
    INSERT OR IGNORE INTO due_dirty (case_id) VALUES (NEW.case_id);
END;
CREATE TRIGGER due_dirty_contacts_update AFTER UPDATE ON contacts BEGIN
    INSERT OR IGNORE INTO due_dirty (case_id) VALUES (NEW.case_id);
    INSERT OR IGNORE INTO due_dirty (case_id) VALUES (OLD.case_id);
END;
CREATE TRIGGER due_dirty_contacts_delete AFTER DELETE ON contacts BEGIN
    INSERT OR IGNORE INTO due_dirty (case_id) VALUES (OLD.case_id);
END;
CREATE TRIGGER due_dirty_isva_referrals_insert AFTER INSERT ON isva_referrals BEGIN
    INSERT OR IGNORE INTO due_dirty (case_id) VALUES (NEW.case_id);
END;
CREATE TRIGGER due_dirty_isva_referrals_update AFTER UPDATE ON isva_referrals BEGIN
    INSERT OR IGNORE INTO due_dirty (case_id) VALUES (NEW.case_id);
    INSERT OR IGNORE INTO due_dirty (case_id) VALUES (OLD.case_id);
END;
CREATE TRIGGER due_dirty_isva_referrals_delete AFTER DELETE ON isva_referrals BEGIN
    INSERT OR IGNORE INTO due_dirty (case_id) VALUES (OLD.case_id);
END;
CREATE TRIGGER due_dirty_devices_insert AFTER INSERT ON devices BEGIN
    INSERT OR IGNORE INTO due_dirty (case_id) VALUES (NEW.case_id);
END;
CREATE TRIGGER due_dirty_devices_update AFTER UPDATE ON devices BEGIN
    INSERT OR IGNORE INTO due_dirty (case_id) VALUES (NEW.case_id);
    INSERT OR IGNORE INTO due_dirty (case_id) VALUES (OLD.case_id);
END;
CREATE TRIGGER due_dirty_devices_delete AFTER DELETE ON devices BEGIN
    INSERT OR IGNORE INTO due_dirty (case_id) VALUES (OLD.case_id);
END;
CREATE TRIGGER due_dirty_reviews_insert AFTER INSERT ON reviews BEGIN
    INSERT OR IGNORE INTO due_dirty (case_id) VALUES (NEW.case_id);
END;
CREATE TRIGGER due_dirty_reviews_update AFTER UPDATE ON reviews BEGIN
    INSERT OR IGNORE INTO due_dirty (case_id) VALUES (NEW.case_id);
    INSERT OR IGNORE INTO due_dirty (case_id) VALUES (OLD.case_id);
END;
CREATE TRIGGER due_dirty_reviews_delete AFTER DELETE ON reviews BEGIN
    INSERT OR IGNORE INTO due_dirty (case_id) VALUES (OLD.case_id);
END;
CREATE TRIGGER due_dirty_enquiries_insert AFTER INSERT ON enquiries BEGIN
    INSERT OR IGNORE INTO due_dirty (case_id) VALUES (NEW.case_id);
END;
CREATE TRIGGER due_dirty_enquiries_update AFTER UPDATE ON enquiries BEGIN
    INSERT OR IGNORE INTO due_dirty (case_id) VALUES (NEW.case_id);
    INSERT OR IGNORE INTO due_dirty (case_id) VALUES (OLD.case_id);
END;
CREATE TRIGGER due_dirty_enquiries_delete AFTER DELETE ON enquiries BEGIN
    INSERT OR IGNORE INTO due_dirty (case_id) VALUES (OLD.case_id);
END;
CREATE TRIGGER due_dirty_context_answers_insert AFTER INSERT ON context_answers BEGIN
    INSERT OR IGNORE INTO due_dirty (case_id) VALUES (NEW.case_id);
END;
CREATE TRIGGER due_dirty_context_answers_update AFTER UPDATE ON context_answers BEGIN
    INSERT OR IGNORE INTO due_dirty (case_id) VALUES (NEW.case_id);
    INSERT OR IGNORE INTO due_dirty (case_id) VALUES (OLD.case_id);
END;
CREATE TRIGGER due_dirty_context_answers_delete AFTER DELETE ON context_answers BEGIN
    INSERT OR IGNORE INTO due_dirty (case_id) VALUES (OLD.case_id);
END;
)sql"},
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
