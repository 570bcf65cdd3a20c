// SPDX-License-Identifier: GPL-3.0-or-later
// The Repeat suspects tab (ui/suspects/RepeatSuspectsView, issue 16): the scan lists a pair of suspects two cases
// share, Cancel stops it and says so, a "same person" decision puts the person of interest in the list of suspects in
// more than one case, lock empties everything, and Ctrl+3 shows the tab. Fictional people only (07700 900xxx).
// With WB_SCREENSHOT_DIR set, the 1280x800 test also saves the main window there as repeat-suspects.png.
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>

#include <QAction>
#include <QDir>
#include <QLabel>
#include <QPixmap>
#include <QPushButton>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QThreadPool>

#include "core/Workspace.h"
#include "core/people/People.h"
#include "core/suspects/Decisions.h"
#include "support/MainWindowFixture.h"
#include "support/MatchingTestSupport.h"
#include "support/UiTestSupport.h"
#include "ui/mainwindow/AppSettings.h"
#include "ui/mainwindow/MainWindow.h"
#include "ui/privacy/PrivacyMode.h"
#include "ui/session/WorkspaceSession.h"
#include "ui/suspects/AwaitingDecisionModel.h"
#include "ui/suspects/MatchingService.h"
#include "ui/suspects/PersonOfInterestListModel.h"
#include "ui/suspects/RepeatSuspectsView.h"

namespace wb::ui::test {
namespace {

std::shared_ptr<const core::matching::MatchModel> model()
{
    return std::make_shared<const core::matching::MatchModel>(wb::test::shippedMatchModel());
}

/// Two cases whose suspects are one fictional man recorded twice (Jon Smyth / Jonathan Smith, the same birth date
/// and phone), each case with its victim.
struct TwoCases {
    std::unique_ptr<core::Workspace> workspace;
    core::Case one;
    core::Case two;
    core::Person jon;
    core::Person jonathan;
    core::Person victimOne;

    explicit TwoCases(const std::filesystem::path& path)
        : workspace(makeWorkspace(path))
    {
        one = workspace->cases().add(wb::test::caseDraft("FICT/RV1/26"));
        two = workspace->cases().add(wb::test::caseDraft("FICT/RV2/26"));
        jon = add(one, core::PersonRole::Suspect, "Jon", "Smyth", "07700 900123");
        jonathan = add(two, core::PersonRole::Suspect, "Jonathan", "Smith", "+44 7700 900123");
        victimOne = add(one, core::PersonRole::Victim, "Amira", "Haddad", "07700 900456");
        add(two, core::PersonRole::Victim, "Bethan", "Morgan", "07700 900789");
    }

    core::Person add(const core::Case& c,
                     core::PersonRole role,
                     const std::string& given,
                     const std::string& family,
                     const std::string& phone) const
    {
        core::PersonDraft p;
        p.caseId = c.id;
        p.role = role;
        p.givenName = given;
        p.familyName = family;
        p.dateOfBirth = role == core::PersonRole::Suspect ? "1988-04-03" : "1995-09-14";
        const core::Person stored = core::people::add(workspace->people(), p);
        core::people::addIdentifier(*workspace, stored.id, {"phone", phone, ""});
        return stored;
    }
};

bool pairs(const core::suspects::PairProposal& p, const core::Person& a, const core::Person& b)
{
    const auto x = p.first.record.personId;
    const auto y = p.second.record.personId;
    return (x == a.id && y == b.id) || (x == b.id && y == a.id);
}

int rowOf(const AwaitingDecisionModel& model, const core::Person& a, const core::Person& b)
{
    for (int row = 0; row < model.rowCount(); ++row) {
        if (pairs(*model.proposalAt(row), a, b)) {
            return row;
        }
    }
    return -1;
}

class RepeatSuspectsViewTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        TwoCases world(dir / "repeat.rwb");
        one = world.one;
        two = world.two;
        jon = world.jon;
        jonathan = world.jonathan;
        victimOne = world.victimOne;
        session.attach(std::move(world.workspace));
        matching = std::make_unique<MatchingService>(session, model());
        view = std::make_unique<RepeatSuspectsView>(*matching, &privacy);
        view->resize(1200, 700);
        view->show();
    }

    void TearDown() override
    {
        view.reset();
        matching.reset();
        QTest::qWait(1);
    }

    core::Workspace& workspace() const { return *session.workspace(); }

