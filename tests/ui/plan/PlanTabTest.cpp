// SPDX-License-Identifier: GPL-3.0-or-later
// The Plan tab walked through with a fictional case: suspect-focused lines first, no decline without a rationale,
// no intrusive phone download without proportionality, tracked enquiries, and the review panel.
#include <gtest/gtest.h>

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTest>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>

#include "core/Error.h"
#include "core/Workspace.h"
#include "core/plan/InvestigationPlan.h"
#include "core/records/RecordSpec.h"
#include "support/UiTestSupport.h"
#include "ui/cases/CaseWorkspace.h"
#include "ui/context/ContextFlow.h"
#include "ui/plan/DeclineDialog.h"
#include "ui/plan/EnquiryDialog.h"
#include "ui/plan/OpeningQuestionsPanel.h"
#include "ui/plan/PlanTab.h"
#include "ui/plan/PlanTree.h"
#include "ui/plan/SupervisoryReviewPanel.h"
#include "ui/privacy/PrivacyMode.h"
#include "ui/session/SignalBridge.h"

namespace wb::ui::test {
namespace {

using namespace std::chrono_literals;

struct PlanWorld {
    TempDir dir;
    std::unique_ptr<core::Workspace> workspace = makeWorkspace(dir / "plan.rwb");
    std::unique_ptr<SignalBridge> bridge = std::make_unique<SignalBridge>(*workspace);
    PrivacyMode privacy;
    Catalogues catalogues = test::catalogues();
    CaseContext context;

    PlanWorld()
    {
        const auto c = workspace->cases().add(wb::test::caseDraft("FICT/UI4/26"));
        context = {workspace.get(), bridge.get(), c.id, &privacy, &catalogues};
    }
    ~PlanWorld()
    {
        // Close dialogs before the workspace goes.
        for (QWidget* w : QApplication::topLevelWidgets()) {
            if (qobject_cast<QDialog*>(w) != nullptr) {
                w->close();
            }
        }
        bridge.reset();
    }

    void answer(const std::string& question, const core::nom::FactValue& value)
    {
        workspace->context().answer(context.caseId, question, value, *catalogues.questions);
    }

