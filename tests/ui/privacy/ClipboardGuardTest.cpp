// SPDX-License-Identifier: GPL-3.0-or-later
#include <gtest/gtest.h>

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QTimer>

#include "core/Workspace.h"
#include "support/UiTestSupport.h"
#include "ui/cases/CaseListModel.h"
#include "ui/mainwindow/AppSettings.h"
#include "ui/mainwindow/MainWindow.h"
#include "ui/privacy/ClipboardGuard.h"

namespace wb::ui::test {
namespace {

using namespace std::chrono_literals;

class ClipboardGuardTest : public ::testing::Test
{
protected:
    void SetUp() override { QGuiApplication::clipboard()->clear(); }
    void TearDown() override { QGuiApplication::clipboard()->clear(); }

    static QString clipboardText() { return QGuiApplication::clipboard()->text(); }
};

TEST_F(ClipboardGuardTest, ClearsWhatWasCopiedFromALineEditAfterTheTimeout)
{
    ClipboardGuard guard;
    guard.setTimeout(30s);
    QSignalSpy cleared(&guard, &ClipboardGuard::cleared);
    QLineEdit edit;
    edit.setText(QStringLiteral("Fictional Quillon"));
    edit.show();
    edit.selectAll();
    edit.copy();
    ASSERT_EQ(clipboardText(), QStringLiteral("Fictional Quillon"));
    EXPECT_TRUE(guard.isArmed());
    auto* timer = guard.findChild<QTimer*>(QStringLiteral("clipboardClearTimer"));
    ASSERT_NE(timer, nullptr);
    EXPECT_TRUE(timer->isActive()) << "the clear is due after the timeout";
    EXPECT_EQ(timer->interval(), 30000);
    EXPECT_TRUE(timer->isSingleShot());
    QCoreApplication::processEvents();
    EXPECT_EQ(clipboardText(), QStringLiteral("Fictional Quillon")) << "cleared before the timeout";
    EXPECT_EQ(cleared.count(), 0);
    fireTimer(timer); // the timeout is reached
    EXPECT_TRUE(clipboardText().isEmpty());
    EXPECT_EQ(cleared.count(), 1);
    EXPECT_FALSE(guard.isArmed());
}

TEST_F(ClipboardGuardTest, ClearsACellCopiedFromATableWithCtrlC)
{
    ClipboardGuard guard;
    guard.setTimeout(200ms);
    TempDir dir;
    auto workspace = makeWorkspace(dir.path() / "w.rwb");
    workspace->cases().add(wb::test::caseDraft("FICT/0707/26"));
    CaseListModel model(wb::test::offences());
    model.load(workspace->cases());
    QTableView view;
    view.setModel(&model);
    view.show();
    view.setCurrentIndex(model.index(0, CaseListModel::ReferenceColumn));
    QTest::keySequence(&view, QKeySequence::Copy);
    ASSERT_EQ(clipboardText(), QStringLiteral("FICT/0707/26"));
    ASSERT_TRUE(waitFor([&] { return clipboardText().isEmpty(); }, 3000));
}

TEST_F(ClipboardGuardTest, LeavesTextThatChangedSinceAlone)
{
    ClipboardGuard guard;
    guard.setTimeout(10s);
    QLineEdit edit;
    edit.setText(QStringLiteral("Fictional Quillon"));
    edit.selectAll();
    edit.copy();
    ASSERT_TRUE(guard.isArmed());
    // Another program takes the clipboard. (Headless, the clipboard is in-process, so
    // the change is made unseen by the guard: what is tested is that clearing
    // compares the content with what we placed, and keeps anything else.)
    QObject::disconnect(QGuiApplication::clipboard(), nullptr, &guard, nullptr);
    QGuiApplication::clipboard()->setText(QStringLiteral("the user's own text"));
    guard.clearNow();
    EXPECT_EQ(clipboardText(), QStringLiteral("the user's own text"));
}

TEST_F(ClipboardGuardTest, ClearNowEmptiesOnlyWhenArmed)
{
    QGuiApplication::clipboard()->setText(QStringLiteral("before the guard existed"));
    ClipboardGuard guard;
    EXPECT_FALSE(guard.isArmed());
    guard.clearNow();
    EXPECT_EQ(clipboardText(), QStringLiteral("before the guard existed"));
}

TEST_F(ClipboardGuardTest, LockAndQuitClearTheClipboardAtOnce)
{
    TempDir dir;
    AppSettings settings(qpath(dir.path() / "settings.ini"));
    auto window = std::make_unique<MainWindow>(catalogues(), settings);
    window->setKdfParams(core::store::KdfParams::minimum());
    window->show();
    auto workspace = makeWorkspace(dir.path() / "main.rwb");
    workspace->cases().add(wb::test::caseDraft("FICT/0708/26"));
    window->attachWorkspace(std::move(workspace));
    ASSERT_NE(window->clipboardGuard(), nullptr);
    auto* view = window->findChild<QTableView*>(QStringLiteral("caseTableView"));
    ASSERT_NE(view, nullptr);
    view->setCurrentIndex(view->model()->index(0, CaseListModel::ReferenceColumn));
    QTest::keySequence(view, QKeySequence::Copy);
    ASSERT_EQ(clipboardText(), QStringLiteral("FICT/0708/26"));
    window->lockWorkspace();
    EXPECT_TRUE(clipboardText().isEmpty()) << "lock left the reference on the clipboard";

    // Quit: closing the window clears too.
    QGuiApplication::clipboard()->clear();
    auto* edit = new QLineEdit(window.get());
    edit->setText(QStringLiteral("Fictional Quillon"));
    edit->selectAll();
    edit->copy();
    ASSERT_FALSE(clipboardText().isEmpty());
    window->close();
    EXPECT_TRUE(clipboardText().isEmpty()) << "quit left text on the clipboard";
}

} // namespace
} // namespace wb::ui::test
