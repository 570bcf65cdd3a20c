// SPDX-License-Identifier: GPL-3.0-or-later
// The reports of a case in the workbench (ui/reports/ReportDialog): every page previewed as it will print and
// following the choice of report, privacy mode said either way, a PDF saved whole, audited and never over another
// file, a synced folder named and used only once the officer ticks that they mean it, a printout audited with its
// printer, and a marking core refuses shown in words. Fictional data only.
#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPrintPreviewWidget>
#include <QPrinter>
#include <QPushButton>

#include "core/reports/ReportCaseFixture.h"
#include "support/ExportEntries.h"
#include "support/PdfText.h"
#include "support/UiTestSupport.h"
#include "ui/privacy/PrivacyMode.h"
#include "ui/reports/ReportDialog.h"
#include "ui/widgets/InlineMessage.h"

namespace wb::ui::test {
namespace {

namespace fs = std::filesystem;
using core::reports::ReportKind;

class ReportDialogTest : public wb::test::ReportCaseFixture
{
protected:
    Catalogues cats = catalogues();
    PrivacyMode privacy;
    std::unique_ptr<ReportDialog> dialog;

    ReportDialog& open()
    {
        dialog = std::make_unique<ReportDialog>(CaseContext{ws.get(), nullptr, theCase.id, &privacy, &cats});
        dialog->show();
        QCoreApplication::processEvents();
        return *dialog;
    }

    template <typename T> T* find(const char* name) const
    {
        T* widget = dialog->findChild<T*>(QString::fromLatin1(name));
        EXPECT_NE(widget, nullptr) << name;
        return widget;
    }

    std::vector<nlohmann::json> exportEntries() { return wb::test::exportEntries(*ws); }

