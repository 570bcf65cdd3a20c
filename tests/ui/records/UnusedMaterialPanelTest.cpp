// SPDX-License-Identifier: GPL-3.0-or-later
// The Evidence tab's unused material (issue 18, disclosure as you go): drafts from the evidence, what the schedules
// hold and lack, an item marked sensitive moving to the MG6D. Demo (fictional) data.
#include <gtest/gtest.h>

#include <QComboBox>
#include <QCoreApplication>
#include <QLabel>
#include <QPushButton>
#include <QTabWidget>
#include <QTest>

#include "core/disclosure/DisclosureSchedules.h"
#include "core/records/RecordSpec.h"
#include "core/records/RecordTypes.h"
#include "support/RecordWorld.h"
#include "support/UiTestSupport.h"
#include "ui/records/CaseRecordTab.h"
#include "ui/records/RecordForm.h"
#include "ui/records/RecordListModel.h"
#include "ui/records/RecordTab.h"
#include "ui/records/UnusedMaterialPanel.h"
#include "ui/widgets/InlineMessage.h"

namespace wb::ui::test {
namespace {

namespace rt = core::recordtype;

TEST(UnusedMaterialPanel, DraftsFromTheEvidenceOnceAndSaysWhatTheSchedulesStillNeed)
{
    RecordWorld world;
    const std::size_t sources = core::disclosure::unscheduledSources(*world.workspace, world.context.caseId).size();
    ASSERT_GT(sources, 0U) << "the demo case has exhibits or devices";
    QTabWidget window;
    const auto tabs = createRecordTabs(world.context, &window);
    for (const auto& tab : tabs) {
        window.addTab(tab.widget, tab.title);
    }
    window.resize(1400, 900);
    window.show();
    auto* panel = window.findChild<UnusedMaterialPanel*>(QStringLiteral("unusedMaterialPanel"));
    ASSERT_NE(panel, nullptr);
    EXPECT_FALSE(panel->draftButton()->accessibleName().isEmpty());
    EXPECT_TRUE(panel->draftButton()->isEnabled());
    EXPECT_TRUE(panel->summary()->text().contains(QStringLiteral("MG6C (not sensitive): 0 items")))
        << panel->summary()->text().toStdString();
    EXPECT_TRUE(panel->summary()->text().contains(
        QStringLiteral("not yet on a schedule: %1").arg(static_cast<qulonglong>(sources))));

    QTest::mouseClick(panel->draftButton(), Qt::LeftButton);
    QCoreApplication::processEvents(); // the bridge delivers the saves to the list
    EXPECT_EQ(world.count(rt::kUnusedMaterial), sources);
    EXPECT_EQ(panel->recordTab()->model()->rowCount(), static_cast<int>(sources));
    EXPECT_NE(panel->recordTab()->selectedId(), 0) << "the first draft is selected";
    EXPECT_FALSE(panel->draftButton()->isEnabled()) << "nothing is left to draft";
    EXPECT_FALSE(panel->summary()->text().contains(QStringLiteral("not yet on a schedule")));
    EXPECT_TRUE(panel->summary()->text().contains(QStringLiteral("Not yet assessed against the disclosure test")));
    // Each item named as the list shows it, with its number on its schedule; in privacy mode without the description.
    const auto drafted = core::disclosure::disclosureSchedules(*world.workspace, world.context.caseId);
    const auto& firstItem = drafted.nonSensitive.empty() ? drafted.sensitive.front() : drafted.nonSensitive.front();
    const QString name = QStringLiteral("%1 1 (%2")
                             .arg(QString::fromUtf8(core::disclosure::toString(firstItem.schedule)))
                             .arg(QString::fromStdString(firstItem.record.get("description")).left(20));
    EXPECT_TRUE(panel->summary()->text().contains(name)) << panel->summary()->text().toStdString();
    world.privacy.setOn(true);
    EXPECT_FALSE(panel->summary()->text().contains(name));
    EXPECT_FALSE(panel->summary()->text().contains(QString::fromStdString(firstItem.record.get("description"))));
    world.privacy.setOn(false);
    auto* message = panel->findChild<InlineMessage*>(QStringLiteral("unusedMaterialMessage"));
    ASSERT_NE(message, nullptr);
    EXPECT_TRUE(message->text().contains(QStringLiteral("draft item")));

    // An item marked sensitive leaves the MG6C; the summary follows the saved record.
    const auto first =
        world.workspace->records().listForCase(core::recordSpec(rt::kUnusedMaterial), world.context.caseId).front();
    auto values = first.values;
    values["sensitivity"] = first.get("sensitivity") == "sensitive" ? "not-sensitive" : "sensitive";
    world.workspace->records().update(core::recordSpec(rt::kUnusedMaterial), first.id, values);
    QCoreApplication::processEvents();
    const auto s = core::disclosure::disclosureSchedules(*world.workspace, world.context.caseId);
    EXPECT_TRUE(panel->summary()->text().contains(
        QStringLiteral("MG6D (sensitive): %1.").arg(static_cast<qulonglong>(s.sensitive.size()))))
        << panel->summary()->text().toStdString();

    // A new exhibit can be drafted again.
    world.workspace->records().add(core::recordSpec(rt::kExhibit), world.context.caseId,
                                   {{"reference", "FICT/U/1"}, {"description", "Fictional receipt"}});
    QCoreApplication::processEvents();
    EXPECT_TRUE(panel->draftButton()->isEnabled());
}

TEST(UnusedMaterialPanel, TheFormOffersBothSensitivitiesAndTheDisclosureTestInWords)
{
    RecordWorld world;
    UnusedMaterialPanel panel(world.context);
    panel.resize(1200, 800);
    panel.show();
    panel.recordTab()->newRecord();
    auto* sensitivity = qobject_cast<QComboBox*>(panel.recordTab()->form()->editor("sensitivity"));
    ASSERT_NE(sensitivity, nullptr);
    QStringList choices;
    for (int i = 0; i < sensitivity->count(); ++i) {
        choices << sensitivity->itemText(i);
    }
    EXPECT_TRUE(choices.contains(QStringLiteral("Sensitive (MG6D)"))) << choices.join(QLatin1Char('|')).toStdString();
    EXPECT_TRUE(choices.contains(QStringLiteral("Not sensitive (MG6C)")));
    auto* test = qobject_cast<QComboBox*>(panel.recordTab()->form()->editor("disclosure_test"));
    ASSERT_NE(test, nullptr);
    EXPECT_EQ(test->currentText(), QStringLiteral("Not yet assessed"));
    EXPECT_EQ(panel.recordTab()->form()->editor("source_ref"), nullptr) << "kept by the workbench, not typed";
}

} // namespace
} // namespace wb::ui::test
