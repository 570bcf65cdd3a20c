// SPDX-License-Identifier: GPL-3.0-or-later
// The guided context flow: answers stored with who and when, revisions and their history, "Not known",
// inline validation, keyboard-only navigation and live updates. Fictional data only.
#include <gtest/gtest.h>

#include <QComboBox>
#include <QDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QTableWidget>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>

#include "core/Workspace.h"
#include "core/nom/QuestionCatalogue.h"
#include "core/people/People.h"
#include "support/ContextFlowFixture.h"
#include "support/UiTestSupport.h"
#include "ui/context/ContextFlow.h"
#include "ui/privacy/PrivacyMode.h"
#include "ui/session/SignalBridge.h"
#include "ui/widgets/InlineMessage.h"

namespace wb::ui::test {
namespace {

const std::string Actor = "DC Fictional Tester (T0001)";

using ContextFlowTest = ContextFlowFixture;

TEST_F(ContextFlowTest, AnsweringThroughTheFlowStoresAFactWithWhoAndWhen)
{
    open();
    EXPECT_EQ(flow->currentStep(), 0);
    EXPECT_EQ(flow->stepCount(), 5);
    EXPECT_TRUE(find<QLabel>(QStringLiteral("contextProgressLabel"))->text().startsWith(QStringLiteral("0 of ")));
    auto* combo = find<QComboBox>(QStringLiteral("answer_relationship.category"));
    EXPECT_EQ(combo->currentData().toString(), QString()) << "not known until answered";
    const core::Instant before = core::nowUtc();
    combo->setCurrentIndex(combo->findData(QStringLiteral("ex-partner")));
    EXPECT_TRUE(flow->hasUnsavedChanges());
    EXPECT_TRUE(facts().empty()) << "nothing is stored before Save or Next";
    QTest::mouseClick(find<QPushButton>(QStringLiteral("contextNextButton")), Qt::LeftButton);
    EXPECT_EQ(flow->currentStep(), 1);
    EXPECT_FALSE(flow->hasUnsavedChanges());

    const auto stored = facts();
    ASSERT_EQ(stored.count("relationship.category"), 1U);
    EXPECT_EQ(std::get<std::string>(stored.at("relationship.category")), "ex-partner");
    const auto answers = history("relationship.category");
    ASSERT_EQ(answers.size(), 1U);
    EXPECT_EQ(answers[0].answeredBy, Actor);
    EXPECT_GE(answers[0].answeredAt, before - std::chrono::seconds(1));
    EXPECT_LE(answers[0].answeredAt, core::nowUtc() + std::chrono::seconds(1));
    const QString last = find<QLabel>(QStringLiteral("lastChange_relationship.category"))->text();
    EXPECT_TRUE(last.startsWith(QStringLiteral("Answered "))) << last.toStdString();
    EXPECT_TRUE(last.contains(QString::fromStdString(Actor))) << last.toStdString();
    EXPECT_TRUE(find<QLabel>(QStringLiteral("contextProgressLabel"))->text().startsWith(QStringLiteral("1 of ")));
    // The relationship makes the domestic-abuse question apply (its showIf).
    EXPECT_FALSE(find<QWidget>(QStringLiteral("question_relationship.domesticAbuse"))->isHidden());
}

TEST_F(ContextFlowTest, AnUnsavedAnswerKeptAsADraftComesBackUnsavedInANewFlow)
{
    open();
    EXPECT_TRUE(flow->captureDrafts().empty()) << "nothing typed, nothing to keep";
    auto* combo = find<QComboBox>(QStringLiteral("answer_relationship.category"));
    combo->setCurrentIndex(combo->findData(QStringLiteral("ex-partner")));
    const auto drafts = flow->captureDrafts();
    ASSERT_EQ(drafts.size(), 1U);

    open(); // the window closed on lock and reopened after the unlock
    ASSERT_FALSE(flow->hasUnsavedChanges());
    ASSERT_TRUE(flow->restoreDraft(drafts.front()));
    EXPECT_EQ(find<QComboBox>(QStringLiteral("answer_relationship.category"))->currentData().toString(),
              QStringLiteral("ex-partner"));
    EXPECT_TRUE(flow->hasUnsavedChanges());
    EXPECT_TRUE(facts().empty()) << "restoring never saves";
}

TEST_F(ContextFlowTest, InstantsAreEnteredInUkTimeAndStoredUtc)
{
    open();
    ASSERT_TRUE(flow->goToStep(3));
    // 21:30 on 14 July 2026 in London is 20:30 UTC (British Summer Time).
    auto* line = find<QLineEdit>(QStringLiteral("answer_offence.lastContactAt"));
    QTest::keyClicks(line, QStringLiteral("14/07/2026 21:30"));
    auto* from = find<QLineEdit>(QStringLiteral("answer_offence.period_from"));
    QTest::keyClicks(from, QStringLiteral("13/07/2026"));
    ASSERT_TRUE(flow->save());
    const auto stored = facts();
    EXPECT_EQ(core::toIsoUtc(std::get<core::Instant>(stored.at("offence.lastContactAt"))), "2026-07-14T20:30:00Z");
    const auto range = std::get<core::nom::DateRange>(stored.at("offence.period"));
    EXPECT_EQ(core::toIsoUtc(range.from), "2026-07-12T23:00:00Z");
    EXPECT_EQ(core::toIsoUtc(range.to), "2026-07-13T22:59:59Z") << "a single day runs to its end";
    EXPECT_EQ(line->text(), QStringLiteral("14/07/2026 21:30")) << "shown back in UK time";
}

TEST_F(ContextFlowTest, RevisingAnAnswerKeepsItsHistory)
{
    open();
    QTest::mouseClick(find<QRadioButton>(QStringLiteral("answer_relationship.sharedHousehold_yes")), Qt::LeftButton);
    ASSERT_TRUE(flow->save());
    QTest::mouseClick(find<QRadioButton>(QStringLiteral("answer_relationship.sharedHousehold_no")), Qt::LeftButton);
    ASSERT_TRUE(flow->save());
    EXPECT_FALSE(std::get<bool>(facts().at("relationship.sharedHousehold")));
    const auto answers = history("relationship.sharedHousehold");
    ASSERT_EQ(answers.size(), 2U);
    EXPECT_TRUE(std::get<bool>(*answers[0].value));
    EXPECT_FALSE(std::get<bool>(*answers[1].value));

    // The History… dialog lists every revision, oldest first.
    int rows = -1;
    QString firstAnswer;
    QTimer::singleShot(0, [&] {
        auto* dialog = visibleTopLevel<QDialog>();
        ASSERT_NE(dialog, nullptr);
        auto* table = dialog->findChild<QTableWidget*>(QStringLiteral("contextHistoryTable"));
        ASSERT_NE(table, nullptr);
        rows = table->rowCount();
        firstAnswer = table->item(0, 2)->text();
        dialog->reject();
    });
    QTest::mouseClick(find<QPushButton>(QStringLiteral("historyButton_relationship.sharedHousehold")), Qt::LeftButton);
    EXPECT_EQ(rows, 2);
    EXPECT_EQ(firstAnswer, QStringLiteral("Yes"));
}

TEST_F(ContextFlowTest, NotKnownWithdrawsTheAnswer)
{
    open();
    ASSERT_TRUE(flow->goToStep(2));
    QTest::mouseClick(find<QRadioButton>(QStringLiteral("answer_suspect.known_yes")), Qt::LeftButton);
    ASSERT_TRUE(flow->save());
    ASSERT_EQ(facts().count("suspect.known"), 1U);
    // The follow-up questions apply now.
    EXPECT_FALSE(find<QWidget>(QStringLiteral("question_suspect.identifiedHow"))->isHidden());

    QTest::mouseClick(find<QPushButton>(QStringLiteral("notKnownButton_suspect.known")), Qt::LeftButton);
    EXPECT_EQ(facts().count("suspect.known"), 0U);
    const auto answers = history("suspect.known");
    ASSERT_EQ(answers.size(), 2U);
    EXPECT_FALSE(answers[1].value.has_value());
    EXPECT_TRUE(find<QRadioButton>(QStringLiteral("answer_suspect.known_unknown"))->isChecked());
    EXPECT_TRUE(find<QLabel>(QStringLiteral("lastChange_suspect.known"))
                    ->text()
                    .startsWith(QStringLiteral("Marked not known")));
    EXPECT_TRUE(find<QWidget>(QStringLiteral("question_suspect.identifiedHow"))->isHidden());
    EXPECT_FALSE(flow->hasUnsavedChanges());
}

TEST_F(ContextFlowTest, AnInvalidValueShowsAnInlineMessageAndStoresNothing)
{
    open();
    ASSERT_TRUE(flow->goToStep(1));
    auto* age = find<QLineEdit>(QStringLiteral("answer_victim.age"));
    QTest::keyClicks(age, QStringLiteral("200"));
    QTest::mouseClick(find<QPushButton>(QStringLiteral("contextNextButton")), Qt::LeftButton);
    EXPECT_EQ(flow->currentStep(), 1) << "the flow stays on a step with a refused answer";
    EXPECT_TRUE(errorShown(QStringLiteral("victim.age")));
    auto* error = flow->findChild<InlineMessage*>(QStringLiteral("questionError_victim.age"));
    EXPECT_TRUE(error->text().contains(QStringLiteral("from 0 to 120"))) << error->text().toStdString();
    EXPECT_EQ(facts().count("victim.age"), 0U);
    EXPECT_TRUE(history("victim.age").empty());
    EXPECT_TRUE(flow->hasUnsavedChanges()) << "the officer's text is kept to correct";
    EXPECT_EQ(age->text(), QStringLiteral("200"));

    // Text that is not a number, and a date that does not exist, are refused before core sees them.
    age->clear();
    QTest::keyClicks(age, QStringLiteral("twenty"));
    EXPECT_FALSE(flow->save());
    EXPECT_TRUE(errorShown(QStringLiteral("victim.age")));
    ASSERT_TRUE(flow->goToStep(1));
    age->clear();
    QTest::keyClicks(age, QStringLiteral("34"));
    ASSERT_TRUE(flow->save());
    EXPECT_FALSE(errorShown(QStringLiteral("victim.age")));
    EXPECT_EQ(std::get<double>(facts().at("victim.age")), 34.0);

    ASSERT_TRUE(flow->goToStep(3));
    QTest::keyClicks(find<QLineEdit>(QStringLiteral("answer_offence.lastContactAt")),
                     QStringLiteral("31/02/2026 10:00"));
    EXPECT_FALSE(flow->save());
    EXPECT_TRUE(errorShown(QStringLiteral("offence.lastContactAt")));
    EXPECT_EQ(facts().count("offence.lastContactAt"), 0U);
    // A period whose start is after its end is refused by core's validation, shown beside the question.
    QTest::keyClicks(find<QLineEdit>(QStringLiteral("answer_offence.period_from")), QStringLiteral("20/03/2026"));
    QTest::keyClicks(find<QLineEdit>(QStringLiteral("answer_offence.period_to")), QStringLiteral("10/03/2026"));
    EXPECT_FALSE(flow->save());
    auto* periodError = flow->findChild<InlineMessage*>(QStringLiteral("questionError_offence.period"));
    EXPECT_TRUE(periodError->text().contains(QStringLiteral("must not be after"))) << periodError->text().toStdString();
    EXPECT_EQ(facts().count("offence.period"), 0U);
}

TEST_F(ContextFlowTest, KeyboardOnlyWalkThroughTheSteps)
{
    open();
    flow->activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(flow.get()));
    auto* steps = find<QListWidget>(QStringLiteral("contextStepList"));
    EXPECT_EQ(steps->count(), 5);
    EXPECT_TRUE(steps->item(0)->text().startsWith(QStringLiteral("▶ 1. Relationship context")));

