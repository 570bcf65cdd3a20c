// SPDX-License-Identifier: GPL-3.0-or-later
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include "core/Workspace.h"
#include "support/UiTestSupport.h"
#include "ui/mainwindow/WelcomePage.h"

namespace wb::ui::test {
namespace {

class WelcomePageTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        page = std::make_unique<WelcomePage>(catalogues());
        page->setDemoKdfParams(core::store::KdfParams::minimum());
        page->setDemoFolder(qpath(dir / "demo"));
        page->show();
    }

    void TearDown() override
    {
        page.reset();
        QTest::qWait(1); // deferred deletes (the question box) before the next test
    }

    /// A file where a demo workspace would be: the page goes by its name, never reads it.
    static void placeFile(const std::filesystem::path& path)
    {
        std::filesystem::create_directories(path.parent_path());
        std::ofstream(path) << "not read";
    }

    QMessageBox* question() const
    {
        auto* box = page->findChild<QMessageBox*>(QStringLiteral("existingDemoQuestion"));
        return box != nullptr && box->isVisible() ? box : nullptr;
    }

    void clickDemo() const
    {
        QTest::mouseClick(page->findChild<QPushButton*>(QStringLiteral("demoButton")), Qt::LeftButton);
    }

    TempDir dir;
    std::unique_ptr<WelcomePage> page;
};

TEST_F(WelcomePageTest, SaysWhichFolderDemosAreSavedIn)
{
    auto* label = page->findChild<QLabel*>(QStringLiteral("demoFolderLabel"));
    ASSERT_NE(label, nullptr);
    EXPECT_TRUE(label->isVisible());
    EXPECT_TRUE(label->text().contains(QDir::toNativeSeparators(qpath(dir / "demo")))) << label->text().toStdString();
}

// A second click used to create demo-workspace-2.rwb without a word: it now offers the one there.
TEST_F(WelcomePageTest, ExistingDemoIsOfferedForOpeningInsteadOfASecondFile)
{
    const auto existing = dir / "demo" / "demo-workspace.rwb";
    placeFile(existing);
    QSignalSpy openRequested(page.get(), &WelcomePage::demoOpenRequested);
    QSignalSpy ready(page.get(), &WelcomePage::demoWorkspaceReady);

    clickDemo();
    QMessageBox* box = question();
    ASSERT_NE(box, nullptr) << "no question about the existing demo";
    EXPECT_FALSE(page->isBusy()) << "nothing is written while the question is open";
    EXPECT_TRUE(box->informativeText().contains(QDir::toNativeSeparators(qpath(existing))))
        << box->informativeText().toStdString();
    auto* open = box->findChild<QPushButton*>(QStringLiteral("openExistingDemoButton"));
    ASSERT_NE(open, nullptr);
    EXPECT_EQ(box->defaultButton(), open);

    QTest::mouseClick(open, Qt::LeftButton);
    ASSERT_EQ(openRequested.size(), 1);
    EXPECT_EQ(openRequested.first().first().toString(), qpath(existing));
    EXPECT_FALSE(page->isBusy());
    QTest::qWait(1);
    EXPECT_EQ(ready.size(), 0);
    EXPECT_FALSE(std::filesystem::exists(dir / "demo" / "demo-workspace-2.rwb"));
}

TEST_F(WelcomePageTest, CancellingTheQuestionDoesNothing)
{
    placeFile(dir / "demo" / "demo-workspace.rwb");
    QSignalSpy openRequested(page.get(), &WelcomePage::demoOpenRequested);
    clickDemo();
    QMessageBox* box = question();
    ASSERT_NE(box, nullptr);
    QTest::mouseClick(box->button(QMessageBox::Cancel), Qt::LeftButton);
    QTest::qWait(1);
    EXPECT_EQ(question(), nullptr);
    EXPECT_EQ(openRequested.size(), 0);
    EXPECT_FALSE(page->isBusy());
    EXPECT_FALSE(std::filesystem::exists(dir / "demo" / "demo-workspace-2.rwb"));
}

TEST_F(WelcomePageTest, ANewDemoBesideTheExistingOneWhenAskedFor)
{
    placeFile(dir / "demo" / "demo-workspace.rwb");
    QSignalSpy ready(page.get(), &WelcomePage::demoWorkspaceReady);
    clickDemo();
    QMessageBox* box = question();
    ASSERT_NE(box, nullptr);
    EXPECT_TRUE(box->informativeText().contains(QStringLiteral("demo-workspace-2.rwb")))
        << box->informativeText().toStdString();
    QTest::mouseClick(box->findChild<QPushButton*>(QStringLiteral("createNewDemoButton")), Qt::LeftButton);
    EXPECT_TRUE(page->isBusy());
    ASSERT_TRUE(waitFor([&] { return ready.size() == 1; }));
    auto workspace = page->takeWorkspace();
    ASSERT_NE(workspace, nullptr);
    EXPECT_TRUE(workspace->info().training);
    EXPECT_EQ(page->demoPath(), qpath(dir / "demo" / "demo-workspace-2.rwb"));
    EXPECT_TRUE(std::filesystem::exists(dir / "demo" / "demo-workspace-2.rwb"));
}

TEST_F(WelcomePageTest, FirstDemoIsWrittenWithoutAQuestion)
{
    QSignalSpy ready(page.get(), &WelcomePage::demoWorkspaceReady);
    clickDemo();
    EXPECT_EQ(question(), nullptr);
    EXPECT_TRUE(page->isBusy());
    ASSERT_TRUE(waitFor([&] { return ready.size() == 1; }));
    EXPECT_EQ(page->demoPath(), qpath(dir / "demo" / "demo-workspace.rwb"));
    page->takeWorkspace().reset();
}

// A demo an earlier version saved in the doubled folder (…/RassoWorkbench/RassoWorkbench) is found there.
TEST_F(WelcomePageTest, DemoInAnEarlierFolderIsOffered)
{
    const auto earlier = dir / "earlier" / "demo-workspace.rwb";
    placeFile(earlier);
    page->setEarlierDemoFolders({qpath(dir / "earlier")});
    EXPECT_EQ(page->existingDemo(), qpath(earlier));
    QSignalSpy openRequested(page.get(), &WelcomePage::demoOpenRequested);
    clickDemo();
    QMessageBox* box = question();
    ASSERT_NE(box, nullptr);
    QTest::mouseClick(box->findChild<QPushButton*>(QStringLiteral("openExistingDemoButton")), Qt::LeftButton);
    ASSERT_EQ(openRequested.size(), 1);
    EXPECT_EQ(openRequested.first().first().toString(), qpath(earlier));
}

} // namespace
} // namespace wb::ui::test
