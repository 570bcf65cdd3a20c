// SPDX-License-Identifier: GPL-3.0-or-later
// Today's "New information" in a training workspace that runs a classroom exercise (issue 17): hidden elsewhere;
// an inject released by the trainer's code typed in, once, and a wrong code refused in words; what falls due with
// scenario time arrives. Fictional data only (a shipped pack).
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTest>
#include <QTreeWidget>

#include "core/Workspace.h"
#include "core/training/Exercise.h"
#include "core/training/PackLoader.h"
#include "support/TestSupport.h"
#include "support/UiTestSupport.h"
#include "ui/today/NewInformationPanel.h"
#include "ui/widgets/InlineMessage.h"

namespace wb::ui::test {
namespace {

namespace fs = std::filesystem;
namespace training = core::training;

class NewInformationPanelTest : public ::testing::Test
{
protected:
    TempDir dir;
    Catalogues cats = catalogues();
    std::string text;
    training::ScenarioPack pack;
    std::unique_ptr<core::Workspace> ws;

    void SetUp() override
    {
        std::ifstream in(fs::path(WB_RESOURCES_DIR) / "training" / "packs" / "stranger-night-out.json");
        std::ostringstream all;
        all << in.rdbuf();
        text = all.str();
        pack = training::loadPack(text, cats);
        auto options = wb::test::fastOptions();
        options.training = true;
        ws = core::Workspace::create(dir / "exercise.rwb",
                                     core::Workspace::deriveForCreate(wb::test::Passphrase, options.kdf), options,
                                     cats.offences, cats.lists);
        training::startExercise(*ws, pack, text, cats);
    }
};

TEST_F(NewInformationPanelTest, TheTrainersCodeReleasesItsInjectOnceAndAWrongCodeIsRefusedInWords)
{
    NewInformationPanel panel(cats);
    panel.setWorkspace(ws.get(), nullptr);
    panel.show();
    EXPECT_TRUE(panel.isVisible());
    EXPECT_EQ(panel.list()->topLevelItemCount(), 0);
    EXPECT_TRUE(panel.text()->toPlainText().contains(QStringLiteral("Nothing yet")));
    EXPECT_FALSE(panel.codeEdit()->accessibleName().isEmpty());

    QTest::keyClicks(panel.codeEdit(), QStringLiteral("ABC123"));
    QTest::keyClick(panel.codeEdit(), Qt::Key_Return);
    EXPECT_TRUE(panel.message()->text().contains(QStringLiteral("Check the code with the trainer")))
        << panel.message()->text().toStdString();
    EXPECT_EQ(panel.list()->topLevelItemCount(), 0);

    const auto* inject = pack.findInject("victim-wavers");
    ASSERT_NE(inject, nullptr);
    panel.codeEdit()->clear();
    QTest::keyClicks(panel.codeEdit(), QString::fromStdString(training::releaseCode(pack, inject->id)).toLower());
    EXPECT_TRUE(panel.releaseTyped());
    ASSERT_EQ(panel.list()->topLevelItemCount(), 1);
    EXPECT_EQ(panel.list()->topLevelItem(0)->text(1), QString::fromStdString(inject->title));
    EXPECT_EQ(panel.text()->toPlainText(), QString::fromStdString(inject->text));
    EXPECT_TRUE(panel.codeEdit()->text().isEmpty());

    QTest::keyClicks(panel.codeEdit(), QString::fromStdString(training::releaseCode(pack, inject->id)));
    EXPECT_TRUE(panel.releaseTyped());
    EXPECT_TRUE(panel.message()->text().startsWith(QStringLiteral("Already here"))) << "never twice";
    EXPECT_EQ(panel.list()->topLevelItemCount(), 1);
}

TEST_F(NewInformationPanelTest, WhatFallsDueWithScenarioTimeArrivesNewestFirst)
{
    NewInformationPanel panel(cats);
    panel.setWorkspace(ws.get(), nullptr);
    ws->advanceScenarioTime(std::chrono::hours(9));
    panel.checkDue();
    ASSERT_EQ(panel.list()->topLevelItemCount(), 1);
    EXPECT_EQ(panel.list()->topLevelItem(0)->text(1), QString::fromStdString(pack.findInject("cctv-route")->title));
    ws->advanceScenarioTime(std::chrono::hours(24 * 5));
    panel.checkDue();
    ASSERT_EQ(panel.list()->topLevelItemCount(), 2);
    EXPECT_EQ(panel.list()->topLevelItem(0)->text(1), QString::fromStdString(pack.findInject("dna-match")->title));
    EXPECT_EQ(panel.list()->currentItem(), panel.list()->topLevelItem(0)) << "what just arrived is shown";
    EXPECT_EQ(panel.text()->toPlainText(), QString::fromStdString(pack.findInject("dna-match")->text));
}

TEST_F(NewInformationPanelTest, AWorkspaceThatRunsNoExerciseHidesIt)
{
    auto live = wb::test::createWorkspace(dir / "live.rwb");
    NewInformationPanel panel(cats);
    panel.show();
    panel.setWorkspace(live.get(), nullptr);
    EXPECT_FALSE(panel.isVisible());
    panel.setWorkspace(nullptr, nullptr);
    EXPECT_FALSE(panel.isVisible());
}

} // namespace
} // namespace wb::ui::test
