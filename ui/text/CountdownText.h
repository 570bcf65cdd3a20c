// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>

#include "core/deadlines/Countdown.h"

namespace wb::ui {

/// The words for a span of time to or since a closing instant, the same in the Plan tab and Today (issue 14):
/// "38 hours" under two days, "2 days 4 hours" beyond, "35 minutes" in the last hour. Core counts
/// (core/deadlines/Countdown); this only words it.
class CountdownText
{
    Q_DECLARE_TR_FUNCTIONS(wb::ui::CountdownText)

public:
    /// "38 hours", "2 days", "2 days 4 hours", "1 hour", "35 minutes", "less than a minute".
    static QString span(const core::deadlines::Countdown& countdown);
    /// span(countdown(due, now)).
    static QString span(core::Instant due, core::Instant now);
};

} // namespace wb::ui
