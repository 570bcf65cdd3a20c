// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 16's walk through the real main window, as an officer does it: type a suspect into one case who is the
// suspect of another case, see him proposed beside the form, open the explanation (sentences and waterfall), confirm
// "same person" with a rationale, open his whole picture from the Repeat suspects tab, open the other case from it,
// and see the linked-reports fact bring the repeat-suspect line of enquiry into the plan. Fictional people only
// (phones from Ofcom's drama range).
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>

#include "core/Workspace.h"
#include "core/people/People.h"
#include "core/plan/InvestigationPlan.h"
#include "core/store/KeyDerivation.h"
#include "support/MainWindowFixture.h"
#include "support/UiTestSupport.h"
#include "ui/cases/CaseWorkspace.h"
#include "ui/mainwindow/AppSettings.h"
#include "ui/mainwindow/MainWindow.h"
#include "ui/people/PeopleTab.h"
#include "ui/people/PersonEditor.h"
#include "ui/plan/PlanTab.h"
#include "ui/session/WorkspaceSession.h"
#include "ui/suspects/CandidateListModel.h"
#include "ui/suspects/MatchDecisionDialog.h"
#include "ui/suspects/MatchExplanationView.h"
#include "ui/suspects/MatchWaterfall.h"
#include "ui/suspects/PossibleMatchesPanel.h"
#include "ui/suspects/RepeatSuspectsView.h"
#include "ui/suspects/WholePictureDialog.h"

