// SPDX-License-Identifier: GPL-3.0-or-later
#include <gtest/gtest.h>

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QStatusBar>
#include <QTableView>
#include <QTest>
#include <QTimer>

#include "core/Workspace.h"
#include "support/MainWindowFixture.h"
#include "support/ManualClock.h"
#include "support/UiTestSupport.h"
#include "ui/cases/CaseListModel.h"
#include "ui/cases/CaseWorkspace.h"
#include "ui/cases/NewCaseDialog.h"
#include "ui/cases/OverviewTab.h"
#include "ui/mainwindow/AppSettings.h"
#include "ui/mainwindow/MainWindow.h"
#include "ui/mainwindow/WelcomePage.h"
#include "ui/people/PeopleTab.h"
#include "ui/people/PersonListModel.h"
#include "ui/session/IdleWatcher.h"
#include "ui/session/JobMonitor.h"
#include "ui/session/UnlockDialog.h"

namespace wb::ui::test {
namespace {

class MainWindowTest : public MainWindowFixture
{
protected:
    QAction* action(const char* name) const { return find<QAction>(name); }

    /// Opens a workspace made directly in core, with one case.
    void attachWithOneCase(bool training = false)
    {
        auto workspace = makeWorkspace(dir / "main.rwb", training);
        workspace->cases().add(wb::test::caseDraft("FICT/0900/26"));
        window->attachWorkspace(std::move(workspace));
        ASSERT_EQ(window->caseModel()->rowCount(), 1);
    }

    void unlockThroughDialog(const QString& passphrase)
    {
        // The real keyboard path: QTest::keyClicks only types ASCII.
        UnlockDialog* dialog = window->unlockDialog();
        ASSERT_NE(dialog, nullptr);
        ASSERT_TRUE(dialog->isVisible());
        ASSERT_EQ(dialog->mode(), UnlockDialog::Mode::Unlock);
        QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("passphraseLineEdit")), passphrase);
        QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("unlockButton")), Qt::LeftButton);
        ASSERT_TRUE(waitFor([&] {
            return window->workspace() != nullptr && !window->workspace()->isLocked() &&
                   window->caseModel()->isLoaded();
        }));
    }
};

// Issue 15: a 1280 x 800 screen at 150 % is 853 x 533 logical pixels. The main window opens no larger than the
// screen it opens on, and on each of its pages it can be made that small (leaving room for the window frame).
TEST_F(MainWindowTest, FitsTheScreenItOpensOnAndA1280By800ScreenAt150Percent)
{
    const QSize screen = window->screen()->availableGeometry().size();
    EXPECT_LE(window->width(), screen.width());
    EXPECT_LE(window->height(), screen.height());
    const auto leastFits = [&](const char* page) {
        QCoreApplication::processEvents();
        const QSize least = window->minimumSizeHint().expandedTo(window->minimumSize());
        EXPECT_LE(least.width(), 853 - 20) << page;
        EXPECT_LE(least.height(), 533 - 40) << page;
    };
    leastFits("welcome");
    attachWithOneCase();
    leastFits("cases");
}

