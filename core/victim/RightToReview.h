// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/domain/Time.h"
#include "core/repo/RecordRepository.h"

/// The Victims' Right to Review (VRR): when a victim must be given the VRR information.
namespace wb::core::victim {

/// Something that brings the VRR into play for a victim.
struct VrrTrigger {
    enum class Kind {
        Withdrawal, ///< the victim's current wish is "withdrawn"
        CaseEvent,  ///< a decision not to proceed: no further action, or a decision not to investigate
    };
    Kind kind = Kind::Withdrawal;
    Instant at{};
    std::string eventKind; ///< CaseEvent: the case_event kind code ("no-further-action", …)
};

struct VrrEligibility {
    /// In the order: the withdrawal (if any), then the case events in list order.
    std::vector<VrrTrigger> triggers;
    /// The latest contact giving the VRR information at or after the latest trigger.
    std::optional<Instant> informationGivenAt;

    bool applies() const noexcept { return !triggers.empty(); }
};

/// The case_event kinds that are a decision not to proceed.
bool isDecisionNotToProceed(const std::string& caseEventKind);

/// The rules, over the case's victim_wish, case_event and contact records: the VRR applies
/// when the victim's current wish (the latest recorded not superseded) is "withdrawn", or
/// the case has a decision not to proceed; the information counts as given by a contact
/// with the victim whose purpose is "vrr-information", made at or after the latest trigger.
VrrEligibility rightToReviewEligibility(const std::vector<Record>& wishes,
                                        const std::vector<Record>& caseEvents,
                                        const std::vector<Record>& contacts,
                                        std::int64_t victimId);

/// The same, read from the case's records. Throws core::Error.
VrrEligibility rightToReviewEligibility(const RecordRepository& records, std::int64_t caseId, std::int64_t victimId);

} // namespace wb::core::victim
