// SPDX-License-Identifier: GPL-3.0-or-later
// Decisions that stick (repeat suspects, issue 16): an officer marks a pair of persons the same person, different
// people or undecided, with a rationale; every decision is kept (a revision is a new one) and audited, and a pair
// decided "different" is not proposed again unless either person's matching details change.
// Victim rule: a decision is always about a suspect (the subject of matching) and a person recorded in any role;
// two victims are never paired, and nothing here judges anyone's credibility.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/domain/Person.h"
#include "core/matching/MatchTypes.h"
#include "core/repo/MatchDecisionRepository.h"

namespace wb::core {
class Workspace;
} // namespace wb::core

namespace wb::core::suspects {

/// A decision an officer makes on two persons of the workspace (by id, in any order).
struct DecisionRequest {
    std::int64_t personA = 0;
    std::int64_t personB = 0;
    MatchVerdict verdict = MatchVerdict::Undecided;
    std::string rationale;
};

/// The first decision on a pair, decided by the workspace owner now, with both persons' fingerprints as they
/// stand. Throws Error(Validation) naming the field: "personA"/"personB" (no such person; "personB" also for the
/// same person twice), "role" (neither is a suspect, or both are victims), "rationale" (blank or too long);
/// Error(Conflict, field "personB") when the pair already has a decision (revise it instead).
MatchDecision decide(Workspace& workspace, const DecisionRequest& request);

/// A new decision on a pair already decided: the earlier ones stay in its history, this one becomes current.
/// The same checks as decide(); Error(NotFound, field "personB") when the pair has no decision yet.
MatchDecision revise(Workspace& workspace, const DecisionRequest& request);

/// What matching compares of one stored person: their details and identifiers by kind (alias, phone, email,
/// handle, vehicle, address, police-id); ageOnDate is the London date of the record's last update.
matching::PersonRecord matchingDetails(Workspace& workspace, const Person& person);

/// The fingerprint (core/matching/Fingerprint) of a stored person's matching details as they are now.
std::string currentFingerprint(Workspace& workspace, const Person& person);

/// Whether a pair stays out of the proposals because of this decision: it was decided "different" and neither
/// person's fingerprint has changed since. `fingerprintA` is pair.first's now, `fingerprintB` pair.second's.
bool isSuppressed(const MatchDecision& decision, std::string_view fingerprintA, std::string_view fingerprintB);

/// Whether a candidate pair (as the engine found it) should be put to the officer: not yet decided, decided
/// "undecided", or decided "different" and either person's details changed since (see isSuppressed). A pair
/// decided "same" is linked already (a person of interest), not proposed.
bool awaitsDecision(const std::optional<MatchDecision>& current,
                    const matching::PersonRecord& a,
                    const matching::PersonRecord& b);

} // namespace wb::core::suspects
