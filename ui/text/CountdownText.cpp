// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/text/CountdownText.h"

namespace wb::ui {

namespace {

QString amount(long long n, const QString& one, const QString& many)
{
    return n == 1 ? one : many.arg(n);
}

} // namespace

QString CountdownText::span(const core::deadlines::Countdown& c)
{
    const QString hours = amount(c.hours, tr("1 hour"), tr("%1 hours"));
    if (c.days > 0) {
        const QString days = amount(c.days, tr("1 day"), tr("%1 days"));
        return c.hours > 0 ? tr("%1 %2").arg(days, hours) : days;
    }
    if (c.hours > 0) {
        return hours;
    }
    if (c.minutes > 0) {
        return amount(c.minutes, tr("1 minute"), tr("%1 minutes"));
    }
    return tr("less than a minute");
}

QString CountdownText::span(core::Instant due, core::Instant now)
{
    return span(core::deadlines::countdown(due, now));
}

} // namespace wb::ui
