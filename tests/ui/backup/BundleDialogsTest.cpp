// SPDX-License-Identifier: GPL-3.0-or-later
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>

#include <sys/stat.h>

#include <QAction>
#include <QCoreApplication>
#include <QFontMetrics>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScreen>
#include <QScrollBar>
#include <QTableView>
#include <QTest>

#include "core/Workspace.h"
#include "support/UiTestSupport.h"
#include "ui/backup/ExportBundleDialog.h"
#include "ui/backup/ImportBundleDialog.h"
#include "ui/cases/CaseListModel.h"
#include "ui/mainwindow/AppSettings.h"
#include "ui/mainwindow/MainWindow.h"
#include "ui/session/WorkspaceSession.h"
#include "ui/widgets/InlineMessage.h"

namespace wb::ui::test {
namespace {

const QString BundlePassphrase = QStringLiteral("harbour lantern quietly 47 marmalade");

class BundleDialogsTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        sourceSession.attach(makeWorkspace(dir.path() / "source.rwb"));
        source = sourceSession.workspace();
        for (const char* reference : {"FICT/0401/26", "FICT/0402/26", "FICT/0403/26"}) {
            ids.push_back(source->cases().add(wb::test::caseDraft(reference)).id);
        }
        core::PersonDraft person;
        person.caseId = ids[0];
        person.givenName = "Fictional";
        person.familyName = "Brackenby";
        source->people().add(person);
        targetSession.attach(makeWorkspace(dir.path() / "target.rwb"));
        target = targetSession.workspace();
    }

    template <typename T> static T* child(QWidget* parent, const char* name)
    {
        auto* found = parent->findChild<T*>(QString::fromLatin1(name));
        EXPECT_NE(found, nullptr) << name;
        return found;
    }

    /// Exports the given cases through the dialog; returns the bundle path.
    std::filesystem::path exportThroughDialog(const std::vector<std::int64_t>& cases, const char* fileName)
    {
        ExportBundleDialog dialog(sourceSession);
        dialog.setKdfParams(core::store::KdfParams::minimum());
        dialog.show();
        dialog.selectCases(cases);
        const auto file = dir.path() / fileName;
        dialog.setTargetPath(qpath(file));
        QTest::keyClicks(child<QLineEdit>(&dialog, "bundlePassphraseLineEdit"), BundlePassphrase);
        QTest::keyClicks(child<QLineEdit>(&dialog, "bundleConfirmLineEdit"), BundlePassphrase);
        QTest::mouseClick(child<QPushButton>(&dialog, "exportStartButton"), Qt::LeftButton);
        EXPECT_TRUE(waitFor([&] { return !dialog.isBusy(); }));
        auto* message = child<InlineMessage>(&dialog, "exportMessageLabel");
        EXPECT_EQ(message->kind(), InlineMessage::Kind::Information) << message->text().toStdString();
        return file;
    }

    /// Imports through the dialog into target; returns the dialog's message.
    QString importThroughDialog(const std::filesystem::path& file,
                                const QString& passphrase,
                                std::optional<core::bundle::ImportReport>* report = nullptr,
                                QString* reportText = nullptr)
    {
        ImportBundleDialog dialog(targetSession);
        dialog.show();
        dialog.setBundlePath(qpath(file));
        auto* pass = child<QLineEdit>(&dialog, "importPassphraseLineEdit");
        EXPECT_EQ(pass->echoMode(), QLineEdit::Password);
        QTest::keyClicks(pass, passphrase);
        QTest::mouseClick(child<QPushButton>(&dialog, "importStartButton"), Qt::LeftButton);
        EXPECT_TRUE(waitFor([&] { return !dialog.isBusy(); }));
        EXPECT_TRUE(pass->text().isEmpty());
        if (report != nullptr) {
            *report = dialog.report();
        }
        if (reportText != nullptr) {
            *reportText = child<QPlainTextEdit>(&dialog, "importReportTextEdit")->toPlainText();
        }
        return child<InlineMessage>(&dialog, "importMessageLabel")->text();
    }

    TempDir dir;
    // The dialogs work through a session, as in the main window; these point into the sessions'.
    WorkspaceSession sourceSession;
    WorkspaceSession targetSession;
    core::Workspace* source = nullptr;
    core::Workspace* target = nullptr;
    std::vector<std::int64_t> ids;
};

