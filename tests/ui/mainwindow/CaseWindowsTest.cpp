// SPDX-License-Identifier: GPL-3.0-or-later
// Locking keeps the case windows' unsaved edits (CaseWindows::keepAndCloseAll, core::drafts): after the unlock,
// in the same process or at the next open of the file, the windows come back on the same tabs with the typed edits
// in their forms, marked unsaved; the kept drafts are then removed and no saved record has changed. Fictional data.
#include <gtest/gtest.h>

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QTabWidget>
#include <QTest>

#include "core/Workspace.h"
#include "core/cases/RecordEditing.h"
#include "core/drafts/Drafts.h"
#include "core/records/RecordTypes.h"
#include "support/TestSupport.h"
#include "support/UiTestSupport.h"
#include "ui/cases/CaseListModel.h"
#include "ui/cases/CaseWorkspace.h"
#include "ui/cases/NewCaseDialog.h"
#include "ui/mainwindow/AppSettings.h"
#include "ui/mainwindow/MainWindow.h"
#include "ui/people/PeopleTab.h"
#include "ui/records/RecordForm.h"
#include "ui/records/RecordTab.h"
#include "ui/session/UnlockDialog.h"
#include "ui/victim/VictimTab.h"

namespace wb::ui::test {
namespace {

class CaseWindowsTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        settings = std::make_unique<AppSettings>(qpath(dir / "settings.ini"));
        startWindow();
        auto workspace = makeWorkspace(file);
        caseId = workspace->cases().add(wb::test::caseDraft("FICT/0777/26")).id;
        window->attachWorkspace(std::move(workspace));
        ASSERT_TRUE(waitFor([&] { return window->caseModel()->isLoaded(); }));
    }

    void TearDown() override
    {
        window.reset();
        QTest::qWait(1);
    }

    void startWindow()
    {
        window = std::make_unique<MainWindow>(catalogues(), *settings);
        window->setKdfParams(core::store::KdfParams::minimum());
        window->show();
    }

    CaseWorkspace* openWindow() const
    {
        const auto windows = window->findChildren<CaseWorkspace*>(Qt::FindDirectChildrenOnly);
        for (CaseWorkspace* view : windows) {
            if (view->caseId() == caseId && view->isVisible()) {
                return view;
            }
        }
        return nullptr;
    }

    static RecordTab* timelineTab(CaseWorkspace& view)
    {
        for (auto* tab : view.findChildren<RecordTab*>()) {
            if (tab->form()->spec().type == core::recordtype::kTimelineEvent) {
                return tab;
            }
        }
        return nullptr;
    }

    /// Types into three forms (a new person, the case overview, a new timeline event) and leaves People on show.
    void typeEdits(CaseWorkspace& view)
    {
        view.tabs()->setCurrentIndex(2); // People
        view.peopleTab()->newRecord();
        QTest::keyClicks(view.findChild<QLineEdit*>(QStringLiteral("givenNameLineEdit")), QStringLiteral("Quillon"));
        view.tabs()->setCurrentIndex(0); // Overview
        auto* operation = view.findChild<QLineEdit*>(QStringLiteral("operationLineEdit"));
        operation->clear();
        QTest::keyClicks(operation, QStringLiteral("Op Tansy"));
        RecordTab* timeline = timelineTab(view);
        ASSERT_NE(timeline, nullptr);
        view.tabs()->setCurrentWidget(timeline);
        timeline->newRecord();
        QTest::keyClicks(qobject_cast<QLineEdit*>(timeline->form()->editor("title")), QStringLiteral("Typed sorrel"));
        view.tabs()->setCurrentIndex(2); // People
        ASSERT_TRUE(view.hasUnsavedChanges());
    }