    // Alt+N answers nothing and moves on; focus lands on the step's first answer.
    QTest::keyClick(flow.get(), Qt::Key_N, Qt::AltModifier);
    EXPECT_EQ(flow->currentStep(), 1);
    QWidget* focused = QApplication::focusWidget();
    ASSERT_NE(focused, nullptr);
    EXPECT_TRUE(focused->objectName().startsWith(QStringLiteral("answer_victim.")))
        << focused->objectName().toStdString();
    // Answer the victim's choice by keyboard: the combo box has focus; Down picks the first option.
    QTest::keyClick(focused, Qt::Key_Down);
    QTest::keyClick(flow.get(), Qt::Key_N, Qt::AltModifier);
    EXPECT_EQ(flow->currentStep(), 2);
    EXPECT_EQ(facts().count("victim.wantsInvestigation"), 1U) << "Alt+N saved the step";
    QTest::keyClick(flow.get(), Qt::Key_N, Qt::AltModifier);
    QTest::keyClick(flow.get(), Qt::Key_N, Qt::AltModifier);
    EXPECT_EQ(flow->currentStep(), 4);
    EXPECT_TRUE(steps->item(4)->text().startsWith(QStringLiteral("▶ 5. Summary")));
    auto* summary = find<QTextBrowser>(QStringLiteral("contextSummaryBrowser"));
    EXPECT_TRUE(summary->toPlainText().contains(QStringLiteral("Victim's wishes about an investigation")))
        << summary->toPlainText().toStdString();
    EXPECT_TRUE(summary->toPlainText().contains(QStringLiteral("Important questions not answered yet")));
    EXPECT_FALSE(find<QPushButton>(QStringLiteral("contextNextButton"))->isEnabled());
    QTest::keyClick(flow.get(), Qt::Key_B, Qt::AltModifier);
    EXPECT_EQ(flow->currentStep(), 3);