// Issue 15: a case with a long offence title ran off the edge of the list behind a horizontal scroll bar. The
// dialog is as wide as its longest line (within the screen), and each line's tooltip holds all of it.
TEST_F(BundleDialogsTest, ExportListShowsEachCaseWhole)
{
    auto draft = wb::test::caseDraft("FICT/0404/26", "SOA2003-s4");
    draft.operationName = "Operation Fictional Longname";
    source->cases().add(draft);
    ExportBundleDialog dialog(sourceSession);
    dialog.show();
    QCoreApplication::processEvents();
    auto* list = child<QListWidget>(&dialog, "exportCaseListWidget");
    ASSERT_EQ(list->count(), 4);
    const QFontMetrics metrics(list->font());
    const int screenWidth = dialog.screen()->availableGeometry().width();
    bool longOne = false;
    for (int row = 0; row < list->count(); ++row) {
        const QListWidgetItem* item = list->item(row);
        longOne = longOne || item->text().contains(QStringLiteral("Causing a person to engage"));
        EXPECT_EQ(item->toolTip(), item->text());
        if (list->visualItemRect(item).left() + metrics.horizontalAdvance(item->text()) > list->viewport()->width()) {
            // Only a screen too narrow for the line leaves it cut (then its tooltip has it whole).
            EXPECT_GE(list->width(), screenWidth * 8 / 10 - 2) << item->text().toStdString();
        }
    }
    EXPECT_TRUE(longOne);
    EXPECT_LE(dialog.width(), dialog.screen()->availableGeometry().width());
}

TEST_F(BundleDialogsTest, ExportNeedsCasesMatchingPassphrasesAndRefusesAWeakOne)
{
    ExportBundleDialog dialog(sourceSession);
    dialog.setKdfParams(core::store::KdfParams::minimum());
    dialog.show();
    auto* list = child<QListWidget>(&dialog, "exportCaseListWidget");
    ASSERT_EQ(list->count(), 3);
    EXPECT_TRUE(list->item(0)->text().contains(QStringLiteral("FICT/04")));
    auto* start = child<QPushButton>(&dialog, "exportStartButton");
    auto* pass = child<QLineEdit>(&dialog, "bundlePassphraseLineEdit");
    auto* confirm = child<QLineEdit>(&dialog, "bundleConfirmLineEdit");
    EXPECT_EQ(pass->echoMode(), QLineEdit::Password);
    EXPECT_FALSE(start->isEnabled()) << "nothing chosen yet";

    dialog.selectCases({ids[0], ids[2]});
    auto chosen = dialog.selectedCases();
    std::sort(chosen.begin(), chosen.end());
    EXPECT_EQ(chosen, (std::vector<std::int64_t>{ids[0], ids[2]}));
    QTest::keyClicks(pass, QStringLiteral("password"));
    EXPECT_FALSE(child<QLabel>(&dialog, "bundleStrengthLabel")->text().isEmpty()) << "strength in words";
    QTest::keyClicks(confirm, QStringLiteral("passwor"));
    EXPECT_FALSE(start->isEnabled()) << "the two entries differ";
    EXPECT_TRUE(child<InlineMessage>(&dialog, "bundleMismatchLabel")->isVisibleTo(&dialog));
    QTest::keyClicks(confirm, QStringLiteral("d"));
    ASSERT_TRUE(start->isEnabled());
    const auto file = dir.path() / "weak.rwbundle";
    dialog.setTargetPath(qpath(file));
    QTest::mouseClick(start, Qt::LeftButton);
    auto* message = child<InlineMessage>(&dialog, "exportMessageLabel");
    EXPECT_EQ(message->kind(), InlineMessage::Kind::Error);
    EXPECT_TRUE(message->text().contains(QStringLiteral("too weak"))) << message->text().toStdString();
    EXPECT_FALSE(dialog.isBusy());
    EXPECT_FALSE(std::filesystem::exists(file));
}

