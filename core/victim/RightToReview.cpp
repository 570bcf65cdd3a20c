// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/victim/RightToReview.h"

#include <algorithm>
#include <set>

#include "core/records/RecordTypes.h"

namespace wb::core::victim {

bool isDecisionNotToProceed(const std::string& caseEventKind)
{
    return caseEventKind == "no-further-action" || caseEventKind == "decision-not-to-investigate";
}

VrrEligibility rightToReviewEligibility(const std::vector<Record>& wishes,
                                        const std::vector<Record>& caseEvents,
                                        const std::vector<Record>& contacts,
                                        std::int64_t victimId)
{
    VrrEligibility result;
    if (victimId == 0) {
        return result;
    }
    const std::string victimText = std::to_string(victimId);
    std::string since; // the latest trigger (UTC ISO text sorts as time)

    // The victim's current wish: the latest recorded that no other entry supersedes.
    std::set<std::string> superseded;
    for (const auto& wish : wishes) {
        superseded.insert(wish.get("supersedes_id"));
    }
    const Record* current = nullptr;
    for (const auto& wish : wishes) {
        if (wish.get("victim_id") == victimText && superseded.count(std::to_string(wish.id)) == 0 &&
            (current == nullptr || wish.get("recorded_at") > current->get("recorded_at"))) {
            current = &wish;
        }
    }
    if (current != nullptr && current->get("wish") == "withdrawn") {
        result.triggers.push_back(
            {VrrTrigger::Kind::Withdrawal, parseIsoUtc(current->get("recorded_at")).value_or(Instant{}), {}});
        since = std::max(since, current->get("recorded_at"));
    }
    for (const auto& event : caseEvents) {
        const std::string& kind = event.get("kind");
        if (isDecisionNotToProceed(kind)) {
            result.triggers.push_back(
                {VrrTrigger::Kind::CaseEvent, parseIsoUtc(event.get("occurred_at")).value_or(Instant{}), kind});
            since = std::max(since, event.get("occurred_at"));
        }
    }
    if (result.triggers.empty()) {
        return result;
    }
    std::string given;
    for (const auto& contact : contacts) {
        if (contact.get("victim_id") == victimText && contact.get("purpose") == "vrr-information" &&
            contact.get("contacted_at") >= since) {
            given = std::max(given, contact.get("contacted_at"));
        }
    }
    if (!given.empty()) {
        result.informationGivenAt = parseIsoUtc(given);
    }
    return result;
}

VrrEligibility rightToReviewEligibility(const RecordRepository& records, std::int64_t caseId, std::int64_t victimId)
{
    if (victimId == 0) {
        return {};
    }
    return rightToReviewEligibility(records.listForCase(recordSpec(recordtype::kVictimWish), caseId),
                                    records.listForCase(recordSpec(recordtype::kCaseEvent), caseId),
                                    records.listForCase(recordSpec(recordtype::kContact), caseId), victimId);
}

} // namespace wb::core::victim
