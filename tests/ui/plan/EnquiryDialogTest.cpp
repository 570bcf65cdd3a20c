// SPDX-License-Identifier: GPL-3.0-or-later
// The enquiry and decline dialogs show core's refusals through their reason (ErrorCode and field), never through
// core's English text: the credibility guardrail's refusal, a finished enquiry without its result, a blank owner,
// a blank rationale. Fictional case only.
#include <gtest/gtest.h>

#include <algorithm>

#include <QApplication>
#include <QComboBox>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QTest>

#include "core/Error.h"
#include "core/Workspace.h"
#include "core/nom/EnquiryCatalogue.h"
#include "core/plan/InvestigationPlan.h"
#include "core/records/RecordSpec.h"
#include "support/UiTestSupport.h"
#include "ui/plan/DeclineDialog.h"
#include "ui/plan/EnquiryDialog.h"

namespace wb::ui::test {
namespace {

struct DialogWorld {
    TempDir dir;
    std::unique_ptr<core::Workspace> workspace = makeWorkspace(dir / "dialogs.rwb");
    Catalogues catalogues = test::catalogues();
    CaseContext context;

    DialogWorld()
    {
        const auto c = workspace->cases().add(wb::test::caseDraft("FICT/ED/26"));
        context = {workspace.get(), nullptr, c.id, nullptr, &catalogues};
    }

    core::plan::PlanItem item(const std::string& id) const
    {
        core::plan::PlanItem item;
        item.enquiryId = id;
        item.entry = catalogues.enquiries->find(id);
        return item;
    }

    std::size_t count(std::string_view type) const
    {
        return workspace->records().listForCase(core::recordSpec(type), context.caseId).size();
    }
};

/// InlineMessage's text starts with its kind ("Error: "); the message itself follows.
::testing::AssertionResult shows(const QString& shown, const QString& message)
{
    if (shown == QStringLiteral("Error: ") + message) {
        return ::testing::AssertionSuccess();
    }
    return ::testing::AssertionFailure() << "shown: " << shown.toStdString();
}

void setText(QWidget* editor, const QString& text)
{
    if (auto* plain = qobject_cast<QPlainTextEdit*>(editor)) {
        plain->setPlainText(text);
    } else if (auto* line = qobject_cast<QLineEdit*>(editor)) {
        line->setText(text);
    }
}

TEST(EnquiryDialog, TheGuardrailRefusalCarriesItsCodeAndTheDialogShowsItsText)
{
    DialogWorld world;
    ASSERT_NE(world.item("DF-003").entry, nullptr);
    ASSERT_TRUE(world.item("DF-003").entry->intrudesOnVictimPrivacy);

    // Core's reason: its own code and the field, whatever its English text says.
    core::plan::AcceptRequest request;
    request.enquiryId = "DF-003";
    request.lineOfEnquiry = "Fictional: the deleted thread.";
    request.lessIntrusiveOptions = "Fictional: screenshots do not show it.";
    try {
        core::plan::accept(*world.workspace, world.context.caseId, *world.catalogues.enquiries,
                           *world.catalogues.questions, request, core::nowUtc());
        ADD_FAILURE() << "expected the guardrail to refuse";
    } catch (const core::Error& e) {
        EXPECT_EQ(e.code(), core::ErrorCode::GuardrailRefused);
        EXPECT_EQ(e.field(), "necessity_proportionality");
    }

    EnquiryDialog dialog(world.context, EnquiryDialog::Mode::Accept);
    dialog.setItem(world.item("DF-003"));
    dialog.show();
    setText(dialog.editor("line_of_enquiry"), QStringLiteral("Fictional: the deleted thread."));
    setText(dialog.editor("less_intrusive_options"), QStringLiteral("Fictional: screenshots do not show it."));
    EXPECT_FALSE(dialog.submit());
    EXPECT_TRUE(
        shows(dialog.fieldMessage("necessity_proportionality"),
              QStringLiteral("This enquiry intrudes on the victim's private life: explain why it is necessary and "
                             "proportionate.")));
    EXPECT_EQ(world.count("enquiry"), 0U);
}

// Issue 15: the Accept dialog was 760×760 and mostly empty. It is as tall as its form (within the screen), and
// grows when the privacy guardrail's fields appear.
TEST(EnquiryDialog, SizesToItsContent)
{
    DialogWorld world;
    const auto spare = [](EnquiryDialog& dialog) {
        auto* scroll = dialog.findChild<QScrollArea*>(QStringLiteral("enquiryScrollArea"));
        EXPECT_NE(scroll, nullptr);
        QWidget* content = scroll->widget();
        const int needed = content->hasHeightForWidth() ? content->heightForWidth(scroll->viewport()->width())
                                                        : content->sizeHint().height();
        return scroll->viewport()->height() - needed;
    };
    const int available = QGuiApplication::primaryScreen()->availableGeometry().height();

    EnquiryDialog plain(world.context, EnquiryDialog::Mode::Accept);
    plain.setItem(world.item("SUS-PRE-001"));
    plain.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&plain));
    EXPECT_LE(plain.height(), available);
    EXPECT_LE(spare(plain), 3 * plain.fontMetrics().lineSpacing()) << "height " << plain.height();

