// SPDX-License-Identifier: GPL-3.0-or-later
#include <gtest/gtest.h>

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPointer>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTest>

#include "core/Workspace.h"
#include "support/RecordWorld.h"
#include "support/UiTestSupport.h"
#include "ui/cases/CaseWorkspace.h"
#include "ui/records/RecordForm.h"
#include "ui/records/RecordListModel.h"
#include "ui/records/RecordTab.h"
#include "ui/victim/VictimTab.h"
#include "ui/victim/VictimsCodeView.h"
#include "ui/widgets/InlineMessage.h"

namespace wb::ui::test {
namespace {

/// The demo case of RecordWorld, its victim, and a Victim tab on it.
struct VictimWorld : RecordWorld {
    std::int64_t victimId = 0;
    std::unique_ptr<VictimTab> tab;

    VictimWorld()
    {
        for (const auto& person : workspace->people().listForCase(context.caseId)) {
            if (person.role == core::PersonRole::Victim) {
                victimId = person.id;
                break;
            }
        }
        tab = std::make_unique<VictimTab>(context);
        tab->resize(1200, 800);
        tab->show();
    }
    ~VictimWorld() { tab.reset(); }

    template <typename T> T* find(const char* name) const { return tab->findChild<T*>(QString::fromLatin1(name)); }

