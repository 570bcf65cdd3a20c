// SPDX-License-Identifier: GPL-3.0-or-later
// The stored due list (schema 8): every unmet item of every open case, kept in the workspace file
// so the Today list and the case list's counts are indexed reads however many cases there are.
//
// It is derived data. Triggers on every table the rules read mark a case in due_dirty in the same
// transaction as the change (so a crash cannot leave a stale item unmarked); refresh() re-evaluates
// only the marked cases. A fingerprint of the rules, the bank holidays, the catalogues and the app
// version is kept in meta: when it differs, every case is re-evaluated.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "core/deadlines/DeadlineService.h"

namespace wb::core::store {
class Database;
}

namespace wb::core::deadlines {

/// What refresh() needs to evaluate a case.
struct DueIndexInputs {
    const RuleSet* rules = nullptr;
    const Calendar* calendar = nullptr;
    const nom::EnquiryCatalogue* enquiries = nullptr;
    const nom::QuestionCatalogue* questions = nullptr;
    std::string fingerprint; ///< changes whenever anything the evaluation depends on changes
    /// Called by refreshDueIndex() with (cases done, cases to do): once before the first batch and
    /// after each batch, so a long refresh (every case, after an update) can show how far it is.
    std::function<void(std::size_t done, std::size_t total)> progress;
};

/// How much refresh() did.
struct DueIndexRefresh {
    bool rebuilt = false;  ///< the fingerprint differed: every case was re-evaluated
    std::size_t cases = 0; ///< cases re-evaluated
    std::size_t items = 0; ///< items stored for them
};

/// Re-evaluates the cases marked since the last refresh (all of them when the fingerprint
/// changed), in batches of `batchSize` cases, each batch one transaction. Nests inside an open
/// transaction as a savepoint.
DueIndexRefresh refreshDueIndex(store::Database& db, const DueIndexInputs& inputs, std::size_t batchSize = 500);

/// Compares the stored due list with a fresh evaluation, in memory (reads only): every case not
/// marked in due_dirty must hold exactly the items the rules give for its records now, and no item
/// may belong to a case that is gone. A marked case, or every case when the stored fingerprint is
/// not `inputs.fingerprint`, is re-evaluated before the list is next read, so it is not judged.
/// One problem per wrong case, naming its id, never its content.
std::vector<std::string> verifyDueIndex(store::Database& db, const DueIndexInputs& inputs);

/// Empties the due list and re-evaluates every case (`repair`). Touches no audited table.
DueIndexRefresh rebuildDueIndex(store::Database& db, const DueIndexInputs& inputs);

/// Open items from the stored list, most urgent first: those due by `until`, and those due later whose
/// warning has started by `now`. At most `limit` (0 = no limit). The state of each is set for `now`.
std::vector<DueItem>
storedOpenItems(store::Database& db, Instant now, Instant until, const DueFilter& filter, std::size_t limit);

/// Overdue / due today / due within 7 days per open case, from the stored list; only `caseIds`
/// when given. Reads only items due within the next 7 days (an index range).
std::map<std::int64_t, CaseDueCounts>
storedCounts(store::Database& db, Instant now, const std::vector<std::int64_t>& caseIds);

/// The stored form of an item (JSON), and back. Exposed for tests.
std::string encodeDueItem(const DueItem& item);
DueItem decodeDueItem(const std::string& text);

} // namespace wb::core::deadlines
