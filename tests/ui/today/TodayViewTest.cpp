// SPDX-License-Identifier: GPL-3.0-or-later
// Today: a fictional case with an arrest on the Friday before the late-May bank
// holiday (22 May 2026; Monday 25 May is a bank holiday in England and Wales).
#include <gtest/gtest.h>

#include <QAction>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QPointer>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTimer>
#include <QTreeView>

#include "core/Workspace.h"
#include "core/deadlines/DeadlineService.h"
#include "support/ManualClock.h"
#include "support/UiTestSupport.h"
#include "ui/cases/CaseListModel.h"
#include "ui/cases/CaseWorkspace.h"
#include "ui/mainwindow/AppSettings.h"
#include "ui/mainwindow/MainWindow.h"
#include "ui/privacy/PrivacyMode.h"
#include "ui/records/RecordForm.h"
#include "ui/records/RecordTab.h"
#include "ui/session/SignalBridge.h"
#include "ui/today/TodayModel.h"
#include "ui/today/TodayView.h"
#include "ui/victim/VictimTab.h"

namespace wb::ui::test {
namespace {

namespace dl = core::deadlines;

core::Instant at(const char* iso)
{
    return *core::parseIsoUtc(iso);
}

/// One fictional case: a victim (enhanced rights, the default), a suspect and an
/// arrest at 14:00 BST on Friday 22 May 2026.
struct TodayWorld {
    TempDir dir;
    std::unique_ptr<core::Workspace> workspace;
    std::unique_ptr<SignalBridge> bridge;
    PrivacyMode privacy;
    std::int64_t caseId = 0;
    std::int64_t victimId = 0;
    /// "Now" for the workspace and so for Today: Saturday 10:00 BST.
    std::shared_ptr<wb::test::ManualClock> clock = std::make_shared<wb::test::ManualClock>(at("2026-05-23T09:00:00Z"));

    TodayWorld()
    {
        workspace = makeWorkspace(dir / "today.rwb");
        workspace->setClock(clock);
        auto draft = wb::test::caseDraft("FICT/0522/26");
        draft.reportedAt = at("2026-05-21T10:00:00Z");
        caseId = workspace->cases().add(draft).id;
        core::PersonDraft victim;
        victim.caseId = caseId;
        victim.givenName = "Alex";
        victim.familyName = "Fictional";
        victimId = workspace->people().add(victim).id;
        core::PersonDraft suspect;
        suspect.caseId = caseId;
        suspect.role = core::PersonRole::Suspect;
        suspect.givenName = "Sam";
        suspect.familyName = "Invented";
        const auto suspectId = workspace->people().add(suspect).id;
        workspace->records().add(
            core::recordSpec("case_event"), caseId,
            {{"kind", "arrest"}, {"occurred_at", "2026-05-22T13:00:00Z"}, {"suspect_id", std::to_string(suspectId)}});
        bridge = std::make_unique<SignalBridge>(*workspace);
    }
    ~TodayWorld() { bridge.reset(); }