    /// Every page's text, one after the other.
    static std::string textOf(const fs::path& pdf)
    {
        std::string text;
        for (const auto& page : wb::test::pdfPageTexts(pdf)) {
            text += page + '\n';
        }
        return text;
    }
};

TEST_F(ReportDialogTest, previewsEveryPageOfTheChosenReportAndSaysWhetherPrivacyModeIsOn)
{
    open();
    EXPECT_EQ(dialog->kind(), ReportKind::CaseSummary);
    EXPECT_GE(dialog->pageCount(), 1);
    EXPECT_EQ(dialog->preview()->pageCount(), dialog->pageCount());
    EXPECT_EQ(find<QLineEdit>("reportMarkingLineEdit")->text(), QStringLiteral("OFFICIAL-SENSITIVE"));
    EXPECT_TRUE(find<QLabel>("reportPrivacyLabel")->text().contains(QStringLiteral("off")));

    dialog->setKind(ReportKind::InvestigationPlan);
    EXPECT_GE(dialog->pageCount(), 1);
    dialog->setKind(ReportKind::DecisionLog);
    EXPECT_GE(dialog->pageCount(), 1);

    privacy.setOn(true);
    EXPECT_TRUE(find<QLabel>("reportPrivacyLabel")->text().contains(QStringLiteral("initials")));

    // Every control can be reached by keyboard and is named for assistive technology.
    for (QWidget* widget : dialog->findChildren<QWidget*>()) {
        if ((qobject_cast<QLineEdit*>(widget) != nullptr || qobject_cast<QPushButton*>(widget) != nullptr ||
             qobject_cast<QCheckBox*>(widget) != nullptr) &&
            widget->isVisibleTo(dialog.get())) {
            EXPECT_NE(widget->focusPolicy() & Qt::TabFocus, 0) << widget->objectName().toStdString();
        }
    }
    EXPECT_FALSE(dialog->preview()->accessibleName().isEmpty());
}

TEST_F(ReportDialogTest, savesTheMarkedPdfWholeAuditedAndNeverOverAnotherFile)
{
    open();
    dialog->setKind(ReportKind::InvestigationPlan);
    const fs::path pdf = dir / "plan.pdf";
    dialog->setPdfPath(QString::fromStdString((dir / "plan").string())); // ".pdf" is added
    ASSERT_TRUE(dialog->savePdf()) << dialog->message()->text().toStdString();
    ASSERT_TRUE(fs::exists(pdf));
    EXPECT_EQ(fs::status(pdf).permissions() & (fs::perms::group_all | fs::perms::others_all), fs::perms::none);
    const std::string text = textOf(pdf);
    EXPECT_NE(text.find("OFFICIAL-SENSITIVE"), std::string::npos);
    EXPECT_NE(text.find("Investigation plan"), std::string::npos);
    EXPECT_NE(text.find(Reference), std::string::npos);
    EXPECT_TRUE(dialog->message()->text().contains(QStringLiteral("Saved")));
    auto entries = exportEntries();
    ASSERT_EQ(entries.size(), 1U);
    EXPECT_EQ(entries[0].at("kind"), "report-plan");
    EXPECT_EQ(entries[0].at("folders"), nlohmann::json::array({fs::canonical(dir.path()).string()}));

    // Again to the same file: refused in words, the file as it was, nothing more audited.
    const auto before = fs::file_size(pdf);
    dialog->setPdfPath(QString::fromStdString(pdf.string()));
    EXPECT_FALSE(dialog->savePdf());
    EXPECT_TRUE(dialog->message()->text().contains(QStringLiteral("already exists")))
        << dialog->message()->text().toStdString();
    EXPECT_EQ(fs::file_size(pdf), before);
    EXPECT_EQ(exportEntries().size(), 1U);
}

TEST_F(ReportDialogTest, withoutACaseItOffersTheTodayListAndAuditsItAsOfEveryOpenCase)
{
    dialog = std::make_unique<ReportDialog>(CaseContext{ws.get(), nullptr, 0, &privacy, &cats});
    dialog->show();
    QCoreApplication::processEvents();
    auto* kinds = find<QComboBox>("reportKindComboBox");
    ASSERT_EQ(kinds->count(), 1);
    EXPECT_EQ(dialog->kind(), ReportKind::Today);
    EXPECT_GE(dialog->pageCount(), 1);
    const fs::path pdf = dir / "today.pdf";
    dialog->setPdfPath(QString::fromStdString(pdf.string()));
    ASSERT_TRUE(dialog->savePdf()) << dialog->message()->text().toStdString();
    EXPECT_NE(textOf(pdf).find("All open cases"), std::string::npos);
    QPrinter printer(QPrinter::HighResolution);
    printer.setOutputFormat(QPrinter::PdfFormat);
    printer.setOutputFileName(QString::fromStdString((dir / "printed.pdf").string()));
    ASSERT_TRUE(dialog->printTo(printer)) << dialog->message()->text().toStdString();
    const auto entries = exportEntries();
    ASSERT_EQ(entries.size(), 2U);
    EXPECT_EQ(entries[0].at("kind"), "report-today");
    EXPECT_EQ(entries[1].at("kind"), "print-today");
    for (const auto& entry : entries) {
        EXPECT_EQ(entry.at("scope"), "open-cases");
        EXPECT_FALSE(entry.contains("case"));
    }
}

TEST_F(ReportDialogTest, aCaseWindowOffersTheCasesReportsAndNotTheTodayList)
{
    open();
    auto* kinds = find<QComboBox>("reportKindComboBox");
    EXPECT_EQ(kinds->findData(static_cast<int>(ReportKind::Today)), -1);
    EXPECT_NE(kinds->findData(static_cast<int>(ReportKind::VictimContact)), -1);
    EXPECT_NE(kinds->findData(static_cast<int>(ReportKind::ReviewPack)), -1);
    dialog->setKind(ReportKind::ReviewPack);
    EXPECT_GE(dialog->pageCount(), 1) << dialog->message()->text().toStdString();
}

TEST_F(ReportDialogTest, aSyncedFolderIsNamedAndUsedOnlyOnceTheOfficerTicksThatTheyMeanIt)
{
    open();
    const fs::path synced = dir / "OneDrive - Fictional Constabulary";
    fs::create_directories(synced);
    dialog->setPdfPath(QString::fromStdString((synced / "summary.pdf").string()));
    auto* warning = find<InlineMessage>("reportFolderWarning");
    auto* confirm = find<QCheckBox>("reportFolderConfirmCheckBox");
    EXPECT_TRUE(warning->isVisibleTo(dialog.get()));
    EXPECT_TRUE(warning->text().contains(QStringLiteral("OneDrive - Fictional Constabulary")))
        << warning->text().toStdString();
    EXPECT_EQ(warning->kind(), InlineMessage::Kind::Warning);
    EXPECT_TRUE(confirm->isVisibleTo(dialog.get()));

    EXPECT_FALSE(dialog->savePdf());
    EXPECT_FALSE(fs::exists(synced / "summary.pdf"));
    EXPECT_TRUE(exportEntries().empty());

    confirm->setChecked(true);
    EXPECT_TRUE(dialog->savePdf()) << dialog->message()->text().toStdString();
    EXPECT_TRUE(fs::exists(synced / "summary.pdf"));

    // A plain folder: no warning, no tick box.
    dialog->setPdfPath(QString::fromStdString((dir / "summary.pdf").string()));
    EXPECT_FALSE(warning->isVisibleTo(dialog.get()));
    EXPECT_FALSE(confirm->isVisibleTo(dialog.get()));
    EXPECT_FALSE(confirm->isChecked()) << "the tick is for one folder, not the next";
}

TEST_F(ReportDialogTest, aPrintoutIsAuditedWithItsPrinter)
{
    open();
    dialog->setKind(ReportKind::DecisionLog);
    QPrinter printer(QPrinter::HighResolution);
    printer.setOutputFormat(QPrinter::PdfFormat); // a printer that prints to a file, for the test to read
    const fs::path printed = dir / "printed.pdf";
    printer.setOutputFileName(QString::fromStdString(printed.string()));
    ASSERT_TRUE(dialog->printTo(printer)) << dialog->message()->text().toStdString();
    const std::string text = textOf(printed);
    EXPECT_NE(text.find("Decision log"), std::string::npos);
    EXPECT_NE(text.find("OFFICIAL-SENSITIVE"), std::string::npos);
    const auto entries = exportEntries();
    ASSERT_EQ(entries.size(), 1U);
    EXPECT_EQ(entries[0].at("kind"), "print-decision-log");
    EXPECT_TRUE(entries[0].contains("printer"));
}

TEST_F(ReportDialogTest, aMarkingCoreRefusesIsShownInWordsAndNothingCanBePrinted)
{
    open();
    auto* marking = find<QLineEdit>("reportMarkingLineEdit");
    marking->setText(QStringLiteral("OFFICIAL\tSENSITIVE"));
    Q_EMIT marking->editingFinished();
    EXPECT_EQ(dialog->pageCount(), 0);
    EXPECT_TRUE(dialog->message()->text().contains(QStringLiteral("marking")))
        << dialog->message()->text().toStdString();
    EXPECT_FALSE(find<QPushButton>("saveReportPdfButton")->isEnabled());
    EXPECT_FALSE(find<QPushButton>("printReportButton")->isEnabled());

    marking->setText(QStringLiteral("OFFICIAL"));
    Q_EMIT marking->editingFinished();
    EXPECT_GE(dialog->pageCount(), 1);
    EXPECT_TRUE(find<QPushButton>("saveReportPdfButton")->isEnabled());
}

} // namespace
} // namespace wb::ui::test
