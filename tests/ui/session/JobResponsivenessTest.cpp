// SPDX-License-Identifier: GPL-3.0-or-later
// The window keeps handling events while long work runs: the due-list rebuild of a few thousand
// cases after an update, a backup, and a bundle import. A zero-interval timer on the GUI thread
// counts event-loop turns while the job is running.
#include <gtest/gtest.h>

#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include "core/Workspace.h"
#include "core/demo/Generator.h"
#include "core/io/CaseBundle.h"
#include "support/UiTestSupport.h"
#include "ui/backup/BackupDialog.h"
#include "ui/backup/ImportBundleDialog.h"
#include "ui/mainwindow/AppSettings.h"
#include "ui/mainwindow/MainWindow.h"
#include "ui/session/JobMonitor.h"
#include "ui/session/WorkspaceSession.h"
#include "ui/today/TodayModel.h"
#include "ui/today/TodayView.h"
#include "ui/widgets/InlineMessage.h"

namespace wb::ui::test {
namespace {

/// Counts turns of the GUI thread's event loop while a job runs.
class TurnCounter
{
public:
    TurnCounter()
    {
        m_timer.setInterval(0);
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            if (JobMonitor::instance().busy()) {
                ++m_turnsWhileBusy;
            }
        });
        m_timer.start();
    }
    int turnsWhileBusy() const { return m_turnsWhileBusy; }

private:
    QTimer m_timer;
    int m_turnsWhileBusy = 0;
};

std::unique_ptr<core::Workspace> generated(const std::filesystem::path& path, int cases)
{
    auto workspace = makeWorkspace(path);
    core::GeneratorOptions options;
    options.cases = cases;
    options.batch = 500;
    // Every kind of record the deadline rules read, a few of each: the rebuild evaluates every case
    // as it would a full one, and generating thousands of cases stays cheap (it is not what is tested).
    options.shape = core::GeneratorShape{
        .people = 3, .contacts = 3, .enquiries = 3, .decisions = 2, .timelineEvents = 2, .exhibits = 1, .devices = 1};
    core::generateWorkspace(*workspace, options);
    return workspace;
}

TEST(JobResponsivenessTest, TheWindowHandlesEventsWhileTheDueListOfThousandsOfCasesIsRebuilt)
{
    TempDir dir;
    // Generated cases were never evaluated: the first refresh re-evaluates every one of them, as
    // after an update of the rules or the workbench.
    // (500 under the sanitizers, which take as long over them as the plain build over 2,000.)
    auto workspace = generated(dir.path() / "large.rwb", wb::test::Sanitized ? 500 : 2000);
    AppSettings settings(qpath(dir.path() / "settings.ini"));
    MainWindow window(catalogues(), settings);
    window.show();
    window.session()->setGraceMs(0);
    TurnCounter counter;
    QSignalSpy ready(window.session(), &WorkspaceSession::dueListReady);
    const auto started = std::chrono::steady_clock::now();
    window.attachWorkspace(std::move(workspace));
    EXPECT_TRUE(window.session()->busy()) << "the rebuild runs as a job, off the GUI thread";
    EXPECT_TRUE(window.todayView()->model()->isPaused());
    // The window answers meanwhile: a queued call runs, the tabs switch.
    bool answered = false;
    QMetaObject::invokeMethod(
        &window, [&] { answered = true; }, Qt::QueuedConnection);
    ASSERT_TRUE(waitFor([&] { return answered; }, 5000));
    EXPECT_TRUE(window.session()->busy() || ready.count() == 1);
    ASSERT_TRUE(waitFor([&] { return ready.count() == 1 && !window.session()->busy(); }, 120000));
    const auto took = std::chrono::steady_clock::now() - started;
    EXPECT_GT(counter.turnsWhileBusy(), 10)
        << "the event loop turned only " << counter.turnsWhileBusy() << " times in "
        << std::chrono::duration_cast<std::chrono::milliseconds>(took).count() << " ms";
    // Afterwards Today lists what the rebuilt due list holds.
    ASSERT_TRUE(waitFor([&] { return !window.todayView()->model()->allItems().empty(); }));
    EXPECT_TRUE(window.todayView()->model()->errorText().isEmpty());
}

TEST(JobResponsivenessTest, TheWindowHandlesEventsDuringABackup)
{
    TempDir dir;
    WorkspaceSession session;
    session.attach(generated(dir.path() / "main.rwb", 100));
    BackupDialog dialog(session);
    dialog.show();
    dialog.setTargetPath(qpath(dir.path() / "copy.rwb"));
    TurnCounter counter;
    QTest::mouseClick(dialog.findChild<QPushButton*>(QStringLiteral("backupStartButton")), Qt::LeftButton);
    ASSERT_TRUE(dialog.isBusy());
    ASSERT_TRUE(waitFor([&] { return !dialog.isBusy(); }, 60000));
    EXPECT_GT(counter.turnsWhileBusy(), 0);
    EXPECT_EQ(dialog.findChild<InlineMessage*>(QStringLiteral("backupMessageLabel"))->kind(),
              InlineMessage::Kind::Information);
}

TEST(JobResponsivenessTest, TheWindowHandlesEventsDuringABundleImport)
{
    TempDir dir;
    auto source = generated(dir.path() / "source.rwb", 60);
    std::vector<std::int64_t> ids;
    for (const auto& c : source->cases().list()) {
        ids.push_back(c.id);
    }
    const auto bundle = dir.path() / "all.rwbundle";
    const std::string passphrase = "harbour lantern quietly 47 marmalade";
    core::bundle::exportCases(*source, ids, bundle, passphrase, core::store::KdfParams::minimum());
    WorkspaceSession session;
    session.attach(makeWorkspace(dir.path() / "target.rwb"));
    core::Workspace* target = session.workspace();
    ImportBundleDialog dialog(session);
    dialog.show();
    dialog.setBundlePath(qpath(bundle));
    QTest::keyClicks(dialog.findChild<QLineEdit*>(QStringLiteral("importPassphraseLineEdit")),
                     QString::fromStdString(passphrase));
    TurnCounter counter;
    QTest::mouseClick(dialog.findChild<QPushButton*>(QStringLiteral("importStartButton")), Qt::LeftButton);
    ASSERT_TRUE(dialog.isBusy());
    ASSERT_TRUE(waitFor([&] { return !dialog.isBusy(); }, 60000));
    ASSERT_TRUE(dialog.report().has_value())
        << dialog.findChild<InlineMessage*>(QStringLiteral("importMessageLabel"))->text().toStdString();
    EXPECT_GT(counter.turnsWhileBusy(), 0);
    EXPECT_EQ(dialog.report()->casesAdded, 60);
    EXPECT_EQ(target->cases().count(), 60);
}

} // namespace
} // namespace wb::ui::test
