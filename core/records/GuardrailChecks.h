// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 14's guardrails on intrusive records (used by RecordSpecs.cpp): a victim's or witness's device extraction
// and a third-party material request. Each throws Error(GuardrailRefused) naming the field that is missing.
#pragma once

#include "core/records/RecordSpec.h"

namespace wb::core::guardrails {

/// A victim's or witness's device (PCSC Act 2022 s.37, nom-brief §6.7 [C]): it cannot be recorded as extracted
/// (a start or completion date) without the reasonable line of enquiry it serves ("line_of_enquiry") and the written
/// s.37 notice ("s37_notice_date"), given no later than the day extraction started. A device of a user who has died
/// (s.41) has no user to give notice to.
void checkDevice(const CheckContext& c);

/// A third-party material request (Victims and Prisoners Act 2024 s.28, nom-brief §0a and §6.8): an intrusive
/// enquiry, reviewed by a supervisor like a tracked one. A review given (approved or refused) names the supervisor
/// and its time (Error(Validation)); a request recorded as sent needs the date the victim was given notice of it
/// ("victim_informed_on") and the supervisor's approval, dated no later than the request ("supervisor_review").
void checkTpmRequest(const CheckContext& c);

/// A new request awaits review ("pending").
void deriveTpmRequest(Values& v);

} // namespace wb::core::guardrails
