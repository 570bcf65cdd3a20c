// SPDX-License-Identifier: GPL-3.0-or-later
// The hash-chained audit log: one entry per committed change, no free text, tampering detected.
#include <gtest/gtest.h>

#include <fmt/format.h>

#include "core/audit/AuditLog.h"
#include "core/integrity/Verify.h"
#include "core/io/CaseBundle.h"
#include "core/records/RecordSpec.h"
#include "core/repo/SearchIndex.h"
#include "core/schema/Migrations.h"
#include "core/store/Database.h"
#include "core/store/Pragmas.h"
#include "core/store/Statement.h"
#include "core/store/Transaction.h"
#include "support/AuditForger.h"
#include "support/FixturePassphrase.h"
#include "support/TestSupport.h"

using namespace wb;
namespace fs = std::filesystem;

namespace {

/// Entries a new workspace starts with: one per metadata key it writes (owner name, staff number,
/// created at, created by version, last written by version, training, key derivation).
constexpr std::int64_t MetaEntries = 7;

class AuditTest : public ::testing::Test
{
protected:
    test::TempDir dir;
    fs::path file = dir / "audit.rwb";
    std::unique_ptr<core::Workspace> ws = test::createWorkspace(file);
    core::Case first;
    core::Person victim;

    void SetUp() override
    {
        first = ws->cases().add(test::caseDraft("FICT/A1/26"));
        ws->cases().add(test::caseDraft("FICT/A2/26"));
        core::PersonDraft p;
        p.caseId = first.id;
        p.givenName = "Verity";
        p.familyName = "Quillfeather";
        p.dateOfBirth = "1991-04-04";
        victim = ws->people().add(p);
        auto edited = first;
        edited.status = core::CaseStatus::Closed;
        edited.operationName = "Operation Secretive Lantern";
        first = ws->cases().update(edited);
    }

    /// Runs SQL on the file behind the workbench's back (closed first), then reopens.
    void tamper(const std::string& sql)
    {
        tamperWith([&](core::store::Database& db) { db.exec(sql); });
    }

    /// Works on the file with the passphrase but outside the workbench (closed first), then reopens.
    template <typename Work> void tamperWith(Work work)
    {
        ws.reset();
        {
            auto km = core::Workspace::deriveForOpen(file, test::Passphrase);
            core::store::Database db(file, core::store::Database::OpenMode::ExistingFile);
            core::store::keyWorkspace(db, km.key, km.header, false);
            core::store::Transaction tx(db);
            work(db);
            tx.commit();
        }
        ws = test::openWorkspace(file);
    }

