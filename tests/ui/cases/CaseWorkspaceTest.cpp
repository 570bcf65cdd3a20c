// SPDX-License-Identifier: GPL-3.0-or-later
#include <gtest/gtest.h>

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTimer>

#include "core/Workspace.h"
#include "core/demo/DemoData.h"
#include "support/UiTestSupport.h"
#include "ui/cases/CaseListModel.h"
#include "ui/cases/CaseWorkspace.h"
#include "ui/mainwindow/AppSettings.h"
#include "ui/mainwindow/MainWindow.h"
#include "ui/people/PeopleTab.h"
#include "ui/people/PersonListModel.h"
#include "ui/reports/ReportDialog.h"

namespace wb::ui::test {
namespace {

class CaseWorkspaceTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        settings = std::make_unique<AppSettings>(qpath(dir / "settings.ini"));
        window = std::make_unique<MainWindow>(catalogues(), *settings);
        window->setKdfParams(core::store::KdfParams::minimum());
        window->show();
        auto workspace = makeWorkspace(dir / "cases.rwb", true);
        core::addDemoCases(*workspace);
        for (const auto& record : workspace->cases().list()) {
            if (record.reference.starts_with("DEMO/0001/")) {
                caseId = record.id;
            }
        }
        window->attachWorkspace(std::move(workspace));
        ASSERT_NE(caseId, 0);
    }

    void TearDown() override
    {
        window.reset();
        QTest::qWait(1);
    }

    TempDir dir;
    std::unique_ptr<AppSettings> settings;
    std::unique_ptr<MainWindow> window;
    std::int64_t caseId = 0;
};

TEST_F(CaseWorkspaceTest, HasTheTabsAndATitleWithTheReferenceOnly)
{
    QPointer<CaseWorkspace> view = window->openCaseWorkspace(caseId);
    ASSERT_FALSE(view.isNull());
    EXPECT_TRUE(view->isVisible());
    EXPECT_EQ(window->openCaseWorkspace(caseId), view.data()) << "one window per case";
    QTabWidget* tabs = view->tabs();
    ASSERT_GE(tabs->count(), 2);
    EXPECT_EQ(tabs->tabText(0), QStringLiteral("Overview"));
    EXPECT_EQ(tabs->tabText(1), QStringLiteral("Context"));
    EXPECT_EQ(tabs->tabText(2), QStringLiteral("People"));
    EXPECT_TRUE(view->windowTitle().startsWith(QStringLiteral("Case DEMO/0001/"))) << view->windowTitle().toStdString();
    // A training workspace (as here) says so in the title and in a banner, in words (issue 17).
    EXPECT_TRUE(view->windowTitle().endsWith(QStringLiteral("— TRAINING"))) << view->windowTitle().toStdString();
    auto* banner = view->findChild<QLabel*>(QStringLiteral("trainingBanner"));
    ASSERT_NE(banner, nullptr);
    EXPECT_TRUE(banner->isVisible());
    EXPECT_TRUE(banner->text().startsWith(QStringLiteral("TRAINING")));
    // Reports… (Ctrl+P) opens the reports of this case.
    EXPECT_EQ(view->findChild<QAction*>(QStringLiteral("reportsAction"))->shortcut(),
              QKeySequence(QKeySequence::Print));
    view->findChild<QPushButton*>(QStringLiteral("caseReportsButton"))->click();
    auto* reports = view->findChild<ReportDialog*>();
    ASSERT_NE(reports, nullptr);
    EXPECT_TRUE(reports->isVisible());
    EXPECT_GE(reports->pageCount(), 1);
    reports->close();
    for (const auto& person : window->workspace()->people().listForCase(caseId)) {
        EXPECT_FALSE(view->windowTitle().contains(QString::fromStdString(person.givenName)));
        EXPECT_FALSE(view->windowTitle().contains(QString::fromStdString(person.familyName)));
    }

    // Ctrl+PgDown / Ctrl+PgUp move between the tabs, wrapping round.
    tabs->setCurrentIndex(0);
    view->findChild<QAction*>(QStringLiteral("nextTabAction"))->trigger();
    EXPECT_EQ(tabs->currentIndex(), 1);
    view->findChild<QAction*>(QStringLiteral("previousTabAction"))->trigger();
    view->findChild<QAction*>(QStringLiteral("previousTabAction"))->trigger();
    EXPECT_EQ(tabs->currentIndex(), tabs->count() - 1);
    EXPECT_EQ(view->findChild<QAction*>(QStringLiteral("nextTabAction"))->shortcut(),
              QKeySequence(Qt::CTRL | Qt::Key_PageDown));
    EXPECT_EQ(view->findChild<QAction*>(QStringLiteral("saveAction"))->shortcut(), QKeySequence(QKeySequence::Save));
    EXPECT_EQ(view->findChild<QAction*>(QStringLiteral("newRecordAction"))->shortcut(),
              QKeySequence(QKeySequence::New));
}

