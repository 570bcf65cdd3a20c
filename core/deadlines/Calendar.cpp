// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/deadlines/Calendar.h"

#include <algorithm>
#include <charconv>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/Error.h"
#include "core/nom/NomJson.h"

namespace wb::core::deadlines {

namespace detail = nom::detail;
using namespace std::chrono;

namespace {

bool isWeekend(Date date)
{
    const weekday wd{sys_days{date}};
    return wd == Saturday || wd == Sunday;
}

[[noreturn]] void outOfRange(Date date, int first, int last)
{
    throw Error(ErrorCode::ReferenceData,
                fmt::format("bank holidays of England and Wales are known for {}-{} only; {} is outside them: "
                            "update bank-holidays-england-wales.json",
                            first, last, toIsoDate(date)));
}

int requireYear(const nlohmann::json& doc, const char* field, std::string_view origin)
{
    const auto it = doc.find(field);
    if (it == doc.end() || !it->is_number_integer() || it->get<long long>() < 1996 || it->get<long long>() > 9999) {
        detail::fail(origin, std::string("top level: '") + field + "' must be a whole year from 1996 to 9999");
    }
    return static_cast<int>(it->get<long long>());
}

} // namespace

std::optional<Date> parseIsoDate(std::string_view text)
{
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
        return std::nullopt;
    }
    int parts[3] = {0, 0, 0};
    const std::size_t starts[3] = {0, 5, 8};
    const std::size_t lengths[3] = {4, 2, 2};
    for (int i = 0; i < 3; ++i) {
        for (std::size_t k = starts[i]; k < starts[i] + lengths[i]; ++k) {
            if (text[k] < '0' || text[k] > '9') {
                return std::nullopt;
            }
        }
        std::from_chars(text.data() + starts[i], text.data() + starts[i] + lengths[i], parts[i]);
    }
    const Date date{year{parts[0]}, month{static_cast<unsigned>(parts[1])}, day{static_cast<unsigned>(parts[2])}};
    if (!date.ok()) {
        return std::nullopt;
    }
    return date;
}

std::string toIsoDate(Date date)
{
    return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                       static_cast<unsigned>(date.day()));
}

Calendar Calendar::fromJson(std::string_view json, std::string_view origin)
{
    const auto doc = detail::parseTopLevel(json, origin);
    detail::rejectUnknownKeys(doc, {"kind", "format", "version", "source", "firstYear", "lastYear", "holidays"}, origin,
                              "top level");
    Calendar calendar;
    calendar.m_version = detail::checkHeader(doc, origin, "bank-holidays-england-wales");
    calendar.m_source = detail::requireString(doc, "source", origin, "top level");
    calendar.m_firstYear = requireYear(doc, "firstYear", origin);
    calendar.m_lastYear = requireYear(doc, "lastYear", origin);
    if (calendar.m_lastYear < calendar.m_firstYear) {
        detail::fail(origin, "top level: 'lastYear' must not be before 'firstYear'");
    }
    const auto list = doc.find("holidays");
    if (list == doc.end() || !list->is_array()) {
        detail::fail(origin, "top level: 'holidays' must be an array");
    }
    for (std::size_t i = 0; i < list->size(); ++i) {
        const auto& entry = (*list)[i];
        std::string where = "holiday " + std::to_string(i + 1);
        if (!entry.is_object()) {
            detail::fail(origin, where + ": must be an object");
        }
        detail::rejectUnknownKeys(entry, {"date", "title", "notes"}, origin, where);
        const std::string text = detail::requireString(entry, "date", origin, where);
        const auto date = parseIsoDate(text);
        if (!date) {
            detail::fail(origin, where + ": 'date' must be a date written YYYY-MM-DD");
        }
        where += " (" + text + ")";
        if (static_cast<int>(date->year()) < calendar.m_firstYear ||
            static_cast<int>(date->year()) > calendar.m_lastYear) {
            detail::fail(origin, where + ": 'date' is outside firstYear-lastYear");
        }
        if (isWeekend(*date)) {
            detail::fail(origin, where + ": 'date' falls on a weekend (a substitute day is the weekday it moves to)");
        }
        BankHoliday holiday{*date, detail::requireString(entry, "title", origin, where), {}};
        if (const auto notes = entry.find("notes"); notes != entry.end()) {
            if (!notes->is_string()) {
                detail::fail(origin, where + ": 'notes' must be a string");
            }
            holiday.notes = notes->get<std::string>();
        }
        calendar.m_holidays.push_back(std::move(holiday));
    }
    std::sort(calendar.m_holidays.begin(), calendar.m_holidays.end(),
              [](const BankHoliday& a, const BankHoliday& b) { return sys_days{a.date} < sys_days{b.date}; });
    for (std::size_t i = 1; i < calendar.m_holidays.size(); ++i) {
        if (calendar.m_holidays[i].date == calendar.m_holidays[i - 1].date) {
            detail::fail(origin, "holiday " + toIsoDate(calendar.m_holidays[i].date) + ": 'date' is listed twice");
        }
    }
    return calendar;
}

