// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/domain/LondonTime.h"

#include <exception>
#include <string>

#include <date/tz.h>

#include "core/Error.h"

namespace wb::core::london {

using namespace std::chrono;

namespace {

const date::time_zone& zone()
{
    // Looked up once; a failure is not cached, so installing tzdata and retrying works.
    static const date::time_zone* london = nullptr;
    if (london == nullptr) {
        try {
            london = date::locate_zone("Europe/London");
        } catch (const std::exception& e) {
            throw Error(ErrorCode::Io, std::string("the system time-zone database has no Europe/London (install the "
                                                   "tzdata package): ") +
                                           e.what());
        }
    }
    return *london;
}

} // namespace

void requireTimeZone()
{
    (void)zone();
}

seconds offset(Instant instant)
{
    return duration_cast<seconds>(zone().get_info(date::sys_seconds{instant.time_since_epoch()}).offset);
}

LondonTime toLondon(Instant instant)
{
    const date::sys_info info = zone().get_info(date::sys_seconds{instant.time_since_epoch()});
    const auto local = instant + duration_cast<seconds>(info.offset);
    const auto day = floor<days>(local);
    return LondonTime{year_month_day{day}, local - day, info.save != minutes{0}};
}

year_month_day date(Instant instant)
{
    return toLondon(instant).date;
}

Instant fromLondon(year_month_day day, seconds timeOfDay)
{
    const date::local_seconds local{(sys_days{day} + timeOfDay).time_since_epoch()};
    const date::local_info info = zone().get_info(local);
    // unique: first is the offset; ambiguous: first is the earlier (summer) reading; nonexistent:
    // first is the offset before the gap.
    return Instant{local.time_since_epoch() - duration_cast<seconds>(info.first.offset)};
}

Instant midnight(year_month_day day)
{
    return fromLondon(day, seconds{0});
}

} // namespace wb::core::london
