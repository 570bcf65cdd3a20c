// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/suspects/RepeatSuspects.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <utility>

#include "core/Workspace.h"
#include "core/suspects/Decisions.h"

namespace wb::core::suspects {

AwaitingDecision awaitingDecision(const MatchingIndex& index, const ScanProgress& progress)
{
    Workspace& workspace = index.workspace();
    AwaitingDecision out;
    const auto matches = index.index().allMatches([&](std::size_t done, std::size_t total) {
        if (progress && !progress(done, total)) {
            out.cancelled = true;
            return false;
        }
        return true;
    });

    // Every current decision, read in one go, by (first, second) uuid.
    std::map<std::pair<std::string, std::string>, MatchDecision> decisions;
    for (auto& d : workspace.matchDecisions().allCurrent()) {
        auto key = std::make_pair(d.pair.first, d.pair.second);
        decisions.insert_or_assign(std::move(key), std::move(d));
    }
    std::map<std::int64_t, std::optional<std::string>> references; // case id → reference (none: case removed)
    const auto referenceOf = [&](std::int64_t caseId) -> const std::optional<std::string>& {
        if (const auto it = references.find(caseId); it != references.end()) {
            return it->second;
        }
        const auto found = workspace.cases().find(caseId);
        return references.emplace(caseId, found ? std::optional(found->reference) : std::nullopt).first->second;
    };
    std::map<std::int64_t, bool> present; // person id → still recorded
    const auto exists = [&](std::int64_t personId) {
        if (const auto it = present.find(personId); it != present.end()) {
            return it->second;
        }
        return present.emplace(personId, workspace.people().find(personId).has_value()).first->second;
    };

    const auto& records = index.index().records();
    for (const auto& match : matches) {
        const matching::PersonRecord& a = records[match.first];
        const matching::PersonRecord& b = records[match.second];
        if (a.caseId == b.caseId) {
            continue;
        }
        std::optional<MatchDecision> current;
        const PersonPair pair = PersonPair::of(a.personUuid, b.personUuid);
        if (const auto it = decisions.find(std::make_pair(pair.first, pair.second)); it != decisions.end()) {
            current = it->second;
        }
        if (current && current->verdict == MatchVerdict::Same) {
            ++out.linked;
            continue;
        }
        if (!awaitsDecision(current, a, b)) {
            ++out.suppressed;
            continue;
        }
        if (!exists(a.personId) || !exists(b.personId)) {
            continue;
        }
        const auto& referenceA = referenceOf(a.caseId);
        const auto& referenceB = referenceOf(b.caseId);
        if (!referenceA || !referenceB) {
            continue;
        }
        out.proposals.push_back(
            PairProposal{MatchedPerson{a, *referenceA}, MatchedPerson{b, *referenceB}, match.score, current});
    }
    // allMatches gives them strongest first already; kept stable so that equal scores keep the index's order.
    std::stable_sort(out.proposals.begin(), out.proposals.end(), [](const PairProposal& x, const PairProposal& y) {
        return x.score.totalWeight > y.score.totalWeight;
    });
    return out;
}

std::vector<PersonOfInterest> repeatSuspects(Workspace& workspace)
{
    auto all = personsOfInterest(workspace);
    std::erase_if(all, [](const PersonOfInterest& poi) { return poi.suspectCaseCount() < 2; });
    return all;
}

std::vector<std::int64_t> linkedSuspectCases(Workspace& workspace, std::int64_t caseId)
{
    const auto linked = linkedSuspectCaseSets(workspace.matchDecisions().sameLinks());
    const auto it = linked.find(caseId);
    if (it == linked.end()) {
        return {};
    }
    return {it->second.begin(), it->second.end()};
}

} // namespace wb::core::suspects
