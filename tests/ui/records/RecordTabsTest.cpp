// SPDX-License-Identifier: GPL-3.0-or-later
#include <gtest/gtest.h>

#include <QLabel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

#include "core/Workspace.h"
#include "core/demo/DemoData.h"
#include "support/RecordWorld.h"
#include "support/UiTestSupport.h"
#include "ui/privacy/PrivacyMode.h"
#include "ui/records/CaseRecordTab.h"
#include "ui/records/RecordForm.h"
#include "ui/records/RecordListModel.h"
#include "ui/records/RecordTab.h"
#include "ui/session/SignalBridge.h"

namespace wb::ui::test {
namespace {

using World = RecordWorld;

TEST(RecordTabs, CreatesTheFiveRecordTabsAndDelegatesToTheirParts)
{
    World world;
    QTabWidget window;
    const auto tabs = createRecordTabs(world.context, &window);
    ASSERT_EQ(tabs.size(), 5U);
    const QStringList titles = {QStringLiteral("Decisions"), QStringLiteral("Timeline"), QStringLiteral("Evidence"),
                                QStringLiteral("Bail"), QStringLiteral("Reviews")};
    for (std::size_t i = 0; i < tabs.size(); ++i) {
        EXPECT_EQ(tabs[i].title, titles.at(static_cast<int>(i)));
        ASSERT_NE(tabs[i].widget, nullptr);
        ASSERT_NE(tabs[i].tab, nullptr);
        window.addTab(tabs[i].widget, tabs[i].title);
    }
    window.resize(1400, 900);
    window.show();

    // Evidence: exhibits with the movements of the selected exhibit (chain of custody).
    window.setCurrentIndex(2);
    auto* exhibits = tabs[2].widget->findChild<RecordTab*>(QStringLiteral("exhibitRecordTab"));
    auto* movements = tabs[2].widget->findChild<RecordTab*>(QStringLiteral("exhibitMovementRecordTab"));
    ASSERT_TRUE(exhibits && movements);
    EXPECT_EQ(movements->model()->rowCount(), 0);
    ASSERT_GT(exhibits->model()->rowCount(), 0);
    exhibits->view()->selectRow(0);
    EXPECT_GT(movements->model()->rowCount(), 0);

    // The composite reports and drops unsaved edits in any of its parts.
    EXPECT_FALSE(tabs[2].tab->hasUnsavedChanges());
    movements->newRecord();
    static_cast<QLineEdit*>(movements->form()->editor("from_location"))->setText(QStringLiteral("Store"));
    EXPECT_TRUE(tabs[2].tab->hasUnsavedChanges());
    EXPECT_FALSE(tabs[2].tab->save()); // required fields missing
    EXPECT_FALSE(movements->form()->fieldMessage("to_location").isEmpty());
    tabs[2].tab->discardChanges();
    EXPECT_FALSE(tabs[2].tab->hasUnsavedChanges());

    // Bail: the applicable bail period end and the rank each extension needs.
    window.setCurrentIndex(3);
    auto* bail = tabs[3].widget->findChild<RecordTab*>(QStringLiteral("bailRecordTab"));
    ASSERT_NE(bail, nullptr);
    bail->view()->selectRow(0);
    auto* info = tabs[3].widget->findChild<QLabel*>(QStringLiteral("childInfoLabel"));
    ASSERT_NE(info, nullptr);
    EXPECT_TRUE(info->text().contains(QStringLiteral("Applicable bail period ends")));
    EXPECT_TRUE(info->text().contains(QStringLiteral("Inspector or above")));
}

TEST(RecordTabs, EnterOpensTheSelectedRecordAndTheFilterNarrowsTheList)
{
    World world;
    RecordTab tab(world.context, core::recordSpec("timeline_event"));
    tab.resize(1200, 700);
    tab.show();
    ASSERT_GE(tab.proxy()->rowCount(), 2);
    tab.view()->setFocus();
    tab.view()->selectRow(0);
    EXPECT_FALSE(tab.form()->isOpen());
    QTest::keyClick(tab.view(), Qt::Key_Return);
    EXPECT_TRUE(tab.form()->isOpen());
    EXPECT_EQ(tab.form()->recordId(), tab.selectedId());

    auto* filter = tab.findChild<QLineEdit*>(QStringLiteral("filterLineEdit"));
    ASSERT_NE(filter, nullptr);
    QTest::keyClicks(filter, QStringLiteral("Report made"));
    EXPECT_EQ(tab.proxy()->rowCount(), 1);
}

TEST(RecordTabs, CtrlNStartsANewRecordInAStandaloneTab)
{
    World world;
    RecordTab tab(world.context, core::recordSpec("review"));
    tab.show();
    tab.activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&tab));
    tab.view()->setFocus();
    EXPECT_FALSE(tab.form()->isOpen());
    QTest::keyClick(tab.view(), Qt::Key_N, Qt::ControlModifier);
    EXPECT_TRUE(tab.form()->isOpen());
    EXPECT_EQ(tab.form()->recordId(), 0);
}

} // namespace
} // namespace wb::ui::test
