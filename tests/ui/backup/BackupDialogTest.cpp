// SPDX-License-Identifier: GPL-3.0-or-later
#include <gtest/gtest.h>

#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScreen>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include "core/Workspace.h"
#include "core/audit/AuditLog.h"
#include "support/ManualClock.h"
#include "support/UiTestSupport.h"
#include "ui/backup/BackupDialog.h"
#include "ui/backup/BackupReminder.h"
#include "ui/backup/RestoreDialog.h"
#include "ui/cases/CaseListModel.h"
#include "ui/mainwindow/AppSettings.h"
#include "ui/mainwindow/MainWindow.h"
#include "ui/session/WorkspaceSession.h"
#include "ui/text/ErrorText.h"
#include "ui/widgets/InlineMessage.h"

namespace wb::ui::test {
namespace {

using namespace std::chrono_literals;

class BackupDialogTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        workspace = makeWorkspace(dir.path() / "main.rwb");
        workspace->cases().add(wb::test::caseDraft("FICT/0301/26"));
        workspace->cases().add(wb::test::caseDraft("FICT/0302/26"));
    }

    template <typename T> static T* child(QWidget* parent, const char* name)
    {
        auto* found = parent->findChild<T*>(QString::fromLatin1(name));
        EXPECT_NE(found, nullptr) << name;
        return found;
    }

    /// Hands the workspace to the session, as the main window does; the dialogs work through it.
    WorkspaceSession& attached()
    {
        session.attach(std::move(workspace));
        return session;
    }

    TempDir dir;
    std::unique_ptr<core::Workspace> workspace;
    WorkspaceSession session;
};

// Issue 15: the suggested backup path was cut off in its box (380 pixels whatever the path). The box is as wide as
// the path, up to three fifths of the screen, and its tooltip holds the path whole.
TEST_F(BackupDialogTest, ShowsTheSuggestedPathWhole)
{
    const auto folder = dir.path() / "team";
    std::filesystem::create_directories(folder);
    workspace.reset();
    workspace = makeWorkspace(folder / "serious-sexual-offences-workspace.rwb");
    BackupDialog dialog(attached());
    dialog.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&dialog));
    auto* edit = child<QLineEdit>(&dialog, "backupPathLineEdit");
    ASSERT_NE(edit, nullptr);
    const int pathWidth = edit->fontMetrics().horizontalAdvance(edit->text());
    const int limit = dialog.screen()->availableGeometry().width() * 3 / 5;
    ASSERT_GT(std::min(pathWidth, limit), 400) << "a path longer than the box used to be";
    EXPECT_GE(edit->width(), std::min(pathWidth + 2 * edit->fontMetrics().averageCharWidth(), limit))
        << edit->text().toStdString();
    EXPECT_EQ(edit->toolTip(), dialog.targetPath());
}

TEST_F(BackupDialogTest, WritesAVerifiedCopyWithProgressThatTheSamePassphraseOpens)
{
    BackupDialog dialog(attached());
    dialog.show();
    EXPECT_TRUE(dialog.targetPath().endsWith(QStringLiteral(".rwb")));
    const auto target = dir.path() / "copy.rwb";
    dialog.setTargetPath(qpath(target));
    QTest::mouseClick(child<QPushButton>(&dialog, "backupStartButton"), Qt::LeftButton);
    EXPECT_TRUE(dialog.isBusy() || std::filesystem::exists(target));
    ASSERT_TRUE(waitFor([&] { return !dialog.isBusy(); }));
    auto* message = child<InlineMessage>(&dialog, "backupMessageLabel");
    EXPECT_EQ(message->kind(), InlineMessage::Kind::Information) << message->text().toStdString();
    EXPECT_TRUE(message->text().contains(QStringLiteral("verified"))) << message->text().toStdString();
    EXPECT_EQ(child<QProgressBar>(&dialog, "backupProgressBar")->value(), 100);
    ASSERT_TRUE(std::filesystem::exists(target));
    EXPECT_TRUE(session.workspace()->lastBackupAt().has_value());
    auto copy = wb::test::openWorkspace(target);
    EXPECT_EQ(copy->cases().count(), 2);
    // The anchor shown, to note outside the file, is the backup's own chain head (the workspace's
    // moved on since: recording the backup's time is itself an audited change).
    EXPECT_TRUE(message->text().contains(QString::fromStdString(core::audit::formatAnchor(copy->auditAnchor()))))
        << message->text().toStdString();
}

