// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/domain/Time.h"

#include <charconv>

#include <fmt/format.h>

namespace wb::core {

namespace {

bool readNumber(std::string_view text, std::size_t pos, std::size_t len, int& out)
{
    if (pos + len > text.size()) {
        return false;
    }
    for (std::size_t i = pos; i < pos + len; ++i) {
        if (text[i] < '0' || text[i] > '9') {
            return false;
        }
    }
    const auto* first = text.data() + pos;
    return std::from_chars(first, first + len, out).ec == std::errc{};
}

std::optional<std::chrono::year_month_day> readDate(std::string_view text)
{
    int y = 0;
    int m = 0;
    int d = 0;
    if (text.size() < 10 || text[4] != '-' || text[7] != '-' || !readNumber(text, 0, 4, y) ||
        !readNumber(text, 5, 2, m) || !readNumber(text, 8, 2, d)) {
        return std::nullopt;
    }
    const std::chrono::year_month_day date{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(m)},
                                           std::chrono::day{static_cast<unsigned>(d)}};
    if (!date.ok()) {
        return std::nullopt;
    }
    return date;
}

} // namespace

std::string toIsoUtc(Instant instant)
{
    const auto days = std::chrono::floor<std::chrono::days>(instant);
    const std::chrono::year_month_day date{days};
    const std::chrono::hh_mm_ss time{instant - days};
    return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", static_cast<int>(date.year()),
                       static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()), time.hours().count(),
                       time.minutes().count(), time.seconds().count());
}

std::optional<Instant> parseIsoUtc(std::string_view text)
{
    if (text.size() != 20 || text[10] != 'T' || text[13] != ':' || text[16] != ':' || text[19] != 'Z') {
        return std::nullopt;
    }
    const auto date = readDate(text.substr(0, 10));
    int h = 0;
    int mi = 0;
    int s = 0;
    if (!date || !readNumber(text, 11, 2, h) || !readNumber(text, 14, 2, mi) || !readNumber(text, 17, 2, s) || h > 23 ||
        mi > 59 || s > 59) {
        return std::nullopt;
    }
    return std::chrono::sys_days{*date} + std::chrono::hours{h} + std::chrono::minutes{mi} + std::chrono::seconds{s};
}

bool isValidIsoDate(std::string_view text)
{
    return text.size() == 10 && readDate(text).has_value();
}

} // namespace wb::core