    std::size_t count(std::string_view type) const
    {
        return workspace->records().listForCase(core::recordSpec(type), context.caseId).size();
    }
};

void setText(QWidget* editor, const QString& text)
{
    if (auto* plain = qobject_cast<QPlainTextEdit*>(editor)) {
        plain->setPlainText(text);
    } else if (auto* line = qobject_cast<QLineEdit*>(editor)) {
        line->setText(text);
    }
}

void choose(QWidget* editor, const QString& code)
{
    auto* combo = qobject_cast<QComboBox*>(editor);
    ASSERT_NE(combo, nullptr);
    combo->setCurrentIndex(combo->findData(code));
}

QTreeWidgetItem* firstEntryRow(QTreeWidget* tree)
{
    for (QTreeWidgetItemIterator it(tree); *it != nullptr; ++it) {
        if ((*it)->data(0, Qt::UserRole).toString() == QLatin1String("proposal")) {
            return *it;
        }
    }
    return nullptr;
}

TEST(PlanTab, AFictionalCaseWalkedThroughThePlan)
{
    PlanWorld world;
    PlanTab tab(world.context);
    tab.resize(1400, 800);
    tab.show();

    // The officer answers the context questions; the plan follows live.
    world.answer("relationship.category", std::string("acquaintance"));
    world.answer("suspect.known", true);
    world.answer("suspect.digitalContact", true);
    world.answer("victim.wantsInvestigation", std::string("investigation"));
    world.answer("offence.imagesTaken", true);
    world.answer("offence.victimMaterialAsked", core::nom::TextList{"victim-phone-download"});
    world.answer("offence.lastContactAt", core::nowUtc() - 30h);
    world.answer("offence.acts", core::nom::TextList{"vaginal"});
    ASSERT_TRUE(waitFor([&] {
        return std::any_of(tab.view().proposals.begin(), tab.view().proposals.end(),
                           [](const auto& i) { return i.enquiryId == "DF-003"; });
    }));

    // First rows are suspect-focused, under a group that says so.
    auto* first = firstEntryRow(tab.tree());
    ASSERT_NE(first, nullptr);
    EXPECT_TRUE(first->parent()->text(0).startsWith(QStringLiteral("Suspect-focused")))
        << first->parent()->text(0).toStdString();
    EXPECT_EQ(tab.view().proposals.front().entry->principle, core::nom::Principle::SuspectFocused);
    tab.tree()->setCurrentItem(first);
    EXPECT_TRUE(tab.detailText().contains(QStringLiteral("Why this is suggested")));
    // Provenance is not in the officer's pane (issue 14): no catalogue id, source or version; one plain signal
    // where a time limit or legal point is not confirmed.
    EXPECT_TRUE(tab.detailText().contains(QStringLiteral("Basis:")));
    for (const auto& item : tab.view().proposals) {
        ASSERT_TRUE(tab.selectEntry(item.enquiryId));
        const QString detail = tab.detailText();
        EXPECT_FALSE(detail.contains(QStringLiteral("Source:"))) << item.enquiryId;
        EXPECT_FALSE(detail.contains(QString::fromStdString(item.enquiryId))) << item.enquiryId;
        EXPECT_FALSE(detail.contains(QStringLiteral("nom-brief"))) << item.enquiryId;
        EXPECT_FALSE(detail.contains(QStringLiteral("UNCONFIRMED"))) << item.enquiryId;
        const bool timeLimitUnconfirmed = item.entry->deadline && !item.entry->deadline->confirmed;
        EXPECT_EQ(detail.contains(QStringLiteral("Time limit not confirmed nationally: check your force's guidance.")),
                  timeLimitUnconfirmed)
            << item.enquiryId;
        EXPECT_EQ(detail.contains(QStringLiteral("Basis:")) &&
                      detail.contains(QStringLiteral("Not confirmed nationally: check your force's guidance.")),
                  !item.entry->confirmed)
            << item.enquiryId;
    }
    tab.tree()->setCurrentItem(first);
    // Issue 14: the priority is shown in words in its own column and explained in the detail.
    EXPECT_FALSE(first->text(PlanTree::PriorityColumn).isEmpty()) << "priority column";
    EXPECT_FALSE(first->toolTip(PlanTree::PriorityColumn).isEmpty()) << "the priority's reason";
    EXPECT_EQ(tab.tree()->headerItem()->text(PlanTree::PriorityColumn), QStringLiteral("Priority"));
    EXPECT_EQ(tab.tree()->header()->visualIndex(PlanTree::PriorityColumn), 1) << "next to the title";
    // Issue 14: no catalogue-id column (the Sources view has the ids); the row keeps the id under a data role.
    ASSERT_EQ(tab.tree()->columnCount(), 4);
    for (int c = 0; c < tab.tree()->columnCount(); ++c) {
        EXPECT_NE(tab.tree()->headerItem()->text(c), QStringLiteral("Id")) << c;
    }
    for (QTreeWidgetItemIterator it(tab.tree()); *it != nullptr; ++it) {
        const QString id = (*it)->data(0, PlanTree::EnquiryIdRole).toString();
        for (int c = 0; !id.isEmpty() && c < tab.tree()->columnCount(); ++c) {
            EXPECT_FALSE((*it)->text(c).contains(id)) << id.toStdString() << " in column " << c;
            EXPECT_FALSE((*it)->toolTip(c).contains(id)) << id.toStdString() << " in a tooltip of column " << c;
        }
    }
    const std::string firstId = first->data(0, PlanTree::EnquiryIdRole).toString().toStdString();
    EXPECT_TRUE(std::any_of(tab.view().proposals.begin(), tab.view().proposals.end(), [&firstId](const auto& i) {
        return i.enquiryId == firstId;
    })) << firstId;
    EXPECT_TRUE(tab.detailText().contains(QStringLiteral("Priority:")));
    EXPECT_TRUE(tab.detailText().contains(QStringLiteral("evidence at risk (lost if not secured now)")));
    EXPECT_TRUE(tab.bannerText().contains(QStringLiteral("not been reviewed yet")));
    // A forensic window counts down in words.
    bool countdown = false;
    for (QTreeWidgetItemIterator it(tab.tree()); *it != nullptr; ++it) {
        countdown = countdown || (*it)->text(2).startsWith(QStringLiteral("window closes in "));
    }
    EXPECT_TRUE(countdown);

    // Declining without a rationale is impossible: the button stays disabled, and core refuses too.
    ASSERT_TRUE(tab.selectEntry("SUS-PRE-001"));
    ASSERT_TRUE(tab.declineButton()->isEnabled());
    tab.declineButton()->click();
    auto* decline = visibleTopLevel<DeclineDialog>();
    ASSERT_NE(decline, nullptr);
    EXPECT_FALSE(decline->okButton()->isEnabled());
    decline->rationaleEdit()->setPlainText(QStringLiteral("   \n  "));
    EXPECT_FALSE(decline->okButton()->isEnabled());
    EXPECT_FALSE(decline->submit());
    EXPECT_TRUE(decline->fieldMessage().contains(QStringLiteral("reason for declining")))
        << decline->fieldMessage().toStdString();
    EXPECT_EQ(world.count("decision"), 0U);
    try {
        core::plan::decline(*world.workspace, world.context.caseId, *world.catalogues.enquiries, "SUS-PRE-001", " ",
                            core::nowUtc());
        ADD_FAILURE() << "core accepted a blank rationale";
    } catch (const core::Error& error) {
        EXPECT_EQ(error.field(), "rationale");
    }
    decline->rationaleEdit()->setPlainText(QStringLiteral("Fictional: already covered by the CCTV enquiry."));
    ASSERT_TRUE(decline->okButton()->isEnabled());
    decline->okButton()->click();
    EXPECT_EQ(world.count("decision"), 1U);
    ASSERT_TRUE(waitFor([&] { return tab.tree()->currentItem()->text(1).contains(QStringLiteral("Declined")); }));

    // A full download of the victim's phone without proportionality is refused, with the message shown.
    ASSERT_TRUE(tab.selectEntry("DF-003"));
    ASSERT_TRUE(tab.acceptButton()->isEnabled());
    tab.acceptButton()->click();
    auto* accept = visibleTopLevel<EnquiryDialog>();
    ASSERT_NE(accept, nullptr);
    EXPECT_TRUE(accept->guardrailText().contains(QStringLiteral("supervisory review")))
        << accept->guardrailText().toStdString();
    EXPECT_TRUE(accept->guardrailText().contains(QStringLiteral("s.37")));
    setText(accept->editor("line_of_enquiry"), QStringLiteral("Fictional: the deleted thread with the suspect."));
    setText(accept->editor("less_intrusive_options"), QStringLiteral("Fictional: screenshots do not show it."));
    accept->okButton()->click();
    EXPECT_TRUE(accept->isVisible());
    EXPECT_TRUE(
        accept->fieldMessage("necessity_proportionality").contains(QStringLiteral("necessary and proportionate")))
        << accept->fieldMessage("necessity_proportionality").toStdString();
    EXPECT_EQ(world.count("enquiry"), 0U);
    setText(accept->editor("necessity_proportionality"), QStringLiteral("Fictional: only the two days around it."));
    accept->okButton()->click();
    EXPECT_FALSE(accept->isVisible());
    ASSERT_EQ(world.count("enquiry"), 1U);
    const auto intrusive =
        world.workspace->records().listForCase(core::recordSpec("enquiry"), world.context.caseId).front();
    EXPECT_EQ(intrusive.get("catalogue_id"), "DF-003");
    EXPECT_EQ(intrusive.get("supervisor_review"), "pending");
    EXPECT_EQ(intrusive.get("involves_device"), "1");

    // Accepting an ordinary suspect-focused line makes a tracked enquiry.
    const auto open = std::find_if(tab.view().proposals.begin(), tab.view().proposals.end(), [](const auto& i) {
        return i.choice == core::plan::Choice::Open && !i.entry->intrudesOnVictimPrivacy;
    });
    ASSERT_NE(open, tab.view().proposals.end());
    const std::string normalId = open->enquiryId;
    ASSERT_TRUE(tab.selectEntry(normalId));
    tab.acceptButton()->click();
    accept = visibleTopLevel<EnquiryDialog>();
    ASSERT_NE(accept, nullptr);
    EXPECT_TRUE(accept->guardrailText().isEmpty());
    setText(accept->editor("owner"), QStringLiteral("DC Fictional Colleague"));
    accept->okButton()->click();
    ASSERT_EQ(world.count("enquiry"), 2U);
    ASSERT_TRUE(waitFor([&] {
        return tab.selectEntry(normalId) && tab.tree()->currentItem()->text(1).startsWith(QStringLiteral("Accepted"));
    }));
    EXPECT_TRUE(tab.editButton()->isEnabled());
    EXPECT_FALSE(tab.declineButton()->isEnabled()) << "an accepted line is finished through its status, not declined";

    // The intrusive one cannot start before the s.37 notice: refused next to the field.
    ASSERT_TRUE(tab.selectEntry("DF-003"));
    tab.editButton()->click();
    auto* edit = visibleTopLevel<EnquiryDialog>();
    ASSERT_NE(edit, nullptr);
    choose(edit->editor("status"), QStringLiteral("in_progress"));
    edit->okButton()->click();
    EXPECT_TRUE(edit->fieldMessage("s37_notice_date").contains(QStringLiteral("s.37")))
        << edit->formMessage().toStdString();
    edit->reject();

    // The review screen lists the pending intrusive enquiry; the supervisor records the decision.
    SupervisoryReviewPanel panel(world.context);
    panel.show();
    ASSERT_EQ(panel.pendingCount(), 1);
    EXPECT_EQ(panel.list()->topLevelItem(0)->text(0).toStdString(), world.catalogues.enquiries->find("DF-003")->title)
        << "the title, without the catalogue id";
    EXPECT_EQ(panel.list()->topLevelItem(0)->text(1), QStringLiteral("DC Fictional Tester"));
    EXPECT_TRUE(panel.list()->topLevelItem(0)->text(3).contains(QStringLiteral("only the two days")));
    panel.reviewButton()->click();
    auto* review = visibleTopLevel<EnquiryDialog>();
    ASSERT_NE(review, nullptr);
    choose(review->editor("supervisor_review"), QStringLiteral("approved"));
    review->okButton()->click();
    EXPECT_FALSE(review->fieldMessage("supervisor_name").isEmpty());
    setText(review->editor("supervisor_name"), QStringLiteral("DS Fictional Reviewer"));
    choose(review->editor("supervisor_rank"), QStringLiteral("sergeant"));
    review->okButton()->click();
    EXPECT_FALSE(review->isVisible()) << review->formMessage().toStdString();
    ASSERT_TRUE(waitFor([&] { return panel.pendingCount() == 0; }));

    // Mark the plan as reviewed; a new fact then shows as new since the review.
    tab.reviewedButton()->click();
    ASSERT_TRUE(waitFor([&] { return tab.view().lastReview.has_value(); }));
    EXPECT_TRUE(tab.bannerText().contains(QStringLiteral("Nothing is new"))) << tab.bannerText().toStdString();
    world.answer("offence.forceOrThreats", true);
    ASSERT_TRUE(waitFor([&] { return !tab.view().newSinceReview.empty(); }));
    EXPECT_TRUE(tab.bannerText().contains(QStringLiteral("New since last review"))) << tab.bannerText().toStdString();
}

TEST(PlanTab, OwnEnquiriesAreAddedAndListed)
{
    PlanWorld world;
    PlanTab tab(world.context);
    tab.show();
    tab.newRecord(); // Ctrl+N
    auto* own = visibleTopLevel<EnquiryDialog>();
    ASSERT_NE(own, nullptr);
    own->okButton()->click();
    EXPECT_FALSE(own->fieldMessage("title").isEmpty());
    setText(own->editor("title"), QStringLiteral("Fictional: ask the taxi firm for the booking record"));
    static_cast<QCheckBox*>(own->findChild<QCheckBox*>(QStringLiteral("intrudesCheckBox")))->setChecked(true);
    EXPECT_FALSE(own->guardrailText().isEmpty());
    own->okButton()->click();
    EXPECT_FALSE(own->fieldMessage("line_of_enquiry").isEmpty());
    own->findChild<QCheckBox*>(QStringLiteral("intrudesCheckBox"))->setChecked(false);
    own->okButton()->click();
    EXPECT_FALSE(own->isVisible()) << own->formMessage().toStdString();
    ASSERT_TRUE(waitFor([&] { return tab.view().ownEnquiries.size() == 1; }));
    bool listed = false;
    for (QTreeWidgetItemIterator it(tab.tree()); *it != nullptr; ++it) {
        listed = listed || (*it)->text(0) == QStringLiteral("Fictional: ask the taxi firm for the booking record");
    }
    EXPECT_TRUE(listed);
}

TEST(PlanTab, WithoutCataloguesItSaysSoAndTheWorkspaceHasAPlanTab)
{
    PlanWorld world;
    CaseContext bare = world.context;
    bare.catalogues = nullptr;
    PlanTab tab(bare);
    tab.show();
    auto* label = tab.findChild<QLabel*>(QStringLiteral("planUnavailableLabel"));
    ASSERT_NE(label, nullptr);
    EXPECT_TRUE(label->isVisible());
    EXPECT_FALSE(tab.tree()->isVisible());

    CaseWorkspace window(world.context);
    QStringList titles;
    for (int i = 0; i < window.tabs()->count(); ++i) {
        titles << window.tabs()->tabText(i);
    }
    EXPECT_TRUE(titles.contains(QStringLiteral("Plan"))) << titles.join(QLatin1Char(',')).toStdString();
    EXPECT_LT(titles.indexOf(QStringLiteral("Plan")), titles.indexOf(QStringLiteral("Decisions")));
    EXPECT_NE(window.findChild<SupervisoryReviewPanel*>(), nullptr) << "the Reviews tab lists pending enquiries";
    ASSERT_NE(window.tabs()->findChild<PlanTab*>(), nullptr);
    core::plan::OwnEnquiry own;
    own.title = "Fictional: check the taxi booking";
    const auto record = core::plan::addOwn(*world.workspace, world.context.caseId, own, core::nowUtc());
    ASSERT_TRUE(waitFor([&] { return window.tabs()->findChild<PlanTab*>()->view().ownEnquiries.size() == 1; }));
    EXPECT_TRUE(window.openRecord("enquiry", record.id));
    EXPECT_EQ(window.tabs()->tabText(window.tabs()->currentIndex()), QStringLiteral("Plan"));
}

TEST(PlanTab, QuestionsThatWouldOpenMoreLinesAreOneKeyFromTheirContextStep)
{
    PlanWorld world;
    world.answer("relationship.category", std::string("ex-partner"));
    CaseWorkspace window(world.context);
    window.resize(1500, 900);
    window.show();
    auto* tab = window.tabs()->findChild<PlanTab*>();
    ASSERT_NE(tab, nullptr);
    window.tabs()->setCurrentWidget(tab);
    OpeningQuestionsPanel* panel = tab->openingQuestionsPanel();
    ASSERT_NE(panel, nullptr);
    EXPECT_TRUE(panel->isVisible()) << "shown beside the proposals";
    ASSERT_FALSE(tab->view().openingQuestions.empty());
    ASSERT_EQ(panel->list()->topLevelItemCount(), static_cast<int>(tab->view().openingQuestions.size()));

    // Each question says how many lines it would open and lists which.
    ASSERT_TRUE(panel->selectQuestion(QStringLiteral("suspect.known")));
    QTreeWidgetItem* known = panel->list()->currentItem();
    const auto& q = *std::find_if(tab->view().openingQuestions.begin(), tab->view().openingQuestions.end(),
                                  [](const auto& o) { return o.question->id == "suspect.known"; });
    EXPECT_TRUE(known->text(1).startsWith(QStringLiteral("opens %1 line").arg(q.opens.size())))
        << known->text(1).toStdString();
    ASSERT_EQ(known->childCount(), static_cast<int>(q.opens.size()));
    EXPECT_EQ(known->child(0)->text(0).toStdString(), q.opens.front()->title);
    EXPECT_EQ(known->text(0).toStdString(), q.question->label) << "the question's label, no id";
    EXPECT_TRUE(known->toolTip(0).startsWith(QString::fromStdString(q.question->text)));

    // Enter on the question shows the Context step that asks it, with the keyboard on its answer.
    panel->list()->setFocus();
    QTest::keyClick(panel->list(), Qt::Key_Return);
    auto* flow = window.tabs()->findChild<ContextFlow*>();
    ASSERT_NE(flow, nullptr);
    EXPECT_EQ(window.tabs()->currentWidget(), flow);
    EXPECT_EQ(flow->currentStep(), static_cast<int>(core::nom::ContextGroup::Suspect));
    QWidget* focused = window.focusWidget(); // where the keyboard is (the window need not be active here)
    ASSERT_NE(focused, nullptr);
    bool inKnownRow = false;
    for (QWidget* w = focused; w != nullptr; w = w->parentWidget()) {
        inKnownRow = inKnownRow || w->objectName().contains(QStringLiteral("suspect.known"));
    }
    EXPECT_TRUE(inKnownRow) << focused->objectName().toStdString();

    // Answered, it leaves the list; a line of a child row leads to its question too.
    world.answer("suspect.known", true);
    ASSERT_TRUE(waitFor([&] { return !panel->selectQuestion(QStringLiteral("suspect.known")); }));
    window.tabs()->setCurrentWidget(tab);
    QTreeWidgetItem* top = panel->list()->topLevelItem(0);
    ASSERT_NE(top, nullptr);
    ASSERT_GT(top->childCount(), 0);
    panel->list()->setCurrentItem(top->child(0));
    QString asked;
    QObject::connect(panel, &OpeningQuestionsPanel::answerRequested, [&asked](const QString& id) { asked = id; });
    panel->answerButton()->click();
    EXPECT_EQ(asked, top->data(0, Qt::UserRole).toString());
    EXPECT_EQ(window.tabs()->currentWidget(), flow);
}

TEST(PlanTab, CountdownsAreWords)
{
    const core::Instant now = *core::parseIsoUtc("2026-03-10T12:00:00Z");
    EXPECT_EQ(PlanTab::countdownText(now + 52h, now), QStringLiteral("window closes in 2 days 4 hours"));
    // Under two days the count is in hours, as on Today (issue 14: "1 day 14 hours" read as "Due in 2 days").
    EXPECT_EQ(PlanTab::countdownText(now + 24h, now), QStringLiteral("window closes in 24 hours"));
    EXPECT_EQ(PlanTab::countdownText(now + 38h + 20min, now), QStringLiteral("window closes in 38 hours"));
    EXPECT_EQ(PlanTab::countdownText(now + 48h, now), QStringLiteral("window closes in 2 days"));
    EXPECT_EQ(PlanTab::countdownText(now + 35min, now), QStringLiteral("window closes in 35 minutes"));
    EXPECT_EQ(PlanTab::countdownText(now - 3h, now), QStringLiteral("closed 3 hours ago"));
    EXPECT_EQ(PlanTab::countdownText(now - 1h - 20min, now), QStringLiteral("closed 1 hour ago"));
}

// Issue 15: at 1280×800 the lines' names were cut off and "window closes in 1 day 14 …" too. The time and priority
// columns are as wide as what they show, the status up to a quarter of the width, the name takes the rest; a name or
// status longer than its column wraps onto more lines.
TEST(PlanTab, NamesWrapAndTheOtherColumnsShowTheirTextWhole)
{
    PlanWorld world;
    world.answer("relationship.category", std::string("acquaintance"));
    world.answer("suspect.known", true);
    world.answer("offence.lastContactAt", core::nowUtc() - 30h);
    core::plan::markReviewed(*world.workspace, world.context.caseId, *world.catalogues.enquiries,
                             *world.catalogues.questions, core::nowUtc() - 1h);
    world.answer("suspect.digitalContact", true); // "New since last review · Proposed · intrusive"
    world.answer("offence.acts", core::nom::TextList{"vaginal"});
    PlanTab tab(world.context);
    tab.resize(1240, 700);
    tab.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&tab));
    QTreeWidget* tree = tab.tree();
    ASSERT_NE(firstEntryRow(tree), nullptr);
    QTest::qWait(50); // the delayed layout of the rows
    const auto* base = static_cast<QAbstractItemView*>(tree);
    for (const int column : {PlanTree::TimeColumn, PlanTree::PriorityColumn}) {
        EXPECT_GE(tree->header()->sectionSize(column), base->sizeHintForColumn(column)) << "column " << column;
    }
    EXPECT_GE(tree->header()->sectionSize(PlanTree::StatusColumn),
              std::min(base->sizeHintForColumn(PlanTree::StatusColumn), tree->viewport()->width() / 4));
    EXPECT_GT(tree->header()->sectionSize(PlanTree::TitleColumn), tree->viewport()->width() / 4);
    int wrapped = 0;
    const int lineHeight = tree->fontMetrics().lineSpacing();
    for (QTreeWidgetItemIterator it(tree); *it != nullptr; ++it) {
        QTreeWidgetItem* row = *it;
        if (row->data(0, Qt::UserRole).isNull()) {
            continue;
        }
        for (const int column : {PlanTree::TitleColumn, PlanTree::StatusColumn}) {
            const QRect cell = tree->visualRect(tree->indexFromItem(row, column));
            if (tree->fontMetrics().horizontalAdvance(row->text(column)) > cell.width()) {
                EXPECT_GE(cell.height(), 2 * lineHeight) << row->text(column).toStdString();
                ++wrapped;
            }
        }
    }
    EXPECT_GT(wrapped, 0) << "no name long enough to wrap at this width";
}

