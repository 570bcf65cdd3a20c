// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <vector>

#include <QCoreApplication>
#include <QString>

#include "core/domain/Case.h"
#include "core/reports/VictimContactLog.h"
#include "ui/reports/Report.h"

namespace wb::core {
class ReferenceData;
}

namespace wb::ui::reports {

/// The victim contact log and Victims' Code record of a case (report kind "victim-contact"): for each victim, the
/// contact plan in force and the ones it replaced, every contact in the order made, what was done to meet each
/// right of the Code, enhanced rights and the Victims' Right to Review. Privacy mode names the victim by initials and
/// leaves out every field the record keeps as sensitive (safe times, what was explained, the victim's views).
class VictimContactReport
{
    Q_DECLARE_TR_FUNCTIONS(wb::ui::reports::VictimContactReport)

public:
    static Report layout(const core::Case& theCase,
                         const std::vector<core::reports::VictimContactSection>& victims,
                         const core::ReferenceData& lists,
                         const ReportOptions& options);
};

} // namespace wb::ui::reports
