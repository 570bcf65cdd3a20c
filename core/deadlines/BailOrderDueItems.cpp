// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/deadlines/BailOrderDueItems.h"

#include <array>

#include "core/Error.h"
#include "core/records/BailPeriod.h"

namespace wb::core::deadlines {

std::string longDate(Date date)
{
    static constexpr std::array<const char*, 12> Months{"January",   "February", "March",    "April",
                                                        "May",       "June",     "July",     "August",
                                                        "September", "October",  "November", "December"};
    return std::to_string(static_cast<unsigned>(date.day())) + " " +
           Months.at(static_cast<unsigned>(date.month()) - 1) + " " + std::to_string(static_cast<int>(date.year()));
}

namespace {

std::string longIsoDate(const std::string& iso)
{
    const auto date = parseIsoDate(iso);
    return date ? longDate(*date) : iso;
}

std::vector<bail::Pause> pausesOf(const CaseSnapshot::Bail& b)
{
    std::vector<bail::Pause> pauses;
    for (const auto& p : b.pauses) {
        pauses.push_back({toIsoDate(p.from), p.to ? toIsoDate(*p.to) : std::string()});
    }
    return pauses;
}

} // namespace

std::vector<DueStep> bailEndSteps(const CaseSnapshot::Bail& b)
{
    std::vector<DueStep> steps;
    if (b.kind != "bail" || !b.abpEnd) {
        return steps;
    }
    const std::string arrested = b.arrestedOn ? toIsoDate(*b.arrestedOn) : std::string();
    struct End {
        Date date;
        Instant from;
        std::string uuid;
        std::string how;
    };
    std::vector<End> ends;
    std::string how;
    if (b.arrestedOn) {
        const std::string start = bail::bailStartDate(arrested).value_or(std::string());
        how = " Arrested on " + longDate(*b.arrestedOn) + ": the bail start date is " + longIsoDate(start) +
              ", the day after the arrest (PACE s.47ZB(4)(a)), and the 3 months beginning with it end on " +
              longDate(*b.abpEnd) + " (s.47ZB(1)).";
    } else {
        how = " The arrest date is not recorded: this end (" + longDate(*b.abpEnd) +
              ") was entered, not counted from the arrest. Record the arrest date on the bail record.";
    }
    ends.push_back({*b.abpEnd, Calendar::londonMidnight(b.startDate), b.uuid, how});
    for (const auto& e : b.extensions) {
        ends.push_back({e.newEnd, Calendar::londonMidnight(e.authorisedOn), e.uuid,
                        " Extended on " + longDate(e.authorisedOn) + " to end on " + longDate(e.newEnd) + "."});
    }
    const auto pauses = pausesOf(b);
    for (std::size_t i = 0; i < ends.size(); ++i) {
        const bool last = i + 1 == ends.size();
        const auto period = bail::applyPauses(arrested, toIsoDate(ends[i].date), pauses);
        if (last && period.pausedSince && !b.endedOn) {
            continue; // awaiting a CPS charging decision under s.37(7)(a): the clock is paused
        }
        DueStep step;
        step.from = ends[i].from;
        step.uuid = ends[i].uuid;
        step.recordId = b.id;
        step.detail = ends[i].how;
        Date end = ends[i].date;
        if (period.disregardedDays > 0 && !period.end.empty()) {
            end = parseIsoDate(period.end).value_or(end);
            step.detail += " " + std::to_string(period.disregardedDays) +
                           (period.disregardedDays == 1 ? " day" : " days") +
                           " on bail awaiting a CPS charging decision (s.37(7)(a)) are not counted (s.47ZL): the "
                           "period ends on " +
                           longDate(end) + ".";
        }
        if (!last) {
            step.metAt = std::max(ends[i].from, ends[i + 1].from); // extended
        } else if (b.endedOn) {
            step.metAt = std::max(ends[i].from, Calendar::londonMidnight(*b.endedOn));
        }
        step.due = Calendar::endOfLondonDay(end);
        steps.push_back(std::move(step));
    }
    return steps;
}

bool hasHearingClock(const std::string& orderType) noexcept
{
    return orderType == "dvpn" || orderType == "dapn";
}

std::vector<DueStep> orderHearingSteps(const CaseSnapshot& s, const Calendar& calendar, int hours)
{
    std::vector<DueStep> steps;
    for (const auto& o : s.orders) {
        if (!hasHearingClock(o.type) || !o.servedAt) {
            continue;
        }
        DueStep step;
        step.from = *o.servedAt;
        step.uuid = o.uuid;
        step.recordId = o.id;
        try {
            step.due = calendar.addHoursDisregardingSundaysAndHolidays(*o.servedAt, hours);
            step.timed = true;
        } catch (const Error&) {
            step.due = Calendar::addHoursDisregardingSundaysChristmasGoodFriday(*o.servedAt, hours);
            step.timed = true;
            step.detail = " Bank holidays are not known for this date, so only Sundays, Christmas Day and Good "
                          "Friday were left out: check the time.";
        }
        if (o.hearingAt) {
            step.metAt = std::max(*o.servedAt, *o.hearingAt);
        } else if (o.endedOn) {
            step.metAt = std::max(*o.servedAt, Calendar::londonMidnight(*o.endedOn));
        }
        steps.push_back(std::move(step));
    }
    return steps;
}

std::vector<DueStep> orderExpirySteps(const CaseSnapshot& s)
{
    std::vector<DueStep> steps;
    for (const auto& o : s.orders) {
        if (!o.expiresOn) {
            continue;
        }
        DueStep step;
        step.from = o.madeOn ? Calendar::londonMidnight(*o.madeOn) : o.servedAt.value_or(Instant{});
        step.uuid = o.uuid;
        step.recordId = o.id;
        step.detail = " It expires at the end of " + longDate(*o.expiresOn) + ".";
        step.due = Calendar::endOfLondonDay(*o.expiresOn);
        if (o.endedOn) {
            step.metAt = std::max(step.from, Calendar::londonMidnight(*o.endedOn));
        }
        steps.push_back(std::move(step));
    }
    return steps;
}

} // namespace wb::core::deadlines
