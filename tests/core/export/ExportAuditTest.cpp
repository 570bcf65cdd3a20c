// SPDX-License-Identifier: GPL-3.0-or-later
// An export's audit entry (core/export/ExportAudit), the same for every kind of export: who, what, when and the
// folders, each export its own entry, never a file's name; the chain still verifies; a workspace opened only to be
// verified refuses. Fictional data only.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/Error.h"
#include "core/export/ExportAudit.h"
#include "support/CaseRecordsFixture.h"
#include "support/ExportEntries.h"

namespace wb::test {
namespace {

namespace fs = std::filesystem;
using core::exports::exportFolder;
using core::exports::recordExport;

class ExportAuditTest : public CaseRecordsFixture
{
protected:
    std::vector<nlohmann::json> exportEntries() { return wb::test::exportEntries(*ws); }
};

TEST_F(ExportAuditTest, eachExportIsOneEntryNamingTheFoldersOnceAndNeverAFile)
{
    const auto before = ws->auditAnchor().sequence;
    recordExport(*ws, "report-plan", theCase, {"/home/officer/Reports/plan.pdf"});
    recordExport(*ws, "report-plan", theCase, {"/home/officer/Reports/plan.pdf"}); // same second: its own entry
    recordExport(*ws, "pole-csv", theCase,
                 {"/home/officer/Analysis/links.csv", "/home/officer/Analysis/../Analysis/entities.csv",
                  "/home/officer/Other/x.csv"});
    EXPECT_EQ(ws->auditAnchor().sequence, before + 3);
    const auto entries = exportEntries();
    ASSERT_EQ(entries.size(), 3U);
    EXPECT_EQ(entries[0].at("kind"), "report-plan");
    EXPECT_EQ(entries[0].at("case"), theCase.uuid);
    EXPECT_EQ(entries[0].at("reference"), "FICT/R1/26");
    EXPECT_EQ(entries[0].at("folders"), nlohmann::json::array({"/home/officer/Reports"}));
    EXPECT_EQ(entries[0].at("by"), "DC Fictional Tester (T0001)");
    EXPECT_FALSE(entries[0].at("at").get<std::string>().empty());
    EXPECT_NE(entries[0].at("afterEntry"), entries[1].at("afterEntry"));
    EXPECT_EQ(entries[2].at("folders"), nlohmann::json::array({"/home/officer/Analysis", "/home/officer/Other"}))
        << "each folder once";
    for (const auto& entry : entries) {
        const std::string text = entry.dump();
        for (const char* name : {"plan.pdf", "links.csv", "entities.csv", "x.csv"}) {
            EXPECT_EQ(text.find(name), std::string::npos) << "never a file's name: " << text;
        }
    }
    EXPECT_TRUE(ws->verifyAudit().ok());
}

TEST_F(ExportAuditTest, aPrintoutIsOneEntryNamingThePrinter)
{
    const auto before = ws->auditAnchor().sequence;
    core::exports::recordPrint(*ws, "print-plan", theCase, "Fictional-Office-Printer");
    EXPECT_EQ(ws->auditAnchor().sequence, before + 1);
    const auto entries = exportEntries();
    ASSERT_EQ(entries.size(), 1U);
    EXPECT_EQ(entries[0].at("kind"), "print-plan");
    EXPECT_EQ(entries[0].at("case"), theCase.uuid);
    EXPECT_EQ(entries[0].at("printer"), "Fictional-Office-Printer");
    EXPECT_EQ(entries[0].at("by"), "DC Fictional Tester (T0001)");
    EXPECT_FALSE(entries[0].contains("folders"));
    EXPECT_TRUE(ws->verifyAudit().ok());
}

TEST_F(ExportAuditTest, anExportOrPrintoutOfNoOneCaseSaysSoInPlaceOfTheCase)
{
    recordExport(*ws, "report-today", {"/home/officer/Reports/today.pdf"});
    core::exports::recordPrint(*ws, "print-today", "Fictional-Office-Printer");
    const auto entries = exportEntries();
    ASSERT_EQ(entries.size(), 2U);
    for (const auto& entry : entries) {
        EXPECT_EQ(entry.at("scope"), "open-cases");
        EXPECT_FALSE(entry.contains("case"));
        EXPECT_FALSE(entry.contains("reference"));
        EXPECT_EQ(entry.at("by"), "DC Fictional Tester (T0001)");
    }
    EXPECT_EQ(entries[0].at("folders"), nlohmann::json::array({"/home/officer/Reports"}));
    EXPECT_EQ(entries[1].at("printer"), "Fictional-Office-Printer");
    EXPECT_TRUE(ws->verifyAudit().ok());
}

TEST_F(ExportAuditTest, aWorkspaceOpenedOnlyToBeVerifiedRefusesAndRecordsNothing)
{
    const fs::path file = ws->path();
    ws.reset();
    auto verify =
        core::Workspace::openForVerify(file, core::Workspace::deriveForOpen(file, Passphrase), offences(), lists());
    try {
        recordExport(*verify, "report-plan", theCase, {"/home/officer/Reports/plan.pdf"});
        ADD_FAILURE() << "a read-only workspace recorded an export";
    } catch (const core::Error& e) {
        EXPECT_EQ(e.code(), core::ErrorCode::PermissionDenied) << e.what();
    }
}

TEST(ExportFolderTest, isTheAbsoluteParentOfTheFileWithoutDots)
{
    EXPECT_EQ(exportFolder("/tmp/wb-no-such-folder/../out/plan.pdf"), fs::path("/tmp/out"));
    EXPECT_EQ(exportFolder("plan.pdf"), fs::weakly_canonical(fs::current_path()));
}

} // namespace
} // namespace wb::test
