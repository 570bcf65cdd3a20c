// SPDX-License-Identifier: GPL-3.0-or-later
// A victim letter on paper, and written from the reports dialog: filled from the case, printed whole (privacy mode
// does not shorten it), and logged as a contact with the victim once it leaves. Fictional data.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>

#include "core/records/RecordSpec.h"
#include "core/records/RecordTypes.h"
#include "ui/reports/LetterChooser.h"
#include "ui/reports/ReportDialog.h"
#include "ui/reports/ReportPdfFixture.h"
#include "ui/widgets/InlineMessage.h"

using namespace wb;
using namespace wb::core;
using test::contains;
using wb::core::reports::ReportKind;
namespace rp = wb::ui::reports;

namespace {

class LetterReportTest : public test::ReportPdfFixture
{
protected:
    Record arrest;
    std::int64_t victimId = 0;

    void SetUp() override
    {
        ReportPdfFixture::SetUp();
        victimId = ws->people().listForCase(theCase.id).front().id;
        arrest = ws->records().add(recordSpec(recordtype::kCaseEvent), theCase.id,
                                   {{"kind", "arrest"}, {"occurred_at", "2026-11-01T09:00:00Z"}});
    }

    std::size_t contacts() { return ws->records().listForCase(recordSpec(recordtype::kContact), theCase.id).size(); }
};

TEST_F(LetterReportTest, theLetterIsFilledFromTheCaseAndPrintedWholeEvenInPrivacyMode)
{
    privacyOn();
    options.privacyApplied = false; // as the dialog passes a letter: never masked
    options.letter = rp::LetterChoice{victimId, "case_event", arrest.id, "arrest"};
    const auto pages = render(ReportKind::VictimLetter);
    ASSERT_FALSE(pages.empty());
    expectFurnitureOnEveryPage(pages, "OFFICIAL-SENSITIVE", Reference);
    std::string all;
    for (const auto& page : pages) {
        all += page;
    }
    EXPECT_TRUE(contains(all, "Dear Vivian Example,"));
    EXPECT_TRUE(contains(all, "On 01/11/2026 we arrested a person"));
    EXPECT_TRUE(contains(all, "Our reference: " + std::string(Reference)));
    EXPECT_FALSE(contains(all, "{{"));
}

TEST_F(LetterReportTest, withoutAChoiceTheLetterIsRefusedInWords)
{
    try {
        render(ReportKind::VictimLetter);
        FAIL() << "a letter was laid out without its choice";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::Validation);
        EXPECT_EQ(e.field(), "letter");
    }
}

TEST_F(LetterReportTest, theDialogOffersTheVictimsEventsSavesTheLetterAndLogsItAsAContact)
{
    ui::ReportDialog dialog(ui::CaseContext{ws.get(), nullptr, theCase.id, &m_privacy, &m_catalogues});
    dialog.show();
    dialog.setKind(ReportKind::VictimLetter);
    auto* chooser = dialog.letterChooser();
    ASSERT_TRUE(chooser->isVisible());
    EXPECT_EQ(chooser->victimBox()->count(), 1);
    ASSERT_EQ(chooser->eventBox()->count(), 1);
    EXPECT_EQ(chooser->eventBox()->currentText(), QStringLiteral("Suspect arrested, 01/11/2026"));
    EXPECT_EQ(chooser->letterBox()->currentData().toString(), QStringLiteral("arrest"));
    EXPECT_GE(dialog.pageCount(), 1) << dialog.message()->text().toStdString();

    const auto pdf = dir / "letter.pdf";
    dialog.setPdfPath(QString::fromStdString(pdf.string()));
    ASSERT_TRUE(dialog.savePdf()) << dialog.message()->text().toStdString();
    EXPECT_TRUE(dialog.message()->text().contains(QStringLiteral("Logged as a contact")));
    const auto logged = ws->records().listForCase(recordSpec(recordtype::kContact), theCase.id);
    ASSERT_EQ(logged.size(), 1U);
    EXPECT_EQ(logged[0].get("method"), "letter");
    EXPECT_EQ(logged[0].get("purpose"), "event-notification");
    EXPECT_EQ(logged[0].get("explained_events"), arrest.uuid) << "it meets the arrest's Right 6 item";

    // Not ticked: the letter leaves, and nothing is logged.
    chooser->findChild<QCheckBox*>(QStringLiteral("letterLogCheckBox"))->setChecked(false);
    dialog.setPdfPath(QString::fromStdString((dir / "again.pdf").string()));
    ASSERT_TRUE(dialog.savePdf()) << dialog.message()->text().toStdString();
    EXPECT_EQ(contacts(), 1U);
}

TEST_F(LetterReportTest, aCaseWithNothingToWriteAboutSaysWhatToRecordFirst)
{
    ws->records().remove(recordSpec(recordtype::kCaseEvent), arrest.id);
    ui::ReportDialog dialog(ui::CaseContext{ws.get(), nullptr, theCase.id, &m_privacy, &m_catalogues});
    dialog.show();
    dialog.setKind(ReportKind::VictimLetter);
    EXPECT_EQ(dialog.letterChooser()->eventBox()->count(), 0);
    EXPECT_TRUE(dialog.letterChooser()->emptyLabel()->text().contains(QStringLiteral("record the arrest")));
    EXPECT_EQ(dialog.pageCount(), 0);
}

} // namespace
