// SPDX-License-Identifier: GPL-3.0-or-later
// Deciding a proposed pair (ui/suspects/MatchDecisionDialog): a decision with a rationale is recorded and the hub
// told; a blank rationale is refused in core's words beside the field and nothing is recorded; a revision keeps the
// history. Fictional people only.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include <QDir>
#include <QGuiApplication>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QScreen>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>

#include "core/Error.h"
#include "ui/suspects/MatchDecisionDialog.h"
#include "ui/suspects/MatchExplanationView.h"
#include "ui/suspects/SuspectsWorld.h"
#include "ui/text/ErrorText.h"
#include "ui/text/MatchText.h"
#include "ui/widgets/InlineMessage.h"

namespace wb::ui::test {
namespace {

using core::MatchVerdict;
using core::PersonRole;

class MatchDecisionDialogTest : public SuspectsWorld
{
protected:
    void SetUp() override
    {
        SuspectsWorld::SetUp();
        jon = add(one, PersonRole::Suspect, "Jon", "Smyth");
        jonathan = add(two, PersonRole::Suspect, "Jonathan", "Smith");
    }

    std::unique_ptr<MatchDecisionDialog> open()
    {
        auto dialog = std::make_unique<MatchDecisionDialog>(*matching, cataloguesLoaded, &privacy,
                                                            proposal(jon, one, jonathan, two));
        dialog->show();
        return dialog;
    }

    std::vector<core::MatchDecision> stored()
    {
        return ws().matchDecisions().history(core::PersonPair::of(jon.uuid, jonathan.uuid));
    }

