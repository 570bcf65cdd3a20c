// SPDX-License-Identifier: GPL-3.0-or-later
// rasso-workbench-cli report: a case's report written as a PDF, atomically, marked on every page, audited; refusals
// leave nothing behind. Fictional data only.
#include <gtest/gtest.h>

#include <memory>
#include <regex>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <poppler-document.h>
#include <poppler-page.h>

#include "core/export/ExportAudit.h"
#include "core/store/Statement.h"
#include "support/CliRunner.h"
#include "support/TestSupport.h"

using namespace wb;
namespace fs = std::filesystem;

namespace {

using test::runCli;

class ReportCommandsTest : public ::testing::Test
{
protected:
    test::TempDir dir;
    fs::path file = dir / "cli.rwb";
    fs::path pass = dir / "pass.txt";
    fs::path outDir = dir / "out";
    fs::path pdf = outDir / "plan.pdf";

    void SetUp() override
    {
        test::writePassphraseFile(pass, test::Passphrase);
        auto ws = test::createWorkspace(file);
        ws->cases().add(test::caseDraft("FICT/REP/26"));
        fs::create_directory(outDir);
    }

    test::CliResult report(const std::string& kind, const std::string& reference, const fs::path& out)
    {
        return runCli("report " + kind + " " + test::quoted(file) + " --case '" + reference + "' --out " +
                          test::quoted(out),
                      pass);
    }

    std::vector<std::string> filesIn(const fs::path& folder)
    {
        std::vector<std::string> names;
        for (const auto& entry : fs::directory_iterator(folder)) {
            names.push_back(entry.path().filename().string());
        }
        return names;
    }

    /// The values the audit log recorded for the export key, oldest first.
    std::vector<nlohmann::json> exportEntries()
    {
        auto ws = test::openWorkspace(file);
        core::store::Statement select(
            ws->connectionForImport(),
            "SELECT changes FROM audit_log WHERE entity = 'meta' AND entity_uuid = :key ORDER BY id");
        select.bind(":key", std::string(core::exports::ExportAuditKey));
        std::vector<nlohmann::json> out;
        while (select.step()) {
            const auto changes = nlohmann::json::parse(select.columnText(0));
            out.push_back(nlohmann::json::parse(changes.at("value").at("new").get<std::string>()));
        }
        return out;
    }

