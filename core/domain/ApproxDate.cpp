// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/domain/ApproxDate.h"

#include <chrono>

#include <fmt/format.h>

#include "core/Error.h"
#include "core/domain/Time.h"

namespace wb::core {

namespace {

constexpr std::string_view Names[] = {"unknown", "exact", "day", "month", "year", "between"};

std::chrono::year_month_day ymd(std::string_view isoDate)
{
    const int y = std::stoi(std::string(isoDate.substr(0, 4)));
    const unsigned m = static_cast<unsigned>(std::stoi(std::string(isoDate.substr(5, 2))));
    const unsigned d = static_cast<unsigned>(std::stoi(std::string(isoDate.substr(8, 2))));
    return std::chrono::year_month_day{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

std::string lastDayOfMonth(std::string_view isoDate)
{
    const auto date = ymd(isoDate);
    const std::chrono::year_month_day_last last{date.year(), std::chrono::month_day_last{date.month()}};
    return fmt::format("{}-{:02}", isoDate.substr(0, 7), static_cast<unsigned>(last.day()));
}

[[noreturn]] void invalid(const char* field, const std::string& what)
{
    throw Error(ErrorCode::Validation, std::string(field) + ": " + what, field);
}

} // namespace

std::string_view toString(ApproxDate::Precision precision) noexcept
{
    return Names[static_cast<int>(precision)];
}

std::optional<ApproxDate::Precision> precisionFromString(std::string_view text) noexcept
{
    for (int i = 0; i < 6; ++i) {
        if (Names[i] == text) {
            return static_cast<ApproxDate::Precision>(i);
        }
    }
    return std::nullopt;
}

ApproxDate ApproxDate::exact(std::string isoInstant)
{
    return {Precision::Exact, isoInstant, std::move(isoInstant)};
}

ApproxDate ApproxDate::day(std::string isoDate)
{
    return {Precision::Day, isoDate, std::move(isoDate)};
}

ApproxDate ApproxDate::month(std::string_view yearMonth)
{
    const std::string first = std::string(yearMonth) + "-01";
    if (!isValidIsoDate(first)) {
        return {Precision::Month, first, first};
    }
    return {Precision::Month, first, lastDayOfMonth(first)};
}

ApproxDate ApproxDate::year(int y)
{
    return {Precision::Year, fmt::format("{:04}-01-01", y), fmt::format("{:04}-12-31", y)};
}

ApproxDate ApproxDate::between(std::string fromDate, std::string toDate)
{
    return {Precision::Between, std::move(fromDate), std::move(toDate)};
}

void ApproxDate::validate(const char* field) const
{
    switch (precision) {
    case Precision::Unknown:
        if (!from.empty() || !to.empty()) {
            invalid(field, "an unknown date has no start or end");
        }
        return;
    case Precision::Exact:
        if (!parseIsoUtc(from) || from != to) {
            invalid(field, "an exact date needs a date and time");
        }
        return;
    case Precision::Day:
        if (!isValidIsoDate(from) || from != to) {
            invalid(field, "a day must be a valid date");
        }
        return;
    case Precision::Month:
        if (!isValidIsoDate(from) || from.substr(8) != "01" || to != lastDayOfMonth(from)) {
            invalid(field, "a month runs from its first to its last day");
        }
        return;
    case Precision::Year:
        if (!isValidIsoDate(from) || from.substr(4) != "-01-01" || to != from.substr(0, 4) + "-12-31") {
            invalid(field, "a year runs from 1 January to 31 December");
        }
        return;
    case Precision::Between:
        if (!isValidIsoDate(from) || !isValidIsoDate(to)) {
            invalid(field, "both ends of the range must be valid dates");
        }
        if (to < from) {
            invalid(field, "the end of the range is before its start");
        }
        return;
    }
}

std::string ApproxDate::encode() const
{
    return std::string(toString(precision)) + "|" + from + "|" + to;
}

std::optional<ApproxDate> ApproxDate::parse(std::string_view text)
{
    const auto first = text.find('|');
    const auto second = first == std::string_view::npos ? first : text.find('|', first + 1);
    if (second == std::string_view::npos) {
        return std::nullopt;
    }
    const auto precision = precisionFromString(text.substr(0, first));
    if (!precision) {
        return std::nullopt;
    }
    return ApproxDate{*precision, std::string(text.substr(first + 1, second - first - 1)),
                      std::string(text.substr(second + 1))};
}

std::string ApproxDate::earliestDay() const
{
    return from.substr(0, 10);
}

} // namespace wb::core
