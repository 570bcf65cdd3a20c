// SPDX-License-Identifier: GPL-3.0-or-later
// The hash-chained audit log: one entry per committed change, no free text, tampering detected.
#include <gtest/gtest.h>

#include "core/audit/AuditLog.h"
#include "core/store/Database.h"
#include "core/store/Pragmas.h"
#include "support/TestSupport.h"

using namespace wb;
namespace fs = std::filesystem;

namespace {

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
        ws.reset();
        {
            auto km = core::Workspace::deriveForOpen(file, test::Passphrase);
            core::store::Database db(file, core::store::Database::OpenMode::ExistingFile);
            core::store::keyWorkspace(db, km.key, km.header, false);
            db.exec(sql);
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
    EXPECT_EQ(report.entries, 4u);
    EXPECT_EQ(report.records, 3u);
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
    EXPECT_EQ(entries[1].changes,
              R"({"operation_name":{"changed":true},"status":{"new":"closed","old":"open"}})");
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
    EXPECT_EQ(rows, 4);
}

TEST_F(AuditTest, eachCommittedChangeAppendsExactlyOneEntryAndFailuresNone)
{
    EXPECT_THROW(ws->cases().add(test::caseDraft("fict/a1/26")), core::Error); // duplicate: rolled back
    EXPECT_EQ(ws->verifyAudit().entries, 4u);
    ws->cases().remove(first.id); // the case and its one person
    const auto report = ws->verifyAudit();
    EXPECT_EQ(report.entries, 6u);
    EXPECT_TRUE(report.ok()) << problems();
    EXPECT_EQ(report.records, 1u);
}

TEST_F(AuditTest, editedEntryIsDetected)
{
    tamper("UPDATE audit_log SET changes = '{}' WHERE id = 2");
    EXPECT_NE(problems().find("entry 2 does not match its hash"), std::string::npos) << problems();
}

TEST_F(AuditTest, editedActorIsDetected)
{
    tamper("UPDATE audit_log SET actor = 'Someone Else' WHERE id = 1");
    EXPECT_NE(problems().find("entry 1 does not match its hash"), std::string::npos) << problems();
}

TEST_F(AuditTest, deletedMiddleEntryIsDetected)
{
    tamper("DELETE FROM audit_log WHERE id = 2");
    EXPECT_NE(problems().find("entries 2 to 2 are missing"), std::string::npos) << problems();
}

TEST_F(AuditTest, deletedLastEntryIsDetected)
{
    tamper("DELETE FROM audit_log WHERE id = 4");
    const std::string found = problems();
    EXPECT_NE(found.find("the log ends at entry 3"), std::string::npos) << found;
    EXPECT_NE(found.find("differs from the state entry 1 recorded"), std::string::npos) << found;
}

TEST_F(AuditTest, deletedLastEntryWithForgedHeadIsStillDetected)
{
    tamper("DELETE FROM audit_log WHERE id = 4; UPDATE meta SET value = (SELECT '3:' || hex(hash) FROM audit_log "
           "WHERE id = 3) WHERE key = 'audit_head'");
    EXPECT_NE(problems().find("differs from the state entry 1 recorded"), std::string::npos) << problems();
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
    EXPECT_NE(problems().find("a people record (entry 3) is missing"), std::string::npos) << problems();
}

} // namespace
