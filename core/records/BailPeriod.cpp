// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/records/BailPeriod.h"

#include <algorithm>
#include <charconv>
#include <chrono>

#include <fmt/format.h>

namespace wb::core::bail {

namespace {

using namespace std::chrono;

std::optional<year_month_day> parse(std::string_view text)
{
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
        return std::nullopt;
    }
    int y = 0;
    unsigned m = 0;
    unsigned d = 0;
    const auto num = [](std::string_view part, auto& out) {
        const auto [ptr, ec] = std::from_chars(part.data(), part.data() + part.size(), out);
        return ec == std::errc() && ptr == part.data() + part.size();
    };
    if (!num(text.substr(0, 4), y) || !num(text.substr(5, 2), m) || !num(text.substr(8, 2), d)) {
        return std::nullopt;
    }
    const year_month_day date{year{y}, month{m}, day{d}};
    return date.ok() ? std::optional(date) : std::nullopt;
}

std::string format(year_month_day date)
{
    return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                       static_cast<unsigned>(date.day()));
}

} // namespace

std::optional<std::string> bailStartDate(std::string_view arrestedOn)
{
    const auto arrest = parse(arrestedOn);
    if (!arrest) {
        return std::nullopt;
    }
    return format(year_month_day{sys_days{*arrest} + days(1)});
}

std::optional<std::string> endOfMonthsBeginningWith(std::string_view start, int months)
{
    const auto first = parse(start);
    if (!first) {
        return std::nullopt;
    }
    const year_month_day corresponding = *first + std::chrono::months{months};
    if (!corresponding.ok()) { // no corresponding date (30 February): the period ends with that month
        return format(year_month_day_last{corresponding.year(), month_day_last{corresponding.month()}});
    }
    return format(year_month_day{sys_days{corresponding} - days(1)});
}

std::optional<std::string> initialBailEnd(std::string_view arrestedOn)
{
    const auto start = bailStartDate(arrestedOn);
    return start ? endOfMonthsBeginningWith(*start, 3) : std::nullopt;
}

int daysInclusive(std::string_view from, std::string_view to)
{
    const auto a = parse(from);
    const auto b = parse(to);
    if (!a || !b || sys_days{*b} < sys_days{*a}) {
        return 0;
    }
    return static_cast<int>((sys_days{*b} - sys_days{*a}).count()) + 1;
}

std::string addDays(std::string_view date, int n)
{
    const auto d = parse(date);
    return d ? format(year_month_day{sys_days{*d} + days(n)}) : std::string();
}

Period applyPauses(std::string_view arrestedOn, std::string_view end, std::vector<Pause> pauses)
{
    Period p;
    p.arrestedOn = arrestedOn;
    p.startDate = bailStartDate(arrestedOn).value_or(std::string());
    p.statutoryEnd = end;
    std::sort(pauses.begin(), pauses.end(), [](const Pause& a, const Pause& b) { return a.from < b.from; });
    std::string current(end);
    std::string countedTo; // the last day already left out, so overlapping pauses count once
    for (const auto& pause : pauses) {
        if (!parse(pause.from) || pause.from > current) {
            continue; // began after the period had ended: nothing to disregard
        }
        if (pause.to.empty()) {
            p.pausedSince = pause.from;
            break;
        }
        const std::string from = !countedTo.empty() && pause.from <= countedTo ? addDays(countedTo, 1) : pause.from;
        const int n = daysInclusive(from, pause.to);
        if (n > 0) {
            p.disregardedDays += n;
            current = addDays(current, n);
            countedTo = pause.to;
        }
    }
    if (!p.pausedSince) {
        p.end = current;
    }
    return p;
}

} // namespace wb::core::bail
