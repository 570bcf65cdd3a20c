// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/context/ContextSummaryView.h"

#include "core/nom/QuestionCatalogue.h"
#include "ui/context/QuestionRow.h"
#include "ui/text/DisplayText.h"

namespace wb::ui {

ContextSummaryView::ContextSummaryView(QWidget* parent)
    : QTextBrowser(parent)
{
    setObjectName(QStringLiteral("contextSummaryBrowser"));
    setAccessibleName(tr("Summary of the context"));
    setOpenLinks(false);
}

void ContextSummaryView::showSummary(const std::vector<Section>& sections,
                                     const std::vector<const core::nom::Question*>& missing)
{
    QString html;
    for (const Section& section : sections) {
        html += QStringLiteral("<h3>%1</h3>").arg(section.title.toHtmlEscaped());
        QString rows;
        for (const Answer& answer : section.answers) {
            const QString source =
                answer.source.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(answer.source.toHtmlEscaped());
            rows += QStringLiteral("<li><b>%1:</b> %2%3</li>")
                        .arg(DisplayText::fromStd(answer.question->label).toHtmlEscaped(),
                             QuestionRow::valueText(*answer.question, answer.value).toHtmlEscaped(), source);
        }
        html += rows.isEmpty() ? QStringLiteral("<p>%1</p>").arg(tr("Nothing answered yet.").toHtmlEscaped())
                               : QStringLiteral("<ul>%1</ul>").arg(rows);
    }
    QString list;
    for (const core::nom::Question* q : missing) {
        list += QStringLiteral("<li><b>%1</b>: %2</li>")
                    .arg(DisplayText::fromStd(q->label).toHtmlEscaped(), DisplayText::fromStd(q->text).toHtmlEscaped());
    }
    html += QStringLiteral("<h3>%1</h3>").arg(tr("Important questions not answered yet").toHtmlEscaped());
    html += list.isEmpty() ? QStringLiteral("<p>%1</p>")
                                 .arg(tr("None: every question that the plan or the journey checklists "
                                         "use has an answer.")
                                          .toHtmlEscaped())
                           : QStringLiteral("<p>%1</p><ul>%2</ul>")
                                 .arg(tr("These answers decide which lines of enquiry are proposed or what the journey "
                                         "checklists count as done. Answer them when known, or leave them as not "
                                         "known.")
                                          .toHtmlEscaped(),
                                      list);
    setHtml(html);
}

} // namespace wb::ui
