// SPDX-License-Identifier: GPL-3.0-or-later
// The bail and order parts of the deadline engine (issue 14), kept apart from CaseEvaluation so their
// law lives in one place: when an applicable bail period ends (counted from the arrest, with the days
// on bail awaiting a CPS charging decision left out), and, for orders and notices, when the hearing
// of a DVPN/DAPN must be held and when an order expires. Pure: no database, no clock.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/deadlines/CaseEvaluation.h"

namespace wb::core::deadlines {

/// One due item's own facts; CaseEvaluation adds the rule's title, detail, source and state.
struct DueStep {
    Instant from{};               ///< what it counts from
    Instant due{};                ///< when it must be met by
    std::optional<Instant> metAt; ///< when it was met, if it was
    std::string uuid;             ///< the record it arose from
    std::int64_t recordId = 0;    ///< the record the item opens
    std::string detail;           ///< appended to the rule's detail: how the date was computed
    bool weekdaysOnly = false;    ///< counted without knowing the bank holidays of that year
    bool timed = false;           ///< due at a time of its own (the order hearing), not the end of a day
};

/// "30 April 2026".
std::string longDate(Date date);

/// Each end of a pre-charge bail record's applicable bail period: the initial one, then one per
/// extension; each is met by the next extension or by the bail ending. The initial end is the
/// 3 months beginning with the day after the arrest (PACE s.47ZB); every end moves later by the days
/// of the ended periods on bail awaiting a CPS charging decision that began on or before it (s.47ZL),
/// and while such a period has not ended the current end is not due at all (the clock is paused).
std::vector<DueStep> bailEndSteps(const CaseSnapshot::Bail& bail);

/// Whether an order type is a notice whose order application must be heard within hours of service
/// disregarding Sundays, Christmas Day, Good Friday and bank holidays: a DVPN (Crime and Security Act
/// 2010 s.27(3)) or a DAPN (Domestic Abuse Act 2021 s.29(2)-(3)).
bool hasHearingClock(const std::string& orderType) noexcept;

/// The hearing of each served DVPN/DAPN: due `hours` hours after service, the hours of Sundays, Christmas
/// Day, Good Friday and bank holidays not counted (Calendar::addHoursDisregardingSundaysAndHolidays; for a
/// year the bank-holiday file does not cover, Sundays, Christmas Day and Good Friday only, and the step says
/// so). Met by the hearing recorded (held or listed) or by the notice recorded as ended.
std::vector<DueStep> orderHearingSteps(const CaseSnapshot& snapshot, const Calendar& calendar, int hours);

/// The expiry of each order with a recorded expiry date that has not ended: due at the end of that day;
/// met by the order recorded as ended (lapsed, discharged, or replaced by a renewed order).
std::vector<DueStep> orderExpirySteps(const CaseSnapshot& snapshot);

} // namespace wb::core::deadlines
