// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/cases/CaseDetails.h"

#include "core/Error.h"
#include "core/Workspace.h"
#include "core/cases/OutcomeGuards.h"
#include "core/journey/LoadCaseState.h"
#include "core/nom/JourneyChecklists.h"
#include "core/reference/ReferenceData.h"
#include "core/repo/CaseRepository.h"

namespace wb::core::cases {

Case create(Workspace& workspace, const CaseDraft& draft)
{
    checkNewCaseOutcome(draft);
    if (draft.journeyStage) {
        return workspace.cases().add(draft);
    }
    CaseDraft started = draft;
    const auto& stages = workspace.lists().list("journey-stages").items();
    if (!stages.empty()) {
        started.journeyStage = stages.front().code;
    }
    return workspace.cases().add(started);
}

Case updateOverview(Workspace& workspace, const Case& edited)
{
    const auto before = workspace.cases().find(edited.id);
    if (!before) {
        throw Error(ErrorCode::NotFound, "the case does not exist", "caseId");
    }
    checkOutcome(workspace, edited, *before);
    return workspace.cases().update(edited);
}

StageMove moveToNextStage(Workspace& workspace,
                          std::int64_t caseId,
                          const nom::QuestionCatalogue* questions,
                          const nom::JourneyChecklists* checklists)
{
    auto record = workspace.cases().find(caseId);
    if (!record) {
        throw Error(ErrorCode::NotFound, "the case does not exist", "caseId");
    }
    const ReferenceList& stages = workspace.lists().list("journey-stages");
    const ReferenceItem* current = record->journeyStage ? stages.find(*record->journeyStage) : nullptr;
    const std::size_t nextIndex = current == nullptr ? 0 : static_cast<std::size_t>(current->order + 1);
    StageMove move;
    if (nextIndex >= stages.items().size()) {
        return move;
    }
    if (current != nullptr && questions != nullptr && checklists != nullptr) {
        const auto state = nom::loadCaseState(workspace, caseId, *questions, *checklists);
        move.stillOutstanding = checklists->outstanding(current->code, state).size();
    }
    const ReferenceItem& next = stages.items()[nextIndex];
    record->journeyStage = next.code;
    workspace.cases().update(*record);
    move.moved = true;
    move.stageNumber = nextIndex + 1;
    move.stageCode = next.code;
    move.stageLabel = next.label;
    return move;
}

} // namespace wb::core::cases