    CaseContext context() { return {workspace.get(), bridge.get(), caseId, &privacy}; }
};

const dl::DueItem* arrestItem(const TodayModel& model)
{
    for (const auto& item : model.items()) {
        if (item.ruleId == "right6-arrest") {
            return &item;
        }
    }
    return nullptr;
}

TEST(TodayModel, TheMinuteTickReEvaluatesWhenTheWorkspaceClockReachesANewDay)
{
    TodayWorld world; // Saturday
    TodayModel model(deadlineService());
    model.setWorkspace(world.workspace.get(), world.bridge.get());
    const dl::DueItem* item = arrestItem(model);
    ASSERT_NE(item, nullptr);
    EXPECT_EQ(item->state, dl::DueState::Upcoming);
    auto* minute = model.findChild<QTimer*>(QStringLiteral("todayMinuteTimer"));
    ASSERT_NE(minute, nullptr);
    EXPECT_TRUE(minute->isActive());
    EXPECT_EQ(minute->interval(), 60 * 1000);
    QSignalSpy refreshed(&model, &TodayModel::refreshed);

    world.clock->advance(std::chrono::minutes(1)); // the same day, nothing falls due
    fireTimer(minute);
    EXPECT_EQ(refreshed.count(), 0) << "a tick that changes nothing does not re-read the workspace";

    world.clock->set(at("2026-05-26T09:00:00Z")); // Tuesday morning: the arrest's notice is due today
    fireTimer(minute);
    ASSERT_EQ(refreshed.count(), 1);
    item = arrestItem(model);
    ASSERT_NE(item, nullptr);
    EXPECT_EQ(item->state, dl::DueState::DueToday);
    EXPECT_EQ(TodayModel::groupTitle(*item, model.now()), QStringLiteral("Today"));
}

TEST(TodayModel, ArrestBeforeABankHolidayIsDueOnTheNextWorkingDayThenOverdue)
{
    TodayWorld world;
    TodayModel model(deadlineService());
    model.setWorkspace(world.workspace.get(), world.bridge.get());
    ASSERT_TRUE(model.errorText().isEmpty()) << model.errorText().toStdString();

    // Saturday: 1 working day (enhanced) after Friday skips the weekend and Monday's bank holiday.
    const dl::DueItem* item = arrestItem(model);
    ASSERT_NE(item, nullptr);
    EXPECT_EQ(item->caseId, world.caseId);
    EXPECT_EQ(item->due, at("2026-05-26T22:59:59Z")) << "the end of Tuesday 26 May, London time";
    EXPECT_EQ(item->state, dl::DueState::Upcoming);
    EXPECT_EQ(TodayModel::groupTitle(*item, world.clock->now()), QStringLiteral("Tuesday 26 May 2026"));
    EXPECT_EQ(TodayModel::stateText(*item, world.clock->now()), QStringLiteral("Due in 3 days"));
    EXPECT_TRUE(model.groups().contains(QStringLiteral("Tuesday 26 May 2026")));

    // Tuesday morning: due today.
    world.clock->set(at("2026-05-26T09:00:00Z"));
    model.refresh();
    item = arrestItem(model);
    ASSERT_NE(item, nullptr);
    EXPECT_EQ(item->state, dl::DueState::DueToday);
    EXPECT_EQ(TodayModel::groupTitle(*item, world.clock->now()), QStringLiteral("Today"));
    EXPECT_EQ(TodayModel::stateText(*item, world.clock->now()), QStringLiteral("Due today"));

    // Wednesday: overdue, said in words and shown with an icon as well as colour.
    world.clock->set(at("2026-05-27T08:00:00Z"));
    model.refresh();
    item = arrestItem(model);
    ASSERT_NE(item, nullptr);
    EXPECT_EQ(item->state, dl::DueState::Overdue);
    EXPECT_EQ(model.groups().first(), QStringLiteral("Overdue"));
    EXPECT_EQ(TodayModel::stateText(*item, world.clock->now()), QStringLiteral("Overdue by 1 day"));
    const QModelIndex group = model.index(0, 0);
    bool checked = false;
    for (int row = 0; row < model.rowCount(group); ++row) {
        const QModelIndex state = model.index(row, TodayModel::StateColumn, group);
        if (model.itemAt(state) != nullptr && model.itemAt(state)->ruleId == "right6-arrest") {
            EXPECT_EQ(state.data().toString(), QStringLiteral("Overdue by 1 day"));
            EXPECT_FALSE(state.data(Qt::DecorationRole).value<QIcon>().isNull());
            EXPECT_TRUE(state.data(Qt::ForegroundRole).isValid());
            checked = true;
        }
    }
    EXPECT_TRUE(checked);
    EXPECT_GE(model.counts().at(world.caseId).overdue, 1);
}

TEST(TodayModel, TheItemsActionLogsTheContactAndTheItemIsMet)
{
    TodayWorld world;
    world.clock->set(at("2026-05-27T08:00:00Z"));
    TodayView view(deadlineService());
    view.model()->setDebounceMs(10);
    view.setWorkspace(world.workspace.get(), world.bridge.get());
    view.show();
    ASSERT_NE(arrestItem(*view.model()), nullptr);

    // Select the item and press Enter: the view asks for it to be opened.
    QTreeView* tree = view.view();
    QModelIndex target;
    for (int g = 0; g < view.model()->rowCount(); ++g) {
        const QModelIndex group = view.model()->index(g, 0);
        for (int row = 0; row < view.model()->rowCount(group); ++row) {
            const QModelIndex index = view.model()->index(row, 0, group);
            if (view.model()->itemAt(index) != nullptr && view.model()->itemAt(index)->ruleId == "right6-arrest") {
                target = index;
            }
        }
    }
    ASSERT_TRUE(target.isValid());
    tree->setCurrentIndex(target);
    dl::DueItem requested;
    QObject::connect(&view, &TodayView::openRequested, &view, [&](const dl::DueItem& item) { requested = item; });
    QTest::keyClick(tree, Qt::Key_Return);
    ASSERT_EQ(requested.ruleId, "right6-arrest");
    ASSERT_EQ(requested.action.recordType, "contact");

    // The case opens at the contact form, prefilled from the item's action.
    const Catalogues reference = catalogues(); // the other tabs (Context, Plan…) need them
    CaseContext context = world.context();
    context.catalogues = &reference;
    QPointer<CaseWorkspace> owner = new CaseWorkspace(context); // deletes itself on close
    CaseWorkspace& window = *owner;
    window.show();
    ASSERT_TRUE(window.startRecord(requested.action.recordType, requested.action.preset));
    RecordTab* contacts = window.victimTab()->recordTab("contact");
    ASSERT_TRUE(contacts->form()->isOpen());
    core::Values values = contacts->form()->values();
    EXPECT_EQ(values.at("purpose"), "event-notification");
    EXPECT_EQ(values.at("victim_id"), std::to_string(world.victimId));
    // Issue 14: the contact opened from the item has the item's event ticked (and only it).
    EXPECT_EQ(values.at("explained_events"), requested.triggerUuid);
    values["contacted_at"] = "2026-05-27T07:30:00Z";
    values["method"] = "phone";
    values["by_whom"] = "DC Test Fictional";
    values["explained"] = "The arrest and what happens next (fictional).";
    contacts->form()->setValues(values);
    ASSERT_TRUE(contacts->save());

    // Live: the item leaves Today without a refresh being asked for; it is met, late.
    ASSERT_TRUE(waitFor([&] { return arrestItem(*view.model()) == nullptr; }));
    bool met = false;
    for (const auto& item : deadlineService()->forCase(*world.workspace, world.caseId, world.clock->now())) {
        if (item.ruleId == "right6-arrest") {
            EXPECT_EQ(item.state, dl::DueState::MetLate);
            met = true;
        }
    }
    EXPECT_TRUE(met);
    window.discardAndClose();
    ASSERT_TRUE(waitFor([&] { return owner.isNull(); }));
}

TEST(TodayModel, FiltersByKindAndCaseAndUpdatesLive)
{
    TodayWorld world;
    world.clock->set(at("2026-05-27T08:00:00Z"));
    TodayView view(deadlineService());
    view.model()->setDebounceMs(10);
    view.setWorkspace(world.workspace.get(), world.bridge.get());
    TodayModel* model = view.model();
    const std::size_t all = model->items().size();
    ASSERT_GE(all, 1U);
    EXPECT_EQ(model->items().size(), model->allItems().size()) << "nothing hidden by default";

    QComboBox* kind = view.kindFilter();
    kind->setCurrentIndex(kind->findData(static_cast<int>(dl::DueKind::BailEnd)));
    for (const auto& item : model->items()) {
        EXPECT_EQ(item.kind, dl::DueKind::BailEnd);
    }
    EXPECT_EQ(arrestItem(*model), nullptr);
    kind->setCurrentIndex(kind->findData(static_cast<int>(dl::DueKind::VictimUpdate)));
    EXPECT_NE(arrestItem(*model), nullptr);
    kind->setCurrentIndex(0);
    EXPECT_EQ(model->items().size(), all);

    QComboBox* cases = view.caseFilter();
    ASSERT_GE(cases->findData(QVariant::fromValue(static_cast<qint64>(world.caseId))), 1);
    cases->setCurrentIndex(cases->findData(QVariant::fromValue(static_cast<qint64>(world.caseId))));
    EXPECT_EQ(model->items().size(), all);
    for (const auto& item : model->items()) {
        EXPECT_EQ(item.caseId, world.caseId);
    }
    cases->setCurrentIndex(0);

    // A new event appears through the bridge (no polling).
    world.workspace->records().add(core::recordSpec("case_event"), world.caseId,
                                   {{"kind", "interview-under-caution"}, {"occurred_at", "2026-05-26T15:00:00Z"}});
    ASSERT_TRUE(waitFor([&] {
        return std::any_of(model->items().begin(), model->items().end(),
                           [](const dl::DueItem& item) { return item.ruleId == "right6-interview"; });
    }));
    EXPECT_TRUE(view.summaryLabel()->text().contains(QStringLiteral("overdue")));
}

// Issue 15: what is due takes the spare width (the state column did), and the case filter fits the cases added to it
// after it was first shown.
TEST(TodayModel, WhatIsDueTakesTheSpareWidthAndTheCaseFilterFitsItsCases)
{
    TodayWorld world;
    world.clock->set(at("2026-05-27T08:00:00Z"));
    TodayView view(deadlineService());
    view.resize(1240, 600);
    view.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&view));
    view.setWorkspace(world.workspace.get(), world.bridge.get());
    ASSERT_GE(view.model()->items().size(), 1U);
    auto* tree = view.findChild<QTreeView*>(QStringLiteral("todayTreeView"));
    ASSERT_NE(tree, nullptr);
    EXPECT_EQ(tree->header()->sectionResizeMode(TodayModel::WhatColumn), QHeaderView::Stretch);
    EXPECT_GT(tree->header()->sectionSize(TodayModel::WhatColumn),
              tree->header()->sectionSize(TodayModel::StateColumn));
    QComboBox* cases = view.caseFilter();
    ASSERT_GE(cases->count(), 2);
    int longest = 0;
    for (int i = 0; i < cases->count(); ++i) {
        longest = std::max(longest, cases->fontMetrics().horizontalAdvance(cases->itemText(i)));
    }
    EXPECT_TRUE(waitFor([&] { return cases->width() > longest; })) << cases->width() << " for " << longest;
}