TEST_F(MainWindowTest, CreateAddCaseLockAndUnlockKeepsTheCase)
{
    window->start();
    ASSERT_NE(find<WelcomePage>("welcomePage"), nullptr);
    EXPECT_TRUE(find<WelcomePage>("welcomePage")->isVisible());

    // Create a workspace through the dialog.
    QTest::mouseClick(find<QPushButton>("createWorkspaceButton"), Qt::LeftButton);
    UnlockDialog* create = window->unlockDialog();
    ASSERT_NE(create, nullptr);
    ASSERT_EQ(create->mode(), UnlockDialog::Mode::Create);
    const QString path = qpath(dir / "e2e.rwb");
    QTest::keyClicks(create->findChild<QLineEdit*>(QStringLiteral("ownerNameLineEdit")),
                     QStringLiteral("DC Test Fictional-Owner"));
    QTest::keyClicks(create->findChild<QLineEdit*>(QStringLiteral("staffNumberLineEdit")), QStringLiteral("T0042"));
    create->findChild<QLineEdit*>(QStringLiteral("pathLineEdit"))->setText(path);
    QTest::keyClicks(create->findChild<QLineEdit*>(QStringLiteral("passphraseLineEdit")),
                     QString::fromUtf8(wb::test::Passphrase));
    QTest::keyClicks(create->findChild<QLineEdit*>(QStringLiteral("confirmPassphraseLineEdit")),
                     QString::fromUtf8(wb::test::Passphrase));
    QTest::mouseClick(create->findChild<QPushButton*>(QStringLiteral("createButton")), Qt::LeftButton);
    ASSERT_TRUE(waitFor([&] { return window->workspace() != nullptr && window->caseModel()->isLoaded(); }));
    EXPECT_EQ(window->caseModel()->rowCount(), 0);
    EXPECT_EQ(settings->lastWorkspace(), path);
    EXPECT_EQ(window->windowTitle(), QStringLiteral("RASSO Investigator Workbench"));

    // Add a case through the dialog.
    action("newCaseAction")->trigger();
    auto* newCase = visibleTopLevel<NewCaseDialog>();
    ASSERT_NE(newCase, nullptr);
    QTest::keyClicks(newCase->findChild<QLineEdit*>(QStringLiteral("referenceLineEdit")),
                     QStringLiteral("FICT/1000/26"));
    auto* offence = newCase->findChild<QComboBox*>(QStringLiteral("offenceComboBox"));
    offence->setCurrentIndex(offence->findData(QStringLiteral("SOA2003-s2")));
    QTest::mouseClick(newCase->findChild<QPushButton*>(QStringLiteral("saveButton")), Qt::LeftButton);
    ASSERT_TRUE(waitFor([&] { return window->caseModel()->rowCount() == 1; }));
    EXPECT_EQ(visibleTopLevel<NewCaseDialog>(), nullptr);

    // Lock: the model empties and the unlock dialog asks again.
    action("lockAction")->trigger();
    EXPECT_TRUE(window->workspace()->isLocked());
    EXPECT_EQ(window->caseModel()->rowCount(), 0);
    EXPECT_TRUE(find<QLabel>("ownerLabel")->text().isEmpty());
    EXPECT_FALSE(action("newCaseAction")->isEnabled());

    unlockThroughDialog(QString::fromUtf8(wb::test::Passphrase));
    ASSERT_EQ(window->caseModel()->rowCount(), 1);
    EXPECT_EQ(window->caseModel()->index(0, CaseListModel::ReferenceColumn).data().toString(),
              QStringLiteral("FICT/1000/26"));
    EXPECT_EQ(window->caseModel()->index(0, CaseListModel::OffenceColumn).data().toString(),
              QStringLiteral("Assault by penetration"));
    EXPECT_TRUE(find<QLabel>("ownerLabel")->text().contains(QStringLiteral("DC Test Fictional-Owner")));
}

TEST_F(MainWindowTest, LockWithModalDialogsOpenClosesThemAndEmptiesTheModels)
{
    attachWithOneCase();
    // A case view (with people), a window-modal New case dialog with typed text,
    // and then an application-modal message box running its own event loop.
    action("openCaseAction")->trigger();
    QPointer<CaseWorkspace> caseView = visibleTopLevel<CaseWorkspace>();
    ASSERT_FALSE(caseView.isNull());
    action("newCaseAction")->trigger();
    QPointer<NewCaseDialog> newCase = visibleTopLevel<NewCaseDialog>();
    ASSERT_FALSE(newCase.isNull());
    QTest::keyClicks(newCase->findChild<QLineEdit*>(QStringLiteral("referenceLineEdit")),
                     QStringLiteral("FICT/1100/26"));

    // The workspace's clock, which the idle watcher reads: ten minutes pass with nobody at the keyboard
    // once the message box's own event loop runs, and the next check fires there.
    auto clock = std::make_shared<wb::test::ManualClock>(core::Clock::system().now());
    window->workspace()->setClock(clock);
    window->idleWatcher()->setTimeout(std::chrono::minutes(10));
    window->idleWatcher()->start(window->workspace()->sharedClock());
    QMessageBox box(QMessageBox::Information, QStringLiteral("Fictional"), QStringLiteral("Modal message"),
                    QMessageBox::Ok, window.get());
    auto* check = window->idleWatcher()->findChild<QTimer*>(QStringLiteral("idleCheckTimer"));
    ASSERT_NE(check, nullptr);
    QTimer::singleShot(0, &box, [&] {
        clock->advance(std::chrono::minutes(10));
        fireTimer(check);
    });
    QTimer::singleShot(10000, &box, &QMessageBox::accept); // safety net: fail, do not hang
    QElapsedTimer timer;
    timer.start();
    box.exec(); // the idle lock must fire inside this nested event loop and end it
    EXPECT_LT(timer.elapsed(), 9000) << "the message box was not closed by the lock";

    EXPECT_TRUE(window->workspace()->isLocked());
    EXPECT_EQ(window->caseModel()->rowCount(), 0);
    EXPECT_FALSE(box.isVisible());
    QTest::qWait(20); // deferred deletes
    EXPECT_TRUE(newCase.isNull()) << "the New case dialog (with its typed reference) must be gone";
    EXPECT_TRUE(caseView.isNull()) << "the case view must be gone";
    ASSERT_NE(window->unlockDialog(), nullptr);
    EXPECT_TRUE(window->unlockDialog()->isVisible());
    EXPECT_TRUE(find<QLineEdit>("filterLineEdit")->text().isEmpty());
}