TEST_F(BundleDialogsTest, ExportedCasesImportIntoAnotherWorkspaceWithAReport)
{
    const auto file = exportThroughDialog({ids[0], ids[2]}, "handover.rwbundle");
    ASSERT_TRUE(std::filesystem::exists(file));
    const auto bytes = wb::test::readBytes(file);
    EXPECT_FALSE(wb::test::contains(bytes, "Brackenby")) << "the bundle is encrypted";
    EXPECT_FALSE(wb::test::contains(bytes, "FICT/0401/26"));

    std::optional<core::bundle::ImportReport> report;
    QString text;
    importThroughDialog(file, BundlePassphrase, &report, &text);
    ASSERT_TRUE(report.has_value());
    EXPECT_EQ(report->casesAdded, 2U);
    EXPECT_EQ(report->peopleAdded, 1U);
    EXPECT_TRUE(report->conflicts.empty());
    EXPECT_TRUE(text.contains(QStringLiteral("Cases added: 2"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("Conflicts: none"))) << text.toStdString();
    EXPECT_EQ(target->cases().count(), 2);
}

TEST_F(BundleDialogsTest, ConflictsAreListedAndTheLocalCopyKept)
{
    const auto file = exportThroughDialog({ids[0]}, "one.rwbundle");
    importThroughDialog(file, BundlePassphrase);
    auto local = *target->cases().findByUuid(source->cases().find(ids[0])->uuid);
    local.status = core::CaseStatus::Closed;
    target->cases().update(local);

    std::optional<core::bundle::ImportReport> report;
    QString text;
    const QString message = importThroughDialog(file, BundlePassphrase, &report, &text);
    ASSERT_TRUE(report.has_value());
    ASSERT_EQ(report->conflicts.size(), 1U);
    EXPECT_TRUE(message.startsWith(QStringLiteral("Warning:"))) << message.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("FICT/0401/26"))) << text.toStdString();
    EXPECT_EQ(target->cases().find(local.id)->status, core::CaseStatus::Closed);
}

TEST_F(BundleDialogsTest, RecordsForACaseAlreadyHereWaitForTheOfficerAndOnlyTickedOnesAreAdded)
{
    importThroughDialog(exportThroughDialog({ids[0]}, "first.rwbundle"), BundlePassphrase);
    ASSERT_EQ(target->cases().count(), 1);
    // The sender then adds two witnesses to the case the recipient already has.
    std::vector<core::Person> added;
    for (const char* family : {"Addison", "Bellweather"}) {
        core::PersonDraft draft;
        draft.caseId = ids[0];
        draft.role = core::PersonRole::Witness;
        draft.givenName = "Fictional";
        draft.familyName = family;
        added.push_back(source->people().add(draft));
    }
    const auto second = exportThroughDialog({ids[0]}, "second.rwbundle");

    ImportBundleDialog dialog(targetSession);
    bool importedSignal = false;
    QObject::connect(&dialog, &ImportBundleDialog::imported, [&] { importedSignal = true; });
    dialog.show();
    dialog.setBundlePath(qpath(second));
    QTest::keyClicks(child<QLineEdit>(&dialog, "importPassphraseLineEdit"), BundlePassphrase);
    QTest::mouseClick(child<QPushButton>(&dialog, "importStartButton"), Qt::LeftButton);
    ASSERT_TRUE(waitFor([&] { return !dialog.isBusy(); }));
    ASSERT_TRUE(dialog.pendingPlan().has_value()) << "the records wait for review";
    EXPECT_FALSE(importedSignal);
    EXPECT_FALSE(target->people().findByUuid(added[0].uuid)) << "nothing imported before the officer decides";

    auto* label = child<QLabel>(&dialog, "importProposedLabel");
    EXPECT_TRUE(label->text().contains(QStringLiteral("not verified"))) << label->text().toStdString();
    EXPECT_TRUE(label->text().contains(QStringLiteral("DC Fictional Tester"))) << label->text().toStdString();
    // Issue 15: proper plural forms, not "2 record(s)".
    EXPECT_TRUE(label->text().contains(QStringLiteral("brings 2 records into cases"))) << label->text().toStdString();
    EXPECT_FALSE(label->text().contains(QStringLiteral("(s)"))) << label->text().toStdString();
    auto* list = child<QListWidget>(&dialog, "importProposedListWidget");
    ASSERT_TRUE(list->isVisibleTo(&dialog));
    EXPECT_FALSE(list->accessibleName().isEmpty());
    ASSERT_EQ(list->count(), 2);
    int first = -1;
    for (int row = 0; row < list->count(); ++row) {
        QListWidgetItem* item = list->item(row);
        EXPECT_EQ(item->checkState(), Qt::Unchecked) << "never accepted by default";
        EXPECT_TRUE(item->flags() & Qt::ItemIsUserCheckable);
        EXPECT_TRUE(item->text().contains(QStringLiteral("FICT/0401/26"))) << item->text().toStdString();
        EXPECT_TRUE(item->text().contains(QStringLiteral("witness"))) << item->text().toStdString();
        EXPECT_FALSE(item->text().contains(QStringLiteral("Addison"))) << "coded values only";
        if (item->data(Qt::UserRole).toString() == QString::fromStdString(added[0].uuid)) {
            first = row;
        }
    }
    ASSERT_GE(first, 0);
    // Keyboard only: move to the record and tick it with Space.
    list->setFocus();
    list->setCurrentRow(first);
    QTest::keyClick(list, Qt::Key_Space);
    EXPECT_EQ(list->item(first)->checkState(), Qt::Checked);
    auto* complete = child<QPushButton>(&dialog, "importCompleteButton");
    ASSERT_TRUE(complete->isVisible());
    EXPECT_FALSE(complete->accessibleName().isEmpty());
    QTest::mouseClick(complete, Qt::LeftButton);
    EXPECT_TRUE(dialog.isBusy()) << "the merge runs off the GUI thread";
    ASSERT_TRUE(waitFor([&] { return !dialog.isBusy(); }));

    ASSERT_TRUE(dialog.report().has_value());
    EXPECT_EQ(dialog.report()->accepted, 1U);
    EXPECT_EQ(dialog.report()->rejected, 1U);
    EXPECT_TRUE(importedSignal);
    EXPECT_FALSE(dialog.pendingPlan().has_value());
    EXPECT_TRUE(target->people().findByUuid(added[0].uuid));
    EXPECT_FALSE(target->people().findByUuid(added[1].uuid));
    EXPECT_TRUE(child<QPlainTextEdit>(&dialog, "importReportTextEdit")
                    ->toPlainText()
                    .contains(QStringLiteral("1 added as ticked, 1 left out")));
}

