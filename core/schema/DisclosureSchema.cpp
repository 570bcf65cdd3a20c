// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/schema/DisclosureSchema.h"

namespace wb::core::schema {

// SQL is limited to what SQLite 3.15 (SQLCipher 3.4.1, Debian 12) understands.
constexpr std::string_view DisclosureSchema = R"sql(
-- Unused material (core/records unusedMaterialSpec): one row per item of the disclosure schedules. sensitivity
-- decides the schedule (MG6C 'not-sensitive', MG6D 'sensitive'); disclosure_test is the disclosure officer's view
-- of whether the item might reasonably undermine the prosecution case or assist the defence (MG6E). source_ref
-- names the record an item was drafted from ("exhibit:<uuid>"), so a second draft does not list it twice.
CREATE TABLE unused_material (
    id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE,
    case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    description TEXT NOT NULL,
    relevant_date TEXT,
    location TEXT,
    sensitivity TEXT NOT NULL CHECK (sensitivity IN ('not-sensitive', 'sensitive')),
    sensitivity_reason TEXT,
    disclosure_test TEXT NOT NULL DEFAULT 'not-assessed'
        CHECK (disclosure_test IN ('not-assessed', 'not-met', 'may-meet')),
    disclosure_reason TEXT,
    source_ref TEXT,
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL
);
CREATE INDEX unused_material_by_case ON unused_material(case_id);
CREATE INDEX unused_material_by_source ON unused_material(case_id, source_ref);
)sql";

} // namespace wb::core::schema