// Issue 17: "+1 day" in an exercise moves scenario time, not the officer's time at the keyboard: no idle lock.
TEST_F(MainWindowTest, ScenarioTimeMovingOnDoesNotLockTheWorkspace)
{
    attachWithOneCase(/*training=*/true);
    window->workspace()->setScenarioTime(core::Clock::system().now());
    window->workspace()->advanceScenarioTime(std::chrono::hours(24));
    auto* check = window->idleWatcher()->findChild<QTimer*>(QStringLiteral("idleCheckTimer"));
    ASSERT_NE(check, nullptr);
    fireTimer(check);
    EXPECT_FALSE(window->workspace()->isLocked());
}

// Saves only append to the write-ahead log; once they pause, the window copies it into the file.
TEST_F(MainWindowTest, CopiesTheLogIntoTheFileOnceSavesPause)
{
    attachWithOneCase();
    const auto wal = std::filesystem::path((dir / "main.rwb").string() + "-wal");
    window->workspace()->checkpoint();
    ASSERT_EQ(std::filesystem::file_size(wal), 0u);
    for (int i = 0; i < 5; ++i) {
        window->workspace()->cases().add(wb::test::caseDraft(("FICT/W" + std::to_string(i) + "/26").c_str()));
    }
    ASSERT_GT(std::filesystem::file_size(wal), 0u);
    EXPECT_TRUE(waitFor([&] { return std::filesystem::file_size(wal) == 0; }, 10000))
        << "the log was not copied into the file after the saves paused";
    EXPECT_EQ(window->workspace()->cases().count(), 6);
}

TEST_F(MainWindowTest, CtrlLLocksEvenWhileAModalDialogHasFocus)
{
    attachWithOneCase();
    action("newCaseAction")->trigger();
    QPointer<NewCaseDialog> newCase = visibleTopLevel<NewCaseDialog>();
    ASSERT_FALSE(newCase.isNull());
    auto* reference = newCase->findChild<QLineEdit*>(QStringLiteral("referenceLineEdit"));
    QTest::keyClick(reference, Qt::Key_L, Qt::ControlModifier);
    EXPECT_TRUE(window->workspace()->isLocked());
    EXPECT_EQ(window->caseModel()->rowCount(), 0);
    QTest::qWait(20);
    EXPECT_TRUE(newCase.isNull());
}

TEST_F(MainWindowTest, WindowTitleHasNoPersonalDataAndMarksTraining)
{
    EXPECT_EQ(window->windowTitle(), QStringLiteral("RASSO Investigator Workbench"));
    attachWithOneCase(/*training=*/true);
    const QString title = window->windowTitle();
    EXPECT_EQ(title, QStringLiteral("RASSO Investigator Workbench — TRAINING"));
    for (const char* personal : {"Fictional Tester", "T0001", "FICT/0900/26", "main.rwb", "Testbed"}) {
        EXPECT_FALSE(title.contains(QString::fromUtf8(personal))) << personal;
    }
    auto* banner = find<QLabel>("trainingBannerLabel");
    ASSERT_NE(banner, nullptr);
    EXPECT_TRUE(banner->isVisible());
    EXPECT_TRUE(banner->text().contains(QStringLiteral("TRAINING")));

    // Locked: still marked as training, still nothing personal.
    window->lockWorkspace();
    EXPECT_EQ(window->windowTitle(), title);

    // A real (non-training) workspace: plain title, no banner.
    window->attachWorkspace(makeWorkspace(dir / "real.rwb", false));
    EXPECT_EQ(window->windowTitle(), QStringLiteral("RASSO Investigator Workbench"));
    EXPECT_FALSE(banner->isVisible());
}