TEST_F(BundleDialogsTest, ClosingTheReviewImportsNothing)
{
    importThroughDialog(exportThroughDialog({ids[0]}, "first.rwbundle"), BundlePassphrase);
    core::PersonDraft draft;
    draft.caseId = ids[0];
    draft.givenName = "Fictional";
    draft.familyName = "Closeby";
    const auto person = source->people().add(draft);
    const auto second = exportThroughDialog({ids[0], ids[1]}, "second.rwbundle");
    {
        ImportBundleDialog dialog(targetSession);
        dialog.show();
        dialog.setBundlePath(qpath(second));
        QTest::keyClicks(child<QLineEdit>(&dialog, "importPassphraseLineEdit"), BundlePassphrase);
        QTest::mouseClick(child<QPushButton>(&dialog, "importStartButton"), Qt::LeftButton);
        ASSERT_TRUE(waitFor([&] { return !dialog.isBusy(); }));
        ASSERT_TRUE(dialog.pendingPlan().has_value());
        EXPECT_EQ(dialog.pendingPlan()->newCases.size(), 1U);
        QTest::mouseClick(child<QPushButton>(&dialog, "importCloseButton"), Qt::LeftButton);
        EXPECT_FALSE(dialog.pendingPlan().has_value());
    }
    EXPECT_EQ(target->cases().count(), 1) << "the new case waits with the proposed records";
    EXPECT_FALSE(target->people().findByUuid(person.uuid));
}

TEST_F(BundleDialogsTest, AFifoOrAnOverLimitBundleIsRefusedNamingTheProblem)
{
    const auto fifo = dir.path() / "pipe.rwbundle";
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    QString message = importThroughDialog(fifo, BundlePassphrase);
    EXPECT_TRUE(message.contains(QStringLiteral("Nothing was imported"))) << message.toStdString();
    EXPECT_TRUE(message.contains(QStringLiteral("pipe"))) << message.toStdString();

    const auto huge = dir.path() / "huge.rwbundle";
    {
        std::ofstream(huge).put('x');
    }
    std::filesystem::resize_file(huge, core::bundle::MaxFileBytes + 1);
    message = importThroughDialog(huge, BundlePassphrase);
    EXPECT_TRUE(message.contains(QStringLiteral("130 MiB"))) << message.toStdString();
    EXPECT_EQ(target->cases().count(), 0);
}