    std::string problems()
    {
        std::string all;
        for (const auto& p : ws->verifyAudit().problems) {
            all += p + "\n";
        }
        return all;
    }
};

TEST_F(AuditTest, untouchedWorkspaceVerifies)
{
    const auto report = ws->verifyAudit();
    EXPECT_TRUE(report.ok()) << problems();
    EXPECT_EQ(report.entries, MetaEntries + 4u);
    EXPECT_EQ(report.records, 3u);
    EXPECT_EQ(report.metaKeys, 7u);
    EXPECT_EQ(report.head.sequence, MetaEntries + 4);
    EXPECT_EQ(report.head.head.size(), 64u);
}

TEST_F(AuditTest, entriesSayWhoWhatAndWhichStructuredFieldsChanged)
{
    ws.reset();
    auto km = core::Workspace::deriveForOpen(file, test::Passphrase);
    core::store::Database raw(file, core::store::Database::OpenMode::ExistingFile);
    core::store::keyWorkspace(raw, km.key, km.header, false);
    const auto entries = core::audit::entriesFor(raw, first.uuid);
    ASSERT_EQ(entries.size(), 2u);
    EXPECT_EQ(entries[0].action, core::audit::Action::Create);
    EXPECT_EQ(entries[1].action, core::audit::Action::Update);
    EXPECT_EQ(entries[1].actor, "DC Fictional Tester (T0001)");
    EXPECT_EQ(entries[1].entity, "cases");
    EXPECT_EQ(entries[1].changes, R"({"operation_name":{"changed":true},"status":{"new":"closed","old":"open"}})");
}

TEST_F(AuditTest, freeTextAndNamesNeverEnterTheLog)
{
    ws.reset();
    auto km = core::Workspace::deriveForOpen(file, test::Passphrase);
    core::store::Database raw(file, core::store::Database::OpenMode::ExistingFile);
    core::store::keyWorkspace(raw, km.key, km.header, false);
    core::store::Statement all(raw, "SELECT actor || entity || changes FROM audit_log");
    int rows = 0;
    while (all.step()) {
        ++rows;
        const std::string text = all.columnText(0);
        EXPECT_EQ(text.find("Quillfeather"), std::string::npos) << text;
        EXPECT_EQ(text.find("Verity"), std::string::npos) << text;
        EXPECT_EQ(text.find("1991-04-04"), std::string::npos) << text;
        EXPECT_EQ(text.find("Secretive Lantern"), std::string::npos) << text;
        EXPECT_EQ(text.find("Testbed"), std::string::npos) << text;
    }
    EXPECT_EQ(rows, MetaEntries + 4);
}

TEST_F(AuditTest, eachCommittedChangeAppendsExactlyOneEntryAndFailuresNone)
{
    EXPECT_THROW(ws->cases().add(test::caseDraft("fict/a1/26")), core::Error); // duplicate: rolled back
    EXPECT_EQ(ws->verifyAudit().entries, MetaEntries + 4u);
    ws->cases().remove(first.id); // the case and its one person
    const auto report = ws->verifyAudit();
    EXPECT_EQ(report.entries, MetaEntries + 6u);
    EXPECT_TRUE(report.ok()) << problems();
    EXPECT_EQ(report.records, 1u);
}

TEST_F(AuditTest, editedEntryIsDetected)
{
    tamper("UPDATE audit_log SET changes = '{}' WHERE id = 9");
    EXPECT_NE(problems().find("entry 9 does not match its hash"), std::string::npos) << problems();
}

TEST_F(AuditTest, editedActorIsDetected)
{
    tamper("UPDATE audit_log SET actor = 'Someone Else' WHERE id = 8");
    EXPECT_NE(problems().find("entry 8 does not match its hash"), std::string::npos) << problems();
}

TEST_F(AuditTest, deletedMiddleEntryIsDetected)
{
    tamper("DELETE FROM audit_log WHERE id = 9");
    EXPECT_NE(problems().find("entries 9 to 9 are missing"), std::string::npos) << problems();
}

TEST_F(AuditTest, deletedLastEntryIsDetected)
{
    tamper("DELETE FROM audit_log WHERE id = 11");
    const std::string found = problems();
    EXPECT_NE(found.find("the log ends at entry 10"), std::string::npos) << found;
    EXPECT_NE(found.find("differs from the state entry 8 recorded"), std::string::npos) << found;
}

TEST_F(AuditTest, deletedLastEntryWithForgedHeadIsStillDetected)
{
    tamper("DELETE FROM audit_log WHERE id = 11; UPDATE meta SET value = (SELECT '10:' || lower(hex(hash)) FROM "
           "audit_log WHERE id = 10) WHERE key = 'audit_head'");
    EXPECT_NE(problems().find("differs from the state entry 8 recorded"), std::string::npos) << problems();
}

TEST_F(AuditTest, recordEditedOutsideTheWorkbenchIsDetected)
{
    tamper("UPDATE cases SET status = 'open' WHERE reference = 'FICT/A1/26'");
    EXPECT_NE(problems().find("cases record " + std::to_string(first.id) + " differs"), std::string::npos)
        << problems();
}

TEST_F(AuditTest, recordInsertedOutsideTheWorkbenchIsDetected)
{
    tamper("INSERT INTO cases (uuid, reference, primary_offence, reported_at, status, created_at, updated_at) "
           "VALUES ('00000000-0000-4000-8000-000000000000', 'FICT/X/26', 'SOA2003-s1', '2026-01-01T00:00:00Z', "
           "'open', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')");
    EXPECT_NE(problems().find("has no audit entry"), std::string::npos) << problems();
}

TEST_F(AuditTest, recordDeletedOutsideTheWorkbenchIsDetected)
{
    tamper("DELETE FROM people");
    EXPECT_NE(problems().find("a people record (entry 10) is missing"), std::string::npos) << problems();
}

// --- issue 12, finding 5: a UUID shared by two tables ---------------------------------

TEST_F(AuditTest, uuidSharedAcrossTablesIsNamedPreciselyAndClearsWhenOneRecordGoes)
{
    // As a crafted bundle once imported it: a timeline event carrying its case's UUID, audited and indexed.
    tamperWith([&](core::store::Database& db) {
        core::store::Statement insert(
            db, "INSERT INTO timeline_events (uuid, case_id, occurred_precision, occurred_from, occurred_to, title, "
                "created_at, updated_at) VALUES (:uuid, :case, 'year', '2019-01-01', '2019-12-31', 'Fictional "
                "event', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')");
        insert.bind(":uuid", first.uuid).bind(":case", first.id).run();
        core::audit::append(db, "bundle import (from someone)", "timeline_events", first.uuid,
                            core::audit::Action::Create, {});
        core::search::index(db, "timeline_event", first.uuid, first.id, "Fictional event");
    });
    const auto event = ws->records().listForCase(core::recordSpec("timeline_event"), first.id).at(0);
    auto report = ws->verifyAudit();
    ASSERT_EQ(report.problems.size(), 1u) << problems();
    EXPECT_EQ(report.problems[0],
              fmt::format("timeline_events record {} has the same UUID as cases record {}: a UUID must name one "
                          "record only (delete one of them in the workbench, or restore a backup from before it "
                          "arrived)",
                          event.id, first.id));

    // A backup fails, and says why.
    try {
        ws->backupTo(dir / "while-shared.rwb");
        ADD_FAILURE() << "the backup of a workspace that fails verify succeeded";
    } catch (const core::Error& e) {
        EXPECT_EQ(e.code(), core::ErrorCode::Corrupted);
        EXPECT_NE(std::string(e.what()).find("has the same UUID as cases record"), std::string::npos) << e.what();
    }
    EXPECT_FALSE(fs::exists(dir / "while-shared.rwb"));

    // Deleting the intruder through the workbench clears it for good; only the derived index, which the
    // shared UUID had confused, is left to rebuild: the supported way back.
    ws->records().remove(core::recordSpec("timeline_event"), event.id);
    report = ws->verifyAudit();
    for (const auto& problem : report.problems) {
        EXPECT_EQ(problem.rfind("search index: ", 0), 0u) << problem;
    }
    ws->rebuildSearchIndex();
    EXPECT_TRUE(ws->verifyAudit().ok()) << problems();
    EXPECT_NO_THROW(ws->backupTo(dir / "after.rwb"));
}

// --- issue 12, finding 7: every table, the metadata, derived data, anchors --------------

TEST_F(AuditTest, everyTableOfTheSchemaIsAuditedDerivedOrJustified)
{
    ws.reset();
    auto km = core::Workspace::deriveForOpen(file, test::Passphrase);
    core::store::Database raw(file, core::store::Database::OpenMode::ExistingFile);
    core::store::keyWorkspace(raw, km.key, km.header, false);
    core::store::Statement select(raw, "SELECT name FROM sqlite_master WHERE type = 'table'");
    const auto& coverage = core::audit::tableCoverage();
    int tables = 0;
    while (select.step()) {
        ++tables;
        const std::string name = select.columnText(0);
        EXPECT_TRUE(std::any_of(coverage.begin(), coverage.end(), [&](const auto& c) { return c.table == name; }))
            << name << " is neither audited, derived nor justified in core/audit/AuditLog.cpp";
    }
    EXPECT_GT(tables, 30);
}

TEST_F(AuditTest, tableAddedOutsideTheWorkbenchIsDetected)
{
    tamper("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)");
    EXPECT_NE(problems().find("table notes is not part of the workspace's schema"), std::string::npos) << problems();
}

TEST_F(AuditTest, triggerOrIndexAddedOrChangedOutsideTheWorkbenchIsDetected)
{
    // A trigger that would quietly rewrite every new decision, and a dropped index.
    tamper("CREATE TRIGGER quiet AFTER INSERT ON decisions BEGIN UPDATE decisions SET decision = 'x' WHERE id = "
           "NEW.id; END; DROP INDEX people_by_name");
    const auto found = problems();
    EXPECT_NE(found.find("trigger quiet is not part of the workspace's schema"), std::string::npos) << found;
    EXPECT_NE(found.find("index people_by_name is missing from the workspace's schema"), std::string::npos) << found;
    tamper("DROP TRIGGER quiet; CREATE INDEX people_by_name ON people(family_name, given_name); "
           "DROP TRIGGER due_dirty_cases_insert; CREATE TRIGGER due_dirty_cases_insert AFTER INSERT ON cases BEGIN "
           "SELECT 1; END");
    const auto changed = problems();
    EXPECT_NE(changed.find("index people_by_name differs from the workspace's schema"), std::string::npos) << changed;
    EXPECT_NE(changed.find("trigger due_dirty_cases_insert differs"), std::string::npos) << changed;
}

TEST_F(AuditTest, metadataChangesAreAuditedAndEditsOutsideAreDetected)
{
    ws->backupTo(dir / "b.rwb"); // records the time: an audited change
    ws.reset();
    {
        auto km = core::Workspace::deriveForOpen(file, test::Passphrase);
        core::store::Database raw(file, core::store::Database::OpenMode::ExistingFile);
        core::store::keyWorkspace(raw, km.key, km.header, false);
        const auto entries = core::audit::entriesFor(raw, "last_backup_at", "meta");
        ASSERT_EQ(entries.size(), 1u);
        EXPECT_EQ(entries[0].action, core::audit::Action::Create);
        EXPECT_EQ(entries[0].actor, "DC Fictional Tester (T0001)");
        EXPECT_EQ(core::audit::entriesFor(raw, "owner_name", "meta").size(), 1u);
    }
    ws = test::openWorkspace(file);
    EXPECT_TRUE(ws->verifyAudit().ok()) << problems();

    tamper("UPDATE meta SET value = 'DC Someone Else' WHERE key = 'owner_name'");
    EXPECT_NE(problems().find("metadata owner_name differs from the state entry 1 recorded"), std::string::npos)
        << problems();
    tamper("UPDATE meta SET value = 'DC Fictional Tester' WHERE key = 'owner_name'; "
           "UPDATE meta SET value = '2020-01-01T00:00:00Z' WHERE key = 'last_backup_at'");
    EXPECT_NE(problems().find("metadata last_backup_at differs"), std::string::npos) << problems();
    EXPECT_EQ(problems().find("owner_name"), std::string::npos) << problems();
    tamper("DELETE FROM meta WHERE key = 'last_backup_at'; "
           "UPDATE meta SET value = CASE value WHEN '1' THEN '0' ELSE '1' END WHERE key = 'training'; "
           "INSERT INTO meta (key, value) VALUES ('retention_override', 'none')");
    const auto found = problems();
    EXPECT_NE(found.find("metadata last_backup_at (entry 12) is missing"), std::string::npos) << found;
    EXPECT_NE(found.find("metadata training differs"), std::string::npos) << found;
    EXPECT_NE(found.find("metadata retention_override has no audit entry"), std::string::npos) << found;
}

TEST_F(AuditTest, searchIndexIsRebuiltInMemoryAndComparedThenRepaired)
{
    // Its stored text changed: a search would find the case under words it does not hold.
    tamper("UPDATE search_index_content SET c3body = 'Different words' WHERE c1uuid = '" + first.uuid + "'");
    EXPECT_NE(problems().find("search index: the entry for cases record " + std::to_string(first.id) + " differs"),
              std::string::npos)
        << problems();
    ws->rebuildSearchIndex();
    EXPECT_TRUE(ws->verifyAudit().ok()) << problems();

    // Its word index emptied behind the text: the person can no longer be found.
    tamper("DELETE FROM search_index_segments; DELETE FROM search_index_segdir");
    EXPECT_NE(problems().find("search index: its word index does not match its stored text"), std::string::npos)
        << problems();
    EXPECT_TRUE(ws->search("Quillfeather").empty());
    ws->rebuildSearchIndex();
    EXPECT_TRUE(ws->verifyAudit().ok()) << problems();
    EXPECT_EQ(ws->search("Quillfeather").size(), 1u);

    // An entry for nothing, and a record left out.
    tamper("DELETE FROM search_map WHERE uuid = '" + victim.uuid + "'");
    const auto found = problems();
    EXPECT_NE(found.find("search index: people record " + std::to_string(victim.id) + " is missing from it"),
              std::string::npos)
        << found;
    EXPECT_NE(found.find("is not in its map of records"), std::string::npos) << found;
    EXPECT_EQ(found.find("Quillfeather"), std::string::npos) << found;
}

TEST_F(AuditTest, verifyWritesNothing)
{
    ws->checkpoint();
    const auto before = test::readBytes(file);
    const auto report = ws->verifyAudit();
    EXPECT_TRUE(report.ok()) << problems();
    ws.reset();
    EXPECT_EQ(test::readBytes(file), before);
}

TEST(AuditOlderSchemaTest, verifyChecksWhatAnOlderFileHasWithoutMigratingIt)
{
    // `verify` opens read-only and does not migrate: what it checks must work on every past schema.
    for (int version = 3; version < core::schema::currentSchemaVersion(); ++version) {
        test::TempDir dir;
        const fs::path copy = dir / "old.rwb";
        fs::copy_file(fs::path(WB_TEST_DATA_DIR) / ("schema-v" + std::to_string(version) + ".rwb"), copy);
        auto km = core::Workspace::deriveForOpen(copy, test::FixturePassphrase);
        core::store::Database db(copy, core::store::Database::OpenMode::ExistingFile);
        core::store::keyWorkspace(db, km.key, km.header, false);
        db.exec("PRAGMA query_only = 1");
        const auto report = core::integrity::verify(db);
        EXPECT_TRUE(report.ok()) << "schema " << version << ": " << report.problems.front();
        // Schema 9 onwards audits the metadata: the fixture's six keys are checked.
        EXPECT_EQ(report.metaKeys, version >= 9 ? 6u : 0u) << "schema " << version;
        EXPECT_EQ(db.userVersion(), version);
    }
}

TEST(AuditAnchorTest, formatsTheFullHashForPrinting)
{
    const core::audit::Anchor anchor{1234, std::string(64, 'a')};
    EXPECT_EQ(core::audit::formatAnchor(anchor), "seq 1234 · head " + std::string(64, 'a'));
}

class AuditForgeryTest : public AuditTest
{
protected:
    static constexpr const char* BundlePassphrase = "fictional bundle passphrase 9 harbours";
    fs::path backup = dir / "before.rwb";
    fs::path bundle = dir / "before.rwbundle";
    core::audit::Anchor backupAnchor;
    core::audit::Anchor bundleAnchor;

