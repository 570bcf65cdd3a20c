// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/schema/BailAndOrdersSchema.h"

namespace wb::core::schema {

// SQL is limited to what SQLite 3.15 (SQLCipher 3.4.1, Debian 12) understands.
constexpr std::string_view BailAndOrdersSchemaSql = R"sql(
ALTER TABLE bail_records ADD COLUMN arrested_on TEXT;
ALTER TABLE bail_extensions ADD COLUMN designated_on TEXT;

CREATE TABLE bail_pauses (
    id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE,
    case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    bail_id INTEGER NOT NULL REFERENCES bail_records(id) ON DELETE CASCADE,
    from_date TEXT NOT NULL, to_date TEXT, sent_to_cps_on TEXT, decision_notified_on TEXT, note TEXT,
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL
);
CREATE INDEX bail_pauses_by_bail ON bail_pauses(bail_id, from_date);
CREATE INDEX bail_pauses_by_case ON bail_pauses(case_id);
CREATE TRIGGER due_dirty_bail_pauses_insert AFTER INSERT ON bail_pauses BEGIN
    INSERT OR IGNORE INTO due_dirty (case_id) VALUES (NEW.case_id);
END;
CREATE TRIGGER due_dirty_bail_pauses_update AFTER UPDATE ON bail_pauses BEGIN
    INSERT OR IGNORE INTO due_dirty (case_id) VALUES (NEW.case_id);
    INSERT OR IGNORE INTO due_dirty (case_id) VALUES (OLD.case_id);
END;
CREATE TRIGGER due_dirty_bail_pauses_delete AFTER DELETE ON bail_pauses BEGIN
    INSERT OR IGNORE INTO due_dirty (case_id) VALUES (OLD.case_id);
END;

CREATE TABLE orders (
    id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE,
    case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    order_type TEXT NOT NULL,
    subject_id INTEGER NOT NULL REFERENCES people(id),
    protected_id INTEGER REFERENCES people(id),
    authorised_by TEXT, authorised_rank TEXT, served_at TEXT, applied_on TEXT, hearing_at TEXT, made_on TEXT,
    expires_on TEXT, conditions TEXT, breached_at TEXT, breach_action TEXT, ended_on TEXT, end_reason TEXT,
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL
);
CREATE INDEX orders_by_case ON orders(case_id);
CREATE TRIGGER due_dirty_orders_insert AFTER INSERT ON orders BEGIN
    INSERT OR IGNORE INTO due_dirty (case_id) VALUES (NEW.case_id);
END;
CREATE TRIGGER due_dirty_orders_update AFTER UPDATE ON orders BEGIN
    INSERT OR IGNORE INTO due_dirty (case_id) VALUES (NEW.case_id);
    INSERT OR IGNORE INTO due_dirty (case_id) VALUES (OLD.case_id);
END;
CREATE TRIGGER due_dirty_orders_delete AFTER DELETE ON orders BEGIN
    INSERT OR IGNORE INTO due_dirty (case_id) VALUES (OLD.case_id);
END;
)sql";

const std::string_view BailAndOrdersSchema = BailAndOrdersSchemaSql;

} // namespace wb::core::schema