    void unlock()
    {
        UnlockDialog* dialog = window->unlockDialog();
        ASSERT_NE(dialog, nullptr);
        QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("passphraseLineEdit")),
                         QString::fromStdString(wb::test::Passphrase));
        QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("unlockButton")), Qt::LeftButton);
        ASSERT_TRUE(waitFor([&] { return !window->workspace()->isLocked(); }));
    }

    /// The window is back on People with the three edits, marked unsaved, and nothing was saved or kept.
    void expectEditsBack()
    {
        ASSERT_TRUE(waitFor([&] { return openWindow() != nullptr; })) << "the case window is reopened";
        CaseWorkspace* view = openWindow();
        EXPECT_EQ(view->tabs()->currentIndex(), 2);
        EXPECT_EQ(view->tabs()->tabText(2), QStringLiteral("People *"));
        EXPECT_EQ(view->tabs()->tabText(0), QStringLiteral("Overview *"));
        EXPECT_EQ(view->findChild<QLineEdit*>(QStringLiteral("givenNameLineEdit"))->text(), QStringLiteral("Quillon"));
        EXPECT_EQ(view->findChild<QLineEdit*>(QStringLiteral("operationLineEdit"))->text(), QStringLiteral("Op Tansy"));
        RecordTab* timeline = timelineTab(*view);
        ASSERT_NE(timeline, nullptr);
        EXPECT_TRUE(timeline->hasUnsavedChanges());
        EXPECT_EQ(qobject_cast<QLineEdit*>(timeline->form()->editor("title"))->text(), QStringLiteral("Typed sorrel"));
        EXPECT_TRUE(view->hasUnsavedChanges());
        auto* message = view->findChild<QLabel*>(QStringLiteral("restoredDraftsMessage"));
        ASSERT_NE(message, nullptr);
        EXPECT_FALSE(message->text().isEmpty());

        core::Workspace& ws = *window->workspace();
        EXPECT_TRUE(core::drafts::kept(ws).empty()) << "restored drafts are removed";
        for (const auto& person : ws.people().listForCase(caseId)) {
            EXPECT_NE(person.givenName, "Quillon") << "restored, never saved";
        }
        EXPECT_NE(ws.cases().find(caseId)->operationName, std::optional<std::string>("Op Tansy"));
        EXPECT_TRUE(ws.records().listForCase(core::recordSpec(core::recordtype::kTimelineEvent), caseId).empty());
    }

    TempDir dir;
    std::filesystem::path file = dir / "drafts.rwb";
    std::unique_ptr<AppSettings> settings;
    std::unique_ptr<MainWindow> window;
    std::int64_t caseId = 0;
};

TEST_F(CaseWindowsTest, LockKeepsTypedEditsAndUnlockShowsThemBackMarkedUnsaved)
{
    QPointer<CaseWorkspace> view = window->openCaseWorkspace(caseId);
    ASSERT_FALSE(view.isNull());
    typeEdits(*view);

    window->lockWorkspace(); // must not ask
    ASSERT_TRUE(window->workspace()->isLocked());
    ASSERT_TRUE(waitFor([&] { return view.isNull(); })) << "no case data on screen while locked";
    unlock();
    expectEditsBack();
}

TEST_F(CaseWindowsTest, AnEditToASavedRecordComesBackOnThatRecordWhichStaysAsSaved)
{
    const auto& spec = core::recordSpec(core::recordtype::kTimelineEvent);
    const auto saved = core::records::saveRecord(
        window->workspace()->records(),
        core::records::RecordDraft{
            &spec, 0, caseId, {{"occurred", "day|2026-03-01|2026-03-01"}, {"title", "As saved"}}});
    QPointer<CaseWorkspace> view = window->openCaseWorkspace(caseId);
    ASSERT_FALSE(view.isNull());
    ASSERT_TRUE(waitFor([&] { return view->openRecord(std::string(spec.type), saved.id); }));
    auto* title = qobject_cast<QLineEdit*>(timelineTab(*view)->form()->editor("title"));
    title->clear();
    QTest::keyClicks(title, QStringLiteral("Edited, not saved"));
    ASSERT_TRUE(view->hasUnsavedChanges());

    window->lockWorkspace();
    ASSERT_TRUE(waitFor([&] { return view.isNull(); }));
    unlock();
    ASSERT_TRUE(waitFor([&] { return openWindow() != nullptr; }));
    RecordTab* timeline = timelineTab(*openWindow());
    EXPECT_EQ(openWindow()->tabs()->currentWidget(), timeline);
    EXPECT_EQ(timeline->form()->recordId(), saved.id);
    EXPECT_EQ(qobject_cast<QLineEdit*>(timeline->form()->editor("title"))->text(), QStringLiteral("Edited, not saved"));
    EXPECT_TRUE(timeline->hasUnsavedChanges());
    EXPECT_EQ(window->workspace()->records().find(spec, saved.id)->get("title"), "As saved");
}