    void scan() const
    {
        QTest::mouseClick(view->scanButton(), Qt::LeftButton);
        ASSERT_TRUE(waitFor([&] { return !view->scanning(); }));
    }

    TempDir dir;
    WorkspaceSession session;
    PrivacyMode privacy;
    std::unique_ptr<MatchingService> matching;
    std::unique_ptr<RepeatSuspectsView> view;
    core::Case one;
    core::Case two;
    core::Person jon;
    core::Person jonathan;
    core::Person victimOne;
};

TEST_F(RepeatSuspectsViewTest, TheScanListsTheSuspectTwoCasesShareAndEnterAsksForTheDecision)
{
    EXPECT_TRUE(view->suspectsEmptyLabel()->isVisibleTo(view.get()));
    EXPECT_EQ(view->proposalsModel()->rowCount(), 0);
    scan();
    const int row = rowOf(*view->proposalsModel(), jon, jonathan);
    ASSERT_GE(row, 0);
    const auto* proposal = view->proposalsModel()->proposalAt(row);
    EXPECT_GE(proposal->score.probability, matching->model().threshold());
    // Both persons in words, the probability and the strongest reasons.
    const auto text = [&](int column) { return view->proposalsModel()->index(row, column).data().toString(); };
    const QString both = text(AwaitingDecisionModel::FirstColumn) + text(AwaitingDecisionModel::SecondColumn);
    EXPECT_TRUE(both.contains(QStringLiteral("Jon Smyth, suspect in FICT/RV1/26"))) << both.toStdString();
    EXPECT_TRUE(both.contains(QStringLiteral("Jonathan Smith, suspect in FICT/RV2/26"))) << both.toStdString();
    EXPECT_TRUE(text(AwaitingDecisionModel::ProbabilityColumn).startsWith(QStringLiteral("match probability")));
    EXPECT_TRUE(text(AwaitingDecisionModel::ReasonsColumn).contains(QStringLiteral("phone: same number")))
        << text(AwaitingDecisionModel::ReasonsColumn).toStdString();
    EXPECT_TRUE(view->scanStatusLabel()->text().startsWith(QStringLiteral("Finished: ")))
        << view->scanStatusLabel()->text().toStdString();
    EXPECT_FALSE(view->countsLabel()->isVisibleTo(view.get())); // nothing decided yet

    QSignalSpy requested(matching.get(), &MatchingService::decisionRequested);
    view->proposalsView()->setFocus();
    view->proposalsView()->setCurrentIndex(view->proposalsModel()->index(row, 0));
    QTest::keyClick(view->proposalsView(), Qt::Key_Return);
    ASSERT_EQ(requested.count(), 1);
    const auto asked = requested.front().front().value<core::suspects::PairProposal>();
    EXPECT_TRUE(pairs(asked, jon, jonathan));
}

TEST_F(RepeatSuspectsViewTest, CancelStopsTheScanAndSaysSo)
{
    // The pool's one thread is held until the scan has been cancelled: the scan starts only afterwards.
    QThreadPool* pool = QThreadPool::globalInstance();
    const int threads = pool->maxThreadCount();
    pool->setMaxThreadCount(1);
    QSemaphore gate;
    pool->start([&gate] { gate.acquire(); });
    QTest::mouseClick(view->scanButton(), Qt::LeftButton);
    EXPECT_TRUE(view->scanning());
    EXPECT_TRUE(view->cancelButton()->isEnabled());
    EXPECT_FALSE(view->scanButton()->isEnabled());
    QTest::mouseClick(view->cancelButton(), Qt::LeftButton);
    gate.release();
    const bool stopped = waitFor([&] { return !view->scanning(); });
    pool->setMaxThreadCount(threads);
    ASSERT_TRUE(stopped);
    EXPECT_EQ(view->scanStatusLabel()->text(), QStringLiteral("Stopped: the pairs found so far are listed."));
    EXPECT_EQ(rowOf(*view->proposalsModel(), jon, jonathan), -1); // cancelled before the first pair
    EXPECT_TRUE(view->scanButton()->isEnabled());
    EXPECT_FALSE(view->cancelButton()->isEnabled());

    // A full scan afterwards finds the pair.
    scan();
    EXPECT_GE(rowOf(*view->proposalsModel(), jon, jonathan), 0);
}

