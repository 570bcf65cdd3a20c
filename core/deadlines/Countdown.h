// SPDX-License-Identifier: GPL-3.0-or-later
// How long until (or since) a closing instant, in the units every view uses (issue 14): hours when under two
// days ("closes in 38 hours", not "1 day 14 hours" in one view and "2 days" in another), days and hours beyond,
// minutes in the last hour. The words are the UI's; the counting is here, once.
#pragma once

#include "core/domain/Time.h"

namespace wb::core::deadlines {

struct Countdown {
    bool past = false;     ///< the instant has passed: the span is how long ago
    long long days = 0;    ///< whole days; 0 whenever the span is under two days
    long long hours = 0;   ///< hours after the whole days (under two days: every whole hour, 0-47)
    long long minutes = 0; ///< whole minutes, only when the span is under an hour (else 0)

    bool operator==(const Countdown&) const = default;
};

/// The span between `now` and `due`, rounded down to the unit shown: two days or more -> days + hours;
/// one hour to two days -> hours only; under an hour -> minutes (0 = "less than a minute").
Countdown countdown(Instant due, Instant now) noexcept;

} // namespace wb::core::deadlines
