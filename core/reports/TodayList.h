// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <vector>

#include "core/deadlines/DeadlineService.h"
#include "core/domain/Time.h"

namespace wb::core {
class Workspace;
}

namespace wb::core::reports {

/// How far ahead the Today list looks: the Today view's horizon.
inline constexpr std::chrono::days kTodayHorizon{14};

/// The officer's Today list as printed (report kind "today"): every open item of every open case, overdue (oldest
/// first), due today, then due within kTodayHorizon, as DeadlineService::today() orders them; none left out.
/// Throws core::Error (Locked, Storage).
std::vector<deadlines::DueItem>
todayList(Workspace& workspace, const deadlines::DeadlineService& deadlines, Instant now);

} // namespace wb::core::reports