TEST_F(RepeatSuspectsViewTest, ASameDecisionListsThePersonOfInterestAndTakesThePairOffTheProposals)
{
    scan();
    ASSERT_GE(rowOf(*view->proposalsModel(), jon, jonathan), 0);
    EXPECT_EQ(view->suspectsModel()->rowCount(), 0);

    core::suspects::decide(workspace(), {jon.id, jonathan.id, core::MatchVerdict::Same,
                                         "Same phone and birth date; custody photographs compared (fictional)"});
    // The bridge tells the hub of the decision; the view reads again.
    ASSERT_TRUE(waitFor([&] { return view->suspectsModel()->rowCount() == 1; }));
    const auto cell = [&](int column) { return view->suspectsModel()->index(0, column).data().toString(); };
    EXPECT_EQ(cell(PersonOfInterestListModel::NamesColumn), QStringLiteral("Jon Smyth / Jonathan Smith"));
    EXPECT_EQ(cell(PersonOfInterestListModel::CasesColumn), QStringLiteral("2 cases"));
    EXPECT_EQ(cell(PersonOfInterestListModel::ReferencesColumn), QStringLiteral("FICT/RV1/26, FICT/RV2/26"));
    EXPECT_FALSE(view->suspectsEmptyLabel()->isVisibleTo(view.get()));
    // The pair is linked now: off the proposals, counted in words.
    EXPECT_EQ(rowOf(*view->proposalsModel(), jon, jonathan), -1);
    EXPECT_TRUE(view->countsLabel()->isVisibleTo(view.get()));
    EXPECT_TRUE(
        view->countsLabel()->text().startsWith(QStringLiteral("1 pair found is already decided to be the same person")))
        << view->countsLabel()->text().toStdString();

    // Enter on the person of interest asks for a suspect's whole picture.
    QSignalSpy requested(matching.get(), &MatchingService::wholePictureRequested);
    view->suspectsView()->setFocus();
    view->suspectsView()->setCurrentIndex(view->suspectsModel()->index(0, 0));
    QTest::keyClick(view->suspectsView(), Qt::Key_Return);
    ASSERT_EQ(requested.count(), 1);
    const auto personId = requested.front().front().value<std::int64_t>();
    EXPECT_TRUE(personId == jon.id || personId == jonathan.id);
}

TEST_F(RepeatSuspectsViewTest, ADifferentDecisionIsCountedAsNotProposedAgain)
{
    scan();
    ASSERT_GE(rowOf(*view->proposalsModel(), jon, jonathan), 0);
    core::suspects::decide(workspace(), {jon.id, jonathan.id, core::MatchVerdict::Different,
                                         "Different heights and handwriting (fictional)"});
    ASSERT_TRUE(waitFor([&] { return rowOf(*view->proposalsModel(), jon, jonathan) == -1; }));
    EXPECT_EQ(view->suspectsModel()->rowCount(), 0);
    EXPECT_TRUE(view->countsLabel()->text().startsWith(QStringLiteral("1 pair found was decided to be different")))
        << view->countsLabel()->text().toStdString();
    // A new scan leaves it out too, and counts it.
    scan();
    EXPECT_EQ(rowOf(*view->proposalsModel(), jon, jonathan), -1);
    EXPECT_TRUE(view->countsLabel()->text().contains(QStringLiteral("decided to be different")));
}

TEST_F(RepeatSuspectsViewTest, PrivacyModeShowsAVictimsNameAsInitials)
{
    AwaitingDecisionModel model(&privacy);
    core::suspects::MatchedPerson victim;
    victim.record.role = core::PersonRole::Victim;
    victim.record.givenName = "Amira";
    victim.record.familyName = "Haddad";
    victim.caseReference = "FICT/RV1/26";
    EXPECT_EQ(model.personText(victim), QStringLiteral("Amira Haddad, victim in FICT/RV1/26"));
    privacy.setOn(true);
    EXPECT_EQ(model.personText(victim), QStringLiteral("A. H., victim in FICT/RV1/26"));
}

TEST_F(RepeatSuspectsViewTest, ProgressAndCountsInWords)
{
    EXPECT_EQ(RepeatSuspectsView::progressText(12400, 50000), QStringLiteral("12,400 of 50,000 pairs compared"));
    EXPECT_EQ(RepeatSuspectsView::countsText(0, 0), QString());
    EXPECT_EQ(RepeatSuspectsView::countsText(2, 0),
              QStringLiteral("2 pairs found are already decided to be the same person (listed above, not here)."));
}

