// SPDX-License-Identifier: GPL-3.0-or-later
// "Ask for the context that matters" (issue 14): the unanswered context questions that would open the most lines of
// enquiry if the officer answered them.
#pragma once

#include <vector>

#include "core/domain/Time.h"
#include "core/nom/EnquiryCatalogue.h"
#include "core/nom/Facts.h"
#include "core/nom/QuestionCatalogue.h"

namespace wb::core::plan {

/// One unanswered question and the lines of enquiry an answer to it could open.
struct OpeningQuestion {
    /// Points into the question catalogue given to openingQuestions(); valid while that lives.
    const nom::Question* question = nullptr;
    /// The catalogue entries not proposed now that at least one possible answer to the question would propose
    /// (every other fact as it is). Suspect-focused first, then by priority, then in catalogue order. Never empty.
    std::vector<const nom::Enquiry*> opens;
    /// How many of `opens` are suspect-focused.
    int suspectFocused = 0;
};

/// For a case's facts at `now`: every question that is shown (its showIf holds) and not answered, and that would
/// open at least one line of enquiry if answered. Entries that intrude on the victim's private life are never
/// counted: the plan does not prompt the officer towards them (victim-centred by construction). A line "opens" when it
/// is not proposed now and some single answer to that question makes its `when` hold, the other facts unchanged. The
/// answers tried are every answer the question allows: yes and no; each option of a choice; each single option of a
/// multi-choice; every whole number from the question's minimum (0 without one) up to 200 above it, and its maximum;
/// for an instant or a date range, now and a ladder of earlier instants from 1 hour to 40 years ago; any non-empty
/// text. Lines that need two unanswered facts at once are not counted (answering the first shows what the second
/// opens). Order: most lines opened first; then more suspect-focused lines; then the questions' order in the catalogue.
/// Pure and deterministic; nothing is thrown. The same facts the plan is proposed from must be passed in.
std::vector<OpeningQuestion> openingQuestions(const nom::EnquiryCatalogue& enquiries,
                                              const nom::QuestionCatalogue& questions,
                                              const nom::Facts& facts,
                                              Instant now);

/// The answers openingQuestions() tries for a question (see there), in a fixed order; valid for the question.
std::vector<nom::FactValue> candidateAnswers(const nom::Question& question, Instant now);

} // namespace wb::core::plan
