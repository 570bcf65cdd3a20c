// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <vector>

#include <QCoreApplication>
#include <QString>

#include "core/deadlines/DeadlineService.h"
#include "core/domain/Time.h"
#include "ui/reports/Report.h"

namespace wb::ui::reports {

/// The officer's Today list on paper (report kind "today"): what is overdue, then each day's items from today to two
/// weeks ahead (Europe/London days), each with when it is due, the case's crime reference, what to do and why. The
/// items carry no personal data (core/deadlines words them so), so privacy mode changes nothing here but is still
/// said on the first page when on.
class TodayReport
{
    Q_DECLARE_TR_FUNCTIONS(wb::ui::reports::TodayReport)

public:
    static Report
    layout(const std::vector<core::deadlines::DueItem>& items, core::Instant now, const ReportOptions& options);

    /// The group an item is printed under: "Overdue", "Today, Monday 07/12/2026", "Tomorrow, Tuesday 08/12/2026" or
    /// "Wednesday 09/12/2026" (its due day in Europe/London).
    static QString group(const core::deadlines::DueItem& item, core::Instant now);
};

} // namespace wb::ui::reports