TEST_F(BundleDialogsTest, WrongPassphraseTamperedOrTruncatedBundleImportsNothing)
{
    const auto file = exportThroughDialog({ids[0], ids[1]}, "good.rwbundle");
    const auto bytes = wb::test::readBytes(file);

    QString message = importThroughDialog(file, QStringLiteral("not the bundle passphrase"));
    EXPECT_TRUE(message.contains(QStringLiteral("Nothing was imported"))) << message.toStdString();
    EXPECT_TRUE(message.contains(QStringLiteral("bundle passphrase is not correct"))) << message.toStdString();

    auto tampered = bytes;
    tampered[tampered.size() / 2] ^= 0x01;
    const auto tamperedFile = dir.path() / "tampered.rwbundle";
    wb::test::writeBytes(tamperedFile, tampered);
    message = importThroughDialog(tamperedFile, BundlePassphrase);
    EXPECT_TRUE(message.startsWith(QStringLiteral("Error:"))) << message.toStdString();
    EXPECT_TRUE(message.contains(QStringLiteral("altered or damaged"))) << message.toStdString();

    auto truncated = bytes;
    truncated.resize(truncated.size() - 20);
    const auto truncatedFile = dir.path() / "truncated.rwbundle";
    wb::test::writeBytes(truncatedFile, truncated);
    message = importThroughDialog(truncatedFile, BundlePassphrase);
    EXPECT_TRUE(message.contains(QStringLiteral("Nothing was imported"))) << message.toStdString();

    message = importThroughDialog(dir.path() / "missing.rwbundle", BundlePassphrase);
    EXPECT_TRUE(message.contains(QStringLiteral("Nothing was imported"))) << message.toStdString();
    EXPECT_EQ(target->cases().count(), 0) << "a failed import must leave no case behind";
}

TEST_F(BundleDialogsTest, MainWindowMenuImportsAndTheCaseListShowsTheNewCases)
{
    const auto file = exportThroughDialog({ids[1]}, "menu.rwbundle");
    AppSettings settings(qpath(dir.path() / "settings.ini"));
    MainWindow window(catalogues(), settings);
    window.setKdfParams(core::store::KdfParams::minimum());
    window.show();
    window.attachWorkspace(makeWorkspace(dir.path() / "menu-target.rwb")); // empty, like target
    EXPECT_EQ(window.caseModel()->rowCount(), 0);
    auto* importAction = window.findChild<QAction*>(QStringLiteral("importBundleAction"));
    ASSERT_NE(importAction, nullptr);
    ASSERT_TRUE(importAction->isEnabled());
    importAction->trigger();
    auto* dialog = visibleTopLevel<ImportBundleDialog>();
    ASSERT_NE(dialog, nullptr);
    EXPECT_EQ(dialog->windowModality(), Qt::ApplicationModal);
    dialog->setBundlePath(qpath(file));
    QTest::keyClicks(child<QLineEdit>(dialog, "importPassphraseLineEdit"), BundlePassphrase);
    QTest::mouseClick(child<QPushButton>(dialog, "importStartButton"), Qt::LeftButton);
    ASSERT_TRUE(waitFor([&] { return window.caseModel()->rowCount() == 1; }));
    dialog->reject();

    auto* view = window.findChild<QTableView*>(QStringLiteral("caseTableView"));
    view->setCurrentIndex(view->model()->index(0, 0));
    auto* exportAction = window.findChild<QAction*>(QStringLiteral("exportBundleAction"));
    ASSERT_TRUE(exportAction->isEnabled());
    exportAction->trigger();
    auto* exportDialog = visibleTopLevel<ExportBundleDialog>();
    ASSERT_NE(exportDialog, nullptr);
    EXPECT_EQ(exportDialog->selectedCases().size(), 1U) << "the selected case is ticked";
    // Lock closes it like any other dialog.
    window.lockWorkspace();
    EXPECT_EQ(visibleTopLevel<ExportBundleDialog>(), nullptr);
}

} // namespace
} // namespace wb::ui::test