TEST_F(RepeatSuspectsViewTest, LockEmptiesTheTab)
{
    scan();
    core::suspects::decide(workspace(), {jon.id, jonathan.id, core::MatchVerdict::Same, "Fictional rationale"});
    ASSERT_TRUE(waitFor([&] { return view->suspectsModel()->rowCount() == 1; }));
    ASSERT_TRUE(view->countsLabel()->isVisibleTo(view.get()));
    session.lock();
    ASSERT_TRUE(waitFor([&] { return !session.isUnlocked(); }));
    EXPECT_EQ(view->suspectsModel()->rowCount(), 0);
    EXPECT_EQ(view->proposalsModel()->rowCount(), 0);
    EXPECT_FALSE(view->countsLabel()->isVisibleTo(view.get()));
    EXPECT_TRUE(view->scanStatusLabel()->text().isEmpty());
    // Nothing reads a locked workspace: a decision signal now leaves the lists empty.
    Q_EMIT matching->decisionsChanged(); // as the bridge would
    EXPECT_EQ(view->suspectsModel()->rowCount(), 0);
    // Unlocked again: read again (the scan's pairs wait for the next scan).
    workspace().unlock(core::Workspace::deriveForOpen(dir / "repeat.rwb", wb::test::Passphrase));
    ASSERT_TRUE(waitFor([&] { return view->suspectsModel()->rowCount() == 1; }));
    EXPECT_EQ(view->proposalsModel()->rowCount(), 0);
}

using RepeatSuspectsTabTest = MainWindowFixture;

TEST_F(RepeatSuspectsTabTest, CtrlThreeShowsTheTabWhichListsAfterADecisionAndEmptiesOnLock)
{
    TwoCases world(dir / "tab.rwb");
    // A third case whose suspect may be the same person: proposed beside the two already linked.
    const core::Case three = world.workspace->cases().add(wb::test::caseDraft("FICT/RV3/26"));
    world.add(three, core::PersonRole::Suspect, "Johnny", "Smith", "07700 900123");
    world.add(three, core::PersonRole::Victim, "Chloe", "Example", "07700 900321");
    core::suspects::decide(*world.workspace, {world.jon.id, world.jonathan.id, core::MatchVerdict::Same,
                                              "Same phone and birth date; custody photographs compared (fictional)"});
    window->resize(1280, 800);
    window->attachWorkspace(std::move(world.workspace));
    RepeatSuspectsView* view = window->repeatSuspectsView();
    ASSERT_NE(view, nullptr);
    EXPECT_EQ(window->mainTabs()->indexOf(view), 2);
    EXPECT_EQ(window->mainTabs()->tabText(2), QStringLiteral("Repeat suspects (Ctrl+3)"));

    auto* show = window->findChild<QAction*>(QStringLiteral("showRepeatSuspectsAction"));
    ASSERT_NE(show, nullptr);
    EXPECT_EQ(show->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_3));
    EXPECT_NE(window->mainTabs()->currentWidget(), view); // Today is the landing page
    show->trigger();
    EXPECT_EQ(window->mainTabs()->currentWidget(), view);

    // Read on attach (once the due list's job is done).
    ASSERT_TRUE(waitFor([&] { return view->suspectsModel()->rowCount() == 1; }));
    QTest::mouseClick(view->scanButton(), Qt::LeftButton);
    ASSERT_TRUE(waitFor([&] { return !view->scanning(); }));
    EXPECT_TRUE(view->countsLabel()->text().startsWith(QStringLiteral("1 pair found is already decided")))
        << view->countsLabel()->text().toStdString();
    EXPECT_GE(view->proposalsModel()->rowCount(), 1); // Johnny Smith with each of the two

    if (const QByteArray folder = qgetenv("WB_SCREENSHOT_DIR"); !folder.isEmpty()) {
        QTest::qWait(50);
        window->grab().save(QDir(QString::fromLocal8Bit(folder)).filePath(QStringLiteral("repeat-suspects.png")));
    }

    window->lockWorkspace();
    ASSERT_TRUE(waitFor([&] { return window->workspace()->isLocked(); }));
    EXPECT_EQ(view->suspectsModel()->rowCount(), 0);
    EXPECT_FALSE(view->countsLabel()->isVisibleTo(view));
}

} // namespace
} // namespace wb::ui::test
