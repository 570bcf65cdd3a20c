// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/plan/PlanText.h"

#include "core/plan/InvestigationPlan.h"
#include "ui/text/CountdownText.h"
#include "ui/text/DisplayText.h"
#include "ui/text/FieldLabels.h"

namespace wb::ui {

QString PlanText::html(const std::string& text)
{
    return DisplayText::fromStd(text).toHtmlEscaped();
}

QString PlanText::principleLabel(core::nom::Principle principle)
{
    return FieldLabels::option("enquiry", "principle", core::nom::toString(principle));
}

QString PlanText::priorityLabel(core::nom::Priority priority)
{
    switch (priority) {
    case core::nom::Priority::EvidenceAtRisk: return tr("Evidence at risk");
    case core::nom::Priority::HighValue: return tr("High value");
    case core::nom::Priority::Standard: return tr("Standard");
    }
    return tr("Standard");
}

QString PlanText::priorityExplanation()
{
    return tr("Suspect-focused lines come first. Within each group, open time limits come first (soonest first), "
              "then lines by priority: evidence at risk (lost if not secured now), then high value (identifies the "
              "suspect, tests the account or protects someone now), then standard; closed windows come last.");
}

/// "due 05/12/2026", or "overdue since 24/11/2026" for an open enquiry past its due date (Europe/London).
QString PlanText::dueText(const core::Record& record, core::Instant now)
{
    const std::string due = record.get("due_on");
    if (due.empty()) {
        return {};
    }
    if (core::plan::isOverdue(record, now)) {
        return tr("overdue since %1").arg(DisplayText::ukDate(due));
    }
    return tr("due %1").arg(DisplayText::ukDate(due));
}

QString PlanText::when(const std::string& iso)
{
    const auto instant = core::parseIsoUtc(iso);
    return instant ? DisplayText::ukDateTime(*instant) : DisplayText::fromStd(iso);
}

QString PlanText::enquiryStatus(const core::Record& record)
{
    QString text = FieldLabels::option("enquiry", "status", record.get("status"));
    const std::string review = record.get("supervisor_review");
    if (review == "pending") {
        text = tr("%1 · awaiting supervisory review").arg(text);
    } else if (review == "refused") {
        text = tr("%1 · refused by supervisor").arg(text);
    } else if (review == "approved") {
        text = tr("%1 · approved by supervisor").arg(text);
    }
    return text;
}

QString PlanText::countdown(core::Instant due, core::Instant now)
{
    if (now <= due) {
        return tr("window closes in %1").arg(CountdownText::span(due, now));
    }
    return tr("closed %1 ago").arg(CountdownText::span(due, now));
}

} // namespace wb::ui
