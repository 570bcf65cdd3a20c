// SPDX-License-Identifier: GPL-3.0-or-later
// Persons of interest (repeat suspects, issue 16): the groups of person records that officers decided are the
// same person, across cases. A group is read from the current decisions each time (union–find over the pairs
// decided "same"): a revised decision splits a group at once. Nothing is merged: each case keeps its own
// record of the person, unaltered; a group only points at them.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>
#include <vector>

#include "core/domain/Case.h"
#include "core/domain/Person.h"
#include "core/repo/MatchDecisionRepository.h"

namespace wb::core {
class Workspace;
namespace store {
class Database;
}
} // namespace wb::core

namespace wb::core::suspects {

/// One record of the person of interest: the person as one case holds them, and that case.
struct PersonOfInterestMember {
    Person person;
    Case caseRecord;
};

/// Two or more person records decided to be one person.
struct PersonOfInterest {
    std::vector<PersonOfInterestMember> members; ///< by case reference, then person id
    std::vector<MatchDecision> links;            ///< the current "same" decisions joining them, oldest first
    /// Current "different" or "undecided" decisions between two members whom "same" decisions join through
    /// others (A = B, B = C, yet A ≠ C): for the officer to resolve; they do not split the group.
    std::vector<MatchDecision> conflicts;

    /// The cases the members are in, each once.
    std::size_t caseCount() const;
    /// The cases in which a member is a suspect, each once.
    std::size_t suspectCaseCount() const;
};

/// Every person of interest of the workspace: most cases first, then by the oldest link. A decision naming a
/// person no longer in the workspace (removed since) joins nobody.
std::vector<PersonOfInterest> personsOfInterest(Workspace& workspace);

/// For every case one of whose suspects is confirmed the same (directly or through others, whatever their roles)
/// as a suspect of other cases: those other cases. The one reading of the rule behind suspect.linkedRassoReports:
/// RepeatSuspects' linkedSuspectCases for one case and linkedSuspectCaseCounts for every case use it.
std::map<std::int64_t, std::set<std::int64_t>> linkedSuspectCaseSets(const std::vector<SameLink>& links);

/// linkedSuspectCaseSets' sizes, every case at once in one query, for the due list's evaluation of the whole
/// workspace (the rules engine's suspect.linkedRassoReports).
std::unordered_map<std::int64_t, int> linkedSuspectCaseCounts(store::Database& db);

/// The person of interest one person record belongs to, if any (reads only the decisions around them).
std::optional<PersonOfInterest> personOfInterestFor(Workspace& workspace, std::int64_t personId);

} // namespace wb::core::suspects