TEST_F(BackupDialogTest, RefusesAnExistingFileOrMissingFolderAndLeavesNothing)
{
    BackupDialog dialog(attached());
    dialog.show();
    const auto existing = dir.path() / "existing.rwb";
    wb::test::writeBytes(existing, {'k', 'e', 'e', 'p'});
    dialog.setTargetPath(qpath(existing));
    QTest::mouseClick(child<QPushButton>(&dialog, "backupStartButton"), Qt::LeftButton);
    auto* message = child<InlineMessage>(&dialog, "backupMessageLabel");
    EXPECT_EQ(message->kind(), InlineMessage::Kind::Error);
    EXPECT_TRUE(message->isVisibleTo(&dialog));
    EXPECT_EQ(wb::test::readBytes(existing), (std::vector<unsigned char>{'k', 'e', 'e', 'p'}));

    const auto missing = dir.path() / "no-such-folder" / "copy.rwb";
    dialog.setTargetPath(qpath(missing));
    QTest::mouseClick(child<QPushButton>(&dialog, "backupStartButton"), Qt::LeftButton);
    EXPECT_EQ(message->kind(), InlineMessage::Kind::Error);
    EXPECT_FALSE(std::filesystem::exists(missing));
    EXPECT_FALSE(session.workspace()->lastBackupAt().has_value());
}

TEST_F(BackupDialogTest, FailedWriteLeavesNoFileAndAClearMessage)
{
    BackupDialog dialog(attached());
    dialog.show();
    // A folder that exists but where no file can be created (not even by root):
    // the copy itself fails in core, on the worker thread.
    const std::filesystem::path target = "/proc/wb-backup-test.rwb";
    dialog.setTargetPath(qpath(target));
    QTest::mouseClick(child<QPushButton>(&dialog, "backupStartButton"), Qt::LeftButton);
    ASSERT_TRUE(waitFor([&] { return !dialog.isBusy(); }));
    auto* message = child<InlineMessage>(&dialog, "backupMessageLabel");
    EXPECT_EQ(message->kind(), InlineMessage::Kind::Error) << message->text().toStdString();
    EXPECT_TRUE(message->text().contains(QStringLiteral("no file was left behind"))) << message->text().toStdString();
    EXPECT_FALSE(std::filesystem::exists(target));
    EXPECT_FALSE(session.workspace()->lastBackupAt().has_value());
}

// The dialog reads the workspace from the session when the copy starts: once the session has locked
// or closed it (the dialog holds no reference of its own), it refuses and says why, writing nothing.
TEST_F(BackupDialogTest, ReadsTheWorkspaceFromTheSessionAndRefusesOnceItIsLockedOrClosed)
{
    BackupDialog dialog(attached());
    dialog.show();
    const auto target = dir.path() / "late.rwb";
    dialog.setTargetPath(qpath(target));
    session.lock();
    QTest::mouseClick(child<QPushButton>(&dialog, "backupStartButton"), Qt::LeftButton);
    EXPECT_FALSE(dialog.isBusy());
    auto* message = child<InlineMessage>(&dialog, "backupMessageLabel");
    EXPECT_TRUE(message->text().contains(ErrorText::message(core::Error(core::ErrorCode::Locked, "locked"))))
        << message->text().toStdString();
    EXPECT_FALSE(std::filesystem::exists(target));
    message->clearMessage();
    ASSERT_TRUE(session.close());
    QTest::mouseClick(child<QPushButton>(&dialog, "backupStartButton"), Qt::LeftButton);
    EXPECT_FALSE(dialog.isBusy());
    EXPECT_TRUE(message->text().contains(ErrorText::message(core::Error(core::ErrorCode::Locked, "closed"))))
        << message->text().toStdString();
    EXPECT_FALSE(std::filesystem::exists(target));
}

