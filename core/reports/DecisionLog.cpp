// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/reports/DecisionLog.h"

#include <algorithm>
#include <map>
#include <string>

#include "core/Workspace.h"
#include "core/records/RecordSpec.h"
#include "core/records/RecordTypes.h"

namespace wb::core::reports {

std::vector<DecisionLogEntry> decisionLog(Workspace& workspace, std::int64_t caseId)
{
    return decisionLog(workspace.records().listForCase(recordSpec(recordtype::kDecision), caseId));
}

std::vector<DecisionLogEntry> decisionLog(std::vector<Record> decisions)
{
    // decided_at is an ISO instant in UTC ("YYYY-MM-DDTHH:MM:SSZ"), so its text sorts as time does.
    std::stable_sort(decisions.begin(), decisions.end(), [](const Record& a, const Record& b) {
        const auto& at = a.get("decided_at");
        const auto& bt = b.get("decided_at");
        return at != bt ? at < bt : a.id < b.id;
    });
    std::vector<DecisionLogEntry> log;
    log.reserve(decisions.size());
    std::map<std::string, std::size_t> numberOf; // record id → entry number
    for (auto& record : decisions) {
        DecisionLogEntry entry;
        entry.number = log.size() + 1;
        numberOf[std::to_string(record.id)] = entry.number;
        entry.record = std::move(record);
        log.push_back(std::move(entry));
    }
    for (auto& entry : log) {
        const auto& supersedes = entry.record.get("supersedes_id");
        if (supersedes.empty()) {
            continue;
        }
        const auto it = numberOf.find(supersedes);
        if (it == numberOf.end()) {
            continue; // the link names a decision of no entry here (the record rule keeps it in the same case)
        }
        entry.supersedes = it->second;
        log[it->second - 1].supersededBy = entry.number;
    }
    return log;
}

} // namespace wb::core::reports
