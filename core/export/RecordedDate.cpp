// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/export/RecordedDate.h"

#include <array>
#include <chrono>

#include <fmt/format.h>

#include "core/domain/LondonTime.h"
#include "core/domain/Time.h"

namespace wb::core::exports {

namespace {

/// "2019-05-01" → "01/05/2019"; anything else unchanged.
std::string ukDay(const std::string& iso)
{
    if (!isValidIsoDate(iso)) {
        return iso;
    }
    return iso.substr(8, 2) + "/" + iso.substr(5, 2) + "/" + iso.substr(0, 4);
}

struct London {
    std::string isoDate;
    std::string ukDate;
    std::string time;
};

std::optional<London> london(const std::string& isoInstant)
{
    const auto instant = parseIsoUtc(isoInstant);
    if (!instant) {
        return std::nullopt;
    }
    const auto local = london::toLondon(*instant);
    const int y = static_cast<int>(local.date.year());
    const unsigned m = static_cast<unsigned>(local.date.month());
    const unsigned d = static_cast<unsigned>(local.date.day());
    const auto minutes = local.timeOfDay.count() / 60;
    return London{fmt::format("{:04}-{:02}-{:02}", y, m, d), fmt::format("{:02}/{:02}/{:04}", d, m, y),
                  fmt::format("{:02}:{:02}", minutes / 60, minutes % 60)};
}

constexpr std::array<const char*, 12> MonthNames = {"January",   "February", "March",    "April",
                                                    "May",       "June",     "July",     "August",
                                                    "September", "October",  "November", "December"};

} // namespace

std::string asRecorded(const ApproxDate& date)
{
    using P = ApproxDate::Precision;
    switch (date.precision) {
    case P::Unknown: return "unknown";
    case P::Exact:
        if (const auto local = london(date.from)) {
            return local->ukDate + " " + local->time;
        }
        return date.from;
    case P::Day: return ukDay(date.from);
    case P::Month:
        if (isValidIsoDate(date.from)) {
            const int month = std::stoi(date.from.substr(5, 2));
            return std::string(MonthNames.at(static_cast<std::size_t>(month - 1))) + " " + date.from.substr(0, 4);
        }
        return date.from;
    case P::Year: return date.from.substr(0, 4);
    case P::Between: return "between " + ukDay(date.from) + " and " + ukDay(date.to);
    }
    return "unknown";
}

SingleDate singleDate(const ApproxDate& date)
{
    if (date.precision == ApproxDate::Precision::Exact) {
        if (const auto local = london(date.from)) {
            return SingleDate{local->isoDate, local->time};
        }
    }
    if (date.precision == ApproxDate::Precision::Day) {
        return SingleDate{date.from, {}};
    }
    return {};
}

} // namespace wb::core::exports