TEST_F(BackupDialogTest, RestoreOpensTheBackupInANewFileAndRefusesAWrongPassphrase)
{
    const auto backup = dir.path() / "backup.rwb";
    workspace->backupTo(backup);
    RestoreDialog dialog(catalogues());
    dialog.show();
    dialog.setBackupPath(qpath(backup));
    const auto target = dir.path() / "restored.rwb";
    dialog.setTargetPath(qpath(target));
    auto* passphrase = child<QLineEdit>(&dialog, "restorePassphraseLineEdit");
    EXPECT_EQ(passphrase->echoMode(), QLineEdit::Password);

    QTest::keyClicks(passphrase, QStringLiteral("not the passphrase"));
    QTest::mouseClick(child<QPushButton>(&dialog, "restoreStartButton"), Qt::LeftButton);
    ASSERT_TRUE(waitFor([&] { return !dialog.isBusy(); }));
    auto* message = child<InlineMessage>(&dialog, "restoreMessageLabel");
    EXPECT_EQ(message->kind(), InlineMessage::Kind::Error);
    EXPECT_TRUE(message->text().contains(QStringLiteral("Nothing was restored"))) << message->text().toStdString();
    EXPECT_FALSE(std::filesystem::exists(target));
    EXPECT_TRUE(passphrase->text().isEmpty()) << "the passphrase stays in the field";

    QSignalSpy accepted(&dialog, &QDialog::accepted);
    QTest::keyClicks(passphrase, QString::fromUtf8(wb::test::Passphrase));
    QTest::mouseClick(child<QPushButton>(&dialog, "restoreStartButton"), Qt::LeftButton);
    ASSERT_TRUE(waitFor([&] { return accepted.count() == 1; }));
    auto restored = dialog.takeWorkspace();
    ASSERT_NE(restored, nullptr);
    EXPECT_EQ(restored->cases().count(), 2);
    EXPECT_EQ(restored->path(), target);
}

TEST_F(BackupDialogTest, SuggestedFileNameCarriesTodayOnTheWorkspacesClockInTheUk)
{
    // It used to read the system's date. 23:30 UTC on 31 July is already 1 August in the UK (BST).
    workspace->setClock(std::make_shared<wb::test::ManualClock>(wb::test::ManualClock::at(2031, 7, 31, 23, 30)));
    EXPECT_TRUE(BackupDialog::suggestedPath(*workspace).endsWith(QStringLiteral("/main-backup-2031-08-01.rwb")))
        << BackupDialog::suggestedPath(*workspace).toStdString();
}

TEST_F(BackupDialogTest, ReminderSaysHowOldTheLastBackupIsInWords)
{
    BackupReminder reminder;
    reminder.show();
    const auto now = core::nowUtc();
    EXPECT_TRUE(reminder.check(std::nullopt, 7, now));
    EXPECT_TRUE(reminder.isVisible());
    EXPECT_TRUE(reminder.text().contains(QStringLiteral("never been backed up"))) << reminder.text().toStdString();

    EXPECT_TRUE(reminder.check(now - std::chrono::days(9), 7, now));
    EXPECT_TRUE(reminder.text().contains(QStringLiteral("9 days ago"))) << reminder.text().toStdString();

    EXPECT_FALSE(reminder.check(now - std::chrono::days(2), 7, now));
    EXPECT_FALSE(reminder.isVisible());
    EXPECT_TRUE(reminder.check(now - std::chrono::days(2), 1, now)) << "the interval is a setting";
}