// Issue 15: the case window fits a 1280 x 800 screen with every tab shown (a label or list that will not wrap
// made it wider, so Save was off the screen's edge). Each tab's smallest size leaves room for the window frame.
TEST_F(CaseWorkspaceTest, FitsA1280By800ScreenOnEveryTab)
{
    QPointer<CaseWorkspace> view = window->openCaseWorkspace(caseId);
    ASSERT_FALSE(view.isNull());
    QTabWidget* tabs = view->tabs();
    for (int i = 0; i < tabs->count(); ++i) {
        tabs->setCurrentIndex(i);
        QCoreApplication::processEvents();
        const QSize least = tabs->widget(i)->minimumSizeHint().expandedTo(tabs->widget(i)->minimumSize());
        EXPECT_LE(least.width(), 1240) << tabs->tabText(i).toStdString();
        EXPECT_LE(least.height(), 700) << tabs->tabText(i).toStdString();
    }
    const QSize least = view->minimumSizeHint().expandedTo(view->minimumSize());
    EXPECT_LE(least.width(), 1260);
    EXPECT_LE(least.height(), 760);
}

// Issue 15: a 1280 x 800 screen at 150 % is 853 x 533 logical pixels. The case window opens no larger than the
// screen it opens on (it asked for 1280 x 800 whatever the screen), and it can be made that small on every tab:
// what does not fit scrolls instead of running off the screen.
TEST_F(CaseWorkspaceTest, FitsA1280By800ScreenAt150PercentByScrolling)
{
    QPointer<CaseWorkspace> view = window->openCaseWorkspace(caseId);
    ASSERT_FALSE(view.isNull());
    const QSize screen = view->screen()->availableGeometry().size();
    EXPECT_LE(view->width(), screen.width());
    EXPECT_LE(view->height(), screen.height());
    QTabWidget* tabs = view->tabs();
    for (int i = 0; i < tabs->count(); ++i) {
        tabs->setCurrentIndex(i);
        QCoreApplication::processEvents();
        const QSize least = view->minimumSizeHint().expandedTo(view->minimumSize());
        EXPECT_LE(least.width(), 853 - 20) << tabs->tabText(i).toStdString();
        EXPECT_LE(least.height(), 533 - 40) << tabs->tabText(i).toStdString();
    }
    auto* scroll = view->findChild<QScrollArea*>(QStringLiteral("caseWorkspaceScrollArea"));
    ASSERT_NE(scroll, nullptr);
    view->resize(833, 493);
    QCoreApplication::processEvents();
    EXPECT_TRUE(scroll->widget()->isAncestorOf(tabs));
    EXPECT_GE(scroll->widget()->width(), scroll->widget()->minimumSizeHint().width()) << "scrolls, never squeezes";
    EXPECT_GE(scroll->widget()->height(), scroll->widget()->minimumSizeHint().height());
}

TEST_F(CaseWorkspaceTest, ClosingWithUnsavedChangesAsksAndCancelKeepsTheWindow)
{
    QPointer<CaseWorkspace> view = window->openCaseWorkspace(caseId, QStringLiteral("person"));
    ASSERT_FALSE(view.isNull());
    view->peopleTab()->newRecord();
    QTest::keyClicks(view->findChild<QLineEdit*>(QStringLiteral("givenNameLineEdit")), QStringLiteral("Pat"));
    ASSERT_TRUE(view->hasUnsavedChanges());
    EXPECT_EQ(view->tabs()->tabText(2), QStringLiteral("People *"));

    bool asked = false;
    auto answer = [&](QMessageBox::StandardButton button) {
        QTimer::singleShot(0, [&asked, button] {
            auto* box = visibleTopLevel<QMessageBox>();
            if (box != nullptr && box->objectName() == QStringLiteral("unsavedChangesMessageBox")) {
                asked = true;
                box->button(button)->click();
            }
        });
    };
    answer(QMessageBox::Cancel);
    QTest::keyClick(view, Qt::Key_Escape);
    EXPECT_TRUE(asked);
    QTest::qWait(1);
    ASSERT_FALSE(view.isNull());
    EXPECT_TRUE(view->isVisible());

    asked = false;
    answer(QMessageBox::Discard);
    view->close();
    EXPECT_TRUE(asked);
    ASSERT_TRUE(waitFor([&] { return view.isNull(); }));
    for (const auto& person : window->workspace()->people().listForCase(caseId)) {
        EXPECT_NE(person.givenName, "Pat") << "discarded, not saved";
    }
}

