// SPDX-License-Identifier: GPL-3.0-or-later
// An export's audit entry: who, what, when and the folder, each export its own entry, the chain still verifies.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/audit/AuditLog.h"
#include "core/reports/ExportAudit.h"
#include "core/reports/ReportCaseFixture.h"
#include "core/store/Statement.h"

using namespace wb;
using namespace wb::core;

namespace {

class ExportAuditTest : public test::ReportCaseFixture
{
protected:
    std::vector<std::string> exportEntries()
    {
        store::Statement select(
            ws->connectionForImport(),
            "SELECT changes FROM audit_log WHERE entity = 'meta' AND entity_uuid = :key ORDER BY id");
        select.bind(":key", std::string(reports::LastExportKey));
        std::vector<std::string> out;
        while (select.step()) {
            out.push_back(select.columnText(0));
        }
        return out;
    }
};

TEST_F(ExportAuditTest, eachExportIsOneAuditedEntryNamingTheFolderNotTheFile)
{
    const auto before = ws->auditAnchor().sequence;
    reports::recordExport(*ws, {"plan", theCase.uuid, "/home/officer/Reports"});
    reports::recordExport(*ws, {"plan", theCase.uuid, "/home/officer/Reports"}); // same second: still its own entry
    EXPECT_EQ(ws->auditAnchor().sequence, before + 2);
    const auto entries = exportEntries();
    ASSERT_EQ(entries.size(), 2U);
    const auto changes = nlohmann::json::parse(entries.back());
    const auto value = nlohmann::json::parse(changes.at("value").at("new").get<std::string>());
    EXPECT_EQ(value.at("report"), "plan");
    EXPECT_EQ(value.at("case"), theCase.uuid);
    EXPECT_EQ(value.at("folder"), "/home/officer/Reports");
    EXPECT_EQ(value.at("by"), "DC Fictional Tester (T0001)");
    EXPECT_TRUE(ws->verifyAudit().ok());
}

TEST(ExportFolderTest, isTheAbsoluteParentOfTheFile)
{
    EXPECT_EQ(reports::exportFolder("/tmp/reports/../out/plan.pdf"), std::filesystem::path("/tmp/out"));
    EXPECT_EQ(reports::exportFolder("plan.pdf"), std::filesystem::current_path());
}

} // namespace