Calendar Calendar::fromFile(const std::filesystem::path& path)
{
    return fromJson(detail::readTextFile(path), path.filename().string());
}

seconds Calendar::londonOffset(Instant instant)
{
    return london::offset(instant);
}

LondonTime Calendar::toLondon(Instant instant)
{
    return london::toLondon(instant);
}

Instant Calendar::londonMidnight(Date date)
{
    return london::midnight(date);
}

Instant Calendar::endOfLondonDay(Date date)
{
    return londonMidnight(Date{sys_days{date} + days(1)}) - seconds(1);
}

bool Calendar::covers(Date date) const noexcept
{
    const int y = static_cast<int>(date.year());
    return y >= m_firstYear && y <= m_lastYear;
}

const BankHoliday* Calendar::holiday(Date date) const noexcept
{
    const auto it = std::lower_bound(m_holidays.begin(), m_holidays.end(), date,
                                     [](const BankHoliday& h, Date d) { return sys_days{h.date} < sys_days{d}; });
    return it != m_holidays.end() && it->date == date ? &*it : nullptr;
}

bool Calendar::isBankHoliday(Date date) const
{
    if (!covers(date)) {
        outOfRange(date, m_firstYear, m_lastYear);
    }
    return holiday(date) != nullptr;
}

bool Calendar::isWorkingDay(Date date) const
{
    return !isWeekend(date) && !isBankHoliday(date);
}

Date Calendar::addWorkingDays(Date date, int n) const
{
    sys_days d{date};
    for (int counted = 0; counted < n;) {
        d += days(1);
        if (isWorkingDay(Date{d})) {
            ++counted;
        }
    }
    return Date{d};
}

Instant Calendar::addWorkingDays(Instant event, int n) const
{
    return endOfLondonDay(addWorkingDays(londonDate(event), n));
}

Date Calendar::addWeekdays(Date date, int n) noexcept
{
    sys_days d{date};
    for (int counted = 0; counted < n;) {
        d += days(1);
        if (!isWeekend(Date{d})) {
            ++counted;
        }
    }
    return Date{d};
}

namespace {

/// Counts `hours` real hours from `from`, skipping every London day `skip` says to disregard.
template <typename Skip> Instant addHoursSkipping(Instant from, int hours, Skip skip)
{
    Instant at = from;
    auto remaining = std::chrono::duration_cast<Instant::duration>(std::chrono::hours(hours));
    while (remaining > Instant::duration::zero()) {
        const Date today = Calendar::londonDate(at);
        const Instant nextMidnight = Calendar::londonMidnight(Date{sys_days{today} + days(1)});
        if (!skip(today)) {
            const auto chunk = std::min(remaining, nextMidnight - at);
            at += chunk;
            remaining -= chunk;
            if (remaining == Instant::duration::zero()) {
                break;
            }
        }
        at = nextMidnight;
    }
    return at;
}

bool isSundayChristmasOrGoodFriday(Date date)
{
    if (weekday{sys_days{date}} == Sunday) {
        return true;
    }
    if (date.month() == December && date.day() == day(25)) {
        return true;
    }
    return date == Calendar::goodFriday(static_cast<int>(date.year()));
}

} // namespace

Date Calendar::goodFriday(int y) noexcept
{
    // Anonymous Gregorian algorithm (Meeus/Jones/Butcher) for Easter Sunday.
    const int a = y % 19;
    const int b = y / 100;
    const int c = y % 100;
    const int d = b / 4;
    const int e = b % 4;
    const int f = (b + 8) / 25;
    const int g = (b - f + 1) / 3;
    const int h = (19 * a + b - d - g + 15) % 30;
    const int i = c / 4;
    const int k = c % 4;
    const int l = (32 + 2 * e + 2 * i - h - k) % 7;
    const int m = (a + 11 * h + 22 * l) / 451;
    const int easterMonth = (h + l - 7 * m + 114) / 31;
    const int dayOfMonth = ((h + l - 7 * m + 114) % 31) + 1;
    const Date easter{year{y}, std::chrono::month{static_cast<unsigned>(easterMonth)},
                      std::chrono::day{static_cast<unsigned>(dayOfMonth)}};
    return Date{sys_days{easter} - days(2)};
}

Instant Calendar::addHoursDisregardingSundaysAndHolidays(Instant from, int hours) const
{
    return addHoursSkipping(from, hours,
                            [this](Date date) { return isSundayChristmasOrGoodFriday(date) || isBankHoliday(date); });
}

Instant Calendar::addHoursDisregardingSundaysChristmasGoodFriday(Instant from, int hours)
{
    return addHoursSkipping(from, hours, [](Date date) { return isSundayChristmasOrGoodFriday(date); });
}

} // namespace wb::core::deadlines
