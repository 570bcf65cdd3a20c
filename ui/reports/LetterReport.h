// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>

#include "core/domain/Time.h"
#include "core/letters/VictimLetter.h"
#include "ui/reports/Report.h"

namespace wb::ui::reports {

/// A victim letter on paper (report kind "victim-letter"): the date, the heading, the crime reference and the
/// letter's paragraphs as core::letters wrote them. Printed as the victim will read it: privacy mode does not
/// shorten it (the dialog says so).
class LetterReport
{
    Q_DECLARE_TR_FUNCTIONS(wb::ui::reports::LetterReport)

public:
    static Report layout(const core::letters::VictimLetter& letter, core::Instant now);
};

} // namespace wb::ui::reports
