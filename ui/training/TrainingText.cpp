// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/training/TrainingText.h"

#include <QStringList>

#include "core/records/RecordSpec.h"
#include "ui/cases/CaseContext.h"
#include "ui/records/RecordListModel.h"
#include "ui/text/DisplayText.h"
#include "ui/text/FieldLabels.h"

namespace wb::ui {

using core::training::DeadlineOutcome;
using core::training::LineOutcome;

QString TrainingText::lineOutcome(LineOutcome outcome)
{
    switch (outcome) {
    case LineOutcome::Followed: return tr("Followed");
    case LineOutcome::Declined: return tr("Declined (with a rationale)");
    case LineOutcome::Missed: return tr("Missed");
    }
    return tr("Missed");
}

QString TrainingText::deadlineOutcome(DeadlineOutcome outcome)
{
    switch (outcome) {
    case DeadlineOutcome::Met: return tr("Met on time");
    case DeadlineOutcome::Late: return tr("Met late");
    case DeadlineOutcome::Missed: return tr("Missed");
    case DeadlineOutcome::Open: return tr("Still open");
    case DeadlineOutcome::NotReached: return tr("Not reached (the event it counts from was not recorded)");
    case DeadlineOutcome::ClosedBeforeKnown: return tr("Closed before the information arrived");
    }
    return tr("Still open");
}

QString TrainingText::choiceFound(const core::training::FlaggedChoice& choice, const CaseContext* context)
{
    const auto& match = choice.match;
    if (!match.enquiry.empty()) {
        return tr("You accepted the line of enquiry %1 into the plan.").arg(DisplayText::fromStd(match.enquiry));
    }
    const core::RecordSpec* spec = nullptr; // a debrief file may name a type this version does not have
    for (const auto& known : core::recordSpecs()) {
        if (known.type == match.recordType) {
            spec = &known;
        }
    }
    QStringList held;
    for (const auto& [key, value] : match.equals) {
        const auto* field = spec != nullptr ? spec->field(key) : nullptr;
        const QString shown = field != nullptr && context != nullptr
                                  ? RecordListModel::displayValue(*context, *spec, *field, value)
                                  : DisplayText::fromStd(value);
        held << tr("%1: %2").arg(FieldLabels::label(match.recordType, key), shown);
    }
    QStringList empty;
    for (const auto& key : match.empty) {
        empty << FieldLabels::label(match.recordType, key);
    }
    const QString what = FieldLabels::title(match.recordType);
    if (empty.isEmpty()) {
        return tr("You recorded a %1 with %2.").arg(what, held.join(QStringLiteral("; ")));
    }
    return tr("You recorded a %1 with %2, and nothing for %3.")
        .arg(what, held.join(QStringLiteral("; ")), empty.join(QStringLiteral(", ")));
}

QString TrainingText::principleScore(const core::training::PrincipleResult& result)
{
    return tr("%1 of %2 lines, %3 of %4 weight (%5%)")
        .arg(result.followed)
        .arg(result.lines)
        .arg(result.weightFollowed)
        .arg(result.weight)
        .arg(percent(result.weightFollowed, result.weight));
}

int TrainingText::percent(int part, int whole)
{
    return whole <= 0 ? 0 : (part * 100 + whole / 2) / whole;
}

} // namespace wb::ui
