// SPDX-License-Identifier: GPL-3.0-or-later
// The migration "Right 6 events per contact" (issue 14): contacts recorded before it are marked as not saying which
// events they explained (so they meet Right 6 as they did), contacts recorded after are not, and each marked contact
// gets a baseline audit entry for its new state.
#include <gtest/gtest.h>

#include "core/schema/Migrations.h"
#include "core/store/Database.h"
#include "core/store/Statement.h"
#include "support/TestSupport.h"

using namespace wb;

namespace {

TEST(ContactEventsSchemaTest, contactsBeforeTheMigrationAreMarkedAndStillVouchedFor)
{
    test::TempDir dir;
    core::store::Database db(dir / "m.db", core::store::Database::OpenMode::CreateNew);
    core::schema::migrate(db, 10);
    db.exec("INSERT INTO cases (uuid, reference, primary_offence, reported_at, status, created_at, updated_at) "
            "VALUES ('c-1', 'FICT/M1/26', 'SOA2003-s1', '2026-05-20T10:00:00Z', 'open', '2026-05-20T10:00:00Z', "
            "'2026-05-20T10:00:00Z')");
    db.exec("INSERT INTO people (uuid, case_id, role, given_name, family_name, created_at, updated_at) VALUES "
            "('p-1', 1, 'victim', 'Fictional', 'Victim', '2026-05-20T10:00:00Z', '2026-05-20T10:00:00Z')");
    db.exec("INSERT INTO contacts (uuid, case_id, victim_id, contacted_at, method, by_whom, purpose, created_at, "
            "updated_at) VALUES ('k-1', 1, 1, '2026-05-22T10:00:00Z', 'phone', 'DC Fictional', 'event-notification', "
            "'2026-05-22T10:00:00Z', '2026-05-22T10:00:00Z')");

    core::schema::migrate(db);
    EXPECT_EQ(db.queryInt("SELECT events_unrecorded FROM contacts WHERE uuid = 'k-1'"), 1);
    EXPECT_FALSE(db.queryText("SELECT explained_events FROM contacts WHERE uuid = 'k-1'"));
    EXPECT_EQ(db.queryInt("SELECT count(*) FROM audit_log WHERE entity = 'contacts' AND entity_uuid = 'k-1' AND "
                          "actor = 'schema migration: Right 6 events per contact'"),
              1);

    // A contact written after the migration does not carry the mark.
    db.exec("INSERT INTO contacts (uuid, case_id, victim_id, contacted_at, method, by_whom, purpose, created_at, "
            "updated_at) VALUES ('k-2', 1, 1, '2026-05-23T10:00:00Z', 'phone', 'DC Fictional', 'event-notification', "
            "'2026-05-23T10:00:00Z', '2026-05-23T10:00:00Z')");
    EXPECT_EQ(db.queryInt("SELECT events_unrecorded FROM contacts WHERE uuid = 'k-2'"), 0);
}

} // namespace
