// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Workspace.h"
#include "core/domain/Clock.h"

namespace wb::ui {

/// "Now" for the GUI: the open workspace's clock (Workspace::clock(), where a test sets the date),
/// the system's when there is no workspace. Every widget that needs the time reads it here.
inline core::Instant workspaceNow(const core::Workspace* workspace)
{
    return workspace != nullptr ? workspace->clock().now() : core::Clock::system().now();
}

} // namespace wb::ui