    std::vector<core::Record> list(std::string_view type) const
    {
        return workspace->records().listForCase(core::recordSpec(type), context.caseId);
    }
};

TEST(VictimTab, ShowsTheDemoVictimsPlanPlainly)
{
    VictimWorld world;
    ASSERT_NE(world.victimId, 0);
    EXPECT_EQ(world.tab->victimId(), world.victimId);
    EXPECT_EQ(world.tab->sections()->count(), 6);
    ASSERT_TRUE(world.tab->currentPlan().has_value());
    EXPECT_EQ(world.find<QLabel>("planMethodLabel")->text(), QStringLiteral("Telephone call"));
    EXPECT_EQ(world.find<QLabel>("planFrequencyLabel")->text(), QStringLiteral("At least every 14 days"));
    EXPECT_EQ(world.find<QLabel>("planMessagesLabel")->text(), QStringLiteral("Do NOT leave messages"));
    EXPECT_TRUE(world.find<QLabel>("planAvoidLabel")->text().contains(QStringLiteral("first name")));
    EXPECT_FALSE(world.tab->doNotContactLabel()->isVisibleTo(world.tab.get()));
}

// Issue 15: the victim picker kept the width of its first showing and cut a victim added later ("Morgan F").
TEST(VictimTab, TheVictimPickerFitsANameAddedLater)
{
    VictimWorld world;
    auto* combo = world.find<QComboBox>("victimComboBox");
    ASSERT_NE(combo, nullptr);
    core::PersonDraft draft;
    draft.caseId = world.context.caseId;
    draft.role = core::PersonRole::Victim;
    draft.givenName = "Maximiliana-Josephine";
    draft.familyName = "Fictional-Testcase-Example";
    world.workspace->people().add(draft);
    ASSERT_TRUE(waitFor([&] { return combo->count() >= 2; }));
    int longest = 0;
    for (int i = 0; i < combo->count(); ++i) {
        longest = std::max(longest, combo->fontMetrics().horizontalAdvance(combo->itemText(i)));
    }
    EXPECT_TRUE(waitFor([&] { return combo->width() > longest; })) << combo->width() << " for " << longest;
}

TEST(VictimTab, FastContactEntryKeyboardOnlySavesAContact)
{
    VictimWorld world;
    world.tab->showSection(VictimTab::ContactsSection);
    const auto before = world.list("contact").size();
    auto* method = world.find<QComboBox>("fastMethodComboBox");
    EXPECT_EQ(method->currentData().toString(), QStringLiteral("phone")) << "the plan's method by default";
    auto* purpose = world.find<QComboBox>("fastPurposeComboBox");
    purpose->setFocus();
    // Keyboard only: choose the purpose by typing, then the explanation, then Enter.
    QTest::keyClicks(purpose, QStringLiteral("Telling"));
    EXPECT_EQ(purpose->currentData().toString(), QStringLiteral("event-notification"));
    auto* explained = world.find<QLineEdit>("fastExplainedLineEdit");
    QTest::keyClicks(explained, QStringLiteral("Next steps after the interview (fictional)."));
    EXPECT_TRUE(world.tab->hasUnsavedChanges());
    QTest::keyClick(explained, Qt::Key_Return);
    ASSERT_TRUE(waitFor([&] { return world.list("contact").size() == before + 1; }));
    const auto contacts = world.list("contact");
    const auto saved = std::find_if(contacts.begin(), contacts.end(), [](const core::Record& r) {
        return r.get("explained") == "Next steps after the interview (fictional).";
    });
    ASSERT_NE(saved, contacts.end());
    EXPECT_EQ(saved->get("purpose"), "event-notification");
    EXPECT_EQ(saved->get("method"), "phone");
    EXPECT_EQ(saved->get("plan_followed"), "1");
    EXPECT_EQ(saved->get("victim_id"), std::to_string(world.victimId));
    EXPECT_FALSE(saved->get("by_whom").empty()) << "defaults to the workspace owner";
    EXPECT_FALSE(saved->get("next_due").empty()) << "defaults to the plan's frequency";
    EXPECT_TRUE(explained->text().isEmpty()) << "the row is ready for the next contact";
    EXPECT_FALSE(world.tab->hasUnsavedChanges());
    // The log lists it (live, through the bridge).
    auto* log = world.tab->recordTab("contact");
    ASSERT_TRUE(waitFor([&] { return log->model()->rowCount() == static_cast<int>(before) + 1; }));
}

// Right 6 per event (issue 14 follow-up): the quick row ticks the events an event notification explained.
TEST(VictimTab, FastContactTicksTheEventsItExplainedByKeyboard)
{
    VictimWorld world;
    world.tab->showSection(VictimTab::ContactsSection);
    const auto events = world.list("case_event");
    ASSERT_FALSE(events.empty()) << "the demo case has case events";
    auto* list = world.find<QListWidget>("fastExplainedEventsListWidget");
    ASSERT_NE(list, nullptr);
    EXPECT_FALSE(list->accessibleName().isEmpty());
    EXPECT_FALSE(list->isVisibleTo(world.tab.get())) << "a routine update explains no event";
    auto* purpose = world.find<QComboBox>("fastPurposeComboBox");
    purpose->setFocus();
    QTest::keyClicks(purpose, QStringLiteral("Telling"));
    ASSERT_EQ(purpose->currentData().toString(), QStringLiteral("event-notification"));
    EXPECT_TRUE(list->isVisibleTo(world.tab.get()));
    ASSERT_GE(list->count(), static_cast<int>(events.size()));
    for (int i = 0; i < list->count(); ++i) {
        EXPECT_EQ(list->item(i)->checkState(), Qt::Unchecked) << "nothing ticked until the officer ticks it";
    }
    // Keyboard only: Tab from the explanation reaches the list, Space ticks the current event, Enter saves.
    auto* explained = world.find<QLineEdit>("fastExplainedLineEdit");
    explained->setFocus();
    QTest::keyClicks(explained, QStringLiteral("Told them about the arrest (fictional)."));
    QTest::keyClick(explained, Qt::Key_Tab);
    ASSERT_EQ(world.tab->window()->focusWidget(), list) << "Tab from the explanation reaches the events";
    ASSERT_EQ(list->currentRow(), 0);
    const std::string ticked = list->item(0)->data(Qt::UserRole).toString().toStdString();
    QTest::keyClick(list, Qt::Key_Space);
    EXPECT_EQ(list->item(0)->checkState(), Qt::Checked);
    const auto before = world.list("contact").size();
    QTest::keyClick(list, Qt::Key_Return);
    ASSERT_TRUE(waitFor([&] { return world.list("contact").size() == before + 1; }));
    const auto contacts = world.list("contact");
    const auto saved = std::find_if(contacts.begin(), contacts.end(), [](const core::Record& r) {
        return r.get("explained") == "Told them about the arrest (fictional).";
    });
    ASSERT_NE(saved, contacts.end());
    EXPECT_EQ(saved->get("explained_events"), ticked);
    // The row is ready for the next contact: routine update, nothing ticked, the list hidden again.
    EXPECT_FALSE(list->isVisibleTo(world.tab.get()));
    for (int i = 0; i < list->count(); ++i) {
        EXPECT_EQ(list->item(i)->checkState(), Qt::Unchecked);
    }
}

TEST(VictimTab, FastContactOfAnotherPurposeStoresNoEvents)
{
    VictimWorld world;
    world.tab->showSection(VictimTab::ContactsSection);
    auto* list = world.find<QListWidget>("fastExplainedEventsListWidget");
    auto* purpose = world.find<QComboBox>("fastPurposeComboBox");
    purpose->setCurrentIndex(purpose->findData(QStringLiteral("explaining-decision")));
    ASSERT_TRUE(list->isVisibleTo(world.tab.get()));
    ASSERT_GT(list->count(), 0);
    list->item(0)->setCheckState(Qt::Checked);
    // The officer changes their mind: a routine update explains no event, and none is stored.
    purpose->setCurrentIndex(purpose->findData(QStringLiteral("routine-update")));
    EXPECT_FALSE(list->isVisibleTo(world.tab.get()));
    auto* explained = world.find<QLineEdit>("fastExplainedLineEdit");
    QTest::keyClicks(explained, QStringLiteral("Routine call (fictional)."));
    const auto before = world.list("contact").size();
    QTest::keyClick(explained, Qt::Key_Return);
    ASSERT_TRUE(waitFor([&] { return world.list("contact").size() == before + 1; }));
    const auto contacts = world.list("contact");
    const auto saved = std::find_if(contacts.begin(), contacts.end(), [](const core::Record& r) {
        return r.get("explained") == "Routine call (fictional).";
    });
    ASSERT_NE(saved, contacts.end());
    EXPECT_TRUE(saved->get("explained_events").empty());
}

TEST(VictimTab, PlanNotFollowedNeedsTheReason)
{
    VictimWorld world;
    world.tab->showSection(VictimTab::ContactsSection);
    const auto before = world.list("contact").size();
    auto* followed = world.find<QCheckBox>("fastPlanFollowedCheckBox");
    followed->setFocus();
    QTest::keyClick(followed, Qt::Key_Space);
    ASSERT_FALSE(followed->isChecked());
    auto* explained = world.find<QLineEdit>("fastExplainedLineEdit");
    QTest::keyClicks(explained, QStringLiteral("Left a callback request (fictional)."));
    QTest::keyClick(explained, Qt::Key_Return);
    QCoreApplication::sendPostedEvents(); // anything the Return queued has run
    EXPECT_EQ(world.list("contact").size(), before) << "not saved without the reason";
    auto* message = world.find<InlineMessage>("fastMessageLabel");
    EXPECT_TRUE(message->text().contains(QStringLiteral("record why"))) << message->text().toStdString();
    auto* deviation = world.find<QLineEdit>("fastDeviationLineEdit");
    EXPECT_TRUE(deviation->isEnabled());
    QTest::keyClicks(deviation, QStringLiteral("Victim asked to be called at work instead (fictional)."));
    QTest::keyClick(deviation, Qt::Key_Return);
    ASSERT_TRUE(waitFor([&] { return world.list("contact").size() == before + 1; }));
    bool found = false;
    for (const auto& contact : world.list("contact")) {
        if (contact.get("plan_followed") == "0") {
            found = true;
            EXPECT_EQ(contact.get("deviation_reason"), "Victim asked to be called at work instead (fictional).");
        }
    }
    EXPECT_TRUE(found);
}

TEST(VictimTab, QuickContactShowsTheFieldErrorCoreReturns)
{
    VictimWorld world;
    world.tab->showSection(VictimTab::ContactsSection);
    const auto before = world.list("contact").size();
    auto* by = world.find<QLineEdit>("fastByLineEdit");
    by->clear();
    auto* explained = world.find<QLineEdit>("fastExplainedLineEdit");
    QTest::keyClicks(explained, QStringLiteral("Update (fictional)."));
    EXPECT_FALSE(world.tab->saveFastContact());
    EXPECT_EQ(world.list("contact").size(), before);
    auto* message = world.find<InlineMessage>("fastMessageLabel");
    EXPECT_TRUE(message->text().contains(QStringLiteral("Not saved."))) << message->text().toStdString();
    EXPECT_TRUE(message->text().contains(QStringLiteral("By"))) << "names the field core rejected";
    EXPECT_EQ(world.tab->focusWidget(), by) << "the rejected field's editor has the focus";
    EXPECT_EQ(explained->text(), QStringLiteral("Update (fictional).")) << "what was typed is kept";

    auto* method = world.find<QComboBox>("fastMethodComboBox");
    method->setCurrentIndex(0); // "— choose —"
    QTest::keyClicks(by, QStringLiteral("DC Example (fictional)"));
    EXPECT_FALSE(world.tab->saveFastContact());
    EXPECT_EQ(world.tab->focusWidget(), method);
    EXPECT_TRUE(message->text().contains(QStringLiteral("Method"))) << message->text().toStdString();
}

TEST(VictimTab, ChangingThePlanKeepsItsHistory)
{
    VictimWorld world;
    const auto original = world.tab->currentPlan();
    ASSERT_TRUE(original.has_value());
    world.tab->showSection(VictimTab::PlanSection);
    QTest::mouseClick(world.find<QPushButton>("changePlanButton"), Qt::LeftButton);
    RecordTab* plans = world.tab->recordTab("contact_plan");
    ASSERT_TRUE(plans->form()->isOpen());
    EXPECT_EQ(plans->form()->values().at("supersedes_id"), std::to_string(original->id));
    EXPECT_EQ(plans->form()->values().at("method"), "phone") << "prefilled from the current plan";
    auto* safeTimes = qobject_cast<QLineEdit*>(plans->form()->editor("safe_times"));
    ASSERT_NE(safeTimes, nullptr);
    safeTimes->clear();
    QTest::keyClicks(safeTimes, QStringLiteral("Weekends only (fictional)"));
    EXPECT_TRUE(world.tab->hasUnsavedChanges());
    ASSERT_TRUE(world.tab->save());
    ASSERT_TRUE(waitFor([&] {
        return world.find<QLabel>("planSafeTimesLabel") != nullptr &&
               world.find<QLabel>("planSafeTimesLabel")->text() == QStringLiteral("Weekends only (fictional)");
    }));
    EXPECT_EQ(world.list("contact_plan").size(), 2U) << "the old plan is kept";
    EXPECT_NE(world.tab->currentPlan()->id, original->id);
    ASSERT_TRUE(waitFor([&] { return plans->model()->rowCount() == 2; }));
}

TEST(VictimTab, DoNotContactIsProminent)
{
    VictimWorld world;
    const auto plan = world.tab->currentPlan();
    ASSERT_TRUE(plan.has_value());
    core::Values values = plan->values;
    values["supersedes_id"] = std::to_string(plan->id);
    values["do_not_contact"] = "1";
    values["do_not_contact_reason"] = "Risk from the suspect at the home address (fictional).";
    world.workspace->records().add(core::recordSpec("contact_plan"), world.context.caseId, values);
    ASSERT_TRUE(waitFor([&] { return world.tab->doNotContactLabel()->isVisibleTo(world.tab.get()); }));
    EXPECT_TRUE(world.tab->doNotContactLabel()->text().startsWith(QStringLiteral("DO NOT CONTACT")));
    EXPECT_TRUE(world.tab->doNotContactLabel()->text().contains(QStringLiteral("Risk from the suspect")));
    auto* icon = world.find<QLabel>("doNotContactIconLabel");
    ASSERT_NE(icon, nullptr);
    EXPECT_FALSE(icon->pixmap().isNull()) << "an icon, not only colour";
    EXPECT_TRUE(world.find<InlineMessage>("fastMessageLabel")->text().contains(QStringLiteral("DO NOT CONTACT")));
}

TEST(VictimTab, VictimsCodeGridShowsTwelveRightsAndUpdatesLive)
{
    VictimWorld world;
    VictimsCodeView* code = world.tab->codeView();
    QTableWidget* grid = code->grid();
    ASSERT_EQ(grid->rowCount(), 12);
    int r03 = -1;
    int r07 = -1;
    for (int row = 0; row < grid->rowCount(); ++row) {
        if (code->rightCode(row) == QStringLiteral("r03")) {
            r03 = row;
        }
        if (code->rightCode(row) == QStringLiteral("r07")) {
            r07 = row;
        }
    }
    ASSERT_GE(r03, 0);
    ASSERT_GE(r07, 0);
    EXPECT_TRUE(code->statusText(r03).startsWith(QStringLiteral("Done on "))) << code->statusText(r03).toStdString();
    EXPECT_EQ(code->statusText(r07), QStringLiteral("Not yet recorded"));
    EXPECT_TRUE(grid->item(r07, VictimsCodeView::GuidanceColumn)->text().contains(QStringLiteral("Victim Personal")));

    world.tab->showSection(VictimTab::CodeSection);
    QTest::mouseClick(world.find<QPushButton>("recordRightButton_r07"), Qt::LeftButton);
    RecordTab* rights = world.tab->recordTab("victim_right");
    ASSERT_TRUE(rights->form()->isOpen());
    EXPECT_EQ(rights->form()->values().at("right_code"), "r07");
    EXPECT_EQ(rights->form()->values().at("victim_id"), std::to_string(world.victimId));
    EXPECT_FALSE(rights->form()->values().at("done_on").empty());
    core::Values values = rights->form()->values();
    values["action"] = "Victim Personal Statement offered and explained (fictional).";
    rights->form()->setValues(values);
    ASSERT_TRUE(world.tab->save());
    ASSERT_TRUE(waitFor([&] { return code->statusText(r07).startsWith(QStringLiteral("Done on ")); }));
    EXPECT_TRUE(grid->item(r07, VictimsCodeView::DoneColumn)->text().contains(QStringLiteral("Victim Personal")));
}

TEST(VictimTab, EnhancedRightsOptOutIsShownAndRecorded)
{
    VictimWorld world;
    VictimsCodeView* code = world.tab->codeView();
    EXPECT_TRUE(code->enhancedLabel()->text().startsWith(QStringLiteral("Enhanced rights: yes")));
    EXPECT_FALSE(code->optOutButton()->isVisibleTo(world.tab.get()));
    auto person = *world.workspace->people().find(world.victimId);
    person.enhancedRights = false;
    world.workspace->people().update(person);
    ASSERT_TRUE(
        waitFor([&] { return code->enhancedLabel()->text().startsWith(QStringLiteral("Enhanced rights: NO")); }));
    EXPECT_TRUE(code->optOutLabel()->text().contains(QStringLiteral("has not been recorded")));
    world.tab->showSection(VictimTab::CodeSection);
    ASSERT_TRUE(code->optOutButton()->isVisible());
    QTest::mouseClick(code->optOutButton(), Qt::LeftButton);
    RecordTab* rights = world.tab->recordTab("victim_right");
    ASSERT_TRUE(rights->form()->isOpen());
    EXPECT_EQ(rights->form()->values().at("right_code"), "r04");
    core::Values values = rights->form()->values();
    EXPECT_EQ(values.at("action").rfind("Opted out of enhanced rights", 0), 0U);
    values["action"] += "told the officer in person she wants updates weekly only (fictional).";
    rights->form()->setValues(values);
    ASSERT_TRUE(world.tab->save());
    ASSERT_TRUE(waitFor([&] { return code->optOutLabel()->text().startsWith(QStringLiteral("Opt-out recorded on")); }));
    EXPECT_FALSE(code->optOutButton()->isVisibleTo(world.tab.get()));
}

TEST(VictimTab, VrrPromptAppearsOnWithdrawalAndLogsTheContact)
{
    VictimWorld world;
    ASSERT_FALSE(world.tab->vrrPanel()->isVisibleTo(world.tab.get())) << "the demo victim wants a full investigation";
    core::Values wish{{"victim_id", std::to_string(world.victimId)},
                      {"recorded_at", core::toIsoUtc(core::nowUtc() - std::chrono::minutes(5))},
                      {"wish", "withdrawn"},
                      {"reason", "delay"},
                      {"spoken_directly", "yes"},
                      {"support_continues", "ISVA support continues (fictional)."},
                      {"recorded_by", "DC Demo Example"}};
    world.workspace->records().add(core::recordSpec("victim_wish"), world.context.caseId, wish);
    ASSERT_TRUE(waitFor([&] { return world.tab->vrrPanel()->isVisibleTo(world.tab.get()); }));
    const QString text = world.tab->vrrLabel()->text();
    EXPECT_TRUE(text.contains(QStringLiteral("withdrawn")));
    EXPECT_TRUE(text.contains(QStringLiteral("3 months")));
    EXPECT_TRUE(text.contains(QStringLiteral("10 working days")));
    EXPECT_TRUE(text.contains(QStringLiteral("Warning: the VRR information has not been logged")));

    QTest::mouseClick(world.find<QPushButton>("logVrrContactButton"), Qt::LeftButton);
    RecordTab* contacts = world.tab->recordTab("contact");
    ASSERT_TRUE(contacts->form()->isOpen());
    EXPECT_EQ(world.tab->sections()->currentIndex(), VictimTab::ContactsSection);
    EXPECT_EQ(contacts->form()->values().at("purpose"), "vrr-information");
    EXPECT_EQ(contacts->form()->values().at("victim_id"), std::to_string(world.victimId));
    core::Values values = contacts->form()->values();
    values["contacted_at"] = core::toIsoUtc(core::nowUtc() - std::chrono::minutes(1));
    values["explained"] = "Police and CPS VRR, the time limits and how to ask (fictional).";
    contacts->form()->setValues(values);
    ASSERT_TRUE(world.tab->save());
    ASSERT_TRUE(
        waitFor([&] { return world.tab->vrrLabel()->text().contains(QStringLiteral("VRR information given on")); }));
}

TEST(VictimTab, VrrPromptAppearsOnNoFurtherAction)
{
    VictimWorld world;
    world.workspace->records().add(
        core::recordSpec("case_event"), world.context.caseId,
        {{"kind", "no-further-action"}, {"occurred_at", core::toIsoUtc(core::nowUtc() - std::chrono::hours(1))}});
    ASSERT_TRUE(waitFor([&] { return world.tab->vrrPanel()->isVisibleTo(world.tab.get()); }));
    EXPECT_TRUE(world.tab->vrrLabel()->text().contains(QStringLiteral("No further action")));
}

TEST(VictimTab, CaseWorkspaceStartsAndOpensRecordsInTheRightTab)
{
    RecordWorld world;
    std::int64_t victimId = 0;
    for (const auto& person : world.workspace->people().listForCase(world.context.caseId)) {
        if (person.role == core::PersonRole::Victim) {
            victimId = person.id;
        }
    }
    const Catalogues reference = catalogues(); // the other tabs (Context, Plan…) need them
    CaseContext context = world.context;
    context.catalogues = &reference;
    QPointer<CaseWorkspace> owner = new CaseWorkspace(context); // deletes itself on close
    CaseWorkspace& window = *owner;
    window.show();
    ASSERT_TRUE(
        window.startRecord("contact", {{"victim_id", std::to_string(victimId)}, {"purpose", "event-notification"}}));
    EXPECT_EQ(window.tabs()->tabText(window.tabs()->currentIndex()), QStringLiteral("Victim"));
    VictimTab* tab = window.victimTab();
    EXPECT_EQ(tab->sections()->currentIndex(), VictimTab::ContactsSection);
    EXPECT_EQ(tab->recordTab("contact")->form()->values().at("purpose"), "event-notification");
    tab->discardChanges();

    const auto reviewId = world.firstId("review");
    ASSERT_TRUE(window.openRecord("review", reviewId));
    EXPECT_EQ(window.tabs()->tabText(window.tabs()->currentIndex()), QStringLiteral("Reviews"));
    ASSERT_TRUE(window.startRecord("decision", {{"rationale", "Test (fictional)"}}));
    EXPECT_EQ(window.tabs()->tabText(window.tabs()->currentIndex()), QStringLiteral("Decisions"));
    ASSERT_TRUE(window.openRecord("enquiry", world.firstId("enquiry")));
    EXPECT_EQ(window.tabs()->tabText(window.tabs()->currentIndex()), QStringLiteral("Plan"));
    EXPECT_FALSE(window.startRecord("no_such_type", {}));
    window.discardAndClose();
    ASSERT_TRUE(waitFor([&] { return owner.isNull(); }));
}

} // namespace
} // namespace wb::ui::test
