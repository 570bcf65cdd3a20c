// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/records/GuardrailChecks.h"

#include <string>

#include "core/Error.h"

namespace wb::core::guardrails {

namespace {

std::string value(const Values& values, std::string_view key)
{
    const auto it = values.find(key);
    return it == values.end() ? std::string() : it->second;
}

[[noreturn]] void invalid(const char* field, const std::string& what)
{
    throw Error(ErrorCode::Validation, std::string(field) + ": " + what, field);
}

[[noreturn]] void refused(const char* field, const std::string& what)
{
    throw Error(ErrorCode::GuardrailRefused, std::string(field) + ": " + what, field);
}

} // namespace

void checkDevice(const CheckContext& c)
{
    const std::string owner = value(c.values, "owner_role");
    if (owner != "victim" && owner != "witness") {
        return;
    }
    const std::string started = value(c.values, "extraction_started");
    const std::string firstDay = started.empty() ? value(c.values, "extraction_completed") : started;
    if (firstDay.empty() || value(c.values, "legal_basis") == "pcsc2022-s41") {
        return;
    }
    if (value(c.values, "line_of_enquiry").empty()) {
        refused("line_of_enquiry", "a victim's or witness's device cannot be recorded as extracted without the "
                                   "reasonable line of enquiry it serves");
    }
    const std::string notice = value(c.values, "s37_notice_date");
    if (notice.empty()) {
        refused("s37_notice_date", "a victim's or witness's device cannot be recorded as extracted without the "
                                   "written notice under s.37 PCSC Act 2022: record the date it was given");
    }
    if (notice > firstDay) {
        refused("s37_notice_date", "the written notice under s.37 PCSC Act 2022 must be given before extraction "
                                   "starts");
    }
}

void checkTpmRequest(const CheckContext& c)
{
    const std::string review = value(c.values, "supervisor_review");
    if (review == "approved" || review == "refused") {
        if (value(c.values, "supervisor_name").empty()) {
            invalid("supervisor_name", "name the supervisor who reviewed this request");
        }
        if (value(c.values, "supervisor_reviewed_at").empty()) {
            invalid("supervisor_reviewed_at", "record when the supervisor reviewed this request");
        }
    }
    if (value(c.values, "requested_on").empty()) {
        return;
    }
    if (value(c.values, "victim_informed_on").empty()) {
        refused("victim_informed_on", "a third-party material request cannot be recorded as sent without the date "
                                      "the victim was given notice of it");
    }
    if (review != "approved") {
        refused("supervisor_review", "a third-party material request cannot be recorded as sent before a supervisor "
                                     "has approved it");
    }
    if (value(c.values, "supervisor_reviewed_at").substr(0, 10) > value(c.values, "requested_on")) {
        refused("supervisor_review", "the supervisor's approval must come before the request is sent");
    }
}

void deriveTpmRequest(Values& v)
{
    if (value(v, "supervisor_review").empty()) {
        v["supervisor_review"] = "pending";
    }
}

} // namespace wb::core::guardrails
