// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/schema/MatchSchema.h"

namespace wb::core::schema {

// SQL is limited to what SQLite 3.15 (SQLCipher 3.4.1, Debian 12) understands.
constexpr std::string_view MatchSchema = R"sql(
-- Decisions on pairs of persons (core/repo/MatchDecisionRepository): every decision is a new row and is never
-- changed, so a revision keeps the history; the latest row of a pair (highest id) is its current decision.
-- Persons are named by uuid, which a handover bundle keeps, and the pair is stored in one order (person_a <
-- person_b) so that (A, B) and (B, A) are the same pair. Not a foreign key: a decision stays in the history
-- when a person is removed. Each fingerprint is core/matching/Fingerprint of that person's matching details
-- when the decision was made: a pair decided "different" is proposed again once either one changes.
CREATE TABLE match_decisions (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    person_a TEXT NOT NULL,
    person_b TEXT NOT NULL,
    decision TEXT NOT NULL CHECK (decision IN ('same', 'different', 'undecided')),
    rationale TEXT NOT NULL,
    decided_by TEXT NOT NULL,
    decided_at TEXT NOT NULL,
    fingerprint_a TEXT NOT NULL,
    fingerprint_b TEXT NOT NULL,
    CHECK (person_a < person_b)
);
CREATE INDEX match_decisions_by_pair ON match_decisions(person_a, person_b, id);
CREATE INDEX match_decisions_by_second ON match_decisions(person_b);
)sql";

} // namespace wb::core::schema
