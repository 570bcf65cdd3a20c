// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/reports/LetterReport.h"

#include "core/reports/ReportKind.h"
#include "ui/reports/ReportBuilder.h"
#include "ui/reports/ReportText.h"
#include "ui/reports/ReportWriter.h"

namespace wb::ui::reports {

Report LetterReport::layout(const core::letters::VictimLetter& letter, core::Instant now)
{
    ReportWriter writer;
    Report report;
    report.kind = core::reports::ReportKind::VictimLetter;
    report.title = ReportBuilder::title(report.kind);
    report.crimeReference = ReportText::fromStd(letter.caseReference);
    writer.paragraph(ReportText::ukDateTime(now).left(10));
    writer.paragraph(tr("Our reference: %1").arg(report.crimeReference));
    writer.heading(ReportText::fromStd(letter.title));
    for (const auto& paragraph : letter.paragraphs) {
        writer.letterParagraph(ReportText::fromStd(paragraph));
    }
    report.document = writer.take();
    return report;
}

} // namespace wb::ui::reports
