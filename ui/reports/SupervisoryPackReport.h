// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>

#include "core/reports/SupervisoryPack.h"
#include "ui/reports/Report.h"

namespace wb::core {
class ReferenceData;
}

namespace wb::ui::reports {

/// The supervisory review pack of a case (report kind "review-pack"): when the plan was last reviewed and what changed
/// since (lines newly proposed or no longer proposed, records added and changed, the decisions made), the deadlines
/// overdue and due within a week, and the intrusive enquiries and third-party material requests awaiting the
/// supervisor's review with the justification given for each.
class SupervisoryPackReport
{
    Q_DECLARE_TR_FUNCTIONS(wb::ui::reports::SupervisoryPackReport)

public:
    static Report
    layout(const core::reports::SupervisoryPack& pack, const core::ReferenceData& lists, const ReportOptions& options);
};

} // namespace wb::ui::reports
