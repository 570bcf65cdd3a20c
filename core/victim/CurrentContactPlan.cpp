// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/victim/CurrentContactPlan.h"

#include <algorithm>
#include <set>
#include <tuple>

namespace wb::core::victim {

std::optional<std::size_t> currentPlanIndex(const std::vector<PlanEntry>& plans, std::int64_t victimId)
{
    std::set<std::int64_t> superseded;
    for (const auto& plan : plans) {
        if (plan.supersedesId) {
            superseded.insert(*plan.supersedesId);
        }
    }
    std::optional<std::size_t> best;
    for (std::size_t i = 0; i < plans.size(); ++i) {
        const auto& plan = plans[i];
        if (plan.victimId != victimId || superseded.count(plan.id) > 0) {
            continue;
        }
        const auto key = [](const PlanEntry& p) { return std::make_tuple(std::chrono::sys_days{p.agreedOn}, p.id); };
        if (!best || key(plan) > key(plans[*best])) {
            best = i;
        }
    }
    return best;
}

} // namespace wb::core::victim
