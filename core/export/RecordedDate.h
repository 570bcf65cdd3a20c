// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

#include "core/domain/ApproxDate.h"

namespace wb::core::exports {

/// A date as the officer recorded it, in words for a reader (UK English, dates dd/MM/yyyy, times in
/// Europe/London), never sharper than recorded: "14/03/2026 21:30", "14/03/2026", "March 2026",
/// "2009", "between 01/05/2019 and 31/08/2019", "unknown".
std::string asRecorded(const ApproxDate& date);

/// The parts an analyst's tool can read as one date: the London calendar date "YYYY-MM-DD" and time
/// "HH:MM" for an exact date, the date alone for a day, both empty for anything less precise.
struct SingleDate {
    std::string date;
    std::string time;
};
SingleDate singleDate(const ApproxDate& date);

} // namespace wb::core::exports
