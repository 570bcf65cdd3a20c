// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/schema/DueListSchema.h"

namespace wb::core::schema {

// SQL is limited to what SQLite 3.15 (SQLCipher 3.4.1, Debian 12) understands.
constexpr std::string_view DueListSchema = R"sql(
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
)sql";

} // namespace wb::core::schema