namespace wb::ui::test {
namespace {

constexpr auto RepeatLine = "REP-002"; // flag the suspect as a possible repeat suspect and link the reports

template <typename T> T* topLevel()
{
    for (QWidget* w : QApplication::topLevelWidgets()) {
        if (auto* found = qobject_cast<T*>(w); found != nullptr && found->isVisible()) {
            return found;
        }
    }
    return nullptr;
}

template <typename T> T* child(const QObject* parent, const char* name)
{
    T* found = parent->findChild<T*>(QString::fromLatin1(name));
    EXPECT_NE(found, nullptr) << name;
    return found;
}

bool planProposes(const PlanTab& plan, const char* enquiryId)
{
    const auto& proposals = plan.view().proposals;
    return std::any_of(proposals.begin(), proposals.end(),
                       [enquiryId](const core::plan::PlanItem& i) { return i.enquiryId == enquiryId; });
}

using RepeatSuspectsWalkTest = MainWindowFixture;

TEST_F(RepeatSuspectsWalkTest, AddAMatchingSuspectConfirmHimSeeTheWholePictureAndThePlanFollow)
{
    // Case 1 records Jonathan Smith as its suspect; case 2 is new, with only its victim so far.
    auto ws = makeWorkspace(dir / "walk.rwb");
    const core::Case earlier = ws->cases().add(wb::test::caseDraft("FICT/RW1/26"));
    const core::Case current = ws->cases().add(wb::test::caseDraft("FICT/RW2/26"));
    core::PersonDraft suspect;
    suspect.caseId = earlier.id;
    suspect.role = core::PersonRole::Suspect;
    suspect.givenName = "Jonathan";
    suspect.familyName = "Smith";
    suspect.dateOfBirth = "1988-04-03";
    const core::Person jonathan = core::people::add(ws->people(), suspect);
    core::people::addIdentifier(*ws, jonathan.id, {"phone", "07700 900123", ""});
    core::PersonDraft victim;
    victim.caseId = current.id;
    victim.role = core::PersonRole::Victim;
    victim.givenName = "Bethan";
    victim.familyName = "Morgan";
    (void)core::people::add(ws->people(), victim);
    window->resize(1280, 800);
    window->attachWorkspace(std::move(ws));
    ASSERT_TRUE(waitFor([&] { return opened() && !window->session()->busy(); }));

    // 1. The officer adds the suspect of case 2, "Jon Smyth", born the same day, and saves him.
    CaseWorkspace* caseWindow = window->openCaseWorkspace(current.id, QStringLiteral("person"));
    ASSERT_NE(caseWindow, nullptr);
    PeopleTab* people = caseWindow->peopleTab();
    PossibleMatchesPanel* panel = people->possibleMatches();
    ASSERT_NE(panel, nullptr) << "the main window gives case windows the matching hub";
    panel->setDebounceMs(20);
    PlanTab* plan = caseWindow->findChild<PlanTab*>();
    ASSERT_NE(plan, nullptr);
    EXPECT_FALSE(planProposes(*plan, RepeatLine));

    people->newRecord();
    auto* role = child<QComboBox>(people, "roleComboBox");
    role->setCurrentIndex(role->findData(static_cast<int>(core::PersonRole::Suspect)));
    QTest::keyClicks(child<QLineEdit>(people, "givenNameLineEdit"), QStringLiteral("Jon"));
    QTest::keyClicks(child<QLineEdit>(people, "familyNameLineEdit"), QStringLiteral("Smyth"));
    child<QCheckBox>(people, "dateOfBirthKnownCheckBox")->setChecked(true);
    QTest::keyClicks(child<QLineEdit>(people, "dateOfBirthLineEdit"), QStringLiteral("03/04/1988"));

    // 2. While he is typed, Jonathan Smith of case 1 is proposed beside the form; a decision waits for the save.
    CandidateListModel* candidates = panel->candidates();
    ASSERT_TRUE(waitFor([&] { return candidates->rowCount() >= 1; }));
    EXPECT_EQ(candidates->candidateAt(0).other.record.personId, jonathan.id);
    auto* decide = child<QPushButton>(panel, "explainAndDecideButton");
    auto* list = child<QListView>(panel, "possibleMatchesListView");
    list->setCurrentIndex(candidates->index(0, 0));
    EXPECT_FALSE(decide->isEnabled()) << "a decision is about two saved people";
    ASSERT_TRUE(people->save());
    ASSERT_TRUE(waitFor([&] { return candidates->rowCount() >= 1 && decide->isEnabled(); }));
    list->setCurrentIndex(candidates->index(0, 0));

    // 3. "Explain and decide…": the pair's sentences and its waterfall, then "same person" with the rationale.
    QTest::mouseClick(decide, Qt::LeftButton);
    MatchDecisionDialog* dialog = nullptr;
    ASSERT_TRUE(waitFor([&] { return (dialog = topLevel<MatchDecisionDialog>()) != nullptr; }));
    MatchWaterfall* waterfall = dialog->explanationView()->findChild<MatchWaterfall*>();
    ASSERT_NE(waterfall, nullptr);
    EXPECT_GE(waterfall->bars().size(), 4U) << "the prior, the details that moved the weight, the total";
    EXPECT_TRUE(waterfall->accessibleDescription().contains(QStringLiteral("birth date")))
        << waterfall->accessibleDescription().toStdString();
    QTest::mouseClick(dialog->verdictButton(core::MatchVerdict::Same), Qt::LeftButton);
    QTest::keyClicks(dialog->rationaleEdit(), QStringLiteral("Same date of birth; custody image compared (fictional)"));
    QTest::mouseClick(dialog->saveButton(), Qt::LeftButton);
    ASSERT_TRUE(waitFor([&] { return topLevel<MatchDecisionDialog>() == nullptr; })) << "saved and closed";

    // 4. The plan of case 2 follows: one linked report, so the repeat-suspect line is proposed (and on Today).
    ASSERT_TRUE(waitFor([&] { return planProposes(*plan, RepeatLine); }));

    // 5. The Repeat suspects tab lists him as a suspect in two cases; his whole picture shows both cases.
    window->findChild<QAction*>(QStringLiteral("showRepeatSuspectsAction"))->trigger();
    RepeatSuspectsView* view = window->repeatSuspectsView();
    ASSERT_EQ(window->mainTabs()->currentWidget(), view);
    auto* suspectsList = child<QAbstractItemView>(view, "repeatSuspectsTableView");
    ASSERT_TRUE(waitFor([&] { return suspectsList->model()->rowCount() == 1; }));
    suspectsList->setCurrentIndex(suspectsList->model()->index(0, 0));
    QTest::mouseClick(child<QPushButton>(view, "wholePictureButton"), Qt::LeftButton);
    WholePictureDialog* picture = nullptr;
    ASSERT_TRUE(waitFor([&] { return (picture = topLevel<WholePictureDialog>()) != nullptr; }));
    ASSERT_TRUE(waitFor([&] { return picture->casesTable()->rowCount() == 2; }));
    EXPECT_EQ(picture->linksList()->count(), 1);

    // 6. "Open case" on case 1's row opens case 1's window at Jonathan Smith.
    int earlierRow = -1;
    for (int row = 0; row < picture->casesTable()->rowCount(); ++row) {
        if (picture->casesTable()->item(row, 0)->text() == QStringLiteral("FICT/RW1/26")) {
            earlierRow = row;
        }
    }
    ASSERT_GE(earlierRow, 0);
    picture->casesTable()->selectRow(earlierRow);
    QTest::mouseClick(picture->openCaseButton(), Qt::LeftButton);
    ASSERT_TRUE(waitFor([&] { return window->caseWorkspace(earlier.id) != nullptr; }));
    EXPECT_EQ(window->caseWorkspace(earlier.id)->peopleTab()->editor()->personId(), jonathan.id);

    if (const QByteArray folder = qgetenv("WB_SCREENSHOT_DIR"); !folder.isEmpty()) {
        QTest::qWait(50);
        picture->grab().save(QDir(QString::fromLocal8Bit(folder)).filePath(QStringLiteral("walk-picture.png")));
    }

    // 7. A lock closes the dialogs and empties the tab: nothing of the people stays on screen.
    window->lockWorkspace();
    ASSERT_TRUE(waitFor([&] { return window->workspace()->isLocked(); }));
    EXPECT_EQ(topLevel<WholePictureDialog>(), nullptr);
    EXPECT_EQ(suspectsList->model()->rowCount(), 0);
}

} // namespace
} // namespace wb::ui::test
