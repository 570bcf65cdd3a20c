// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/domain/Time.h"
#include "core/repo/RecordRepository.h"

/// Use cases of victim contact: the current contact plan, what a new contact starts
/// with, and recording a contact. Widgets call these, never the repository's writes.
namespace wb::core::victim {

/// The victim's current contact plan (see currentPlanIndex), or nothing. Throws core::Error.
std::optional<Record> currentContactPlan(const RecordRepository& records, std::int64_t caseId, std::int64_t victimId);

/// What a new contact with the victim starts with, taken from the current plan.
struct ContactDefaults {
    std::string method;                                 ///< the plan's method code; empty without a plan
    std::optional<std::chrono::year_month_day> nextDue; ///< today + the plan's frequency, when agreed
    bool doNotContact = false;                          ///< the plan says DO NOT CONTACT
};
ContactDefaults contactDefaults(const RecordRepository& records,
                                std::int64_t caseId,
                                std::int64_t victimId,
                                std::chrono::year_month_day today);

/// The preset of "Change the plan…": the current plan's values superseded by the new
/// entry, agreed today (only victim_id and agreed_on when there is no plan yet).
Values planChangePreset(const RecordRepository& records,
                        std::int64_t caseId,
                        std::int64_t victimId,
                        std::chrono::year_month_day today);

/// One contact with a victim, as the quick-contact row collects it.
struct ContactDraft {
    std::int64_t caseId = 0;
    std::int64_t victimId = 0;
    Instant contactedAt{};
    std::string method;  ///< contact-methods code
    std::string purpose; ///< contact-purposes code
    std::string byWhom;
    std::string explained;
    /// Right 6 per event (issue 14): the uuids of the case events and bail records of the case this contact told
    /// the victim about. Kept only when purposeExplainsEvents(purpose); dropped otherwise.
    std::vector<std::string> explainedEvents;
    bool planFollowed = true;
    std::string deviationReason; ///< required when the plan was not followed; dropped when it was
    std::optional<std::chrono::year_month_day> nextDue;
};

/// Whether a contact for this purpose (contact-purposes code) can say which events it explained: an event
/// notification or explaining a decision, the purposes that meet the Right 6 items (deadline-rules.json).
bool purposeExplainsEvents(std::string_view purpose) noexcept;

/// The events of the case a contact can say it explained (Right 6): its case events, then its bail records,
/// each newest first (the contact's explained_events link). Throws core::Error.
std::vector<Record> explainableEvents(const RecordRepository& records, std::int64_t caseId);

struct RecordedContact {
    Record contact;
    /// The current plan said DO NOT CONTACT: the contact was recorded, and the caller should warn.
    bool againstDoNotContact = false;
};

/// Records the contact. Every field rule is the contact RecordSpec's: throws
/// Error(Validation) naming the first field at fault (victim_id, contacted_at, method,
/// purpose, by_whom, explained_events, deviation_reason, next_due).
RecordedContact recordContact(RecordRepository& records, const ContactDraft& draft);

} // namespace wb::core::victim
