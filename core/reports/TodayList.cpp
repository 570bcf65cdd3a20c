// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/reports/TodayList.h"

namespace wb::core::reports {

std::vector<deadlines::DueItem>
todayList(Workspace& workspace, const deadlines::DeadlineService& deadlines, Instant now)
{
    return deadlines.today(workspace, now, {}, kTodayHorizon, 0);
}

} // namespace wb::core::reports