// Creating the file and writing the fictional cases runs as a job off the GUI thread, with the busy
// indicator saying so (it used to run inside the key derivation's finished handler on the GUI thread).
TEST_F(MainWindowTest, DemoWorkspaceIsWrittenOffTheGuiThreadAsAJob)
{
    window->start();
    QStringList jobs;
    QString shownOnPage;
    auto* welcome = find<WelcomePage>("welcomePage");
    auto* busyText = welcome->findChild<QLabel*>(QStringLiteral("busyLabel"));
    ASSERT_NE(busyText, nullptr);
    const auto watch = QObject::connect(&JobMonitor::instance(), &JobMonitor::busyChanged, [&](bool busy) {
        if (busy) {
            jobs << JobMonitor::instance().label();
            shownOnPage = busyText->text();
        }
    });
    QTest::mouseClick(find<QPushButton>("demoButton"), Qt::LeftButton);
    const bool ready = waitFor([&] { return window->workspace() != nullptr && window->caseModel()->isLoaded(); });
    QObject::disconnect(watch);
    ASSERT_TRUE(ready) << welcome->findChild<QLabel*>(QStringLiteral("errorLabel"))->text().toStdString();
    ASSERT_FALSE(jobs.isEmpty());
    EXPECT_EQ(jobs.first(), QStringLiteral("Writing the demo workspace…")) << jobs.join(QLatin1Char('|')).toStdString();
    EXPECT_TRUE(shownOnPage.contains(QStringLiteral("step 2 of 2: writing the fictional cases")))
        << shownOnPage.toStdString();
    EXPECT_GE(window->caseModel()->rowCount(), 3);
}

TEST_F(MainWindowTest, DemoWorkspaceIsTrainingWithFictionalCases)
{
    window->start();
    QTest::mouseClick(find<QPushButton>("demoButton"), Qt::LeftButton);
    auto* welcome = find<WelcomePage>("welcomePage");
    ASSERT_TRUE(waitFor([&] { return window->workspace() != nullptr && window->caseModel()->isLoaded(); }))
        << welcome->findChild<QLabel*>(QStringLiteral("errorLabel"))->text().toStdString()
        << window->statusBar()->currentMessage().toStdString();
    EXPECT_TRUE(window->workspace()->info().training);
    EXPECT_EQ(window->caseModel()->rowCount(), static_cast<int>(window->workspace()->cases().count()));
    EXPECT_GE(window->caseModel()->rowCount(), 3);
    EXPECT_TRUE(window->windowTitle().endsWith(QStringLiteral("TRAINING")));
    EXPECT_TRUE(WelcomePage::isDemoPath(settings->lastWorkspace(), qpath(dir / "demo")));

    // The demo passphrase shown on screen opens it again.
    window->lockWorkspace();
    auto* hint = window->unlockDialog()->findChild<QLabel*>(QStringLiteral("hintLabel"));
    ASSERT_NE(hint, nullptr);
    EXPECT_TRUE(hint->text().contains(WelcomePage::demoPassphrase()));
    unlockThroughDialog(WelcomePage::demoPassphrase());
    EXPECT_GE(window->caseModel()->rowCount(), 3);
}

TEST_F(MainWindowTest, StartsWithTheUnlockDialogForTheLastWorkspace)
{
    makeWorkspace(dir / "last.rwb").reset();
    settings->setLastWorkspace(qpath(dir / "last.rwb"));
    window->start();
    ASSERT_NE(window->unlockDialog(), nullptr);
    EXPECT_EQ(window->unlockDialog()->mode(), UnlockDialog::Mode::Unlock);
    EXPECT_TRUE(window->unlockDialog()->isVisible());
    EXPECT_TRUE(window->unlockDialog()
                    ->findChild<QLabel*>(QStringLiteral("fileLabel"))
                    ->text()
                    .contains(QStringLiteral("last.rwb")));
    ASSERT_NO_FATAL_FAILURE(unlockThroughDialog(QString::fromUtf8(wb::test::Passphrase)));
}

