// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>

#include "core/Workspace.h"
#include "core/domain/Clock.h"
#include "core/domain/LondonTime.h"

namespace wb::ui {

/// "Now" for the GUI: the open workspace's clock (Workspace::clock(), where a test sets the date),
/// the system's when there is no workspace. Every widget that needs the time reads it here.
inline core::Instant workspaceNow(const core::Workspace* workspace)
{
    return workspace != nullptr ? workspace->clock().now() : core::Clock::system().now();
}

/// Today in the UK (Europe/London) on the workspace's clock: the default of every date field.
inline std::chrono::year_month_day workspaceToday(const core::Workspace* workspace)
{
    return core::london::date(workspaceNow(workspace));
}

} // namespace wb::ui
