// SPDX-License-Identifier: GPL-3.0-or-later
// The thin, impure half of the deadline engine: reads the records the rules need, for one case or
// for every open case, with one set-based query per table (driven from the cases table through the
// per-table case_id indexes), and hands them to the pure engine as snapshots.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "core/deadlines/CaseEvaluation.h"

namespace wb::core {
namespace store {
class Database;
}
namespace nom {
class QuestionCatalogue;
}
} // namespace wb::core

namespace wb::core::deadlines {

/// Which cases to read.
struct CaseSelection {
    std::optional<std::int64_t> caseId; ///< one case (open or closed)
    std::vector<std::int64_t> caseIds;  ///< when caseId is empty: these open cases; empty means every open case
};

/// Snapshots in case-id order. `questions` (may be null) reads the context answers into facts; with
/// `withFacts` false they are not read at all. Reads only: never writes.
std::vector<CaseSnapshot> collectSnapshots(store::Database& db,
                                           const CaseSelection& selection,
                                           const nom::QuestionCatalogue* questions,
                                           bool withFacts);

} // namespace wb::core::deadlines
