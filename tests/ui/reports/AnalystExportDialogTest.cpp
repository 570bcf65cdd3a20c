// SPDX-License-Identifier: GPL-3.0-or-later
// Exports for analysts in the workbench (ui/reports/AnalystExportDialog): POLE CSV as two files and the case as
// JSON, each written whole, audited with its folder and never over a file; a synced folder used only once the officer
// ticks that they mean it. Fictional data only.
#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include <QCheckBox>
#include <QCoreApplication>
#include <QLabel>

#include "core/reports/ReportCaseFixture.h"
#include "support/ExportEntries.h"
#include "support/UiTestSupport.h"
#include "ui/privacy/PrivacyMode.h"
#include "ui/reports/AnalystExportDialog.h"
#include "ui/widgets/InlineMessage.h"
#include "ui/widgets/PlainFileDestination.h"

namespace wb::ui::test {
namespace {

namespace fs = std::filesystem;

class AnalystExportDialogTest : public wb::test::ReportCaseFixture
{
protected:
    PrivacyMode privacy;
    std::unique_ptr<AnalystExportDialog> dialog;

    AnalystExportDialog& open()
    {
        dialog = std::make_unique<AnalystExportDialog>(CaseContext{ws.get(), nullptr, theCase.id, &privacy});
        dialog->show();
        QCoreApplication::processEvents();
        return *dialog;
    }

    static std::string read(const fs::path& file)
    {
        std::ifstream in(file, std::ios::binary);
        return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    }
};

TEST_F(AnalystExportDialogTest, writesThePoleCsvAsTwoFilesAuditedAndNeverOverAFile)
{
    open();
    EXPECT_EQ(dialog->format(), AnalystExportDialog::Format::PoleCsv);
    dialog->setPath(QString::fromStdString((dir / "analysis.csv").string()));
    ASSERT_EQ(dialog->targets().size(), 2);
    EXPECT_TRUE(dialog->targets().at(0).endsWith(QStringLiteral("analysis-entities.csv")));
    EXPECT_TRUE(dialog->targets().at(1).endsWith(QStringLiteral("analysis-links.csv")));
    EXPECT_TRUE(dialog->findChild<QLabel*>(QStringLiteral("analystExportTargetsLabel"))
                    ->text()
                    .contains(QStringLiteral("analysis-entities.csv, analysis-links.csv")));

    ASSERT_TRUE(dialog->exportNow()) << dialog->message()->text().toStdString();
    const std::string entities = read(dir / "analysis-entities.csv");
    EXPECT_NE(entities.find("Sample"), std::string::npos) << "the suspect, by name";
    EXPECT_EQ(entities.rfind("entity_id,", 0), 0U) << entities.substr(0, 80);
    EXPECT_TRUE(fs::exists(dir / "analysis-links.csv"));
    const auto entries = wb::test::exportEntries(*ws);
    ASSERT_EQ(entries.size(), 1U);
    EXPECT_EQ(entries[0].at("kind"), "pole-csv");
    EXPECT_EQ(entries[0].at("reference"), Reference);

    // Again to the same files: refused, nothing changed, and said in words.
    EXPECT_FALSE(dialog->exportNow());
    EXPECT_EQ(read(dir / "analysis-entities.csv"), entities);
    EXPECT_TRUE(dialog->message()->text().contains(QStringLiteral("never overwritten")))
        << dialog->message()->text().toStdString();
    EXPECT_EQ(wb::test::exportEntries(*ws).size(), 1U);
}

TEST_F(AnalystExportDialogTest, writesTheCaseAsVersionedJson)
{
    open();
    dialog->setFormat(AnalystExportDialog::Format::CaseJson);
    dialog->setPath(QString::fromStdString((dir / "case").string()));
    ASSERT_EQ(dialog->targets().size(), 1);
    EXPECT_TRUE(dialog->targets().at(0).endsWith(QStringLiteral("case.json")));
    ASSERT_TRUE(dialog->exportNow()) << dialog->message()->text().toStdString();
    const auto doc = nlohmann::json::parse(read(dir / "case.json"));
    EXPECT_EQ(doc.at("schemaVersion"), "1.1");
    EXPECT_EQ(doc.at("case").at("reference"), Reference);
    EXPECT_EQ(wb::test::exportEntries(*ws).at(0).at("kind"), "case-json");
}

TEST_F(AnalystExportDialogTest, aSyncedFolderIsNamedAndUsedOnlyOnceTheOfficerTicksThatTheyMeanIt)
{
    open();
    const fs::path synced = dir / "Dropbox" / "work";
    fs::create_directories(synced);
    dialog->setPath(QString::fromStdString((synced / "pole.csv").string()));
    auto* warning = dialog->findChild<InlineMessage*>(QStringLiteral("analystExportFolderWarning"));
    auto* confirm = dialog->findChild<QCheckBox*>(QStringLiteral("analystExportFolderConfirmCheckBox"));
    ASSERT_TRUE(warning && confirm);
    EXPECT_TRUE(warning->text().contains(QStringLiteral("Dropbox"))) << warning->text().toStdString();
    EXPECT_TRUE(confirm->isVisibleTo(dialog.get()));
    EXPECT_FALSE(dialog->exportNow());
    EXPECT_FALSE(fs::exists(synced / "pole-entities.csv"));
    EXPECT_TRUE(wb::test::exportEntries(*ws).empty());
    confirm->setChecked(true);
    EXPECT_TRUE(dialog->exportNow()) << dialog->message()->text().toStdString();
    EXPECT_TRUE(fs::exists(synced / "pole-entities.csv"));
}

TEST_F(AnalystExportDialogTest, inPrivacyModeItSaysTheFilesHoldFullNames)
{
    privacy.setOn(true);
    open();
    EXPECT_TRUE(dialog->findChild<QLabel*>(QStringLiteral("analystExportPlainFileLabel"))
                    ->text()
                    .contains(QStringLiteral("Privacy mode does not apply")));
}

} // namespace
} // namespace wb::ui::test
