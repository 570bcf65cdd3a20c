// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "core/domain/Person.h"
#include "core/repo/RecordRepository.h"
#include "core/victim/RightToReview.h"
#include "core/victim/VictimsCodeRecord.h"

namespace wb::core {
class Workspace;
}

namespace wb::core::reports {

/// Everything the victim contact report prints about one victim of a case.
struct VictimContactSection {
    Person victim;
    /// The contact plan in force (core::victim::currentContactPlan), and the earlier entries it replaced, newest
    /// first (those of this victim that are not current).
    std::optional<Record> currentPlan;
    std::vector<Record> earlierPlans;
    std::vector<Record> contacts; ///< every contact with the victim, earliest first
    victim::VictimsCodeRecord code;
    victim::VrrEligibility rightToReview;
};

/// One section per victim of the case, in the People tab's order (by name). An empty list when the case has no
/// victim recorded. Throws core::Error (NotFound for an unknown case, Locked, Storage).
std::vector<VictimContactSection> victimContactLog(Workspace& workspace, std::int64_t caseId);

} // namespace wb::core::reports
