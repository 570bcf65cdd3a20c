// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "core/repo/RecordRepository.h"

namespace wb::core {
class Workspace;
}

namespace wb::core::reports {

/// One entry of a case's decision log as a report prints it.
struct DecisionLogEntry {
    std::size_t number = 0; ///< 1 for the first decision made; entries are numbered in the order printed
    Record record;
    /// The number of the entry this one corrects (its supersedes_id), when it corrects one.
    std::optional<std::size_t> supersedes;
    /// The number of the later entry that corrects this one: then this entry is superseded. An entry is
    /// superseded at most once (the record rule), so the history stays one line.
    std::optional<std::size_t> supersededBy;
    bool superseded() const noexcept { return supersededBy.has_value(); }
};

/// Every decision of a case, superseded ones included, in the order they were made (decided_at, then the order
/// they were recorded), numbered from 1, each linked to the entry it corrects and the entry that corrects it.
/// Nothing is left out: a decision log is printed whole. Throws what the repository throws (Locked, Storage).
std::vector<DecisionLogEntry> decisionLog(Workspace& workspace, std::int64_t caseId);

/// The same from records already read (the decisions of one case, in any order): pure.
std::vector<DecisionLogEntry> decisionLog(std::vector<Record> decisions);

} // namespace wb::core::reports
