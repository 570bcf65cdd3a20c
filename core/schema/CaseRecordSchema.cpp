// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/schema/CaseRecordSchema.h"

namespace wb::core::schema {

// SQL is limited to what SQLite 3.15 (SQLCipher 3.4.1, Debian 12) understands.
constexpr std::string_view CaseRecordSchema = R"sql(
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
)sql";

} // namespace wb::core::schema
