// SPDX-License-Identifier: GPL-3.0-or-later
// The Reviews tab's supervisory review panel lists third-party material requests awaiting a supervisor's review
// beside the intrusive lines of enquiry, and records the review through core (issue 14 follow-up). Fictional data.
// With WB_SCREENSHOT_DIR set, the first test saves the review dialog there as tpm-review.png.
#include <gtest/gtest.h>

#include <algorithm>

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScreen>
#include <QTest>
#include <QTreeWidget>

#include "core/Workspace.h"
#include "core/plan/TpmReview.h"
#include "core/records/RecordSpec.h"
#include "core/records/RecordTypes.h"
#include "support/RecordWorld.h"
#include "support/UiTestSupport.h"
#include "ui/plan/SupervisoryReviewPanel.h"
#include "ui/plan/TpmReviewDialog.h"

namespace wb::ui::test {
namespace {

core::Record addPendingRequest(RecordWorld& world, const char* holder)
{
    return world.workspace->records().add(
        core::recordSpec(core::recordtype::kTpmRequest), world.context.caseId,
        {{"tpm_type", "medical"},
         {"holder", holder},
         {"line_of_enquiry", "CPS advice asks for the record of the examination (fictional)."},
         {"proportionality", "Only the consultation of 3 January (fictional)."}});
}

TEST(SupervisoryReviewPanel, ListsThirdPartyRequestsAwaitingReviewAndRecordsTheDecision)
{
    RecordWorld world;
    SupervisoryReviewPanel panel(world.context);
    panel.show();
    const int before = panel.pendingRequestCount();
    EXPECT_EQ(before, static_cast<int>(core::plan::tpmAwaitingReview(*world.workspace, world.context.caseId).size()));
    const auto request = addPendingRequest(world, "Fictional GP surgery");
    ASSERT_TRUE(waitFor([&] { return panel.pendingRequestCount() == before + 1; })) << "listed live";
    EXPECT_FALSE(panel.requestList()->accessibleName().isEmpty());
    EXPECT_FALSE(panel.reviewRequestButton()->accessibleName().isEmpty());
    QTreeWidgetItem* row = nullptr;
    for (int i = 0; i < panel.requestList()->topLevelItemCount(); ++i) {
        if (panel.requestList()->topLevelItem(i)->data(0, Qt::UserRole).toLongLong() == request.id) {
            row = panel.requestList()->topLevelItem(i);
        }
    }
    ASSERT_NE(row, nullptr);
    EXPECT_TRUE(row->text(1).contains(QStringLiteral("CPS advice asks"))) << row->text(1).toStdString();
    EXPECT_TRUE(row->text(2).contains(QStringLiteral("Only the consultation"))) << row->text(2).toStdString();

    // Keyboard: the list takes the focus, Enter on the row opens the review.
    panel.requestList()->setCurrentItem(row);
    panel.requestList()->setFocus();
    QTest::keyClick(panel.requestList(), Qt::Key_Return);
    auto* dialog = visibleTopLevel<TpmReviewDialog>();
    ASSERT_NE(dialog, nullptr);
    EXPECT_EQ(dialog->decision()->currentData().toString(), QStringLiteral("pending"))
        << "the review opens undecided: approving is a deliberate choice";
    EXPECT_FALSE(dialog->supervisorName()->isEnabled());
    if (const QString folder = qEnvironmentVariable("WB_SCREENSHOT_DIR"); !folder.isEmpty()) {
        dialog->grab().save(folder + QStringLiteral("/tpm-review.png"));
    }
    dialog->decision()->setCurrentIndex(dialog->decision()->findData(QStringLiteral("approved")));
    dialog->okButton()->click();
    EXPECT_FALSE(dialog->message().isEmpty()) << "an approval names the supervisor (core's check)";
    EXPECT_EQ(dialog->focusWidget(), dialog->supervisorName()) << "the field at fault takes the focus";
    EXPECT_EQ(panel.pendingRequestCount(), before + 1) << "nothing changed";
    dialog->supervisorName()->setText(QStringLiteral("DS Fictional Reviewer"));
    dialog->supervisorRank()->setCurrentIndex(dialog->supervisorRank()->findData(QStringLiteral("sergeant")));
    dialog->okButton()->click();
    EXPECT_FALSE(dialog->isVisible()) << dialog->message().toStdString();
    ASSERT_TRUE(waitFor([&] { return panel.pendingRequestCount() == before; }));
    const auto stored =
        world.workspace->records().find(core::recordSpec(core::recordtype::kTpmRequest), request.id).value();
    EXPECT_EQ(stored.get("supervisor_review"), "approved");
    EXPECT_EQ(stored.get("supervisor_name"), "DS Fictional Reviewer");
    EXPECT_EQ(stored.get("supervisor_rank"), "sergeant");
    EXPECT_FALSE(stored.get("supervisor_reviewed_at").empty());
}

TEST(SupervisoryReviewPanel, ARefusedRequestLeavesTheListAndAStillPendingOneStays)
{
    RecordWorld world;
    SupervisoryReviewPanel panel(world.context);
    panel.show();
    const int before = panel.pendingRequestCount();
    const auto request = addPendingRequest(world, "Fictional school");
    ASSERT_TRUE(waitFor([&] { return panel.pendingRequestCount() == before + 1; }));
    for (int i = 0; i < panel.requestList()->topLevelItemCount(); ++i) {
        if (panel.requestList()->topLevelItem(i)->data(0, Qt::UserRole).toLongLong() == request.id) {
            panel.requestList()->setCurrentItem(panel.requestList()->topLevelItem(i));
        }
    }
    panel.reviewRequestButton()->click();
    auto* dialog = visibleTopLevel<TpmReviewDialog>();
    ASSERT_NE(dialog, nullptr);
    dialog->decision()->setCurrentIndex(dialog->decision()->findData(QStringLiteral("pending")));
    EXPECT_FALSE(dialog->supervisorName()->isEnabled()) << "a pending review names no supervisor";
    dialog->okButton()->click();
    EXPECT_FALSE(dialog->isVisible());
    EXPECT_EQ(panel.pendingRequestCount(), before + 1) << "still pending: still listed";
    panel.reviewRequestButton()->click();
    dialog = visibleTopLevel<TpmReviewDialog>();
    ASSERT_NE(dialog, nullptr);
    dialog->decision()->setCurrentIndex(dialog->decision()->findData(QStringLiteral("refused")));
    dialog->supervisorName()->setText(QStringLiteral("DI Fictional Reviewer"));
    dialog->okButton()->click();
    ASSERT_TRUE(waitFor([&] { return panel.pendingRequestCount() == before; }));
    EXPECT_EQ(world.workspace->records()
                  .find(core::recordSpec(core::recordtype::kTpmRequest), request.id)
                  .value()
                  .get("supervisor_review"),
              "refused");
}

// Issue 15: the review dialog was a fixed 620 x 360 whatever its text and screen. It now sizes to its content:
// with a large font every read-only line is shown whole and the buttons are on the dialog, within the screen.
TEST(TpmReviewDialog, SizesToItsContentAndFitsTheScreen)
{
    RecordWorld world;
    const auto request = addPendingRequest(world, "Fictional GP surgery");
    {
        const ScopedLargerFont font(1.6);
        TpmReviewDialog dialog(world.context, request);
        dialog.show();
        QCoreApplication::processEvents();
        const QSize screen = dialog.screen()->availableGeometry().size();
        EXPECT_LE(dialog.width(), screen.width());
        EXPECT_LE(dialog.height(), screen.height());
        for (const QLabel* label : dialog.findChildren<QLabel*>()) {
            if (label->isVisible() && label->wordWrap()) {
                EXPECT_GE(label->height(), label->heightForWidth(label->width())) << label->text().toStdString();
            }
        }
        EXPECT_TRUE(
            dialog.rect().contains(QRect(dialog.okButton()->mapTo(&dialog, QPoint(0, 0)), dialog.okButton()->size())));
    }

    // With the usual font it is no taller than its content asks for (no empty band above the buttons).
    TpmReviewDialog dialog(world.context, request);
    dialog.show();
    QCoreApplication::processEvents();
    const int needed = dialog.hasHeightForWidth() ? dialog.heightForWidth(dialog.width()) : dialog.sizeHint().height();
    EXPECT_LE(dialog.height(), std::max(needed, dialog.minimumSizeHint().height()));
}

} // namespace
} // namespace wb::ui::test
