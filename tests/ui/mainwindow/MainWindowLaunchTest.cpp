// SPDX-License-Identifier: GPL-3.0-or-later
// The first minutes with the workbench (issue 15): the tool bar, and the demo workspace made or reopened
// from the welcome page.
#include <gtest/gtest.h>

#include <filesystem>

#include <QAction>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>
#include <QTest>
#include <QToolBar>
#include <QToolButton>

#include "core/Workspace.h"
#include "support/MainWindowFixture.h"
#include "support/UiTestSupport.h"
#include "ui/cases/CaseListModel.h"
#include "ui/mainwindow/AppSettings.h"
#include "ui/mainwindow/MainWindow.h"
#include "ui/mainwindow/WelcomePage.h"
#include "ui/session/UnlockDialog.h"

namespace wb::ui::test {
namespace {

using MainWindowLaunchTest = MainWindowFixture;

// The tool bar was text only: each of its buttons now has an icon (the desktop theme's, else the style's)
// with its word beside it.
TEST_F(MainWindowLaunchTest, ToolBarButtonsHaveIconsWithTheirWordsBeside)
{
    auto* toolBar = find<QToolBar>("mainToolBar");
    ASSERT_NE(toolBar, nullptr);
    EXPECT_EQ(toolBar->toolButtonStyle(), Qt::ToolButtonTextBesideIcon);
    const std::pair<const char*, const char*> expected[] = {{"newCaseAction", "New case"},
                                                            {"openCaseAction", "Open case"},
                                                            {"searchAction", "Search"},
                                                            {"privacyAction", "Hide names"},
                                                            {"lockAction", "Lock"}};
    for (const auto& [name, word] : expected) {
        auto* action = find<QAction>(name);
        ASSERT_NE(action, nullptr) << name;
        EXPECT_FALSE(action->icon().isNull()) << name;
        auto* button = qobject_cast<QToolButton*>(toolBar->widgetForAction(action));
        ASSERT_NE(button, nullptr) << name;
        EXPECT_EQ(button->toolButtonStyle(), Qt::ToolButtonTextBesideIcon) << name;
        EXPECT_EQ(button->text(), QString::fromUtf8(word)) << name;
        EXPECT_FALSE(button->icon().isNull()) << name;
    }
}

// After the demo is written the status bar says where the file is.
TEST_F(MainWindowLaunchTest, NewDemoSaysWhereItIsSaved)
{
    window->start();
    QTest::mouseClick(find<QPushButton>("demoButton"), Qt::LeftButton);
    ASSERT_TRUE(waitFor([&] { return opened(); }));
    const QString path = QDir::toNativeSeparators(qpath(dir / "demo" / "demo-workspace.rwb"));
    EXPECT_TRUE(window->statusBar()->currentMessage().contains(path))
        << window->statusBar()->currentMessage().toStdString();
}

// A second click on the demo button used to create demo-workspace-2.rwb without a word. It now offers the
// demo already there, which opens through the unlock dialog with its passphrase shown.
TEST_F(MainWindowLaunchTest, ExistingDemoIsReopenedNotCopied)
{
    const auto existing = dir / "demo" / "demo-workspace.rwb";
    std::filesystem::create_directories(existing.parent_path());
    wb::test::createWorkspace(existing, WelcomePage::demoPassphrase().toStdString()).reset();
    window->start();
    ASSERT_EQ(window->unlockDialog(), nullptr);

    QTest::mouseClick(find<QPushButton>("demoButton"), Qt::LeftButton);
    auto* question = window->findChild<QMessageBox*>(QStringLiteral("existingDemoQuestion"));
    ASSERT_NE(question, nullptr);
    ASSERT_TRUE(question->isVisible());
    QTest::mouseClick(question->findChild<QPushButton*>(QStringLiteral("openExistingDemoButton")), Qt::LeftButton);

    UnlockDialog* unlock = window->unlockDialog();
    ASSERT_NE(unlock, nullptr);
    ASSERT_TRUE(unlock->isVisible());
    EXPECT_EQ(unlock->mode(), UnlockDialog::Mode::Unlock);
    EXPECT_EQ(QDir::cleanPath(QDir::fromNativeSeparators(unlock->workspacePath())), qpath(existing));
    auto* hint = unlock->findChild<QLabel*>(QStringLiteral("hintLabel"));
    ASSERT_NE(hint, nullptr);
    EXPECT_TRUE(hint->text().contains(WelcomePage::demoPassphrase())) << hint->text().toStdString();

    QTest::keyClicks(unlock->findChild<QLineEdit*>(QStringLiteral("passphraseLineEdit")),
                     WelcomePage::demoPassphrase());
    QTest::mouseClick(unlock->findChild<QPushButton*>(QStringLiteral("unlockButton")), Qt::LeftButton);
    ASSERT_TRUE(waitFor([&] { return opened(); }));
    EXPECT_EQ(settings->lastWorkspace(), qpath(existing));
    EXPECT_FALSE(std::filesystem::exists(dir / "demo" / "demo-workspace-2.rwb"));
}

} // namespace
} // namespace wb::ui::test
