// SPDX-License-Identifier: GPL-3.0-or-later
#include <gtest/gtest.h>

#include <QComboBox>
#include <QDateEdit>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPointer>
#include <QTest>

#include "core/Workspace.h"
#include "core/demo/DemoData.h"
#include "support/UiTestSupport.h"
#include "ui/cases/OverviewTab.h"
#include "ui/privacy/PrivacyMode.h"
#include "ui/session/SignalBridge.h"
#include "ui/widgets/ApproxDateEdit.h"
#include "ui/widgets/InlineMessage.h"

namespace wb::ui::test {
namespace {

class OverviewTabTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        workspace = makeWorkspace(dir / "overview.rwb", true);
        core::addDemoCases(*workspace);
        bridge = std::make_unique<SignalBridge>(*workspace);
        for (const auto& record : workspace->cases().list()) {
            if (record.reference.starts_with("DEMO/0003/")) {
                caseId = record.id;
            }
        }
        ASSERT_NE(caseId, 0);
    }

    void TearDown() override
    {
        tab.reset();
        QTest::qWait(1);
    }

    void open()
    {
        tab = std::make_unique<OverviewTab>(CaseContext{workspace.get(), bridge.get(), caseId, &privacy});
        tab->show();
    }

    template <typename T> T* find(const char* name) const
    {
        T* widget = tab->findChild<T*>(QString::fromLatin1(name));
        EXPECT_NE(widget, nullptr) << name;
        return widget;
    }

    void choose(const char* combo, const char* code)
    {
        auto* box = find<QComboBox>(combo);
        const int index = box->findData(QString::fromLatin1(code));
        ASSERT_GE(index, 0) << combo << " " << code;
        box->setCurrentIndex(index);
    }

    TempDir dir;
    std::unique_ptr<core::Workspace> workspace;
    std::unique_ptr<SignalBridge> bridge;
    PrivacyMode privacy;
    std::int64_t caseId = 0;
    std::unique_ptr<OverviewTab> tab;
};

TEST_F(OverviewTabTest, EditsRoundTrip)
{
    open();
    EXPECT_TRUE(find<QLineEdit>("referenceLineEdit")->text().startsWith(QStringLiteral("DEMO/0003/")));
    EXPECT_FALSE(tab->hasUnsavedChanges()) << "an untouched form has nothing to save";

    find<QLineEdit>("operationLineEdit")->setText(QStringLiteral("Operation Bramble"));
    auto* others = find<QListWidget>("otherOffencesListWidget");
    QListWidgetItem* other = nullptr;
    for (int i = 0; i < others->count(); ++i) {
        if (others->item(i)->data(Qt::UserRole).toString() == QStringLiteral("SOA2003-s4")) {
            other = others->item(i);
        }
    }
    ASSERT_NE(other, nullptr);
    other->setCheckState(Qt::Checked);
    find<ApproxDateEdit>("offenceDateApproxDateEdit")->setValue(core::ApproxDate::month("2025-06"));
    choose("locationTypeComboBox", "victims-home");
    find<QLineEdit>("locationDescriptionLineEdit")->setText(QStringLiteral("Fictional flat, first floor"));
    choose("reportChannelComboBox", "isva");
    choose("journeyStageComboBox", "stage-08");
    EXPECT_FALSE(find<QLabel>("guidanceLabel")->text().isEmpty()) << "the stage's guidance is shown";
    EXPECT_TRUE(tab->hasUnsavedChanges());
    ASSERT_TRUE(tab->save()) << find<InlineMessage>("errorLabel")->text().toStdString();
    EXPECT_FALSE(tab->hasUnsavedChanges());

    const auto stored = workspace->cases().find(caseId);
    ASSERT_TRUE(stored.has_value());
    EXPECT_EQ(stored->operationName.value_or(""), "Operation Bramble");
    EXPECT_EQ(stored->otherOffences, std::vector<std::string>{"SOA2003-s4"});
    EXPECT_EQ(stored->offenceDate, core::ApproxDate::month("2025-06"));
    EXPECT_EQ(stored->locationType.value_or(""), "victims-home");
    EXPECT_EQ(stored->locationDescription.value_or(""), "Fictional flat, first floor");
    EXPECT_EQ(stored->reportChannel.value_or(""), "isva");
    EXPECT_EQ(stored->journeyStage.value_or(""), "stage-08");

    // Reopen: the form shows what was stored.
    tab.reset();
    open();
    EXPECT_EQ(find<QLineEdit>("operationLineEdit")->text(), QStringLiteral("Operation Bramble"));
    EXPECT_EQ(find<ApproxDateEdit>("offenceDateApproxDateEdit")->value(), core::ApproxDate::month("2025-06"));
    EXPECT_EQ(find<QComboBox>("reportChannelComboBox")->currentData().toString(), QStringLiteral("isva"));
    EXPECT_FALSE(tab->hasUnsavedChanges());
}

TEST_F(OverviewTabTest, AnOutcomeWithoutAReasonIsRefusedInlineAndNothingChanges)
{
    open();
    const auto before = workspace->cases().find(caseId);
    auto* outcome = find<QComboBox>("outcomeComboBox");
    ASSERT_GE(outcome->count(), 2);
    outcome->setCurrentIndex(1);
    find<QPlainTextEdit>("outcomeReasonPlainTextEdit")->clear();
    EXPECT_FALSE(tab->save());
    auto* error = find<InlineMessage>("outcomeReasonErrorLabel");
    EXPECT_FALSE(error->isHidden());
    EXPECT_TRUE(error->text().contains(QStringLiteral("Outcome reason"))) << error->text().toStdString();
    EXPECT_EQ(outcome->currentIndex(), 1) << "the input stays";
    const auto after = workspace->cases().find(caseId);
    EXPECT_EQ(after->outcomeCode, before->outcomeCode);
    EXPECT_EQ(after->updatedAt, before->updatedAt);

    find<QPlainTextEdit>("outcomeReasonPlainTextEdit")->setPlainText(QStringLiteral("Fictional reason"));
    ASSERT_TRUE(tab->save());
    EXPECT_TRUE(error->isHidden());
    EXPECT_TRUE(workspace->cases().find(caseId)->outcomeCode.has_value());
}

} // namespace
} // namespace wb::ui::test
