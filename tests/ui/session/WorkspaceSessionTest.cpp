// SPDX-License-Identifier: GPL-3.0-or-later
// The workspace session: while a job holds the workspace on a pool thread, the timers and live
// refreshes pause, GUI-thread uses are refused or wait, and everything resumes afterwards.
#include <gtest/gtest.h>

#include <atomic>

#include <future>

#include <QAction>
#include <QCoreApplication>
#include <QProgressBar>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include "core/Workspace.h"
#include "support/UiTestSupport.h"
#include "ui/mainwindow/AppSettings.h"
#include "ui/mainwindow/MainWindow.h"
#include "ui/session/JobMonitor.h"
#include "ui/session/SignalBridge.h"
#include "ui/session/WorkspaceSession.h"
#include "ui/today/TodayModel.h"
#include "ui/today/TodayView.h"

namespace wb::ui::test {
namespace {

class WorkspaceSessionTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        settings = std::make_unique<AppSettings>(qpath(dir.path() / "settings.ini"));
        window = std::make_unique<MainWindow>(catalogues(), *settings);
        window->show();
        auto workspace = makeWorkspace(dir.path() / "main.rwb");
        caseId = workspace->cases().add(wb::test::caseDraft("FICT/0701/26")).id;
        window->attachWorkspace(std::move(workspace));
        ASSERT_TRUE(waitFor([&] { return !window->session()->busy(); }));
        session = window->session();
    }

    void TearDown() override
    {
        release();
        waitFor([&] { return !JobMonitor::instance().busy(); });
        window.reset();
    }

    /// The session's checkpoint timer (its one timer).
    QTimer* checkpointTimer() const
    {
        const auto timers = session->findChildren<QTimer*>(QString(), Qt::FindDirectChildrenOnly);
        return timers.size() == 1 ? timers.front() : nullptr;
    }

    /// Starts a job that holds the workspace until release().
    void startHoldingJob(const std::function<void()>& alsoDo = {})
    {
        gate = std::make_shared<std::promise<void>>();
        auto opened = gate->get_future().share();
        session->run(
            QStringLiteral("Holding the workspace (test)"),
            [opened, alsoDo] {
                if (alsoDo) {
                    alsoDo();
                }
                opened.wait();
            },
            window.get(), [this](const std::optional<core::Error>& error) { jobError = error; });
    }

    void release()
    {
        if (gate != nullptr) {
            gate->set_value();
            gate.reset();
        }
    }

    TempDir dir;
    std::unique_ptr<AppSettings> settings;
    std::unique_ptr<MainWindow> window;
    WorkspaceSession* session = nullptr;
    std::int64_t caseId = 0;
    std::shared_ptr<std::promise<void>> gate;
    std::optional<core::Error> jobError;
};

TEST_F(WorkspaceSessionTest, TimersAndLiveRefreshesPauseWhileAJobHoldsTheWorkspace)
{
    TodayModel* today = window->todayView()->model();
    ASSERT_TRUE(today->isTicking()) << "Today's minute tick runs while the workspace is open";
    QSignalSpy busy(session, &WorkspaceSession::busyChanged);
    session->setCheckpointDelayMs(0);

    startHoldingJob();
    ASSERT_TRUE(session->busy());
    ASSERT_EQ(busy.count(), 1);
    EXPECT_TRUE(busy.at(0).at(0).toBool());
    EXPECT_TRUE(today->isPaused());
    EXPECT_FALSE(today->isTicking()) << "the minute tick stops";
    EXPECT_TRUE(window->findChild<QProgressBar*>(QStringLiteral("sessionBusyBar"))->isVisibleTo(window.get()))
        << "the job is shown";

    // A save's checkpoint waits; a refresh asked for now waits too.
    session->scheduleCheckpoint();
    fireTimer(checkpointTimer()); // its delay has passed: it finds the job and waits
    EXPECT_TRUE(session->checkpointPending());
    today->scheduleRefresh();
    QSignalSpy refreshed(today, &TodayModel::refreshed);
    fireTimer(today->findChild<QTimer*>(QStringLiteral("todayRefreshTimer"))); // the debounce has passed
    fireTimer(today->findChild<QTimer*>(QStringLiteral("todayMinuteTimer")));  // and a minute
    EXPECT_EQ(refreshed.count(), 0) << "nothing reads the workspace meanwhile";

    // GUI-thread uses are refused, not run beside the job.
    EXPECT_EQ(window->openCaseWorkspace(caseId), nullptr);
    EXPECT_EQ(window->showSearch(), nullptr);
    EXPECT_FALSE(window->findChild<QAction*>(QStringLiteral("backupAction"))->isEnabled());
    EXPECT_FALSE(window->findChild<QAction*>(QStringLiteral("newCaseAction"))->isEnabled());
    EXPECT_TRUE(window->findChild<QAction*>(QStringLiteral("lockAction"))->isEnabled()) << "locking waits instead";

    release();
    ASSERT_TRUE(waitFor([&] { return !session->busy(); }));
    EXPECT_FALSE(jobError.has_value());
    EXPECT_FALSE(today->isPaused());
    EXPECT_TRUE(today->isTicking()) << "the minute tick resumes";
    EXPECT_EQ(refreshed.count(), 1) << "the refresh asked for meanwhile ran once";
    EXPECT_TRUE(waitFor([&] { return !session->checkpointPending(); })) << "the checkpoint ran after the job";
    EXPECT_TRUE(window->findChild<QAction*>(QStringLiteral("backupAction"))->isEnabled());
    EXPECT_NE(window->openCaseWorkspace(caseId), nullptr);
}

TEST_F(WorkspaceSessionTest, ChangesMadeByAJobReachTheWindowOnlyAfterIt)
{
    core::Workspace* workspace = window->workspace();
    QSignalSpy changed(session->bridge(), &SignalBridge::caseChanged);
    auto added = std::make_shared<std::atomic<bool>>(false);
    startHoldingJob([workspace, added] {
        workspace->cases().add(wb::test::caseDraft("FICT/0702/26"));
        added->store(true);
    });
    ASSERT_TRUE(waitFor([&] { return added->load(); })) << "the job made its change";
    QCoreApplication::sendPostedEvents(); // whatever the bridge queued is delivered now, or held
    EXPECT_EQ(changed.count(), 0) << "held while the job still holds the workspace";
    release();
    ASSERT_TRUE(waitFor([&] { return changed.count() == 1; }));
    EXPECT_FALSE(session->busy());
}

TEST_F(WorkspaceSessionTest, LockWaitsForTheJobThenLocks)
{
    core::Workspace* workspace = window->workspace();
    QSignalSpy locked(session, &WorkspaceSession::locked);
    startHoldingJob();
    window->lockWorkspace();
    QCoreApplication::sendPostedEvents(); // a lock queued behind the job stays queued
    EXPECT_FALSE(workspace->isLocked()) << "the workspace is not pulled from under the job";
    EXPECT_EQ(locked.count(), 0);
    release();
    ASSERT_TRUE(waitFor([&] { return workspace->isLocked(); }));
    EXPECT_EQ(locked.count(), 1);
}

} // namespace
} // namespace wb::ui::test
