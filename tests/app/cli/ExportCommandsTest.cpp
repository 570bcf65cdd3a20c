// SPDX-License-Identifier: GPL-3.0-or-later
// export-pole and export-case-json as an officer runs them: the files are written, read back by independent
// readers, never over an existing file, and each export is in the audit log with its folder.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/export/ExportAudit.h"
#include "core/export/ExportFile.h"
#include "core/export/PoleCsv.h"
#include "support/CliRunner.h"
#include "support/ExportEntries.h"
#include "support/TestSupport.h"

using namespace wb;
namespace fs = std::filesystem;

namespace {

std::string readText(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

std::string joined(const std::vector<std::string>& columns)
{
    std::string out;
    for (const auto& c : columns) {
        out += (out.empty() ? "" : ",") + c;
    }
    return out + "\r\n";
}

class ExportCommandsTest : public ::testing::Test
{
protected:
    test::TempDir dir;
    fs::path file = dir / "cli.rwb";
    fs::path pass = dir / "pass.txt";
    fs::path out = dir / "exports";

    void SetUp() override
    {
        test::writePassphraseFile(pass, test::Passphrase);
        fs::create_directories(out);
        auto ws = test::createWorkspace(file);
        const auto c = ws->cases().add(test::caseDraft("FICT/E1/26"));
        core::PersonDraft p;
        p.caseId = c.id;
        p.role = core::PersonRole::Suspect;
        p.givenName = "Sidney";
        p.familyName = "Sample, \"Sid\"";
        const auto suspect = ws->people().add(p);
        ws->records().add(core::recordSpec("identifier"), suspect.id, {{"kind", "phone"}, {"value", "07700 900123"}});
    }

    std::vector<nlohmann::json> exportsAudited()
    {
        auto ws = test::openWorkspace(file);
        return test::exportEntries(*ws);
    }

    bool noTemporaryCopy()
    {
        return std::none_of(fs::directory_iterator(out), fs::directory_iterator(), [](const fs::directory_entry& e) {
            return e.path().filename().string().find(".partial") != std::string::npos;
        });
    }
};

TEST_F(ExportCommandsTest, exportPoleWritesBothFilesAndAuditsTheFolder)
{
    const auto r =
        test::runCli("export-pole " + test::quoted(file) + " --case FICT/E1/26 --out " +
                         test::quoted(out / "links.csv") + " --entities " + test::quoted(out / "entities.csv"),
                     pass);
    ASSERT_EQ(r.exitCode, 0) << r.output;
    EXPECT_NE(r.output.find("plain text, not encrypted"), std::string::npos) << r.output;
    const auto links = readText(out / "links.csv");
    const auto entities = readText(out / "entities.csv");
    EXPECT_EQ(links.substr(0, links.find("\r\n") + 2), joined(core::exports::poleLinkColumns()));
    EXPECT_EQ(entities.substr(0, entities.find("\r\n") + 2), joined(core::exports::poleEntityColumns()));
    EXPECT_NE(entities.find("\"Sidney Sample, \"\"Sid\"\"\""), std::string::npos) << entities;
    EXPECT_NE(links.find(",uses,phone:07700900123,"), std::string::npos) << links;
    EXPECT_TRUE(noTemporaryCopy());
    const auto audited = exportsAudited();
    ASSERT_EQ(audited.size(), 1u);
    EXPECT_EQ(audited[0].at("kind"), "pole-csv");
    EXPECT_EQ(audited[0].at("reference"), "FICT/E1/26");
    EXPECT_EQ(audited[0].at("folders"), nlohmann::json::array({fs::weakly_canonical(out).string()}));
}

TEST_F(ExportCommandsTest, exportCaseJsonWritesTheVersionedDocumentAndAuditsIt)
{
    const auto r = test::runCli(
        "export-case-json " + test::quoted(file) + " --case FICT/E1/26 --out " + test::quoted(out / "case.json"), pass);
    ASSERT_EQ(r.exitCode, 0) << r.output;
    const auto doc = nlohmann::json::parse(readText(out / "case.json"));
    EXPECT_EQ(doc.at("schemaVersion"), "1.1");
    EXPECT_EQ(doc.at("case").at("reference"), "FICT/E1/26");
    EXPECT_EQ(doc.at("people").at(0).at("familyName"), "Sample, \"Sid\"");
    EXPECT_TRUE(noTemporaryCopy());
    const auto audited = exportsAudited();
    ASSERT_EQ(audited.size(), 1u);
    EXPECT_EQ(audited[0].at("kind"), "case-json");
}

TEST_F(ExportCommandsTest, refusesAnExistingFileAnUnknownCaseAndAMissingEntitiesFile)
{
    {
        std::ofstream(out / "case.json") << "keep";
    }
    auto r = test::runCli(
        "export-case-json " + test::quoted(file) + " --case FICT/E1/26 --out " + test::quoted(out / "case.json"), pass);
    EXPECT_EQ(r.exitCode, 1) << r.output;
    EXPECT_EQ(readText(out / "case.json"), "keep");
    r = test::runCli("export-case-json " + test::quoted(file) + " --case FICT/NONE/26 --out " +
                         test::quoted(out / "none.json"),
                     pass);
    EXPECT_EQ(r.exitCode, 1) << r.output;
    EXPECT_FALSE(fs::exists(out / "none.json"));
    r = test::runCli("export-pole " + test::quoted(file) + " --case FICT/E1/26 --out " + test::quoted(out / "l.csv"),
                     pass);
    EXPECT_EQ(r.exitCode, 2) << "a usage error: the entities file is required; " << r.output;
    EXPECT_FALSE(fs::exists(out / "l.csv"));
    EXPECT_TRUE(exportsAudited().empty());
    EXPECT_TRUE(noTemporaryCopy());
}

} // namespace
