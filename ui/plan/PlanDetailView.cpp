// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/plan/PlanDetailView.h"

#include "core/nom/QuestionCatalogue.h"
#include "ui/plan/PlanText.h"
#include "ui/text/DisplayText.h"
#include "ui/text/FieldLabels.h"
#include "ui/text/ProvenanceText.h"

namespace wb::ui {

PlanDetailView::PlanDetailView(QWidget* parent)
    : QTextBrowser(parent)
{
    setObjectName(QStringLiteral("planDetailBrowser"));
    setAccessibleName(tr("Why this is suggested"));
    setOpenLinks(false);
}

void PlanDetailView::setQuestions(const core::nom::QuestionCatalogue* questions)
{
    m_questions = questions;
}

void PlanDetailView::showSelection(const core::plan::PlanItem* item,
                                   const std::optional<core::Record>& own,
                                   [[maybe_unused]] const core::plan::PlanView& view,
                                   core::Instant builtAt)
{
    QString out;
    const auto para = [&out](const QString& heading, const QString& body) {
        out += QStringLiteral("<p><b>%1</b> %2</p>").arg(heading.toHtmlEscaped(), body);
    };
    if (item != nullptr) {
        const auto* entry = item->entry;
        if (entry == nullptr) {
            out += QStringLiteral("<h3>%1</h3>").arg(PlanText::html(item->enquiryId));
            out += QStringLiteral("<p>%1</p>")
                       .arg(tr("The catalogue in use no longer has this line of enquiry. The "
                               "earlier choice about it is kept.")
                                .toHtmlEscaped());
        } else {
            out += QStringLiteral("<h3>%1</h3>").arg(PlanText::html(entry->title));
            // The catalogue id, version and source are for the RASSO lead's Sources view, not the officer's pane.
            out += QStringLiteral("<p>%1</p>").arg(PlanText::principleLabel(entry->principle).toHtmlEscaped());
            para(tr("Priority:"), tr("%1. %2 %3")
                                      .arg(PlanText::priorityLabel(entry->priority),
                                           DisplayText::fromStd(entry->priorityReason), PlanText::priorityExplanation())
                                      .toHtmlEscaped());
            if (item->newSinceReview) {
                out += QStringLiteral("<p><b>%1</b></p>").arg(tr("New since the last plan review.").toHtmlEscaped());
            }
            if (!item->proposal) {
                out +=
                    QStringLiteral("<p><b>%1</b></p>")
                        .arg(
                            tr("No longer proposed on the current facts. The earlier choice is kept.").toHtmlEscaped());
            }
            out += QStringLiteral("<h4>%1</h4><p>%2</p>")
                       .arg(tr("Why this is suggested").toHtmlEscaped(), PlanText::html(entry->why));
            if (item->proposal) {
                QString reasons;
                for (const auto& reason : item->proposal->reasons) {
                    reasons += QStringLiteral("<li>%1</li>").arg(DisplayText::withUkTimes(reason.text).toHtmlEscaped());
                }
                if (reasons.isEmpty()) {
                    para(tr("Proposed because:"), tr("it applies to every case.").toHtmlEscaped());
                } else {
                    out += QStringLiteral("<p><b>%1</b></p><ul>%2</ul>")
                               .arg(tr("Proposed because these facts hold:").toHtmlEscaped(), reasons);
                }
            }
            if (entry->deadline) {
                QString from = DisplayText::fromStd(entry->deadline->from);
                if (const auto* q = m_questions != nullptr ? m_questions->find(entry->deadline->from) : nullptr) {
                    from = DisplayText::fromStd(q->label);
                }
                QString deadline = tr("%1 (counted from: %2).").arg(DisplayText::fromStd(entry->deadline->label), from);
                if (item->proposal && item->proposal->due) {
                    deadline += QLatin1Char(' ') + tr("Ends %1: %2.")
                                                       .arg(DisplayText::ukDateTime(*item->proposal->due),
                                                            PlanText::countdown(*item->proposal->due, builtAt));
                } else if (item->proposal) {
                    deadline += QLatin1Char(' ') + tr("Not known yet: record the time it is counted from.");
                }
                if (!entry->deadline->confirmed) {
                    deadline += QLatin1Char(' ') + ProvenanceText::unconfirmedTimeLimit();
                }
                para(tr("Time limit:"), deadline.toHtmlEscaped());
            }
            QString basis = PlanText::html(entry->basis);
            if (!entry->confirmed) {
                basis += QLatin1Char(' ') + ProvenanceText::unconfirmedLegalPoint().toHtmlEscaped();
            }
            para(tr("Basis:"), basis);
            if (entry->intrudesOnVictimPrivacy) {
                para(tr("Credibility guardrail:"),
                     tr("this enquiry intrudes on the victim's private life. Accepting it needs the reasonable line of "
                        "enquiry it serves, necessity and proportionality, and the less intrusive options considered; "
                        "it is flagged for supervisory review%1.")
                         .arg(entry->category == core::nom::EnquiryCategory::DigitalForensics
                                  ? tr(", and a device cannot be examined before the s.37 notice has been given")
                                  : QString())
                         .toHtmlEscaped());
            }
        }
        if (item->enquiry) {
            const auto& r = *item->enquiry;
            para(tr("Accepted:"),
                 tr("on %1 by %2. Owner: %3. Due: %4. Status: %5.")
                     .arg(PlanText::when(r.get("accepted_at")), DisplayText::fromStd(r.get("accepted_by")),
                          DisplayText::fromStd(r.get("owner")),
                          r.get("due_on").empty() ? tr("none") : DisplayText::ukDate(r.get("due_on")),
                          PlanText::enquiryStatus(r))
                     .toHtmlEscaped());
            if (!r.get("result").empty()) {
                para(tr("Result:"), PlanText::html(r.get("result")));
            }
        }
        if (item->decline) {
            const auto& d = *item->decline;
            para(item->choice == core::plan::Choice::Declined ? tr("Declined:") : tr("Declined earlier:"),
                 tr("on %1 by %2. Rationale: %3")
                     .arg(PlanText::when(d.get("decided_at")), DisplayText::fromStd(d.get("decided_by")),
                          DisplayText::fromStd(d.get("rationale")))
                     .toHtmlEscaped());
        }
    } else if (const auto& record = own) {
        out += QStringLiteral("<h3>%1</h3>").arg(PlanText::html(record->get("title")));
        para(tr("Your own line of enquiry:"),
             tr("principle %1; added on %2 by %3. Owner: %4. Due: %5. Status: %6.")
                 .arg(FieldLabels::option("enquiry", "principle", record->get("principle")),
                      PlanText::when(record->get("accepted_at")), DisplayText::fromStd(record->get("accepted_by")),
                      DisplayText::fromStd(record->get("owner")),
                      record->get("due_on").empty() ? tr("none") : DisplayText::ukDate(record->get("due_on")),
                      PlanText::enquiryStatus(*record))
                 .toHtmlEscaped());
        if (!record->get("result").empty()) {
            para(tr("Result:"), PlanText::html(record->get("result")));
        }
    } else {
        out = QStringLiteral("<p>%1</p>")
                  .arg(tr("Select a line of enquiry to see why it is suggested, the facts that made it apply, its "
                          "basis and any time limit.")
                           .toHtmlEscaped());
    }
    setHtml(out);
}

} // namespace wb::ui
