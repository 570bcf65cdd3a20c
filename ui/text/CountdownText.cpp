// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/text/CountdownText.h"

namespace wb::ui {

namespace {

int count(long long n)
{
    return static_cast<int>(n);
}

} // namespace

QString CountdownText::span(const core::deadlines::Countdown& c)
{
    const QString hours = tr("%n hours", nullptr, count(c.hours));
    if (c.days > 0) {
        const QString days = tr("%n days", nullptr, count(c.days));
        return c.hours > 0 ? tr("%1 %2").arg(days, hours) : days;
    }
    if (c.hours > 0) {
        return hours;
    }
    if (c.minutes > 0) {
        return tr("%n minutes", nullptr, count(c.minutes));
    }
    return tr("less than a minute");
}

QString CountdownText::span(core::Instant due, core::Instant now)
{
    return span(core::deadlines::countdown(due, now));
}

} // namespace wb::ui
