// SPDX-License-Identifier: GPL-3.0-or-later
// Repeat suspects (issue 16): the use cases the screens call over the whole workspace. The scan of every pair the
// engine proposes that still awaits an officer's decision, the persons of interest who are suspects in more than one
// case, and the number of linked reports a case's suspects have (the rules engine's suspect.linkedRassoReports).
// Victim rule: a pair always holds a suspect (never two victims); nothing here judges anyone's credibility.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

#include "core/matching/MatchTypes.h"
#include "core/repo/MatchDecisionRepository.h"
#include "core/suspects/MatchingIndex.h"
#include "core/suspects/PersonsOfInterest.h"

namespace wb::core {
class Workspace;
} // namespace wb::core

namespace wb::core::suspects {

/// A pair of recorded persons the engine proposes, for the officer to decide.
struct PairProposal {
    MatchedPerson first;
    MatchedPerson second;
    matching::MatchScore score;
    std::optional<MatchDecision> decision; ///< "undecided", or "different" with details changed since
};

/// What the whole-workspace scan found.
struct AwaitingDecision {
    std::vector<PairProposal> proposals; ///< strongest first
    std::size_t linked = 0;              ///< pairs found that are decided "same" already (not proposed)
    std::size_t suppressed = 0;          ///< pairs found decided "different", neither person's details changed
    bool cancelled = false;              ///< progress returned false: the proposals found until then
};

/// Called now and then with (pairs scored, pairs in all); returns false to cancel.
using ScanProgress = std::function<bool(std::size_t, std::size_t)>;

/// Every pair of the index's persons at or above the threshold (CandidateIndex::allMatches: at least one of the two
/// a suspect, never two victims) that awaits a decision (core/suspects/Decisions awaitsDecision), strongest first.
/// Left out: two people of the same case, pairs decided "same" (counted as linked), pairs decided "different" whose
/// fingerprints have not changed (counted as suppressed), and persons removed since the index was built. The
/// index's workspace gives the current decisions and case references. Rebuild the index first for fresh details.
AwaitingDecision awaitingDecision(const MatchingIndex& index, const ScanProgress& progress = {});

/// The persons of interest (PersonsOfInterest) who are suspects in more than one case: most cases first.
std::vector<PersonOfInterest> repeatSuspects(Workspace& workspace);

/// The other cases in which a person confirmed the same (a "same" decision, directly or through others) as one of
/// this case's suspects is a suspect, each once, ascending. Empty when the case has no such link (or no suspect).
std::vector<std::int64_t> linkedSuspectCases(Workspace& workspace, std::int64_t caseId);

} // namespace wb::core::suspects
