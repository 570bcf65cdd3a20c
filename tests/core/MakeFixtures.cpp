// SPDX-License-Identifier: GPL-3.0-or-later
// Writes tests/data/schema-vN.rwb: a workspace frozen at each past schema version,
// with fictional content, for MigrationTest. Run when a migration is added:
//   build/…/bin/wb_make_fixtures tests/data
// A fixture, once committed, is never regenerated: it stands for files in the field.
#include <cstdio>
#include <filesystem>
#include <string>

#include "core/Workspace.h"
#include "core/audit/AuditLog.h"
#include "core/domain/Time.h"
#include "core/domain/Uuid.h"
#include "core/repo/SearchIndex.h"
#include "core/schema/Migrations.h"
#include "core/store/Database.h"
#include "core/store/Pragmas.h"
#include "core/store/Statement.h"
#include "support/FixturePassphrase.h"

using namespace wb::core;

int main(int argc, char** argv)
{
    if (argc != 2) {
        std::fprintf(stderr, "usage: wb_make_fixtures OUTPUT_FOLDER\n");
        return 2;
    }
    const std::filesystem::path folder = argv[1];
    for (int version = 1; version < schema::currentSchemaVersion(); ++version) {
        const auto path = folder / ("schema-v" + std::to_string(version) + ".rwb");
        if (std::filesystem::exists(path)) {
            std::printf("kept     %s\n", path.c_str());
            continue;
        }
        auto km = Workspace::deriveForCreate(wb::test::FixturePassphrase, store::KdfParams::minimum());
        km.header.format = 1; // fixtures stand for format-1 files in the field (1 KiB pages)
        store::Database db(path, store::Database::OpenMode::CreateNew);
        store::keyWorkspace(db, km.key, km.header, true);
        db.exec("PRAGMA application_id = " + std::to_string(schema::WorkspaceApplicationId));
        db.exec("PRAGMA journal_mode = WAL");
        schema::migrate(db, version);
        const std::string now = toIsoUtc(nowUtc());
        db.exec("INSERT INTO meta (key, value) VALUES ('owner_name', 'DC Fixture Example'), "
                "('staff_number', 'F0001'), ('created_at', '" +
                now +
                "'), ('created_by_version', 'fixture'), "
                "('last_written_by_version', 'fixture'), ('training', '1')");
        // Schema 1 onwards has cases.
        store::Statement insert(db, "INSERT INTO cases (uuid, reference, operation_name, primary_offence, "
                                    "reported_at, status, created_at, updated_at) VALUES (:uuid, 'FIXTURE/1', "
                                    "'Operation Fixture', 'SOA2003-s1', '2024-03-01T10:00:00Z', 'open', :now, :now)");
        const std::string caseUuid = newUuid();
        insert.bind(":uuid", caseUuid).bind(":now", now).run();
        std::string personUuid;
        std::string answerUuid;
        if (version >= 2) { // schema 2 onwards has people
            personUuid = newUuid();
            store::Statement person(db, "INSERT INTO people (uuid, case_id, role, given_name, family_name, "
                                        "date_of_birth, created_at, updated_at) VALUES (:uuid, 1, 'victim', "
                                        "'Fixture', 'Example', '1990-05-05', :now, :now)");
            person.bind(":uuid", personUuid).bind(":now", now).run();
        }
        if (version >= 4) { // schema 4 onwards keeps a search index, in step with every write
            search::index(db, "case", caseUuid, 1, "FIXTURE/1 Operation Fixture");
            search::index(db, "person", personUuid, 1, "Fixture Example");
        }
        if (version >= 5) { // schema 5 onwards keeps answers to the context questions
            store::Statement answer(db, "INSERT INTO context_answers (uuid, case_id, question_id, value, answered_at, "
                                        "answered_by, created_at, updated_at) VALUES (:uuid, 1, "
                                        "'suspect.known', 'true', :now, 'DC Fixture Example (F0001)', :now, :now)");
            answerUuid = newUuid();
            answer.bind(":uuid", answerUuid).bind(":now", now).run();
        }
        if (version >= 3) { // schema 3 onwards audits every write, as the workbench of that time did
            audit::append(db, "DC Fixture Example (F0001)", "cases", caseUuid, audit::Action::Create, {});
            audit::append(db, "DC Fixture Example (F0001)", "people", personUuid, audit::Action::Create, {});
            if (!answerUuid.empty()) {
                audit::append(db, "DC Fixture Example (F0001)", "context_answers", answerUuid, audit::Action::Create,
                              {});
            }
        }
        if (version >= 9) { // schema 9 onwards audits the metadata too
            for (const char* key : {"created_at", "created_by_version", "last_written_by_version", "owner_name",
                                    "staff_number", "training"}) {
                audit::append(db, "DC Fixture Example (F0001)", "meta", key, audit::Action::Create, {});
            }
        }
        db.exec("PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE");
        std::printf("wrote    %s (schema %d)\n", path.c_str(), version);
    }
    return 0;
}