// A workspace with more items than a page lists only the most urgent, says so, and a filter reads
// its own page from the stored due list rather than filtering the first page.
TEST(TodayModel, ListsTheMostUrgentPageAndAFilterReadsItsOwn)
{
    TodayWorld world;
    world.clock->set(at("2026-06-02T08:00:00Z")); // after the later case was reported
    auto draft = wb::test::caseDraft("FICT/0601/26");
    draft.reportedAt = at("2026-06-01T10:00:00Z");
    const auto laterCase = world.workspace->cases().add(draft).id;
    core::PersonDraft victim;
    victim.caseId = laterCase;
    victim.givenName = "Jo";
    victim.familyName = "Fictional";
    world.workspace->people().add(victim);

    TodayView view(deadlineService());
    view.setWorkspace(world.workspace.get(), world.bridge.get());
    TodayModel* model = view.model();
    const auto everything = model->allItems();
    ASSERT_GE(everything.size(), 3U);
    ASSERT_FALSE(model->truncated());
    ASSERT_TRUE(std::any_of(everything.begin(), everything.end(),
                            [&](const dl::DueItem& item) { return item.caseId == laterCase; }));

    model->setPageSize(1);
    ASSERT_TRUE(model->truncated());
    ASSERT_EQ(model->allItems().size(), 1U);
    EXPECT_EQ(model->allItems().front().key(), everything.front().key()) << "the most urgent first";
    EXPECT_TRUE(view.summaryLabel()->text().contains(QStringLiteral("the 1 most urgent are listed")))
        << view.summaryLabel()->text().toStdString();
    ASSERT_NE(everything.front().caseId, laterCase);

    // The later case is not on the first page, yet choosing it lists its own most urgent item.
    model->setCaseFilter(laterCase);
    ASSERT_EQ(model->items().size(), 1U);
    EXPECT_EQ(model->items().front().caseId, laterCase);
}

