// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>

#include "core/training/Debrief.h"

namespace wb::ui {

struct CaseContext;

/// The words of classroom training (issue 17): what became of a model line or a deadline, and what a flagged choice
/// was, for the debrief and the class debrief. Every outcome has words of its own, so nothing rests on a colour.
class TrainingText
{
    Q_DECLARE_TR_FUNCTIONS(wb::ui::TrainingText)

public:
    /// "Followed", "Declined (with a rationale)", "Missed".
    static QString lineOutcome(core::training::LineOutcome outcome);
    /// "Met on time", "Met late", "Missed", "Still open", "Not reached", "Closed before the information arrived".
    static QString deadlineOutcome(core::training::DeadlineOutcome outcome);
    /// What the trainee did that the pack flags: "You accepted DF-003 (…) into the plan", or "You recorded a device
    /// with Owner: Victim, and nothing for Data from, Data to, Data types". `context` (may be null: a class debrief
    /// read from files) gives the list labels of the values.
    static QString choiceFound(const core::training::FlaggedChoice& choice, const CaseContext* context);
    /// "3 of 5 lines, 8 of 13 weight (62%)".
    static QString principleScore(const core::training::PrincipleResult& result);
    /// A whole-number percentage, half up; 0 of 0 is 0.
    static int percent(int part, int whole);
};

} // namespace wb::ui
