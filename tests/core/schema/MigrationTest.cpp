// SPDX-License-Identifier: GPL-3.0-or-later
// Numbered migrations, and every past schema's fixture upgraded to the current one.
#include <gtest/gtest.h>

#include "core/schema/Migrations.h"
#include "core/store/Database.h"
#include "core/store/Statement.h"
#include "support/FixturePassphrase.h"
#include "support/TestSupport.h"

using namespace wb;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> tables(core::store::Database& db)
{
    core::store::Statement select(db, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
    std::vector<std::string> out;
    while (select.step()) {
        out.push_back(select.columnText(0));
    }
    return out;
}

TEST(MigrationTest, migratesStepByStepFromEmpty)
{
    test::TempDir dir;
    core::store::Database db(dir / "m.db", core::store::Database::OpenMode::CreateNew);
    core::schema::migrate(db, 1);
    EXPECT_EQ(db.userVersion(), 1);
    EXPECT_EQ(tables(db), (std::vector<std::string>{"cases", "meta"}));
    core::schema::migrate(db);
    EXPECT_EQ(db.userVersion(), core::schema::currentSchemaVersion());
    const auto all = tables(db);
    for (const char* expected :
         {"audit_log", "cases", "meta", "people", "decisions", "timeline_events", "exhibits", "devices", "bail_records",
          "reviews", "search_index", "search_map", "context_answers"}) {
        EXPECT_NE(std::find(all.begin(), all.end(), expected), all.end()) << expected;
    }
    core::schema::migrate(db); // idempotent at the current version
    EXPECT_EQ(db.userVersion(), core::schema::currentSchemaVersion());
    EXPECT_THROW(core::schema::migrate(db, core::schema::currentSchemaVersion() + 1), core::Error);
}

TEST(MigrationTest, everyMigrationIsDescribed)
{
    for (int v = 1; v <= core::schema::currentSchemaVersion(); ++v) {
        EXPECT_FALSE(core::schema::migrationDescription(v).empty()) << "migration " << v;
    }
}

TEST(MigrationTest, everyPastSchemaHasAFixture)
{
    for (int v = 1; v < core::schema::currentSchemaVersion(); ++v) {
        EXPECT_TRUE(fs::exists(fs::path(WB_TEST_DATA_DIR) / ("schema-v" + std::to_string(v) + ".rwb")))
            << "add tests/data/schema-v" << v << ".rwb with wb_make_fixtures";
    }
}

class FixtureUpgradeTest : public ::testing::TestWithParam<int>
{
};

TEST_P(FixtureUpgradeTest, upgradesToCurrentKeepingData)
{
    const int version = GetParam();
    test::TempDir dir;
    const fs::path copy = dir / "fixture.rwb";
    fs::copy_file(fs::path(WB_TEST_DATA_DIR) / ("schema-v" + std::to_string(version) + ".rwb"), copy);

    auto ws = test::openWorkspace(copy, test::FixturePassphrase);
    EXPECT_EQ(ws->info().schemaVersion, core::schema::currentSchemaVersion());
    EXPECT_EQ(ws->info().owner.displayName, "DC Fixture Example");
    EXPECT_TRUE(ws->info().training);
    const auto cases = ws->cases().list();
    ASSERT_EQ(cases.size(), 1u);
    EXPECT_EQ(cases.front().reference, "FIXTURE/1");
    EXPECT_EQ(cases.front().operationName, "Operation Fixture");
    const std::size_t peopleBefore = version >= 2 ? 1 : 0;
    EXPECT_EQ(ws->people().listForCase(cases.front().id).size(), peopleBefore);
    // Records from before the audit log get a baseline entry, and the chain verifies.
    const auto audit = ws->verifyAudit();
    EXPECT_TRUE(audit.ok()) << (audit.problems.empty() ? "" : audit.problems.front());
    const std::size_t answersBefore = version >= 5 ? 1 : 0;
    EXPECT_EQ(audit.records, 1 + peopleBefore + answersBefore);
    // What later schemas added works on the upgraded file.
    core::PersonDraft p;
    p.caseId = cases.front().id;
    p.givenName = "Fixture";
    p.familyName = "Person";
    ws->people().add(p);
    EXPECT_EQ(ws->people().listForCase(p.caseId).size(), peopleBefore + 1);
    EXPECT_TRUE(ws->verifyAudit().ok());
    EXPECT_EQ(ws->integrityCheck(), "ok");
    // Search finds what was there before, whichever schema it came from.
    EXPECT_EQ(ws->search("Operation Fixture").size(), 1u);
    ws.reset();
    EXPECT_EQ(test::openWorkspace(copy, test::FixturePassphrase)->info().schemaVersion,
              core::schema::currentSchemaVersion());
}

std::vector<int> pastVersions()
{
    std::vector<int> v;
    for (int i = 1; i < core::schema::currentSchemaVersion(); ++i) {
        v.push_back(i);
    }
    return v;
}

INSTANTIATE_TEST_SUITE_P(PastSchemas, FixtureUpgradeTest, ::testing::ValuesIn(pastVersions()));

} // namespace