    core::Person jon;
    core::Person jonathan;
};

TEST_F(MatchDecisionDialogTest, savingSameWithARationaleRecordsItAndTellsTheHub)
{
    auto dialog = open();
    EXPECT_NE(dialog->explanationView()->firstPersonLabel()->text().indexOf(QStringLiteral("Jon Smyth")), -1);
    EXPECT_NE(dialog->explanationView()->secondPersonLabel()->text().indexOf(QStringLiteral("FICT/0162/26")), -1);
    EXPECT_EQ(dialog->historyTable()->rowCount(), 0);
    for (MatchVerdict verdict : {MatchVerdict::Same, MatchVerdict::Different, MatchVerdict::Undecided}) {
        EXPECT_FALSE(dialog->verdictButton(verdict)->isChecked()) << "nothing preselected for a new pair";
    }
    QSignalSpy recorded(matching.get(), &MatchingService::decisionsChanged);
    QSignalSpy saved(dialog.get(), &MatchDecisionDialog::decisionSaved);

    dialog->verdictButton(MatchVerdict::Same)->click();
    QTest::keyClicks(dialog->rationaleEdit(), QStringLiteral("Same phone 07700 900123 and the same custody photo"));
    QTest::mouseClick(dialog->saveButton(), Qt::LeftButton);

    EXPECT_EQ(saved.count(), 1);
    ASSERT_TRUE(waitFor([&] { return recorded.count() == 1; })) << "the hub hears of it through the bridge";
    EXPECT_EQ(dialog->result(), QDialog::Accepted);
    const auto history = stored();
    ASSERT_EQ(history.size(), 1u);
    EXPECT_EQ(history.front().verdict, MatchVerdict::Same);
    EXPECT_EQ(history.front().rationale, "Same phone 07700 900123 and the same custody photo");
    ASSERT_TRUE(dialog->recorded().has_value());
    EXPECT_EQ(dialog->recorded()->uuid, history.front().uuid);
}

TEST_F(MatchDecisionDialogTest, aBlankRationaleShowsCoresRefusalBesideTheFieldAndRecordsNothing)
{
    auto dialog = open();
    QSignalSpy recorded(matching.get(), &MatchingService::decisionsChanged);
    dialog->verdictButton(MatchVerdict::Different)->click();
    QTest::keyClicks(dialog->rationaleEdit(), QStringLiteral("   "));
    QTest::mouseClick(dialog->saveButton(), Qt::LeftButton);

    const QString expected = ErrorText::message(core::Error(core::ErrorCode::Validation, "blank", "rationale"));
    EXPECT_TRUE(dialog->rationaleMessage()->isVisible());
    EXPECT_NE(dialog->rationaleMessage()->text().indexOf(expected), -1)
        << dialog->rationaleMessage()->text().toStdString();
    EXPECT_NE(expected.indexOf(QStringLiteral("reason")), -1) << "in words, not a field name";
    EXPECT_TRUE(stored().empty());
    EXPECT_EQ(recorded.count(), 0);
    EXPECT_TRUE(dialog->isVisible()) << "the input stays";
    EXPECT_TRUE(dialog->verdictButton(MatchVerdict::Different)->isChecked());
    EXPECT_EQ(dialog->rationaleEdit()->toPlainText(), QStringLiteral("   "));

    // Corrected, it saves.
    dialog->rationaleEdit()->setPlainText(QStringLiteral("Different dates of birth, confirmed on the PNC"));
    EXPECT_TRUE(dialog->save());
    EXPECT_EQ(stored().size(), 1u);
}

TEST_F(MatchDecisionDialogTest, noChoiceIsAskedForAndNothingIsRecorded)
{
    auto dialog = open();
    QTest::keyClicks(dialog->rationaleEdit(), QStringLiteral("Not sure yet"));
    EXPECT_FALSE(dialog->save());
    auto* verdictMessage = dialog->findChild<InlineMessage*>(QStringLiteral("verdictMessageLabel"));
    ASSERT_NE(verdictMessage, nullptr);
    EXPECT_TRUE(verdictMessage->isVisible());
    EXPECT_TRUE(stored().empty());
}

TEST_F(MatchDecisionDialogTest, aRevisionKeepsTheHistoryAndBothRowsAreShown)
{
    core::suspects::decide(ws(), {jon.id, jonathan.id, MatchVerdict::Different, "Different heights recorded"});
    auto first = open();
    ASSERT_EQ(first->historyTable()->rowCount(), 1);
    EXPECT_EQ(first->historyTable()->item(0, 0)->text(), MatchText::verdict(MatchVerdict::Different));
    EXPECT_EQ(first->historyTable()->item(0, 1)->text(), QStringLiteral("Different heights recorded"));
    EXPECT_FALSE(first->historyTable()->item(0, 2)->text().isEmpty()) << "who decided";
    EXPECT_FALSE(first->historyTable()->item(0, 3)->text().isEmpty()) << "when";
    auto* current = first->findChild<QLabel*>(QStringLiteral("currentDecisionLabel"));
    ASSERT_NE(current, nullptr);
    EXPECT_NE(current->text().indexOf(MatchText::verdict(MatchVerdict::Different)), -1)
        << current->text().toStdString();
    EXPECT_TRUE(first->verdictButton(MatchVerdict::Different)->isChecked()) << "the current decision";

    first->verdictButton(MatchVerdict::Same)->click();
    first->rationaleEdit()->setPlainText(QStringLiteral("The heights were in different units; same custody photo"));
    ASSERT_TRUE(first->save());
    const auto history = stored();
    ASSERT_EQ(history.size(), 2u);
    EXPECT_EQ(history.front().verdict, MatchVerdict::Different);
    EXPECT_EQ(history.back().verdict, MatchVerdict::Same);

    auto again = open();
    ASSERT_EQ(again->historyTable()->rowCount(), 2);
    EXPECT_EQ(again->historyTable()->item(1, 0)->text(), MatchText::verdict(MatchVerdict::Same));
    EXPECT_EQ(again->historyTable()->item(0, 1)->text(), QStringLiteral("Different heights recorded"));
}

TEST_F(MatchDecisionDialogTest, wholePictureIsOfferedForSuspectsOnlyAndGoesThroughTheHub)
{
    const core::Person victim = add(two, PersonRole::Victim, "Alex", "Example");
    MatchDecisionDialog dialog(*matching, cataloguesLoaded, &privacy, proposal(jon, one, victim, two));
    dialog.show();
    EXPECT_EQ(dialog.wholePictureButton(1), nullptr) << "never a victim's picture";
    ASSERT_NE(dialog.wholePictureButton(0), nullptr);
    QSignalSpy requested(matching.get(), &MatchingService::wholePictureRequested);
    dialog.wholePictureButton(0)->click();
    ASSERT_EQ(requested.count(), 1);
    EXPECT_EQ(requested.front().front().value<std::int64_t>(), jon.id);
}

TEST_F(MatchDecisionDialogTest, aVictimsNameFollowsPrivacyMode)
{
    const core::Person witness = add(two, PersonRole::Witness, "Alex", "Example");
    privacy.setOn(true);
    MatchDecisionDialog dialog(*matching, cataloguesLoaded, &privacy, proposal(jon, one, witness, two));
    EXPECT_EQ(dialog.explanationView()->secondPersonLabel()->text().indexOf(QStringLiteral("Example")), -1)
        << dialog.explanationView()->secondPersonLabel()->text().toStdString();
    EXPECT_NE(dialog.explanationView()->secondPersonLabel()->text().indexOf(QStringLiteral("A. E.")), -1);
}

TEST_F(MatchDecisionDialogTest, theDialogFitsTheScreenWithTheDecisionWithinReach)
{
    core::suspects::decide(ws(), {jon.id, jonathan.id, MatchVerdict::Undecided, "Waiting for the PNC record"});
    auto dialog = open();
    QCoreApplication::processEvents();
    const QRect screen = QGuiApplication::primaryScreen()->availableGeometry();
    EXPECT_LE(dialog->frameGeometry().width(), screen.width());
    EXPECT_LE(dialog->frameGeometry().height(), screen.height());
    // Keyboard: the rationale is reached from the choices with Tab, Save is the button box's.
    EXPECT_EQ(dialog->rationaleEdit()->focusPolicy() & Qt::TabFocus, Qt::TabFocus);
    EXPECT_TRUE(dialog->rationaleEdit()->tabChangesFocus());
    const QString shots = qEnvironmentVariable("WB_SCREENSHOT_DIR");
    if (!shots.isEmpty()) {
        EXPECT_TRUE(dialog->grab().save(QDir(shots).filePath(QStringLiteral("match-decision.png"))));
    }
}

TEST_F(MatchDecisionDialogTest, whileAJobHoldsTheWorkspaceTheDecisionWaitsForItThenSaves)
{
    auto dialog = open();
    std::atomic_bool release{false};
    bool jobDone = false;
    session.run(
        QStringLiteral("A fictional long job"),
        [&release] {
            while (!release.load()) {
                std::this_thread::sleep_for(std::chrono::milliseconds(5));
            }
        },
        dialog.get(), [&jobDone](const std::optional<core::Error>&) { jobDone = true; });
    ASSERT_TRUE(session.busy());
    QSignalSpy recorded(matching.get(), &MatchingService::decisionsChanged);
    dialog->verdictButton(MatchVerdict::Same)->click();
    dialog->rationaleEdit()->setPlainText(QStringLiteral("Same phone 07700 900123"));
    EXPECT_FALSE(dialog->save()) << "not while the job holds the workspace";
    EXPECT_FALSE(dialog->saveButton()->isEnabled());
    EXPECT_EQ(recorded.count(), 0);
    release.store(true);
    ASSERT_TRUE(waitFor([&] { return recorded.count() == 1; }));
    EXPECT_TRUE(jobDone);
    EXPECT_EQ(stored().size(), 1u);
}

TEST_F(MatchDecisionDialogTest, lockingClosesTheDialog)
{
    auto dialog = open();
    ASSERT_TRUE(dialog->isVisible());
    session.lock();
    EXPECT_FALSE(dialog->isVisible());
    EXPECT_EQ(dialog->result(), QDialog::Rejected);
}

} // namespace
} // namespace wb::ui::test
