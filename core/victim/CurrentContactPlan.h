// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

namespace wb::core::victim {

/// What the "which contact plan is current" rule looks at in one contact plan entry.
struct PlanEntry {
    std::int64_t id = 0;
    std::int64_t victimId = 0;
    std::chrono::year_month_day agreedOn;
    std::optional<std::int64_t> supersedesId;
};

/// The one rule for a victim's current contact plan, used by the Victim tab (through
/// currentContactPlan) and by the deadline engine: among the victim's entries that no
/// other entry (of any victim) supersedes, the latest agreed; on the same day, the
/// later entry (the higher id). Returns its index in `plans`, or nothing when the
/// victim has no plan.
std::optional<std::size_t> currentPlanIndex(const std::vector<PlanEntry>& plans, std::int64_t victimId);

} // namespace wb::core::victim
