// SPDX-License-Identifier: GPL-3.0-or-later
// Every report and schedule (issue 18) renders for a case with a record of every type and for each demo case: each
// page marked, numbered and titled. What each one says is tested by its own test; this one proves none of them fails
// on data the others never give it. Fictional data only.
#include <gtest/gtest.h>

#include <string>

#include "core/demo/DemoData.h"
#include "core/reports/ReportKind.h"
#include "support/EveryRecordTypeFixture.h"
#include "support/PdfText.h"
#include "support/UiTestSupport.h"
#include "ui/reports/ReportBuilder.h"
#include "ui/reports/ReportRenderer.h"

using namespace wb;
using core::reports::ReportKind;
namespace rp = wb::ui::reports;

namespace {

class EveryReportTest : public test::EveryRecordTypeFixture
{
protected:
    ui::Catalogues m_catalogues = ui::test::catalogues();

    /// Renders `kind` of the case and checks every page's furniture; returns the pages' text.
    void renderEveryKind(core::Workspace& workspace, std::int64_t caseId, const std::string& reference)
    {
        const rp::ReportCatalogues catalogues{*test::enquiries(), *test::questions(), ui::test::deadlineService().get(),
                                              m_catalogues.letters.get()};
        const auto now = workspace.clock().now();
        for (const auto kind : core::reports::allReportKinds()) {
            if (kind == ReportKind::VictimLetter) {
                continue; // chosen victim, event and wording: LetterReportTest renders each occasion
            }
            SCOPED_TRACE(std::string(core::reports::toString(kind)) + " of " + reference);
            const rp::ReportOptions options;
            auto report = rp::ReportBuilder::build(workspace, catalogues, kind, caseId, options, now);
            const auto furniture = rp::ReportBuilder::furniture(workspace, report, options, now);
            const auto pdf = rp::ReportRenderer::writePdf(report, furniture);
            const auto pages = test::pdfPageTexts(std::vector<char>(pdf.bytes.begin(), pdf.bytes.end()));
            ASSERT_FALSE(pages.empty());
            EXPECT_NE(pages.front().find(report.title.toStdString()), std::string::npos) << pages.front();
            for (std::size_t i = 0; i < pages.size(); ++i) {
                EXPECT_NE(pages[i].find("OFFICIAL-SENSITIVE"), std::string::npos);
                EXPECT_NE(pages[i].find("Page " + std::to_string(i + 1) + " of " + std::to_string(pages.size())),
                          std::string::npos);
                if (core::reports::isCaseReport(kind)) {
                    EXPECT_NE(pages[i].find(reference), std::string::npos);
                }
            }
        }
    }
};

TEST_F(EveryReportTest, rendersForACaseWithARecordOfEveryType)
{
    renderEveryKind(*ws, theCase.id, theCase.reference);
}

TEST_F(EveryReportTest, rendersForEachDemoCase)
{
    core::addDemoCases(*ws);
    for (const auto& c : ws->cases().list()) {
        renderEveryKind(*ws, c.id, c.reference);
    }
}

} // namespace
