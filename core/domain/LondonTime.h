// SPDX-License-Identifier: GPL-3.0-or-later
// Europe/London local time, the one implementation the core and the UI use: read from the system's
// time-zone database (tzdata) through Howard Hinnant's date/tz. Never falls back to UTC: when the
// database or the zone is missing, every function throws Error(Io) saying so.
#pragma once

#include <chrono>

#include "core/domain/Time.h"

namespace wb::core {

/// An instant as a clock on a wall in London shows it.
struct LondonTime {
    std::chrono::year_month_day date;  ///< the London calendar date
    std::chrono::seconds timeOfDay{0}; ///< since London midnight, 0..86399
    bool summerTime = false;           ///< British Summer Time (UTC+1) rather than GMT
};

namespace london {

/// Throws Error(Io) "the system time-zone database has no Europe/London ..." when tzdata is missing
/// or unreadable; every function below calls it first.
void requireTimeZone();

/// Europe/London's offset from UTC at an instant (0 for GMT, 1 hour for BST).
std::chrono::seconds offset(Instant instant);
LondonTime toLondon(Instant instant);
/// The London date of an instant.
std::chrono::year_month_day date(Instant instant);
/// A London wall-clock time as UTC. A time the clocks skip (01:00-01:59 on the last Sunday of
/// March) is read with the offset before the change (01:30 → 01:30 UTC, shown as 02:30 BST); a time
/// they show twice (01:00-01:59 on the last Sunday of October) is the first of the two (BST).
Instant fromLondon(std::chrono::year_month_day date, std::chrono::seconds timeOfDay);
/// 00:00:00 London time on that date, as UTC.
Instant midnight(std::chrono::year_month_day date);

} // namespace london
} // namespace wb::core
