// SPDX-License-Identifier: GPL-3.0-or-later
// Follow-up questions are revealed without moving what is under the pointer, and say which answer they follow
// (issue 15). Fictional data only.
#include <gtest/gtest.h>

#include <QComboBox>
#include <QCursor>
#include <QLabel>
#include <QRadioButton>
#include <QScrollBar>
#include <QTest>

#include "support/ContextFlowFixture.h"
#include "ui/context/QuestionStepPage.h"

namespace wb::ui::test {
namespace {

using QuestionStepPageTest = ContextFlowFixture;

QPoint topLeftOnScreen(const QWidget* widget)
{
    return widget->mapToGlobal(QPoint(0, 0));
}

TEST_F(QuestionStepPageTest, FollowUpsRevealedAboveThePointerDoNotMoveWhatIsUnderIt)
{
    open(1200, 640);
    auto* page = find<QuestionStepPage>(QStringLiteral("contextStepPage0"));
    auto* target = find<QRadioButton>(QStringLiteral("answer_relationship.children_yes"));
    auto* revealed = find<QWidget>(QStringLiteral("question_relationship.domesticAbuse"));
    ASSERT_TRUE(revealed->isHidden()) << "asked only for partners and family";
    QTest::qWait(1); // laid out
    // The officer has scrolled down to the next question and rests the pointer on its answer, then picks the
    // relationship in the list that opened over it.
    page->verticalScrollBar()->setValue(target->mapTo(page->widget(), QPoint(0, 0)).y() - 150);
    QTest::qWait(1);
    ASSERT_GT(page->verticalScrollBar()->value(), 0) << "the page is scrolled";
    QCursor::setPos(target->mapToGlobal(target->rect().center()));
    const QPoint before = topLeftOnScreen(target);

    auto* combo = find<QComboBox>(QStringLiteral("answer_relationship.category"));
    combo->setCurrentIndex(combo->findData(QStringLiteral("ex-partner")));
    QTest::qWait(1); // every posted layout has run

    EXPECT_FALSE(revealed->isHidden()) << "the follow-up is shown";
    EXPECT_EQ(topLeftOnScreen(target), before) << "the answer under the pointer stays under it";
    EXPECT_TRUE(target->rect().contains(target->mapFromGlobal(QCursor::pos())));
    EXPECT_LT(revealed->mapToGlobal(QPoint(0, 0)).y(), before.y()) << "the follow-up opens above, not under it";
}

TEST_F(QuestionStepPageTest, TheAnsweredQuestionKeepsItsPlaceAndItsFollowUpsOpenBelowItMarkedAsSuch)
{
    open(1200, 640);
    ASSERT_TRUE(flow->goToStep(2));
    auto* answered = find<QWidget>(QStringLiteral("question_suspect.known"));
    auto* yes = find<QRadioButton>(QStringLiteral("answer_suspect.known_yes"));
    auto* followUp = find<QWidget>(QStringLiteral("question_suspect.identifiedHow"));
    ASSERT_TRUE(followUp->isHidden());
    QTest::qWait(1);
    QCursor::setPos(yes->mapToGlobal(yes->rect().center()));
    const QPoint before = topLeftOnScreen(answered);

    QTest::mouseClick(yes, Qt::LeftButton);
    QTest::qWait(1);

    EXPECT_EQ(topLeftOnScreen(answered), before);
    ASSERT_FALSE(followUp->isHidden());
    EXPECT_GE(followUp->mapToGlobal(QPoint(0, 0)).y(), before.y() + answered->height()) << "below the answer";
    auto* cue = find<QLabel>(QStringLiteral("questionFollowUp_suspect.identifiedHow"));
    ASSERT_NE(cue, nullptr);
    EXPECT_FALSE(cue->isHidden());
    EXPECT_TRUE(cue->text().contains(QStringLiteral("Follow-up to: Suspect's identity known")))
        << cue->text().toStdString();
    auto* noCue = find<QLabel>(QStringLiteral("questionFollowUp_suspect.known"));
    ASSERT_NE(noCue, nullptr);
    EXPECT_TRUE(noCue->isHidden()) << "always asked";
}

TEST_F(QuestionStepPageTest, WithTheKeyboardTheAnswerBeingChosenKeepsItsPlace)
{
    open(1200, 640);
    ASSERT_TRUE(flow->goToStep(2));
    auto* page = find<QuestionStepPage>(QStringLiteral("contextStepPage2"));
    auto* answered = find<QWidget>(QStringLiteral("question_suspect.checksDone"));
    auto* yes = find<QRadioButton>(QStringLiteral("answer_suspect.checksDone_yes"));
    // suspect.checksDone is itself a follow-up of suspect.known.
    QTest::mouseClick(find<QRadioButton>(QStringLiteral("answer_suspect.known_yes")), Qt::LeftButton);
    QTest::qWait(1);
    page->ensureWidgetVisible(answered, 0, 0);
    QTest::qWait(1);
    QCursor::setPos(QPoint(-1000, -1000)); // the pointer is off the page
    yes->setFocus(Qt::TabFocusReason);
    const QPoint before = topLeftOnScreen(answered);

    QTest::keyClick(yes, Qt::Key_Space);
    QTest::qWait(1);

    ASSERT_TRUE(yes->isChecked());
    EXPECT_FALSE(find<QWidget>(QStringLiteral("question_suspect.priorReports"))->isHidden());
    EXPECT_EQ(topLeftOnScreen(answered), before);
}

// Hiding follow-ups while the page is scrolled to its end made the page shorter than the view needed, so it slid
// down under the pointer. The page now lends the room the hidden rows took until the next change.
TEST_F(QuestionStepPageTest, HidingFollowUpsAtTheEndOfThePageDoesNotMoveWhatIsUnderThePointer)
{
    open(1200, 900);
    auto* page = find<QuestionStepPage>(QStringLiteral("contextStepPage0"));
    auto* combo = find<QComboBox>(QStringLiteral("answer_relationship.category"));
    combo->setCurrentIndex(combo->findData(QStringLiteral("ex-partner")));
    QTest::qWait(1);
    auto* yes = find<QRadioButton>(QStringLiteral("answer_relationship.separated_yes"));
    page->ensureWidgetVisible(yes);
    QTest::mouseClick(yes, Qt::LeftButton);
    QTest::qWait(1);
    auto* when = find<QWidget>(QStringLiteral("question_relationship.separatedAt"));
    ASSERT_FALSE(when->isHidden());
    page->verticalScrollBar()->setValue(page->verticalScrollBar()->maximum());
    QTest::qWait(1);
    auto* no = find<QRadioButton>(QStringLiteral("answer_relationship.separated_no"));
    const QPoint inView = no->mapTo(page->viewport(), no->rect().center());
    ASSERT_TRUE(page->viewport()->rect().contains(inView))
        << "the answer is on screen at the end of the page: " << inView.y() << " in " << page->viewport()->height();
    ASSERT_GT(page->verticalScrollBar()->value(), 0);
    QCursor::setPos(no->mapToGlobal(no->rect().center()));
    const QPoint before = topLeftOnScreen(no);

    QTest::mouseClick(no, Qt::LeftButton);
    QTest::qWait(1);

    ASSERT_TRUE(no->isChecked());
    EXPECT_TRUE(when->isHidden());
    EXPECT_EQ(topLeftOnScreen(no), before) << "the answer clicked stays under the pointer";
}

} // namespace
} // namespace wb::ui::test
