// SPDX-License-Identifier: GPL-3.0-or-later
// rasso-workbench-cli report: a case's report written as a PDF, atomically, marked on every page, audited; refusals
// leave nothing behind. Fictional data only.
#include <gtest/gtest.h>

#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/records/RecordSpec.h"
#include "core/records/RecordTypes.h"
#include "support/CliRunner.h"
#include "support/ExportEntries.h"
#include "support/PdfText.h"
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
        return test::exportEntries(*ws);
    }
};

TEST_F(ReportCommandsTest, writesTheMarkedPdfLeavesNoTempCopyAndAuditsTheExport)
{
    ::unsetenv("XDG_RUNTIME_DIR"); // as in CI or on a server: no desktop session
    const auto r = report("plan", "FICT/REP/26", pdf);
    ASSERT_EQ(r.exitCode, 0) << r.output;
    EXPECT_EQ(r.output.rfind("report written: ", 0), 0U) << "nothing else printed (Qt's session warning): " << r.output;
    EXPECT_EQ(filesIn(outDir), std::vector<std::string>{"plan.pdf"}); // no temporary file beside it
    EXPECT_EQ(fs::status(pdf).permissions() & (fs::perms::group_all | fs::perms::others_all), fs::perms::none);

    const auto pages = test::pdfPageTexts(pdf);
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
    const auto pages = test::pdfPageTexts(out);
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
    const auto pages = test::pdfPageTexts(pdf);
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
    const auto unknownKind = report("mg6z", "FICT/REP/26", outDir / "mg6z.pdf");
    EXPECT_EQ(unknownKind.exitCode, 2) << unknownKind.output;
    const auto letter = report("victim-letter", "FICT/REP/26", outDir / "letter.pdf");
    EXPECT_EQ(letter.exitCode, 2) << letter.output;
    EXPECT_NE(letter.output.find("Write a letter"), std::string::npos) << letter.output;
    // A printout's marking is checked as the workspace's is: one line, at most 80 characters.
    const auto badMarking = runCli("report plan " + test::quoted(file) +
                                       " --case FICT/REP/26 --marking \"$(printf "
                                       "'OFFICIAL\\nSENSITIVE')\" --out " +
                                       test::quoted(outDir / "marked.pdf"),
                                   pass);
    EXPECT_EQ(badMarking.exitCode, 1) << badMarking.output;
    EXPECT_NE(badMarking.output.find("marking"), std::string::npos) << badMarking.output;
    EXPECT_EQ(filesIn(outDir), std::vector<std::string>{"plan.pdf"});
    EXPECT_TRUE(exportEntries().empty());
}

TEST_F(ReportCommandsTest, theTodayListCoversEveryOpenCaseWithoutACaseAndIsAuditedSo)
{
    const auto out = outDir / "today.pdf";
    const auto withCase = report("today", "FICT/REP/26", out);
    EXPECT_EQ(withCase.exitCode, 2) << withCase.output;
    EXPECT_NE(withCase.output.find("leave out --case"), std::string::npos) << withCase.output;
    const auto noCase = runCli("report plan " + test::quoted(file) + " --out " + test::quoted(out), pass);
    EXPECT_EQ(noCase.exitCode, 2) << noCase.output;
    EXPECT_NE(noCase.output.find("--case REF"), std::string::npos) << noCase.output;
    EXPECT_FALSE(fs::exists(out));

    const auto r = runCli("report today " + test::quoted(file) + " --out " + test::quoted(out), pass);
    ASSERT_EQ(r.exitCode, 0) << r.output;
    const auto pages = test::pdfPageTexts(out);
    ASSERT_FALSE(pages.empty());
    EXPECT_NE(pages.front().find("All open cases"), std::string::npos) << pages.front();
    EXPECT_NE(pages.front().find("Today"), std::string::npos) << pages.front();
    const auto entries = exportEntries();
    ASSERT_EQ(entries.size(), 1U);
    EXPECT_EQ(entries[0].at("kind"), "report-today");
    EXPECT_EQ(entries[0].at("scope"), "open-cases");
    EXPECT_FALSE(entries[0].contains("case"));
}

TEST_F(ReportCommandsTest, theDisclosureSchedulesKeepASensitiveItemOffTheMg6c)
{
    {
        auto ws = test::openWorkspace(file);
        const auto caseId = ws->cases().list().front().id;
        const auto& spec = core::recordSpec(core::recordtype::kUnusedMaterial);
        ws->records().add(spec, caseId,
                          {{"description", "Fictional 999 call recording"}, {"sensitivity", "not-sensitive"}});
        ws->records().add(spec, caseId,
                          {{"description", "Fictional counselling notes"},
                           {"sensitivity", "sensitive"},
                           {"sensitivity_reason", "Fictional reason"}});
    }
    const auto read = [&](const std::string& kind) {
        const auto out = outDir / (kind + ".pdf");
        const auto r = report(kind, "FICT/REP/26", out);
        EXPECT_EQ(r.exitCode, 0) << r.output;
        std::string all;
        for (const auto& page : test::pdfPageTexts(out)) {
            all += page;
        }
        return all;
    };
    const auto c = read("mg6c");
    EXPECT_NE(c.find("MG6C: schedule of non-sensitive unused material"), std::string::npos) << c;
    EXPECT_NE(c.find("Fictional 999 call recording"), std::string::npos);
    EXPECT_EQ(c.find("counselling"), std::string::npos);
    const auto d = read("mg6d");
    EXPECT_NE(d.find("Fictional counselling notes"), std::string::npos) << d;
    EXPECT_EQ(d.find("999 call"), std::string::npos);
    EXPECT_NE(read("mg6e").find("MG6E: disclosure officer's report"), std::string::npos);
    const auto entries = exportEntries();
    ASSERT_EQ(entries.size(), 3U);
    EXPECT_EQ(entries[0].at("kind"), "report-mg6c");
    EXPECT_EQ(entries[2].at("kind"), "report-mg6e");
}

TEST_F(ReportCommandsTest, helpNamesTheKinds)
{
    const auto r = test::runShell(std::string("'") + WB_CLI_PATH + "' report --help 2>&1");
    EXPECT_EQ(r.exitCode, 0) << r.output;
    EXPECT_NE(
        r.output.find(
            "case-summary, plan, decision-log, chronology, victim-contact, review-pack, mg6c, mg6d, mg6e or today"),
        std::string::npos)
        << r.output;
    const auto top = test::runShell(std::string("'") + WB_CLI_PATH + "' --help 2>&1");
    EXPECT_NE(top.output.find("\n  report "), std::string::npos) << top.output;
}

} // namespace
