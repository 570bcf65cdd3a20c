// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/victim/VictimContact.h"

#include <charconv>

#include "core/deadlines/Calendar.h"
#include "core/records/RecordTypes.h"
#include "core/victim/CurrentContactPlan.h"

namespace wb::core::victim {

namespace {

std::optional<std::int64_t> idOf(const std::string& text)
{
    std::int64_t id = 0;
    const auto* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, id);
    if (text.empty() || ec != std::errc() || ptr != end) {
        return std::nullopt;
    }
    return id;
}

} // namespace

std::optional<Record> currentContactPlan(const RecordRepository& records, std::int64_t caseId, std::int64_t victimId)
{
    if (victimId == 0) {
        return std::nullopt;
    }
    std::vector<Record> plans = records.listForCase(recordSpec(recordtype::kContactPlan), caseId);
    std::vector<PlanEntry> entries;
    std::vector<std::size_t> positions; // entries[i] is plans[positions[i]]
    for (std::size_t i = 0; i < plans.size(); ++i) {
        const auto& plan = plans[i];
        const auto victim = idOf(plan.get("victim_id"));
        const auto agreed = deadlines::parseIsoDate(plan.get("agreed_on"));
        if (!victim || !agreed) {
            continue; // both are required: a stored plan always has them
        }
        entries.push_back({plan.id, *victim, *agreed, idOf(plan.get("supersedes_id"))});
        positions.push_back(i);
    }
    const auto index = currentPlanIndex(entries, victimId);
    if (!index) {
        return std::nullopt;
    }
    return std::move(plans[positions[*index]]);
}

ContactDefaults contactDefaults(const RecordRepository& records,
                                std::int64_t caseId,
                                std::int64_t victimId,
                                std::chrono::year_month_day today)
{
    ContactDefaults defaults;
    const auto plan = currentContactPlan(records, caseId, victimId);
    if (!plan) {
        return defaults;
    }
    defaults.method = plan->get("method");
    defaults.doNotContact = plan->get("do_not_contact") == "1";
    if (const auto days = idOf(plan->get("frequency_days"))) {
        defaults.nextDue =
            std::chrono::year_month_day{std::chrono::sys_days{today} + std::chrono::days{static_cast<int>(*days)}};
    }
    return defaults;
}

Values planChangePreset(const RecordRepository& records,
                        std::int64_t caseId,
                        std::int64_t victimId,
                        std::chrono::year_month_day today)
{
    Values preset;
    if (const auto plan = currentContactPlan(records, caseId, victimId)) {
        preset = plan->values;
        preset["supersedes_id"] = std::to_string(plan->id);
    }
    preset["victim_id"] = std::to_string(victimId);
    preset["agreed_on"] = deadlines::toIsoDate(today);
    return preset;
}

bool purposeExplainsEvents(std::string_view purpose) noexcept
{
    return purpose == "event-notification" || purpose == "explaining-decision";
}

std::vector<Record> explainableEvents(const RecordRepository& records, std::int64_t caseId)
{
    std::vector<Record> out = records.listForCase(recordSpec(recordtype::kCaseEvent), caseId);
    for (auto& bail : records.listForCase(recordSpec(recordtype::kBail), caseId)) {
        out.push_back(std::move(bail));
    }
    return out;
}

RecordedContact recordContact(RecordRepository& records, const ContactDraft& draft)
{
    std::string explainedEvents;
    if (purposeExplainsEvents(draft.purpose)) {
        for (const auto& uuid : draft.explainedEvents) {
            explainedEvents += (explainedEvents.empty() ? "" : ",") + uuid;
        }
    }
    Values values{
        {"victim_id", draft.victimId == 0 ? std::string() : std::to_string(draft.victimId)},
        {"contacted_at", toIsoUtc(draft.contactedAt)},
        {"method", draft.method},
        {"purpose", draft.purpose},
        {"by_whom", draft.byWhom},
        {"explained", draft.explained},
        {"explained_events", explainedEvents},
        {"plan_followed", draft.planFollowed ? "1" : "0"},
        {"deviation_reason", draft.planFollowed ? std::string() : draft.deviationReason},
    };
    if (draft.nextDue) {
        values["next_due"] = deadlines::toIsoDate(*draft.nextDue);
    }
    // Looked up first: the plan in force when the contact was made.
    const auto plan = currentContactPlan(records, draft.caseId, draft.victimId);
    RecordedContact result;
    result.contact = records.add(recordSpec(recordtype::kContact), draft.caseId, values);
    result.againstDoNotContact = plan && plan->get("do_not_contact") == "1";
    return result;
}

} // namespace wb::core::victim