TEST(TodayModel, IsTheLandingPageAndFeedsTheCaseListCounts)
{
    TempDir settingsDir;
    AppSettings settings(qpath(settingsDir / "settings.ini"));
    MainWindow window(catalogues(), settings);
    window.setKdfParams(core::store::KdfParams::minimum());
    window.show();
    TodayWorld world;
    world.clock->set(at("2026-05-27T08:00:00Z")); // Wednesday: the arrest's notice is overdue on the workspace's clock
    world.bridge.reset();
    const auto caseId = world.caseId;
    window.attachWorkspace(std::move(world.workspace));
    EXPECT_EQ(window.mainTabs()->currentIndex(), 0); // Today
    EXPECT_TRUE(window.todayView()->isVisible());
    ASSERT_TRUE(waitFor([&] { return arrestItem(*window.todayView()->model()) != nullptr; }));
    CaseListModel* cases = window.caseModel();
    const int row = cases->rowOf(caseId);
    ASSERT_GE(row, 0);
    ASSERT_TRUE(waitFor([&] {
        return cases->index(row, CaseListModel::DueColumn).data().toString().contains(QStringLiteral("overdue"));
    }));
    EXPECT_FALSE(cases->index(row, CaseListModel::DueColumn).data(Qt::DecorationRole).value<QIcon>().isNull());

    // Ctrl+2 shows the case list, Ctrl+1 Today again.
    auto* showCases = window.findChild<QAction*>(QStringLiteral("showCasesAction"));
    auto* showToday = window.findChild<QAction*>(QStringLiteral("showTodayAction"));
    ASSERT_NE(showCases, nullptr);
    ASSERT_NE(showToday, nullptr);
    EXPECT_EQ(showCases->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_2));
    EXPECT_EQ(showToday->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_1));
    showCases->trigger();
    EXPECT_EQ(window.mainTabs()->currentIndex(), 1);
    showToday->trigger();
    EXPECT_EQ(window.mainTabs()->currentIndex(), 0); // Today
    EXPECT_TRUE(window.todayView()->isVisible());

    // Logging the contact that explained the arrest clears the count (live).
    core::Workspace* workspace = window.workspace();
    const auto* pending = arrestItem(*window.todayView()->model());
    ASSERT_NE(pending, nullptr);
    workspace->records().add(core::recordSpec("contact"), caseId,
                             {{"victim_id", std::to_string(world.victimId)},
                              {"contacted_at", core::toIsoUtc(world.clock->now() - std::chrono::minutes(1))},
                              {"method", "phone"},
                              {"purpose", "event-notification"},
                              {"by_whom", "DC Test Fictional"},
                              {"explained_events", pending->triggerUuid}});
    ASSERT_TRUE(waitFor([&] { return arrestItem(*window.todayView()->model()) == nullptr; }));
}

