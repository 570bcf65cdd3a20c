// SPDX-License-Identifier: GPL-3.0-or-later
// Reading a case's journey state from an open workspace: above the workspace, so core/nom (which the
// repositories use) never depends on it.
#pragma once

#include <cstdint>

#include "core/nom/JourneyChecklists.h"

namespace wb::core {
class Workspace;
}

namespace wb::core::nom {

class QuestionCatalogue;

/// Reads what the checklists look at from an open workspace: the case, its current facts (context answers merged
/// with the facts its records hold, cases::caseFacts, at the workspace clock's now), the
/// records of the types the checklists name and the roles of its people. Throws Error(NotFound) when the
/// case does not exist, and whatever the repositories throw (Locked...).
CaseState loadCaseState(Workspace& workspace,
                        std::int64_t caseId,
                        const QuestionCatalogue& questions,
                        const JourneyChecklists& checklists);

} // namespace wb::core::nom
