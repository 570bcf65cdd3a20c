// SPDX-License-Identifier: GPL-3.0-or-later
// A case's own details: creating a case, saving its overview, moving it along the investigator's journey. Typed
// drafts in, typed results out; validation is CaseRepository's (the crime reference format, offences, dates).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "core/domain/Case.h"

namespace wb::core {
class CaseRepository;
class Workspace;
namespace nom {
class JourneyChecklists;
class QuestionCatalogue;
} // namespace nom
} // namespace wb::core

namespace wb::core::cases {

/// Creates a case. A case given no journey stage starts at the first stage of the journey-stages list (an officer's
/// new case is at the start of the journey, not "not recorded"). Throws Error(Validation) naming the field,
/// Error(Conflict, "reference") when the reference is used, Error(GuardrailRefused) for an outcome a new case cannot
/// have (core/cases/OutcomeGuards.h).
Case create(Workspace& workspace, const CaseDraft& draft);

/// Saves the editable fields of a case (matched by `edited.id`). Throws Error(Validation) naming the field,
/// Error(Conflict, "reference"), Error(NotFound), Error(GuardrailRefused) when the outcome's guardrails refuse it
/// (core/cases/OutcomeGuards.h).
Case updateOverview(Workspace& workspace, const Case& edited);

/// What moving a case to the next journey stage did.
struct StageMove {
    bool moved = false;        ///< false: the case is already at the last stage (nothing written)
    std::size_t stageNumber{}; ///< 1-based number of the stage the case is now at
    std::string stageCode;
    std::string stageLabel;
    /// Items of the previous stage's checklist still outstanding (they stay listed under that stage); 0 when the
    /// checklists were not given.
    std::size_t stillOutstanding = 0;
};

/// Moves the case to the stage after its current one (the first stage when it has none), in the journey-stages
/// list's order. `questions` and `checklists` may be null: then outstanding items are not counted.
/// Throws Error(NotFound) when the case does not exist, and what the repositories throw.
StageMove moveToNextStage(Workspace& workspace,
                          std::int64_t caseId,
                          const nom::QuestionCatalogue* questions,
                          const nom::JourneyChecklists* checklists);

} // namespace wb::core::cases