    // The step list: focus it and move with the arrow keys.
    steps->setFocus();
    QTest::keyClick(steps, Qt::Key_Home);
    EXPECT_EQ(flow->currentStep(), 0);
    QTest::keyClick(steps, Qt::Key_Down);
    EXPECT_EQ(flow->currentStep(), 1);
}

TEST_F(ContextFlowTest, AnswersGivenElsewhereArriveLive)
{
    open();
    workspace->context().answer(caseId, "relationship.category", core::nom::FactValue{std::string("friend")},
                                *cats.questions);
    auto* combo = find<QComboBox>(QStringLiteral("answer_relationship.category"));
    ASSERT_TRUE(waitFor([&] { return combo->currentData().toString() == QStringLiteral("friend"); }));
    EXPECT_FALSE(flow->hasUnsavedChanges());
    // An answer being edited is not overwritten by a change from elsewhere.
    QTest::mouseClick(find<QRadioButton>(QStringLiteral("answer_relationship.children_yes")), Qt::LeftButton);
    workspace->context().answer(caseId, "relationship.children", core::nom::FactValue{false}, *cats.questions);
    ASSERT_TRUE(waitFor([&] {
        return find<QLabel>(QStringLiteral("lastChange_relationship.children"))
            ->text()
            .startsWith(QStringLiteral("Answered"));
    }));
    EXPECT_TRUE(find<QRadioButton>(QStringLiteral("answer_relationship.children_yes"))->isChecked());
    EXPECT_TRUE(flow->hasUnsavedChanges());
    flow->discardChanges();
    EXPECT_TRUE(find<QRadioButton>(QStringLiteral("answer_relationship.children_no"))->isChecked());
}

TEST_F(ContextFlowTest, WithoutTheCatalogueTheTabSaysSoAndStaysSafe)
{
    ContextFlow bare(CaseContext{workspace.get(), bridge.get(), caseId, &privacy, nullptr});
    bare.show();
    auto* title = bare.findChild<QLabel*>(QStringLiteral("contextStepTitle"));
    ASSERT_NE(title, nullptr);
    EXPECT_TRUE(title->text().contains(QStringLiteral("could not be loaded")));
    EXPECT_FALSE(bare.hasUnsavedChanges());
    bare.discardChanges();
    EXPECT_FALSE(bare.save());
    EXPECT_FALSE(bare.goToStep(1));
}

// Issue 14, "Enter each fact once": a relationship recorded on People is the answer on Context, says where it came
// from, is counted as answered, and can be overridden only with a reason, which is stored and shown.
TEST_F(ContextFlowTest, ARelationshipOnPeopleIsShownAsTheAnswerWithItsSourceAndCanBeOverriddenWithAReason)
{
    core::PersonDraft v;
    v.caseId = caseId;
    v.givenName = "Alex";
    v.familyName = "Example";
    const auto victim = workspace->people().add(v);
    core::PersonDraft s = v;
    s.role = core::PersonRole::Suspect;
    s.givenName = "Sam";
    s.familyName = "Sample";
    const auto suspect = workspace->people().add(s);
    core::people::link(*workspace, caseId, {victim.id, suspect.id, "met-online", ""});
    open();

    auto* combo = find<QComboBox>(QStringLiteral("answer_relationship.category"));
    EXPECT_EQ(combo->currentData().toString(), QStringLiteral("met-online"));
    auto* source = find<QLabel>(QStringLiteral("questionSource_relationship.category"));
    EXPECT_FALSE(source->isHidden());
    EXPECT_EQ(source->text(), QStringLiteral("From People: Met online / dating app"));
    auto* reason = find<QLineEdit>(QStringLiteral("overrideReason_relationship.category"));
    EXPECT_FALSE(reason->isHidden());
    EXPECT_FALSE(reason->accessibleName().isEmpty());
    EXPECT_TRUE(find<QLabel>(QStringLiteral("questionSource_offence.repeated"))->isHidden()) << "no record holds it";
    EXPECT_TRUE(find<QLineEdit>(QStringLiteral("overrideReason_offence.repeated"))->isHidden());
    EXPECT_TRUE(find<QLabel>(QStringLiteral("contextProgressLabel"))->text().startsWith(QStringLiteral("2 of ")))
        << "the category and 'suspect known' are answered by the records: not asked again";
    EXPECT_FALSE(flow->hasUnsavedChanges());

    // Answering otherwise without a reason is refused beside the question; nothing is stored.
    combo->setCurrentIndex(combo->findData(QStringLiteral("stranger")));
    QTest::mouseClick(find<QPushButton>(QStringLiteral("contextSaveButton")), Qt::LeftButton);
    EXPECT_TRUE(errorShown(QStringLiteral("relationship.category")));
    EXPECT_TRUE(history("relationship.category").empty());

    reason->setFocus();
    QTest::keyClicks(reason, QStringLiteral("The victim says they had never met before that night"));
    QTest::mouseClick(find<QPushButton>(QStringLiteral("contextSaveButton")), Qt::LeftButton);
    EXPECT_FALSE(errorShown(QStringLiteral("relationship.category")));
    const auto answers = history("relationship.category");
    ASSERT_EQ(answers.size(), 1U);
    EXPECT_EQ(answers[0].overrideReason, "The victim says they had never met before that night");
    EXPECT_EQ(find<QComboBox>(QStringLiteral("answer_relationship.category"))->currentData().toString(),
              QStringLiteral("stranger"));
    const QString shown = find<QLabel>(QStringLiteral("questionSource_relationship.category"))->text();
    EXPECT_TRUE(shown.contains(QStringLiteral("Met online / dating app"))) << shown.toStdString();
    EXPECT_TRUE(shown.contains(QStringLiteral("never met before that night"))) << shown.toStdString();
}

} // namespace