TEST_F(CaseWindowsTest, TheQuickContactRowKeepsItsTypedTextForTheSameVictim)
{
    core::PersonDraft victim;
    victim.caseId = caseId;
    victim.givenName = "Robin";
    victim.familyName = "Example";
    window->workspace()->people().add(victim);
    victim.givenName = "Kit";
    const auto second = window->workspace()->people().add(victim);
    QPointer<CaseWorkspace> view = window->openCaseWorkspace(caseId, QStringLiteral("contact"));
    ASSERT_FALSE(view.isNull());
    auto* victims = view->findChild<QComboBox*>(QStringLiteral("victimComboBox"));
    victims->setCurrentIndex(victims->findData(QVariant::fromValue<qlonglong>(second.id)));
    QTest::keyClicks(view->findChild<QLineEdit*>(QStringLiteral("fastExplainedLineEdit")),
                     QStringLiteral("Told about the next step"));
    ASSERT_TRUE(view->hasUnsavedChanges());

    window->lockWorkspace();
    ASSERT_TRUE(waitFor([&] { return view.isNull(); }));
    unlock();
    ASSERT_TRUE(waitFor([&] { return openWindow() != nullptr; }));
    CaseWorkspace* back = openWindow();
    EXPECT_EQ(back->tabs()->currentWidget(), back->victimTab());
    EXPECT_EQ(back->findChild<QComboBox*>(QStringLiteral("victimComboBox"))->currentData().toLongLong(), second.id);
    EXPECT_EQ(back->findChild<QLineEdit*>(QStringLiteral("fastExplainedLineEdit"))->text(),
              QStringLiteral("Told about the next step"));
    EXPECT_TRUE(back->victimTab()->hasUnsavedChanges());
    EXPECT_TRUE(core::drafts::kept(*window->workspace()).empty());
}

TEST_F(CaseWindowsTest, EditsKeptAtALockComeBackAtTheNextOpenOfTheFileAfterARestart)
{
    QPointer<CaseWorkspace> view = window->openCaseWorkspace(caseId);
    ASSERT_FALSE(view.isNull());
    typeEdits(*view);
    window->lockWorkspace();
    ASSERT_TRUE(waitFor([&] { return view.isNull(); }));

    window.reset(); // the workbench quits while locked
    QTest::qWait(1);
    startWindow();
    window->attachWorkspace(wb::test::openWorkspace(file));
    expectEditsBack();
}

// Issue 15: after Save case nothing opened and the journey stage was "Not recorded". The saved case's window
// opens, and the case is at the first journey stage.
TEST_F(CaseWindowsTest, SavingANewCaseOpensItsWindowAtTheFirstJourneyStage)
{
    QAction* newCase = window->findChild<QAction*>(QStringLiteral("newCaseAction"));
    ASSERT_NE(newCase, nullptr);
    newCase->trigger();
    auto* dialog = visibleTopLevel<NewCaseDialog>();
    ASSERT_NE(dialog, nullptr);
    QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("referenceLineEdit")),
                     QStringLiteral("FICT/1500/26"));
    auto* offence = dialog->findChild<QComboBox*>(QStringLiteral("offenceComboBox"));
    offence->setCurrentIndex(offence->findData(QStringLiteral("SOA2003-s1")));
    QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("saveButton")), Qt::LeftButton);

    const auto saved = window->workspace()->cases().list();
    std::int64_t newId = 0;
    for (const auto& c : saved) {
        if (c.reference == "FICT/1500/26") {
            newId = c.id;
            const auto& stages = window->workspace()->lists().list("journey-stages").items();
            ASSERT_FALSE(stages.empty());
            EXPECT_EQ(c.journeyStage, std::optional<std::string>(stages.front().code));
        }
    }
    ASSERT_NE(newId, 0);
    ASSERT_TRUE(waitFor([&] { return window->caseWorkspace(newId) != nullptr; })) << "the new case's window opens";
    CaseWorkspace* view = window->caseWorkspace(newId);
    EXPECT_TRUE(view->isVisible());
    EXPECT_EQ(view->windowTitle(), QStringLiteral("Case FICT/1500/26"));
}

} // namespace
} // namespace wb::ui::test
