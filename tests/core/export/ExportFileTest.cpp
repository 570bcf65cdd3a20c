// SPDX-License-Identifier: GPL-3.0-or-later
// Writing an export: atomically, owner-only, never over a file, no temporary copy left, and audited (who, what,
// when, the folder it went to — never the file's name or content).
#include <gtest/gtest.h>

#include <sys/stat.h>

#include <nlohmann/json.hpp>

#include "ExportTestSupport.h"
#include "core/audit/AuditLog.h"
#include "core/export/ExportAudit.h"
#include "core/export/ExportFile.h"
#include "core/workspace/WorkspaceMeta.h"

namespace wb::test {
namespace {

using core::exports::ExportAuditKey;
using core::exports::writeAudited;

class ExportFileTest : public CaseRecordsFixture
{
protected:
    std::vector<core::audit::Entry> exportEntries()
    {
        return core::audit::entriesFor(ws->connectionForImport(), ExportAuditKey, "meta");
    }
    std::vector<std::string> folderEntries(const fs::path& folder)
    {
        std::vector<std::string> names;
        for (const auto& e : fs::directory_iterator(folder)) {
            names.push_back(e.path().filename().string());
        }
        std::sort(names.begin(), names.end());
        return names;
    }
};

TEST_F(ExportFileTest, writesEveryFileOwnerOnlyLeavesNoTemporaryCopyAndAuditsTheFolder)
{
    const auto out = dir / "out folder";
    fs::create_directories(out);
    writeAudited(*ws, "pole-csv", theCase.id,
                 {{out / "Vivian-links.csv", "a,b\r\n"}, {out / "Vivian-entities.csv", "c,d\r\n"}});
    EXPECT_EQ(readText(out / "Vivian-links.csv"), "a,b\r\n");
    EXPECT_EQ(readText(out / "Vivian-entities.csv"), "c,d\r\n");
    EXPECT_EQ(folderEntries(out), (std::vector<std::string>{"Vivian-entities.csv", "Vivian-links.csv"}));
    struct stat st = {};
    ASSERT_EQ(::stat((out / "Vivian-links.csv").c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u);

    const auto entries = exportEntries();
    ASSERT_EQ(entries.size(), 1u);
    EXPECT_EQ(entries[0].actor, core::workspace::actorOf(ws->connectionForImport()));
    const auto changes = nlohmann::json::parse(entries[0].changes);
    const auto what = nlohmann::json::parse(changes.at("value").at("new").get<std::string>());
    EXPECT_EQ(what.at("kind"), "pole-csv");
    EXPECT_EQ(what.at("case"), theCase.uuid);
    EXPECT_EQ(what.at("reference"), "FICT/R1/26");
    EXPECT_EQ(what.at("folders"), nlohmann::json::array({fs::weakly_canonical(out).string()}));
    EXPECT_EQ(entries[0].changes.find("Vivian"), std::string::npos) << "never the file's name";
    EXPECT_EQ(entries[0].changes.find("a,b"), std::string::npos) << "never the content";
    EXPECT_TRUE(ws->verifyAudit().ok());

    // The same export again is a second entry, not a repeat swallowed as "unchanged".
    writeAudited(*ws, "pole-csv", theCase.id, {{out / "again.csv", "x\r\n"}});
    EXPECT_EQ(exportEntries().size(), 2u);
    EXPECT_TRUE(ws->verifyAudit().ok());
}

TEST_F(ExportFileTest, neverOverwritesAndThenWritesNothing)
{
    writeBytes(dir / "exists.csv", {'o', 'l', 'd'});
    try {
        writeAudited(*ws, "pole-csv", theCase.id, {{dir / "new.csv", "n"}, {dir / "exists.csv", "x"}});
        FAIL() << "an existing file was overwritten";
    } catch (const core::Error& e) {
        EXPECT_EQ(e.code(), core::ErrorCode::AlreadyExists);
    }
    EXPECT_EQ(readText(dir / "exists.csv"), "old");
    EXPECT_FALSE(fs::exists(dir / "new.csv"));
    EXPECT_TRUE(exportEntries().empty());
}

TEST_F(ExportFileTest, aFolderThatCannotBeWrittenLeavesNothingAndNoAuditEntry)
{
    try {
        writeAudited(*ws, "case-json", theCase.id, {{dir / "missing" / "case.json", "{}"}});
        FAIL() << "written into a folder that does not exist";
    } catch (const core::Error& e) {
        EXPECT_EQ(e.code(), core::ErrorCode::Io);
    }
    EXPECT_TRUE(exportEntries().empty());
    const auto names = folderEntries(dir.path());
    EXPECT_TRUE(std::none_of(names.begin(), names.end(),
                             [](const std::string& n) { return n.find(".partial") != std::string::npos; }));
}

} // namespace
} // namespace wb::test
