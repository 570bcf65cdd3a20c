// SPDX-License-Identifier: GPL-3.0-or-later
// Progress of a tracked enquiry: its owner, due date, status and result, the s.37 notice for a victim's device, and
// for an enquiry that intrudes on the victim's private life its justification and the supervisor's review.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/domain/Time.h"
#include "core/repo/RecordRepository.h"

namespace wb::core {
class Workspace;
}

namespace wb::core::plan {

/// The supervisor's review of an intrusive enquiry.
struct SupervisoryReview {
    std::string decision = "pending";  ///< "pending", "approved" or "refused"
    std::string supervisorName;        ///< kept only once decided
    std::string supervisorRank;        ///< a police-ranks code; kept only once decided
    std::optional<Instant> reviewedAt; ///< kept only once decided
    std::string comment;
};

/// Why an intrusive enquiry is followed (nom-brief §6.7–6.9).
struct Justification {
    std::string lineOfEnquiry;
    std::string necessityProportionality;
    std::string lessIntrusiveOptions;
};

/// Everything the officer may change about a tracked enquiry.
struct EnquiryProgress {
    std::string owner;
    std::string dueOn;  ///< "YYYY-MM-DD" or empty
    std::string status; ///< "planned", "in_progress", "done" or "not_possible"
    std::string result; ///< the result, or why it was not possible (required once done or not possible)
    /// The date the written notice under s.37 PCSC Act 2022 was given; used only for a victim's device.
    std::string s37NoticeDate;
    Justification justification; ///< used only for an intrusive enquiry
    SupervisoryReview review;    ///< used only for an intrusive enquiry
};

/// Records the progress of a tracked enquiry. Whether it intrudes or concerns a device is the stored record's, not
/// the caller's: the s.37 date is kept only for a device, the justification and review only for an intrusive
/// enquiry, and a review still pending clears the supervisor's name, rank and time. The record check applies:
/// Error(Required, "result") for a finished enquiry without its result, Error(GuardrailRefused) naming the missing
/// justification or the s.37 notice, Error(Validation) naming the field (a refused enquiry cannot start); then
/// nothing changes. Error(NotFound) for an unknown id.
Record recordProgress(Workspace& workspace, std::int64_t enquiryRecordId, const EnquiryProgress& progress);

/// The tracked enquiries of a case awaiting supervisory review (intrusive, review still pending), in the enquiry
/// list's order.
std::vector<Record> awaitingSupervisoryReview(Workspace& workspace, std::int64_t caseId);

} // namespace wb::core::plan
