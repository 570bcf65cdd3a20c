// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/deadlines/Countdown.h"

namespace wb::core::deadlines {

Countdown countdown(Instant due, Instant now) noexcept
{
    Countdown c;
    c.past = now > due;
    const long long total = std::chrono::duration_cast<std::chrono::seconds>(c.past ? now - due : due - now).count();
    constexpr long long Hour = 3600;
    constexpr long long Day = 24 * Hour;
    if (total >= 2 * Day) {
        c.days = total / Day;
        c.hours = (total % Day) / Hour;
    } else if (total >= Hour) {
        c.hours = total / Hour;
    } else {
        c.minutes = total / 60;
    }
    return c;
}

} // namespace wb::core::deadlines
