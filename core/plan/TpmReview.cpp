// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/plan/TpmReview.h"

#include "core/Error.h"
#include "core/Workspace.h"
#include "core/records/RecordSpec.h"
#include "core/records/RecordTypes.h"

namespace wb::core::plan {

std::vector<Record> tpmAwaitingReview(Workspace& workspace, std::int64_t caseId)
{
    std::vector<Record> out;
    for (auto& record : workspace.records().listForCase(recordSpec(recordtype::kTpmRequest), caseId)) {
        if (record.get("supervisor_review") == "pending") {
            out.push_back(std::move(record));
        }
    }
    return out;
}

Record recordTpmReview(Workspace& workspace, std::int64_t tpmRequestId, const SupervisoryReview& review)
{
    const auto& spec = recordSpec(recordtype::kTpmRequest);
    const auto current = workspace.records().find(spec, tpmRequestId);
    if (!current) {
        throw Error(ErrorCode::NotFound, "the third-party material request does not exist");
    }
    const bool decided = review.decision != "pending";
    Values values = current->values;
    values["supervisor_review"] = review.decision;
    values["supervisor_name"] = decided ? review.supervisorName : std::string();
    values["supervisor_rank"] = decided ? review.supervisorRank : std::string();
    values["supervisor_reviewed_at"] = decided && review.reviewedAt ? toIsoUtc(*review.reviewedAt) : std::string();
    return workspace.records().update(spec, tpmRequestId, values);
}

} // namespace wb::core::plan
