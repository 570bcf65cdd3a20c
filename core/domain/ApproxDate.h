// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace wb::core {

/// A date as precisely as it is known, and no more. Non-recent reports often give
/// "spring 2009" or "sometime in 1998": the workbench never invents an exact date.
///
///   Exact    from == to == an instant "YYYY-MM-DDTHH:MM:SSZ"
///   Day      from == to == "YYYY-MM-DD"
///   Month    from = first day, to = last day of that month
///   Year     from = 1 January, to = 31 December
///   Between  from <= to, both "YYYY-MM-DD"
///   Unknown  both empty
struct ApproxDate {
    enum class Precision { Unknown, Exact, Day, Month, Year, Between };

    Precision precision = Precision::Unknown;
    std::string from;
    std::string to;

    static ApproxDate unknown() { return {}; }
    static ApproxDate exact(std::string isoInstant);
    static ApproxDate day(std::string isoDate);
    /// month is "YYYY-MM"
    static ApproxDate month(std::string_view yearMonth);
    static ApproxDate year(int year);
    static ApproxDate between(std::string fromDate, std::string toDate);

    /// Throws Error(Validation) naming `field` when the parts do not fit the precision
    /// (a malformed date, an end before the start, a month that is not whole…).
    void validate(const char* field) const;

    /// "between|2019-05-01|2019-08-31": the stored form; parse() reads it back.
    std::string encode() const;
    static std::optional<ApproxDate> parse(std::string_view text);

    /// The earliest day it could be, "YYYY-MM-DD" (empty when unknown): for sorting.
    std::string earliestDay() const;

    bool operator==(const ApproxDate&) const = default;
};

std::string_view toString(ApproxDate::Precision precision) noexcept;
std::optional<ApproxDate::Precision> precisionFromString(std::string_view text) noexcept;

} // namespace wb::core
