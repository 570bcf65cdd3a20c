// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/schema/PlanAndVictimSchema.h"

namespace wb::core::schema {

// SQL is limited to what SQLite 3.15 (SQLCipher 3.4.1, Debian 12) understands.
constexpr std::string_view PlanAndVictimSchema = R"sql(
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
)sql";

} // namespace wb::core::schema