    void SetUp() override
    {
        AuditTest::SetUp();
        backupAnchor = ws->backupTo(backup);
        bundleAnchor = ws->auditAnchor();
        core::bundle::exportCases(*ws, {first.id}, bundle, BundlePassphrase, core::store::KdfParams::minimum());
        // Honest work after the anchors were taken.
        ws->cases().add(test::caseDraft("FICT/A3/26"));
    }

    core::audit::Anchor anchorOfBackup()
    {
        return core::Workspace::anchorOfFile(backup, core::Workspace::deriveForOpen(backup, test::Passphrase));
    }

    /// Plain verify passes (the known limit); either anchor catches the rewrite.
    void expectCaughtOnlyByAnchors()
    {
        EXPECT_TRUE(ws->verifyAudit().ok()) << "the forger's recomputed chain should pass plain verify: " << problems();
        for (const auto& anchor : {anchorOfBackup(), *core::bundle::anchorOf(bundle, BundlePassphrase)}) {
            const auto report = ws->verifyAudit(anchor);
            ASSERT_FALSE(report.ok()) << "the anchor " << core::audit::formatAnchor(anchor) << " missed the forgery";
            EXPECT_NE(report.problems.back().find("after the anchor was taken"), std::string::npos)
                << report.problems.back();
        }
    }
};

TEST_F(AuditForgeryTest, anchorsAreReadBackFromTheBackupAndTheBundle)
{
    EXPECT_EQ(backupAnchor.sequence, MetaEntries + 4);
    EXPECT_EQ(anchorOfBackup(), backupAnchor);
    EXPECT_EQ(bundleAnchor.sequence, MetaEntries + 5); // the backup's time was recorded since
    EXPECT_EQ(core::bundle::anchorOf(bundle, BundlePassphrase), std::optional(bundleAnchor));
    // Honest history since the anchors: both are still held.
    EXPECT_TRUE(ws->verifyAudit(backupAnchor).ok()) << problems();
    EXPECT_TRUE(ws->verifyAudit(bundleAnchor).ok()) << problems();
    // An anchor from another workspace is not.
    EXPECT_FALSE(ws->verifyAudit(core::audit::Anchor{3, std::string(64, '0')}).ok());
    EXPECT_FALSE(ws->verifyAudit(core::audit::Anchor{9999, std::string(64, '0')}).ok());
}

TEST_F(AuditForgeryTest, forgeryOneRewrittenRecordAndItsEntryIsCaughtByTheAnchors)
{
    // The case was closed; make it look as if it never was: the record, its entry's changes, its state hash.
    tamperWith([&](core::store::Database& db) {
        db.exec("UPDATE cases SET status = 'open' WHERE id = " + std::to_string(first.id));
        db.exec("UPDATE audit_log SET changes = '{\"operation_name\":{\"changed\":true}}' WHERE id = " +
                std::to_string(MetaEntries + 4));
        test::forger::restate(db, "cases", first.uuid);
        test::forger::rechain(db);
    });
    expectCaughtOnlyByAnchors();
}

TEST_F(AuditForgeryTest, forgeryTwoErasedPersonAndHistoryIsCaughtByTheAnchors)
{
    // The victim, every entry about them and their search entry go; the rest is renumbered.
    tamperWith([&](core::store::Database& db) {
        core::search::unindex(db, victim.uuid);
        db.exec("DELETE FROM people WHERE uuid = '" + victim.uuid + "'");
        db.exec("DELETE FROM audit_log WHERE entity_uuid = '" + victim.uuid + "'");
        test::forger::rechain(db);
    });
    expectCaughtOnlyByAnchors();
}

TEST_F(AuditForgeryTest, forgeryThreeBackdatedDecisionIsCaughtByTheAnchors)
{
    // A decision that was never made, slipped into history just after the case was created.
    tamperWith([&](core::store::Database& db) {
        const std::string uuid = "6f1d3a52-0c1e-4e8b-9a47-3b2d1c0e9f10";
        core::store::Statement insert(
            db, "INSERT INTO decisions (uuid, case_id, decided_at, decision, rationale, decided_by, created_at, "
                "updated_at) VALUES (:uuid, :case, '2026-01-02T09:00:00Z', 'No further action', 'Fictional', "
                "'DC Fictional Tester', '2026-01-02T09:00:00Z', '2026-01-02T09:00:00Z')");
        insert.bind(":uuid", uuid).bind(":case", first.id).run();
        core::search::index(db, "decision", uuid, first.id, "No further action Fictional");
        // Room after the case's entry (MetaEntries + 1): later entries move up one.
        core::store::Statement ids(db, "SELECT id FROM audit_log WHERE id > :after ORDER BY id DESC");
        ids.bind(":after", MetaEntries + 1);
        std::vector<std::int64_t> later;
        while (ids.step()) {
            later.push_back(ids.columnInt64(0));
        }
        for (const auto id : later) {
            db.exec(fmt::format("UPDATE audit_log SET id = {} WHERE id = {}", id + 1, id));
        }
        core::store::Statement entry(
            db, "INSERT INTO audit_log (id, at, actor, entity, entity_uuid, action, changes, row_hash, prev_hash, "
                "hash) VALUES (:id, '2026-01-02T09:00:00Z', 'DC Fictional Tester (T0001)', 'decisions', :uuid, "
                "'create', '{}', x'', x'', x'')");
        entry.bind(":id", MetaEntries + 2).bind(":uuid", uuid).run();
        test::forger::restate(db, "decisions", uuid);
        test::forger::rechain(db);
    });
    expectCaughtOnlyByAnchors();
}

} // namespace