    EnquiryDialog intrusive(world.context, EnquiryDialog::Mode::Accept);
    intrusive.setItem(world.item("DF-003"));
    intrusive.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&intrusive));
    EXPECT_LE(intrusive.height(), available);
    EXPECT_GE(intrusive.height(), plain.height());
    EXPECT_LE(spare(intrusive), 3 * intrusive.fontMetrics().lineSpacing()) << "height " << intrusive.height();
}

TEST(EnquiryDialog, ABlankOwnerIsRefusedByCoreAndShownBesideTheField)
{
    DialogWorld world;
    EnquiryDialog dialog(world.context, EnquiryDialog::Mode::Own);
    dialog.show();
    setText(dialog.editor("title"), QStringLiteral("Fictional: speak to the taxi firm"));
    setText(dialog.editor("owner"), QStringLiteral("   "));
    EXPECT_FALSE(dialog.submit());
    EXPECT_TRUE(shows(dialog.fieldMessage("owner"), QStringLiteral("Enter who will carry out the enquiry.")));
    EXPECT_EQ(world.count("enquiry"), 0U);
}

TEST(EnquiryDialog, AFinishedEnquiryWithoutItsResultAsksForTheResult)
{
    DialogWorld world;
    const auto record =
        core::plan::accept(*world.workspace, world.context.caseId, *world.catalogues.enquiries,
                           *world.catalogues.questions, {"SUS-PRE-001", std::nullopt, {}, "", "", ""}, core::nowUtc());
    EnquiryDialog dialog(world.context, EnquiryDialog::Mode::Edit);
    dialog.load(record);
    dialog.show();
    auto* status = qobject_cast<QComboBox*>(dialog.editor("status"));
    ASSERT_NE(status, nullptr);
    status->setCurrentIndex(status->findData(QStringLiteral("done")));
    EXPECT_FALSE(dialog.submit());
    EXPECT_TRUE(shows(dialog.fieldMessage("result"),
                      QStringLiteral("Record the result of the enquiry, or why it was not possible.")));
    // A result that is too long is a different reason, with its own text.
    setText(dialog.editor("result"), QString(4001, QLatin1Char('x')));
    EXPECT_FALSE(dialog.submit());
    EXPECT_TRUE(dialog.fieldMessage("result").contains(QStringLiteral("at most 4000 characters")))
        << dialog.fieldMessage("result").toStdString();
    setText(dialog.editor("result"), QStringLiteral("Fictional: CCTV shows the suspect leaving at 23:10."));
    EXPECT_TRUE(dialog.submit()) << dialog.formMessage().toStdString();
}

TEST(DeclineDialog, ABlankRationaleIsRefusedByCoreWithItsText)
{
    DialogWorld world;
    DeclineDialog dialog(world.context, world.item("SUS-PRE-001"));
    dialog.show();
    dialog.rationaleEdit()->setPlainText(QStringLiteral("   "));
    EXPECT_FALSE(dialog.okButton()->isEnabled());
    EXPECT_FALSE(dialog.submit());
    EXPECT_TRUE(
        shows(dialog.fieldMessage(),
              QStringLiteral("Give the reason for declining this line of enquiry. It goes to the decision log.")));
    EXPECT_EQ(world.count("decision"), 0U);
}

// Issue 15: the Decline dialog was a fixed 620 x 380 whatever its text and screen. It now sizes to its content:
// with a large font (as at 150 % on some desktops) its explanation is shown whole and its buttons are on the
// dialog, and it is never larger than the screen.
TEST(DeclineDialog, SizesToItsContentAndFitsTheScreen)
{
    DialogWorld world;
    {
        const ScopedLargerFont font(1.6);
        DeclineDialog dialog(world.context, world.item("SUS-PRE-001"));
        dialog.show();
        QCoreApplication::processEvents();
        const QSize screen = dialog.screen()->availableGeometry().size();
        EXPECT_LE(dialog.width(), screen.width());
        EXPECT_LE(dialog.height(), screen.height());
        auto* explain = dialog.findChild<QLabel*>(QStringLiteral("declineExplanationLabel"));
        ASSERT_NE(explain, nullptr);
        EXPECT_GE(explain->height(), explain->heightForWidth(explain->width())) << "the whole explanation";
        EXPECT_GE(dialog.rationaleEdit()->height(), dialog.rationaleEdit()->fontMetrics().lineSpacing() * 3)
            << "room for a few lines of rationale";
        EXPECT_TRUE(
            dialog.rect().contains(QRect(dialog.okButton()->mapTo(&dialog, QPoint(0, 0)), dialog.okButton()->size())));
    }

    // With the usual font it is no taller than its content asks for (no empty band above the buttons).
    DeclineDialog dialog(world.context, world.item("SUS-PRE-001"));
    dialog.show();
    QCoreApplication::processEvents();
    const int needed = dialog.hasHeightForWidth() ? dialog.heightForWidth(dialog.width()) : dialog.sizeHint().height();
    EXPECT_LE(dialog.height(), std::max(needed, dialog.minimumSizeHint().height()));
}

} // namespace
} // namespace wb::ui::test
