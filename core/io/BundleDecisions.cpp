// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/BundleDecisions.h"

#include <algorithm>
#include <vector>

#include "core/Error.h"
#include "core/Workspace.h"
#include "core/domain/Uuid.h"
#include "core/io/BundleJson.h"

namespace wb::core::bundle {

using nlohmann::json;

json decisionsToJson(Workspace& ws, const std::set<std::string>& personUuids)
{
    std::vector<MatchDecision> rows;
    for (const auto& current : ws.matchDecisions().allCurrent()) {
        if (personUuids.count(current.pair.first) != 0 && personUuids.count(current.pair.second) != 0) {
            const auto history = ws.matchDecisions().history(current.pair);
            rows.insert(rows.end(), history.begin(), history.end());
        }
    }
    // Oldest first across pairs as within one: imported in this order, each pair's latest stays its current.
    std::sort(rows.begin(), rows.end(), [](const MatchDecision& a, const MatchDecision& b) { return a.id < b.id; });
    json out = json::array();
    for (const auto& d : rows) {
        out.push_back(decisionToJson(d));
    }
    return out;
}

json decisionToJson(const MatchDecision& d)
{
    return json{{"uuid", d.uuid},
                {"personA", d.pair.first},
                {"personB", d.pair.second},
                {"decision", std::string(toString(d.verdict))},
                {"rationale", d.rationale},
                {"decidedBy", d.decidedBy},
                {"decidedAt", toIsoUtc(d.decidedAt)},
                {"fingerprintA", d.fingerprintFirst},
                {"fingerprintB", d.fingerprintSecond}};
}

MatchDecision decisionFromJson(const json& j)
{
    if (!j.is_object()) {
        throw Error(ErrorCode::Validation, "bundle: a match decision must be an object", "matchDecisions");
    }
    MatchDecision d;
    d.uuid = text(j, "uuid");
    const std::string a = text(j, "personA");
    const std::string b = text(j, "personB");
    if (!isUuid(d.uuid)) {
        throw Error(ErrorCode::Validation, "bundle: a match decision has an invalid uuid", "uuid");
    }
    if (!isUuid(a) || !isUuid(b) || a == b) {
        throw Error(ErrorCode::Validation, "bundle: a match decision must name two different persons by uuid",
                    "personB");
    }
    d.pair = PersonPair::of(a, b);
    const bool inOrder = d.pair.first == a;
    const auto verdict = matchVerdictFromString(text(j, "decision"));
    if (!verdict) {
        throw Error(ErrorCode::Validation, "bundle: a match decision has an unknown decision", "decision");
    }
    d.verdict = *verdict;
    d.rationale = text(j, "rationale");
    d.decidedBy = text(j, "decidedBy");
    d.decidedAt = instant(j, "decidedAt");
    const std::string fingerprintA = text(j, "fingerprintA");
    const std::string fingerprintB = text(j, "fingerprintB");
    d.fingerprintFirst = inOrder ? fingerprintA : fingerprintB;
    d.fingerprintSecond = inOrder ? fingerprintB : fingerprintA;
    return d;
}

bool sameDecision(const MatchDecision& a, const MatchDecision& b)
{
    return a.uuid == b.uuid && a.pair == b.pair && a.verdict == b.verdict && a.rationale == b.rationale &&
           a.decidedBy == b.decidedBy && a.decidedAt == b.decidedAt && a.fingerprintFirst == b.fingerprintFirst &&
           a.fingerprintSecond == b.fingerprintSecond;
}

} // namespace wb::core::bundle