/// Saves pictures of the Plan tab and its dialogs when WB_PLAN_SHOTS names a folder (for looking at them).
TEST(PlanTab, Screenshots)
{
    const QString folder = qEnvironmentVariable("WB_PLAN_SHOTS");
    if (folder.isEmpty()) {
        GTEST_SKIP() << "set WB_PLAN_SHOTS to a folder to write the screenshots";
    }
    PlanWorld world;
    world.answer("relationship.category", std::string("acquaintance"));
    world.answer("suspect.known", true);
    world.answer("suspect.digitalContact", true);
    world.answer("victim.wantsInvestigation", std::string("investigation"));
    world.answer("offence.imagesTaken", true);
    world.answer("offence.victimMaterialAsked", core::nom::TextList{"victim-phone-download"});
    world.answer("offence.lastContactAt", core::nowUtc() - 30h);
    world.answer("offence.acts", core::nom::TextList{"vaginal"});
    core::plan::markReviewed(*world.workspace, world.context.caseId, *world.catalogues.enquiries,
                             *world.catalogues.questions, core::nowUtc() - 1h);
    world.answer("offence.forceOrThreats", true);
    core::plan::accept(*world.workspace, world.context.caseId, *world.catalogues.enquiries, *world.catalogues.questions,
                       {"SUS-PRE-001", std::nullopt, {}, "", "", ""}, core::nowUtc());
    PlanTab tab(world.context);
    tab.resize(1500, 900);
    tab.show();
    QTest::qWait(200);
    tab.grab().save(folder + QStringLiteral("/plan-tab.png"));
    ASSERT_TRUE(tab.selectEntry("DF-003"));
    QTest::qWait(100);
    tab.grab().save(folder + QStringLiteral("/plan-tab-intrusive.png"));
    tab.acceptButton()->click();
    auto* accept = visibleTopLevel<EnquiryDialog>();
    ASSERT_NE(accept, nullptr);
    setText(accept->editor("line_of_enquiry"), QStringLiteral("Fictional: the deleted thread with the suspect."));
    accept->okButton()->click();
    QTest::qWait(200);
    accept->grab().save(folder + QStringLiteral("/plan-accept-dialog.png"));
    accept->reject();
    ASSERT_TRUE(tab.selectEntry("SUS-PRE-002") || tab.selectEntry("SUS-DUR-001"));
    tab.declineButton()->click();
    auto* decline = visibleTopLevel<DeclineDialog>();
    ASSERT_NE(decline, nullptr);
    QTest::qWait(100);
    decline->grab().save(folder + QStringLiteral("/plan-decline-dialog.png"));
    decline->reject();
    core::plan::AcceptRequest download{"DF-003",
                                       std::nullopt,
                                       {},
                                       "Fictional: the deleted thread with the suspect.",
                                       "Fictional: only the two days around the offence.",
                                       "Fictional: screenshots do not show the deleted thread."};
    core::plan::accept(*world.workspace, world.context.caseId, *world.catalogues.enquiries, *world.catalogues.questions,
                       download, core::nowUtc());
    SupervisoryReviewPanel panel(world.context);
    panel.resize(1200, 300);
    panel.show();
    QTest::qWait(100);
    panel.grab().save(folder + QStringLiteral("/plan-review-panel.png"));
    panel.reviewSelected();
    auto* review = visibleTopLevel<EnquiryDialog>();
    ASSERT_NE(review, nullptr);
    choose(review->editor("supervisor_review"), QStringLiteral("approved"));
    review->okButton()->click();
    QTest::qWait(200);
    review->grab().save(folder + QStringLiteral("/plan-review-dialog.png"));
    review->reject();
}

} // namespace
} // namespace wb::ui::test
