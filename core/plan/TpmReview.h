// SPDX-License-Identifier: GPL-3.0-or-later
// The supervisor's review of a third-party material request (issue 14, guardrails): requests awaiting it are listed
// for review beside the intrusive lines of enquiry, and the decision is recorded here.
#pragma once

#include <cstdint>
#include <vector>

#include "core/plan/EnquiryProgress.h"
#include "core/repo/RecordRepository.h"

namespace wb::core {
class Workspace;
}

namespace wb::core::plan {

/// The third-party material requests of a case whose supervisory review is still pending, in the list's order.
std::vector<Record> tpmAwaitingReview(Workspace& workspace, std::int64_t caseId);

/// Records the supervisor's review of a third-party material request: the decision ("pending", "approved" or
/// "refused") and, once decided, the supervisor's name, rank and time (cleared while pending). The request's other
/// values are kept. The record check applies: Error(Validation) naming supervisor_name or supervisor_reviewed_at
/// for a decision without them, Error(GuardrailRefused, "supervisor_review") when the request is already recorded
/// as sent and would no longer be approved before it; then nothing changes. Error(NotFound) for an unknown id. The
/// review's comment is not stored: a request has no comment field.
Record recordTpmReview(Workspace& workspace, std::int64_t tpmRequestId, const SupervisoryReview& review);

} // namespace wb::core::plan