// Issue 15: the prompt said "Some tabs" without saying which; it names the tabs holding the changes.
TEST_F(CaseWorkspaceTest, TheUnsavedChangesPromptNamesTheTabsHoldingTheChanges)
{
    QPointer<CaseWorkspace> view = window->openCaseWorkspace(caseId, QStringLiteral("person"));
    ASSERT_FALSE(view.isNull());
    view->peopleTab()->newRecord();
    QTest::keyClicks(view->findChild<QLineEdit*>(QStringLiteral("givenNameLineEdit")), QStringLiteral("Pat"));
    EXPECT_EQ(view->unsavedTabTitles(), QStringList{QStringLiteral("People")});

    QString asked;
    const auto answerCancel = [&] {
        QTimer::singleShot(0, [&asked] {
            auto* box = visibleTopLevel<QMessageBox>();
            if (box != nullptr && box->objectName() == QStringLiteral("unsavedChangesMessageBox")) {
                asked = box->text();
                box->button(QMessageBox::Cancel)->click();
            }
        });
    };
    answerCancel();
    view->close();
    EXPECT_EQ(asked, QStringLiteral("The People tab of this case has changes that are not saved."));

    view->tabs()->setCurrentIndex(0); // Overview
    auto* operation = view->findChild<QLineEdit*>(QStringLiteral("operationLineEdit"));
    ASSERT_NE(operation, nullptr);
    QTest::keyClicks(operation, QStringLiteral(" Sorrel"));
    ASSERT_EQ(view->unsavedTabTitles(), (QStringList{QStringLiteral("Overview"), QStringLiteral("People")}));
    asked.clear();
    answerCancel();
    view->close();
    EXPECT_EQ(asked, QStringLiteral("These tabs of this case have changes that are not saved: Overview, People."));
    ASSERT_FALSE(view.isNull());
    view->discardAndClose();
}

TEST_F(CaseWorkspaceTest, LockingClosesTheWindowWithoutAskingAndLeavesNoCaseDataOnScreen)
{
    QPointer<CaseWorkspace> view = window->openCaseWorkspace(caseId, QStringLiteral("person"));
    ASSERT_FALSE(view.isNull());
    view->peopleTab()->newRecord();
    QTest::keyClicks(view->findChild<QLineEdit*>(QStringLiteral("givenNameLineEdit")), QStringLiteral("Unsaved"));
    ASSERT_TRUE(view->hasUnsavedChanges());
    // What the lock keeps names the tab by its untranslated key, not by its (translated) title.
    const core::WindowDraft kept = view->captureDraft();
    EXPECT_EQ(kept.currentTab, "people");
    ASSERT_FALSE(kept.forms.empty());
    EXPECT_EQ(kept.forms.front().tab, "people");

    window->lockWorkspace(); // must not ask: the edits are kept in the workspace (CaseWindowsTest)
    EXPECT_TRUE(window->workspace()->isLocked());
    ASSERT_TRUE(waitFor([&] { return view.isNull(); }));
    EXPECT_TRUE(window->findChildren<CaseWorkspace*>().isEmpty());
    EXPECT_TRUE(window->findChildren<PersonListModel*>().isEmpty());
    // No widget anywhere shows a demo name or the reference.
    const auto all = QApplication::allWidgets();
    for (QWidget* widget : all) {
        QString text;
        if (auto* label = qobject_cast<QLabel*>(widget)) {
            text = label->text();
        } else if (auto* edit = qobject_cast<QLineEdit*>(widget)) {
            text = edit->text();
        }
        for (const char* data : {"Alex", "Jordan", "DEMO/0001/", "Unsaved"}) {
            EXPECT_FALSE(text.contains(QString::fromLatin1(data)))
                << widget->objectName().toStdString() << ": " << data;
        }
    }
}

TEST_F(CaseWorkspaceTest, ClosesItselfWhenTheCaseIsRemoved)
{
    QPointer<CaseWorkspace> view = window->openCaseWorkspace(caseId);
    ASSERT_FALSE(view.isNull());
    window->workspace()->cases().remove(caseId);
    ASSERT_TRUE(waitFor([&] { return view.isNull(); }));
}

TEST_F(CaseWorkspaceTest, EnterOnTheCaseListOpensTheWorkspace)
{
    auto* table = window->findChild<QTableView*>(QStringLiteral("caseTableView"));
    const int row = window->caseModel()->rowOf(caseId);
    ASSERT_GE(row, 0);
    auto* proxy = table->model();
    for (int r = 0; r < proxy->rowCount(); ++r) {
        if (proxy->index(r, 0).data(CaseListModel::IdRole).toLongLong() == caseId) {
            table->setCurrentIndex(proxy->index(r, 0));
        }
    }
    QTest::keyClick(table, Qt::Key_Return);
    CaseWorkspace* view = window->caseWorkspace(caseId);
    ASSERT_NE(view, nullptr);
    EXPECT_EQ(view->caseId(), caseId);
}

} // namespace
} // namespace wb::ui::test
