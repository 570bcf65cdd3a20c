// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/journey/LoadCaseState.h"

#include <string>

#include "core/Error.h"
#include "core/Workspace.h"
#include "core/cases/CaseFacts.h"
#include "core/records/RecordSpec.h"

namespace wb::core::nom {

CaseState loadCaseState(Workspace& workspace,
                        std::int64_t caseId,
                        const QuestionCatalogue& questions,
                        const JourneyChecklists& checklists)
{
    CaseState state;
    auto record = workspace.cases().find(caseId);
    if (!record) {
        throw Error(ErrorCode::NotFound, "case " + std::to_string(caseId) + " does not exist");
    }
    state.record = std::move(*record);
    // The facts as every reader sees them: context answers merged with what the records hold.
    state.now = workspace.clock().now();
    state.facts = cases::caseFacts(workspace, caseId, questions, state.now).facts;
    for (const auto& type : checklists.recordTypes()) {
        auto& values = state.records[type];
        for (auto& r : workspace.records().listForCase(recordSpec(type), caseId)) {
            values.push_back(std::move(r.values));
        }
    }
    for (const auto& person : workspace.people().listForCase(caseId)) {
        state.people.push_back(person.role);
    }
    return state;
}

} // namespace wb::core::nom
