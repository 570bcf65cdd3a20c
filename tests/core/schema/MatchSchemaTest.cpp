// SPDX-License-Identifier: GPL-3.0-or-later
// The match-decisions migration (issue 16): a workspace from before it gains an empty match_decisions table, keeps
// its records and its audit chain, and then records decisions that the verifier vouches for.
#include <gtest/gtest.h>

#include "core/integrity/Verify.h"
#include "core/people/People.h"
#include "core/schema/Migrations.h"
#include "core/store/Database.h"
#include "core/suspects/Decisions.h"
#include "support/FixturePassphrase.h"
#include "support/TestSupport.h"

using namespace wb;
namespace fs = std::filesystem;

namespace {

bool hasTable(core::store::Database& db, const std::string& name)
{
    return db.queryInt("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '" + name + "'") == 1;
}

TEST(MatchSchemaTest, theTableArrivesWithSchemaFifteen)
{
    test::TempDir dir;
    core::store::Database db(dir / "m.db", core::store::Database::OpenMode::CreateNew);
    core::schema::migrate(db, 14);
    EXPECT_FALSE(hasTable(db, "match_decisions"));
    core::schema::migrate(db, 15);
    EXPECT_TRUE(hasTable(db, "match_decisions"));
    EXPECT_EQ(db.queryInt("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = 'match_decisions' "
                          "AND sql IS NOT NULL"),
              2);
    EXPECT_NE(core::schema::migrationDescription(15).find("decisions on pairs of persons"), std::string_view::npos);
}

TEST(MatchSchemaTest, aWorkspaceFromSchemaFourteenIsUpgradedAndRecordsDecisions)
{
    test::TempDir dir;
    const fs::path copy = dir / "fixture-v14.rwb";
    fs::copy_file(fs::path(WB_TEST_DATA_DIR) / "schema-v14.rwb", copy);
    auto ws = test::openWorkspace(copy, test::FixturePassphrase);
    ASSERT_GE(ws->info().schemaVersion, 15);
    EXPECT_TRUE(ws->matchDecisions().allCurrent().empty());
    EXPECT_TRUE(ws->verifyAudit().ok());

    const auto caseId = ws->cases().list().front().id;
    const auto victim = ws->people().listForCase(caseId).front(); // the fixture's one person, a victim
    core::PersonDraft draft;
    draft.caseId = caseId;
    draft.role = core::PersonRole::Suspect;
    draft.givenName = "Fixture";
    draft.familyName = "Suspect";
    const auto suspect = core::people::add(ws->people(), draft);
    draft.givenName = "Fixture";
    draft.familyName = "Suspect-Again";
    const auto again = core::people::add(ws->people(), draft);
    core::suspects::decide(*ws, {suspect.id, again.id, core::MatchVerdict::Same, "Fictional rationale"});
    core::suspects::decide(*ws, {suspect.id, victim.id, core::MatchVerdict::Different, "Fictional rationale"});
    const auto report = ws->verifyAudit();
    EXPECT_TRUE(report.ok()) << (report.problems.empty() ? std::string() : report.problems.front());
    EXPECT_EQ(ws->matchDecisions().allCurrent().size(), 2u);
}

} // namespace
