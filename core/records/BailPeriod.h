// SPDX-License-Identifier: GPL-3.0-or-later
// Pre-charge bail periods under PACE 1984 Part IV (as amended by the Policing and Crime Act 2017 and the
// Police, Crime, Sentencing and Courts Act 2022): the bail start date is the day after the day of arrest
// (s.47ZB(4)(a)); a period of N months "beginning with" that day ends on the day before the corresponding
// date N months later; days on bail under s.37(7)(a) awaiting a CPS charging decision are not counted
// (s.47ZL). Dates are ISO "YYYY-MM-DD"; no clock, no database.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace wb::core::bail {

/// A period on bail under s.37(7)(a) awaiting a CPS charging decision: first and last day (inclusive).
/// An empty `to` means it has not ended yet: the bail clock is paused.
struct Pause {
    std::string from;
    std::string to;
};

/// How an applicable bail period's end was computed.
struct Period {
    std::string arrestedOn;                 ///< the day of arrest
    std::string startDate;                  ///< the bail start date: the day after the arrest (s.47ZB(4)(a))
    std::string statutoryEnd;               ///< the end before any day is disregarded
    std::string end;                        ///< statutoryEnd plus the disregarded days; empty while paused
    int disregardedDays = 0;                ///< days of ended pauses that began on or before the end
    std::optional<std::string> pausedSince; ///< the first day of a pause that has not ended
};

/// "2026-05-01" for "2026-04-30"; std::nullopt when the text is not a real ISO date.
std::optional<std::string> bailStartDate(std::string_view arrestedOn);
/// The last day of the period of `months` months beginning with `start`: the day before the
/// corresponding date (1 May + 3 months -> 31 July); when that month has no corresponding date, its
/// last day (30 November + 3 months -> the end of February). std::nullopt for a malformed date.
std::optional<std::string> endOfMonthsBeginningWith(std::string_view start, int months);
/// The initial applicable bail period (3 months beginning with the bail start date, s.47ZB(1)).
std::optional<std::string> initialBailEnd(std::string_view arrestedOn);
/// The number of days from `from` to `to`, both included; 0 when either is malformed or to < from.
int daysInclusive(std::string_view from, std::string_view to);
/// `date` plus n days; empty for a malformed date.
std::string addDays(std::string_view date, int n);

/// The end of a bail period that would otherwise end on `end` (the initial end or the latest
/// extension's), with the pauses counted out: each ended pause that began on or before the
/// (moving) end adds its days; a pause not yet ended that began on or before it pauses the clock.
Period applyPauses(std::string_view arrestedOn, std::string_view end, std::vector<Pause> pauses);

} // namespace wb::core::bail