    static std::vector<std::string> pagesOf(const fs::path& path)
    {
        std::unique_ptr<poppler::document> document(poppler::document::load_from_file(path.string()));
        std::vector<std::string> pages;
        if (!document) {
            return pages;
        }
        for (int i = 0; i < document->pages(); ++i) {
            std::unique_ptr<poppler::page> page(document->create_page(i));
            const auto utf8 = page->text().to_utf8();
            pages.push_back(std::regex_replace(std::string(utf8.begin(), utf8.end()), std::regex("\\s+"), " "));
        }
        return pages;
    }
};

TEST_F(ReportCommandsTest, writesTheMarkedPdfLeavesNoTempCopyAndAuditsTheExport)
{
    const auto r = report("plan", "FICT/REP/26", pdf);
    ASSERT_EQ(r.exitCode, 0) << r.output;
    EXPECT_NE(r.output.find("report written: "), std::string::npos) << r.output;
    EXPECT_EQ(filesIn(outDir), std::vector<std::string>{"plan.pdf"}); // no temporary file beside it
    EXPECT_EQ(fs::status(pdf).permissions() & (fs::perms::group_all | fs::perms::others_all), fs::perms::none);

    const auto pages = pagesOf(pdf);
    ASSERT_FALSE(pages.empty());
    for (std::size_t i = 0; i < pages.size(); ++i) {
        EXPECT_NE(pages[i].find("OFFICIAL-SENSITIVE"), std::string::npos);
        EXPECT_NE(pages[i].find("FICT/REP/26"), std::string::npos);
        EXPECT_NE(pages[i].find("Page " + std::to_string(i + 1) + " of " + std::to_string(pages.size())),
                  std::string::npos);
    }
    EXPECT_NE(pages.front().find("Investigation plan"), std::string::npos);

    const auto entries = exportEntries();
    ASSERT_EQ(entries.size(), 1U);
    EXPECT_EQ(entries[0].at("kind"), "report-plan");
    EXPECT_EQ(entries[0].at("reference"), "FICT/REP/26");
    EXPECT_EQ(entries[0].at("folders"), nlohmann::json::array({fs::canonical(outDir).string()}));
    EXPECT_EQ(entries[0].at("by"), "DC Fictional Tester (T0001)");
    EXPECT_EQ(entries[0].dump().find("plan.pdf"), std::string::npos); // the folder, never the file's name

    const auto verify = runCli("verify " + test::quoted(file), pass);
    EXPECT_EQ(verify.exitCode, 0) << verify.output;
}

TEST_F(ReportCommandsTest, theMarkingCanBeChosen)
{
    const auto out = outDir / "summary.pdf";
    const auto r = runCli("report case-summary " + test::quoted(file) +
                              " --case FICT/REP/26 --marking OFFICIAL --out " + test::quoted(out),
                          pass);
    ASSERT_EQ(r.exitCode, 0) << r.output;
    const auto pages = pagesOf(out);
    ASSERT_FALSE(pages.empty());
    EXPECT_NE(pages.front().find("OFFICIAL"), std::string::npos);
    EXPECT_EQ(pages.front().find("OFFICIAL-SENSITIVE"), std::string::npos);
}

TEST_F(ReportCommandsTest, theWorkspaceKeepsTheForcesMarking)
{
    const auto shown = runCli("marking " + test::quoted(file), pass);
    ASSERT_EQ(shown.exitCode, 0) << shown.output;
    EXPECT_NE(shown.output.find("protective marking: OFFICIAL-SENSITIVE"), std::string::npos) << shown.output;
    const auto set = runCli("marking " + test::quoted(file) + " --set 'OFFICIAL-SENSITIVE FORCE TEST'", pass);
    ASSERT_EQ(set.exitCode, 0) << set.output;
    const auto r = report("decision-log", "FICT/REP/26", pdf);
    ASSERT_EQ(r.exitCode, 0) << r.output;
    const auto pages = pagesOf(pdf);
    ASSERT_FALSE(pages.empty());
    EXPECT_NE(pages.front().find("OFFICIAL-SENSITIVE FORCE TEST"), std::string::npos) << pages.front();
    const auto refused = runCli("marking " + test::quoted(file) + " --set \"$(printf 'A\\nB')\"", pass);
    EXPECT_EQ(refused.exitCode, 1) << refused.output;
    EXPECT_NE(refused.output.find("(Validation)"), std::string::npos) << refused.output;
}

TEST_F(ReportCommandsTest, neverOverwritesAFileAndWritesNothingForAnUnknownCaseOrKind)
{
    test::writeBytes(pdf, {'k', 'e', 'e', 'p'});
    const auto exists = report("decision-log", "FICT/REP/26", pdf);
    EXPECT_EQ(exists.exitCode, 1) << exists.output;
    EXPECT_EQ(test::readBytes(pdf), (std::vector<unsigned char>{'k', 'e', 'e', 'p'}));

    const auto unknownCase = report("decision-log", "FICT/NONE/26", outDir / "none.pdf");
    EXPECT_EQ(unknownCase.exitCode, 1) << unknownCase.output;
    const auto unknownKind = report("chronology", "FICT/REP/26", outDir / "chronology.pdf");
    EXPECT_EQ(unknownKind.exitCode, 2) << unknownKind.output;
    EXPECT_EQ(filesIn(outDir), std::vector<std::string>{"plan.pdf"});
    EXPECT_TRUE(exportEntries().empty());
}

TEST_F(ReportCommandsTest, helpNamesTheKinds)
{
    const auto r = test::runShell(std::string("'") + WB_CLI_PATH + "' report --help 2>&1");
    EXPECT_EQ(r.exitCode, 0) << r.output;
    EXPECT_NE(r.output.find("case-summary, plan or decision-log"), std::string::npos) << r.output;
    const auto top = test::runShell(std::string("'") + WB_CLI_PATH + "' --help 2>&1");
    EXPECT_NE(top.output.find("\n  report "), std::string::npos) << top.output;
}

} // namespace