TEST_F(MainWindowTest, CaseWorkspaceListsPeopleAndAddsAndRemovesThem)
{
    auto workspace = makeWorkspace(dir / "people.rwb");
    const auto record = workspace->cases().add(wb::test::caseDraft("FICT/1200/26"));
    core::PersonDraft victim;
    victim.caseId = record.id;
    victim.givenName = "Alex";
    victim.familyName = "Example";
    workspace->people().add(victim);
    window->attachWorkspace(std::move(workspace));

    auto* table = find<QTableView>("caseTableView");
    table->setCurrentIndex(table->model()->index(0, 0));
    QTest::keyClick(table, Qt::Key_Return); // Enter on the list opens the case
    auto* caseView = visibleTopLevel<CaseWorkspace>();
    ASSERT_NE(caseView, nullptr);
    EXPECT_EQ(caseView->caseId(), record.id);
    EXPECT_EQ(caseView->windowTitle(), QStringLiteral("Case FICT/1200/26")) << "the reference only";
    EXPECT_EQ(caseView->overviewTab()->findChild<QLineEdit*>(QStringLiteral("referenceLineEdit"))->text(),
              QStringLiteral("FICT/1200/26"));
    // Enter again raises the same window rather than opening a second one.
    QTest::keyClick(table, Qt::Key_Return);
    EXPECT_EQ(window->findChildren<CaseWorkspace*>().size(), 1);

    PeopleTab* tab = caseView->peopleTab();
    PersonListModel* people = tab->peopleModel();
    ASSERT_EQ(people->rowCount(), 1);
    QTest::mouseClick(tab->findChild<QPushButton*>(QStringLiteral("addPersonButton")), Qt::LeftButton);
    auto* role = tab->findChild<QComboBox*>(QStringLiteral("roleComboBox"));
    role->setCurrentIndex(role->findData(static_cast<int>(core::PersonRole::Suspect)));
    QTest::keyClicks(tab->findChild<QLineEdit*>(QStringLiteral("givenNameLineEdit")), QStringLiteral("Jordan"));
    QTest::keyClicks(tab->findChild<QLineEdit*>(QStringLiteral("familyNameLineEdit")), QStringLiteral("Sample"));
    tab->findChild<QCheckBox*>(QStringLiteral("dateOfBirthKnownCheckBox"))->setChecked(true);
    tab->findChild<QLineEdit*>(QStringLiteral("dateOfBirthLineEdit"))->setText(QStringLiteral("30/09/1995"));
    QTest::mouseClick(tab->findChild<QPushButton*>(QStringLiteral("savePersonButton")), Qt::LeftButton);
    ASSERT_TRUE(waitFor([&] { return people->rowCount() == 2; }));
    int row = -1;
    for (int r = 0; r < people->rowCount(); ++r) {
        if (people->personAt(r).role == core::PersonRole::Suspect) {
            row = r;
        }
    }
    ASSERT_GE(row, 0);
    EXPECT_EQ(people->index(row, PersonListModel::NameColumn).data().toString(), QStringLiteral("Jordan Sample"));
    EXPECT_EQ(people->index(row, PersonListModel::DateOfBirthColumn).data().toString(), QStringLiteral("30/09/1995"));

    auto* view = tab->findChild<QTableView*>(QStringLiteral("peopleTableView"));
    view->selectRow(row);
    QTest::mouseClick(tab->findChild<QPushButton*>(QStringLiteral("removePersonButton")), Qt::LeftButton);
    auto* question = tab->findChild<QMessageBox*>(QStringLiteral("removePersonMessageBox"));
    ASSERT_NE(question, nullptr);
    QTest::mouseClick(question->button(QMessageBox::Yes), Qt::LeftButton);
    ASSERT_TRUE(waitFor([&] { return people->rowCount() == 1; }));
    EXPECT_EQ(window->workspace()->people().listForCase(record.id).size(), 1U);
}

TEST_F(MainWindowTest, SettingsHoldOnlyThePathAndTheAutoLockDelay)
{
    attachWithOneCase();
    settings->setAutoLockMinutes(15);
    window->lockWorkspace();
    QSettings raw(qpath(dir / "settings.ini"), QSettings::IniFormat);
    for (const QString& key : raw.allKeys()) {
        EXPECT_TRUE(key == QStringLiteral("workspace/lastPath") || key == QStringLiteral("security/autoLockMinutes") ||
                    key == QStringLiteral("display/privacyMode"))
            << key.toStdString();
    }
    const auto bytes = wb::test::readBytes(dir / "settings.ini");
    EXPECT_FALSE(wb::test::contains(bytes, "Fictional Tester"));
    EXPECT_FALSE(wb::test::contains(bytes, "FICT/0900/26"));
    EXPECT_EQ(settings->autoLockMinutes(), 15);
}

} // namespace
} // namespace wb::ui::test
