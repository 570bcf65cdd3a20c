// SPDX-License-Identifier: GPL-3.0-or-later
// A training exercise's clock in the main window (issue 17): shown only on scenario time, "+1 hour" and "+1 day"
// move the exercise on and Today looks again; never shown for a live workspace.
#include <gtest/gtest.h>

#include <chrono>
#include <memory>

#include <QLabel>
#include <QPushButton>
#include <QTest>

#include "core/Workspace.h"
#include "support/UiTestSupport.h"
#include "ui/mainwindow/AppSettings.h"
#include "ui/mainwindow/MainWindow.h"
#include "ui/session/JobMonitor.h"
#include "ui/session/ScenarioTimeControl.h"
#include "ui/session/WorkspaceSession.h"
#include "ui/today/TodayModel.h"
#include "ui/today/TodayView.h"

namespace wb::ui::test {
namespace {

core::Instant at(const char* iso)
{
    return core::parseIsoUtc(iso).value();
}

class ScenarioTimeControlTest : public ::testing::Test
{
protected:
    wb::test::TempDir dir;
    std::unique_ptr<AppSettings> settings = std::make_unique<AppSettings>(qpath(dir.path() / "settings.ini"));
    std::unique_ptr<MainWindow> window = std::make_unique<MainWindow>(catalogues(), *settings);

    void attach(std::unique_ptr<core::Workspace> workspace)
    {
        window->show();
        window->attachWorkspace(std::move(workspace));
        ASSERT_TRUE(waitFor([&] { return !window->session()->busy(); }));
    }

    void TearDown() override
    {
        waitFor([&] { return !JobMonitor::instance().busy(); });
        window.reset();
    }
};

TEST_F(ScenarioTimeControlTest, aTrainingWorkspaceOnScenarioTimeShowsItAndMovesItOn)
{
    auto workspace = makeWorkspace(dir.path() / "training.rwb", true);
    workspace->setScenarioTime(at("2026-03-28T19:00:00Z"));
    attach(std::move(workspace));
    auto* control = window->scenarioTimeControl();
    ASSERT_TRUE(control->isVisible());
    EXPECT_TRUE(control->timeLabel()->text().contains(QStringLiteral("Saturday 28/03/2026 19:0")))
        << control->timeLabel()->text().toStdString();
    EXPECT_FALSE(control->hourButton()->accessibleName().isEmpty());
    EXPECT_NE(control->dayButton()->focusPolicy() & Qt::TabFocus, 0);

    QTest::mouseClick(control->dayButton(), Qt::LeftButton);
    EXPECT_TRUE(control->timeLabel()->text().contains(QStringLiteral("Sunday 29/03/2026 20:0")))
        << "a day on, in BST: " << control->timeLabel()->text().toStdString();
    QTest::mouseClick(control->hourButton(), Qt::LeftButton);
    EXPECT_TRUE(control->timeLabel()->text().contains(QStringLiteral("Sunday 29/03/2026 21:0")))
        << control->timeLabel()->text().toStdString();
    const auto now = window->workspace()->clock().now();
    EXPECT_GE(now, at("2026-03-29T20:00:00Z"));
    EXPECT_LT(now, at("2026-03-29T20:05:00Z"));
    EXPECT_GE(window->todayView()->model()->now(), at("2026-03-29T20:00:00Z")) << "Today reads scenario time";

    window->lockWorkspace();
    ASSERT_TRUE(waitFor([&] { return window->workspace()->isLocked(); }));
    EXPECT_FALSE(control->isVisible()) << "nothing shown while locked";
}

TEST_F(ScenarioTimeControlTest, aLiveWorkspaceShowsNoScenarioTime)
{
    attach(makeWorkspace(dir.path() / "live.rwb"));
    EXPECT_FALSE(window->scenarioTimeControl()->isVisible());
    EXPECT_FALSE(window->scenarioTimeControl()->advance(std::chrono::hours(1)));
}

} // namespace
} // namespace wb::ui::test
