// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "core/repo/MatchDecisionRepository.h"

namespace wb::core {
class Workspace;
}

/// Match decisions in a bundle (document version 3, issue 16): the decisions an officer made on pairs of persons
/// (repeat suspects), carried with the cases so that decisions stick when a case is handed over. The list sits
/// beside the cases ("matchDecisions"), as a pair may span two cases of the bundle.
namespace wb::core::bundle {

/// Every decision, all history rows, oldest first, whose two persons are both among `personUuids` (the people
/// of the cases being exported). A pair with a person outside the bundle stays behind.
nlohmann::json decisionsToJson(Workspace& workspace, const std::set<std::string>& personUuids);

nlohmann::json decisionToJson(const MatchDecision& decision);
/// A decision as the bundle has it (id 0, the pair in its stored order). Validation naming the field when a value
/// is missing, not text, or not a verdict, uuid or UTC time; what the repository checks on import (rationale,
/// fingerprints, decider) it checks there.
MatchDecision decisionFromJson(const nlohmann::json& j);
/// Whether two decisions say the same: uuid, pair, verdict, rationale, decider, time and fingerprints.
bool sameDecision(const MatchDecision& a, const MatchDecision& b);

} // namespace wb::core::bundle