TEST_F(BackupDialogTest, TheDailyCheckRemindsOnceTheLastBackupIsOlderThanTheIntervalOnTheGivenClock)
{
    auto clock = std::make_shared<wb::test::ManualClock>(wb::test::ManualClock::at(2040, 6, 1, 9));
    const core::Instant backedUp = clock->now() - std::chrono::days(5);
    BackupReminder reminder;
    reminder.show();
    reminder.start([backedUp] { return std::optional<core::Instant>(backedUp); }, 7, clock);
    EXPECT_FALSE(reminder.isVisible()) << "five days old: within the interval";
    auto* daily = reminder.findChild<QTimer*>(QStringLiteral("backupReminderDailyTimer"));
    ASSERT_NE(daily, nullptr);
    EXPECT_TRUE(daily->isActive());
    EXPECT_EQ(daily->interval(), 24 * 60 * 60 * 1000);

    clock->advance(std::chrono::days(1));
    fireTimer(daily);
    EXPECT_FALSE(reminder.isVisible()) << "six days old";
    clock->advance(std::chrono::days(2));
    fireTimer(daily);
    EXPECT_TRUE(reminder.isVisible()) << "eight days old, on the clock given, whatever the system's date";
    EXPECT_TRUE(reminder.text().contains(QStringLiteral("8 days ago"))) << reminder.text().toStdString();
    reminder.stop();
    EXPECT_FALSE(daily->isActive());
}

TEST_F(BackupDialogTest, MainWindowRemindsOnUnlockAndBackUpNowClearsTheReminder)
{
    AppSettings settings(qpath(dir.path() / "settings.ini"));
    EXPECT_EQ(settings.backupReminderDays(), AppSettings::DefaultBackupReminderDays);
    MainWindow window(catalogues(), settings);
    window.setKdfParams(core::store::KdfParams::minimum());
    window.show();
    window.attachWorkspace(std::move(workspace));
    BackupReminder* reminder = window.backupReminder();
    ASSERT_NE(reminder, nullptr);
    EXPECT_TRUE(reminder->isVisibleTo(&window));
    EXPECT_TRUE(window.findChild<QAction*>(QStringLiteral("backupAction"))->isEnabled());

    QTest::mouseClick(child<QPushButton>(reminder, "backupNowButton"), Qt::LeftButton);
    auto* dialog = visibleTopLevel<BackupDialog>();
    ASSERT_NE(dialog, nullptr);
    dialog->setTargetPath(qpath(dir.path() / "from-reminder.rwb"));
    QTest::mouseClick(child<QPushButton>(dialog, "backupStartButton"), Qt::LeftButton);
    ASSERT_TRUE(waitFor([&] { return !dialog->isBusy() && !reminder->isVisibleTo(&window); }));
    EXPECT_TRUE(std::filesystem::exists(dir.path() / "from-reminder.rwb"));
    dialog->reject();

    // Lock hides it (no workspace facts on screen) and the backup actions go grey.
    window.lockWorkspace();
    EXPECT_FALSE(reminder->isVisibleTo(&window));
    EXPECT_FALSE(window.findChild<QAction*>(QStringLiteral("backupAction"))->isEnabled());
    EXPECT_FALSE(window.findChild<QAction*>(QStringLiteral("exportBundleAction"))->isEnabled());
}

TEST_F(BackupDialogTest, LockWaitsForARunningBackupThenLocks)
{
    AppSettings settings(qpath(dir.path() / "settings.ini"));
    MainWindow window(catalogues(), settings);
    window.show();
    core::Workspace* raw = workspace.get();
    window.attachWorkspace(std::move(workspace));
    window.showBackup();
    auto* dialog = visibleTopLevel<BackupDialog>();
    ASSERT_NE(dialog, nullptr);
    dialog->setTargetPath(qpath(dir.path() / "during-lock.rwb"));
    QTest::mouseClick(child<QPushButton>(dialog, "backupStartButton"), Qt::LeftButton);
    window.lockWorkspace(); // e.g. the idle timer: must not pull the workspace from under the copy
    ASSERT_TRUE(waitFor([&] { return raw->isLocked(); }));
    EXPECT_TRUE(std::filesystem::exists(dir.path() / "during-lock.rwb"));
    EXPECT_EQ(window.caseModel()->rowCount(), 0);
}

} // namespace
} // namespace wb::ui::test