// Issue 14 follow-up: an override reason typed but not saved is kept across a lock like the other drafts, with the
// answer it goes with, and saving after the unlock stores both.
TEST_F(ContextFlowTest, AnUnsavedOverrideReasonIsKeptAsADraftWithItsAnswer)
{
    core::PersonDraft v;
    v.caseId = caseId;
    v.givenName = "Alex";
    v.familyName = "Example";
    const auto victim = workspace->people().add(v);
    core::PersonDraft s = v;
    s.role = core::PersonRole::Suspect;
    s.givenName = "Sam";
    s.familyName = "Sample";
    const auto suspect = workspace->people().add(s);
    core::people::link(*workspace, caseId, {victim.id, suspect.id, "met-online", ""});
    open();
    auto* combo = find<QComboBox>(QStringLiteral("answer_relationship.category"));
    combo->setCurrentIndex(combo->findData(QStringLiteral("stranger")));
    auto* reason = find<QLineEdit>(QStringLiteral("overrideReason_relationship.category"));
    reason->setFocus();
    QTest::keyClicks(reason, QStringLiteral("The victim says they had never met before that night"));
    const auto drafts = flow->captureDrafts();
    ASSERT_EQ(drafts.size(), 1U);
    EXPECT_NE(drafts.front().fields.find("overrideReason_relationship.category"), drafts.front().fields.end());

    open(); // the window closed on lock and reopened after the unlock
    ASSERT_FALSE(flow->hasUnsavedChanges());
    EXPECT_TRUE(find<QLineEdit>(QStringLiteral("overrideReason_relationship.category"))->text().isEmpty());
    ASSERT_TRUE(flow->restoreDraft(drafts.front()));
    EXPECT_EQ(find<QComboBox>(QStringLiteral("answer_relationship.category"))->currentData().toString(),
              QStringLiteral("stranger"));
    EXPECT_EQ(find<QLineEdit>(QStringLiteral("overrideReason_relationship.category"))->text(),
              QStringLiteral("The victim says they had never met before that night"));
    EXPECT_TRUE(flow->hasUnsavedChanges());
    EXPECT_TRUE(history("relationship.category").empty()) << "restoring never saves";
    ASSERT_TRUE(flow->save());
    const auto answers = history("relationship.category");
    ASSERT_EQ(answers.size(), 1U);
    EXPECT_EQ(answers[0].overrideReason, "The victim says they had never met before that night");
}

