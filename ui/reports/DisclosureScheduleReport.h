// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>

#include "core/disclosure/DisclosureSchedules.h"
#include "core/reports/ReportKind.h"
#include "ui/reports/Report.h"

namespace wb::ui::reports {

/// The draft disclosure schedules of a case (report kinds "mg6c", "mg6d", "mg6e"), laid out with the fields of the
/// national file standard's forms and marked as drafts for the disclosure officer:
/// - MG6C, non-sensitive unused material: item, description and relevant date, location, a column for the
///   prosecutor;
/// - MG6D, sensitive unused material: item, description, reason for sensitivity, a column for the prosecutor;
/// - MG6E, the disclosure officer's report: the items that might undermine the prosecution case or assist the
///   defence, with why, what each schedule holds, what is still to complete, and the declaration to sign.
/// Which item is on which schedule, and its number there, comes from core::disclosure: an item marked sensitive is
/// never on the MG6C.
class DisclosureScheduleReport
{
    Q_DECLARE_TR_FUNCTIONS(wb::ui::reports::DisclosureScheduleReport)

public:
    /// `kind` is one of DisclosureMG6C, DisclosureMG6D, DisclosureMG6E.
    static Report layout(core::reports::ReportKind kind,
                         const core::disclosure::DisclosureSchedules& schedules,
                         const ReportOptions& options);
};

} // namespace wb::ui::reports
