// SPDX-License-Identifier: GPL-3.0-or-later
// Answering the guided context questions of a case (the facts the rules engine reads): an answer that equals the
// current one is not recorded again, so the history shows only real changes.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/nom/Facts.h"
#include "core/repo/ContextRepository.h"

namespace wb::core {
class Workspace;
namespace nom {
class EnquiryCatalogue;
class JourneyChecklists;
class QuestionCatalogue;
struct Question;
} // namespace nom
} // namespace wb::core

namespace wb::core::cases {

/// Records the answer to one question (std::nullopt withdraws it: "not known") unless it equals the case's current
/// answer (and override reason). Returns the answer written, or std::nullopt when nothing changed and nothing was
/// written.
/// When the case's records hold the fact (cases::caseFacts, at the workspace clock's now), an answer that differs
/// from the records' value is an override and needs `overrideReason`; withdrawing an override (std::nullopt, no
/// reason) lets the records' value stand again. An answer equal to the records' value needs no reason.
/// Throws Error(Validation, field = questionId) for an unknown question or a value of the wrong kind or out of range,
/// Error(Validation, field "overrideReason") for a missing reason where the records hold the fact, or a blank one;
/// then nothing is written.
std::optional<ContextAnswer> answer(Workspace& workspace,
                                    std::int64_t caseId,
                                    const std::string& questionId,
                                    const std::optional<nom::FactValue>& value,
                                    const nom::QuestionCatalogue& questions,
                                    const std::optional<std::string>& overrideReason = std::nullopt);

/// Who last answered (or withdrew) a question, and when.
struct LatestChange {
    Instant at{};
    std::string by;
};

/// The latest change of each question answered in the case, withdrawals included; by question id.
std::map<std::string, LatestChange> latestChanges(Workspace& workspace, std::int64_t caseId);

/// The facts that matter for the plan and the journey: those a line of enquiry's condition or a journey checklist
/// item's doneWhen reads. Sorted, without duplicates; either catalogue may be null.
std::vector<std::string> importantFacts(const nom::EnquiryCatalogue* enquiries, const nom::JourneyChecklists* journey);

/// The questions shown at `now` (their showIf holds on `facts`) whose fact is important and not answered yet, in
/// the catalogue's order.
std::vector<const nom::Question*> unansweredImportant(const nom::QuestionCatalogue& questions,
                                                      const nom::Facts& facts,
                                                      const nom::EnquiryCatalogue* enquiries,
                                                      const nom::JourneyChecklists* journey,
                                                      Instant now);

} // namespace wb::core::cases