// A reason typed alone (the answer left as the records have it) is a draft too, and comes back.
TEST_F(ContextFlowTest, AReasonTypedAloneIsKeptAsADraft)
{
    core::PersonDraft v;
    v.caseId = caseId;
    v.givenName = "Alex";
    v.familyName = "Example";
    const auto victim = workspace->people().add(v);
    core::PersonDraft s = v;
    s.role = core::PersonRole::Suspect;
    s.givenName = "Sam";
    s.familyName = "Sample";
    const auto suspect = workspace->people().add(s);
    core::people::link(*workspace, caseId, {victim.id, suspect.id, "met-online", ""});
    open();
    auto* reason = find<QLineEdit>(QStringLiteral("overrideReason_relationship.category"));
    reason->setFocus();
    QTest::keyClicks(reason, QStringLiteral("Half-typed reason"));
    const auto drafts = flow->captureDrafts();
    ASSERT_EQ(drafts.size(), 1U);
    open();
    ASSERT_TRUE(flow->restoreDraft(drafts.front()));
    EXPECT_EQ(find<QLineEdit>(QStringLiteral("overrideReason_relationship.category"))->text(),
              QStringLiteral("Half-typed reason"));
    EXPECT_TRUE(flow->hasUnsavedChanges());
}

} // namespace wb::ui::test