// Issue 14: the rule's source is not in the officer's tooltip; one plain signal where the time limit is not
// confirmed (the Sources view holds the full provenance).
TEST(TodayModel, TooltipsCarryOnePlainSignalForAnUnconfirmedTimeLimitAndNoSource)
{
    TodayWorld world;
    TodayModel model(deadlineService());
    model.setWorkspace(world.workspace.get(), world.bridge.get());
    int confirmed = 0;
    int unconfirmed = 0;
    for (int g = 0; g < model.rowCount(); ++g) {
        const QModelIndex group = model.index(g, 0);
        for (int row = 0; row < model.rowCount(group); ++row) {
            const QModelIndex what = model.index(row, TodayModel::WhatColumn, group);
            const dl::DueItem* item = model.itemAt(what);
            ASSERT_NE(item, nullptr);
            const QString tip = what.data(Qt::ToolTipRole).toString();
            EXPECT_FALSE(tip.contains(QStringLiteral("Source:"))) << tip.toStdString();
            EXPECT_TRUE(item->source.empty() || !tip.contains(QString::fromStdString(item->source)))
                << tip.toStdString();
            EXPECT_EQ(tip.contains(QStringLiteral("Time limit not confirmed nationally: check your force's guidance.")),
                      !item->confirmed)
                << item->ruleId;
            (item->confirmed ? confirmed : unconfirmed) += 1;
        }
    }
    EXPECT_GT(confirmed + unconfirmed, 0);
}

// Issue 14: a time only where the deadline has one, hours under two days (as on the Plan tab), and a target said to be
// a target, not a legal deadline.
TEST(TodayModel, StatesCountHoursForTimedItemsAndSayWhatIsATarget)
{
    const core::Instant now = at("2026-06-03T08:00:00Z"); // 09:00 London
    dl::DueItem window;
    window.timed = true;
    window.state = dl::DueState::Upcoming;
    window.due = now + std::chrono::hours(38);
    EXPECT_EQ(TodayModel::stateText(window, now), QStringLiteral("Due in 38 hours"));
    window.due = now + std::chrono::hours(5);
    window.state = dl::DueState::DueToday;
    EXPECT_EQ(TodayModel::stateText(window, now), QStringLiteral("Due today at 14:00 (in 5 hours)"));
    window.due = now - std::chrono::hours(3);
    window.state = dl::DueState::Overdue;
    EXPECT_EQ(TodayModel::stateText(window, now), QStringLiteral("Overdue by 3 hours"));

    dl::DueItem day; // runs to the end of a London day: no time shown
    day.state = dl::DueState::DueToday;
    day.due = at("2026-06-03T22:59:59Z");
    EXPECT_EQ(TodayModel::stateText(day, now), QStringLiteral("Due today"));
    day.state = dl::DueState::Upcoming;
    day.due = at("2026-06-05T22:59:59Z");
    EXPECT_EQ(TodayModel::stateText(day, now), QStringLiteral("Due in 2 days"));

    dl::DueItem phone = window; // the 24-hour phone return
    phone.target = true;
    phone.state = dl::DueState::Upcoming;
    phone.due = now + std::chrono::hours(20);
    EXPECT_EQ(TodayModel::stateText(phone, now), QStringLiteral("Target (not a legal deadline): Due in 20 hours"));
    phone.state = dl::DueState::Overdue;
    phone.due = now - std::chrono::hours(2);
    EXPECT_EQ(TodayModel::stateText(phone, now), QStringLiteral("Target missed: Overdue by 2 hours"));
    phone.state = dl::DueState::MetOnTime;
    EXPECT_EQ(TodayModel::stateText(phone, now), QStringLiteral("Met on time"));
    EXPECT_EQ(TodayModel::kindText(dl::DueKind::DeviceReturn), QStringLiteral("Victim's phone held (24-hour target)"));
}

} // namespace
} // namespace wb::ui::test
