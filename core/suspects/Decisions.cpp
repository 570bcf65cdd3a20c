// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/suspects/Decisions.h"

#include <string>
#include <utility>

#include "core/Error.h"
#include "core/Workspace.h"
#include "core/domain/Text.h"
#include "core/matching/Fingerprint.h"

namespace wb::core::suspects {

namespace {

struct Checked {
    Person a;
    Person b;
};

/// The checks decide() and revise() share; the row's own (rationale, uuids) are the repository's.
Checked checkedPair(Workspace& workspace, const DecisionRequest& request)
{
    auto& people = workspace.people();
    const auto a = people.find(request.personA);
    if (!a) {
        throw Error(ErrorCode::Validation, "the first person of the pair does not exist", "personA");
    }
    const auto b = people.find(request.personB);
    if (!b) {
        throw Error(ErrorCode::Validation, "the second person of the pair does not exist", "personB");
    }
    if (a->id == b->id) {
        throw Error(ErrorCode::Validation, "a decision is about two different persons", "personB");
    }
    if (a->role == PersonRole::Victim && b->role == PersonRole::Victim) {
        throw Error(ErrorCode::Validation, "two victims are never paired: matching is for suspects", "role");
    }
    if (a->role != PersonRole::Suspect && b->role != PersonRole::Suspect) {
        throw Error(ErrorCode::Validation, "one person of the pair must be a suspect: matching is for suspects",
                    "role");
    }
    if (trimmed(request.rationale).empty()) {
        throw Error(ErrorCode::Validation, "a decision needs its rationale", "rationale");
    }
    return Checked{*a, *b};
}

MatchDecision store(Workspace& workspace, const Checked& pair, const DecisionRequest& request)
{
    MatchDecisionDraft draft;
    draft.personA = pair.a.uuid;
    draft.personB = pair.b.uuid;
    draft.verdict = request.verdict;
    draft.rationale = request.rationale;
    draft.fingerprintA = currentFingerprint(workspace, pair.a);
    draft.fingerprintB = currentFingerprint(workspace, pair.b);
    return workspace.matchDecisions().record(draft);
}

} // namespace

MatchDecision decide(Workspace& workspace, const DecisionRequest& request)
{
    const Checked pair = checkedPair(workspace, request);
    if (workspace.matchDecisions().current(PersonPair::of(pair.a.uuid, pair.b.uuid))) {
        throw Error(ErrorCode::Conflict, "this pair has a decision already: revise it", "personB");
    }
    return store(workspace, pair, request);
}

MatchDecision revise(Workspace& workspace, const DecisionRequest& request)
{
    const Checked pair = checkedPair(workspace, request);
    if (!workspace.matchDecisions().current(PersonPair::of(pair.a.uuid, pair.b.uuid))) {
        throw Error(ErrorCode::NotFound, "this pair has no decision to revise", "personB");
    }
    return store(workspace, pair, request);
}

matching::PersonRecord matchingDetails(Workspace& workspace, const Person& person)
{
    // One reading of a person for matching: the same records the engine scores (core/repo/PersonRecordSource).
    auto record = workspace.personRecords().find(person.id);
    if (!record) {
        throw Error(ErrorCode::NotFound, "no person with id " + std::to_string(person.id));
    }
    return std::move(*record);
}

std::string currentFingerprint(Workspace& workspace, const Person& person)
{
    return matching::fingerprint(matchingDetails(workspace, person));
}

bool isSuppressed(const MatchDecision& decision, std::string_view fingerprintA, std::string_view fingerprintB)
{
    return decision.verdict == MatchVerdict::Different && decision.fingerprintFirst == fingerprintA &&
           decision.fingerprintSecond == fingerprintB;
}

bool awaitsDecision(const std::optional<MatchDecision>& current,
                    const matching::PersonRecord& a,
                    const matching::PersonRecord& b)
{
    if (!current) {
        return true;
    }
    switch (current->verdict) {
    case MatchVerdict::Undecided: return true;
    case MatchVerdict::Same: return false;
    case MatchVerdict::Different: break;
    }
    const bool aFirst = current->pair.first == a.personUuid;
    const std::string fingerprintA = matching::fingerprint(a);
    const std::string fingerprintB = matching::fingerprint(b);
    return aFirst ? !isSuppressed(*current, fingerprintA, fingerprintB)
                  : !isSuppressed(*current, fingerprintB, fingerprintA);
}

} // namespace wb::core::suspects
