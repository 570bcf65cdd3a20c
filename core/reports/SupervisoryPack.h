// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/deadlines/DeadlineService.h"
#include "core/domain/Case.h"
#include "core/domain/Time.h"
#include "core/plan/InvestigationPlan.h"
#include "core/reports/CaseSummary.h"
#include "core/reports/DecisionLog.h"

namespace wb::core {
class Workspace;
}

namespace wb::core::reports {

/// What a supervisor reads before reviewing a case (report kind "review-pack"): what changed since the plan was last
/// reviewed, what is overdue or due soon, and what awaits their review.
struct SupervisoryPack {
    Case theCase;
    /// The latest plan review (plan_snapshot), and when it was taken; nothing when the plan was never reviewed (then
    /// "since the last review" means since the case was opened).
    std::optional<Record> lastReview;
    std::optional<Instant> since;
    /// Catalogue lines proposed now and not at the last review, and the reverse (their plan items; an id no longer
    /// in the catalogue has no entry).
    std::vector<plan::PlanItem> newlyProposed;
    std::vector<std::string> noLongerProposed;
    /// Records of each type added, and changed (updated after being added), since the last review, in the
    /// workspace's order of types; types with neither are left out.
    std::vector<RecordCount> added;
    std::vector<RecordCount> changed;
    /// Decisions made since the last review, numbered as in the whole decision log.
    std::vector<DecisionLogEntry> decisionsSince;
    /// The case's deadlines that are overdue (oldest first), and those due today or within the next 7 days (soonest
    /// first), from the deadline rules (core/deadlines).
    std::vector<deadlines::DueItem> overdue;
    std::vector<deadlines::DueItem> dueSoon;
    /// Lines of enquiry that intrude on the victim's private life awaiting supervisory review, and third-party
    /// material requests awaiting it.
    std::vector<Record> enquiriesAwaitingReview;
    std::vector<Record> requestsAwaitingReview;
    PlanCounts plan;
};

/// How far ahead "due soon" looks.
inline constexpr int kDueSoonDays = 7;

/// Reads the pack of a case at `now`, with `plan` built at the same `now`. Throws core::Error (NotFound for an
/// unknown case, Locked, Storage).
SupervisoryPack supervisoryPack(Workspace& workspace,
                                std::int64_t caseId,
                                const plan::PlanView& plan,
                                const deadlines::DeadlineService& deadlines,
                                Instant now);

} // namespace wb::core::reports
