// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/plan/EnquiryProgress.h"

#include "core/Error.h"
#include "core/Workspace.h"
#include "core/plan/InvestigationPlan.h"
#include "core/records/RecordSpec.h"

namespace wb::core::plan {

Record recordProgress(Workspace& workspace, std::int64_t enquiryRecordId, const EnquiryProgress& progress)
{
    const auto current = workspace.records().find(recordSpec("enquiry"), enquiryRecordId);
    if (!current) {
        throw Error(ErrorCode::NotFound, "the enquiry does not exist");
    }
    const bool intrudes = current->get("intrudes") == "1";
    const bool device = current->get("involves_device") == "1";
    Values changes{
        {"owner", progress.owner},
        {"due_on", progress.dueOn},
        {"status", progress.status},
        {"result", progress.result},
    };
    if (device) {
        changes["s37_notice_date"] = progress.s37NoticeDate;
    }
    if (intrudes) {
        const SupervisoryReview& review = progress.review;
        const bool decided = review.decision != "pending";
        changes["line_of_enquiry"] = progress.justification.lineOfEnquiry;
        changes["necessity_proportionality"] = progress.justification.necessityProportionality;
        changes["less_intrusive_options"] = progress.justification.lessIntrusiveOptions;
        changes["supervisor_review"] = review.decision;
        changes["supervisor_comment"] = review.comment;
        changes["supervisor_name"] = decided ? review.supervisorName : std::string();
        changes["supervisor_rank"] = decided ? review.supervisorRank : std::string();
        changes["supervisor_reviewed_at"] = decided && review.reviewedAt ? toIsoUtc(*review.reviewedAt) : std::string();
    }
    return updateEnquiry(workspace, enquiryRecordId, changes);
}

std::vector<Record> awaitingSupervisoryReview(Workspace& workspace, std::int64_t caseId)
{
    std::vector<Record> out;
    for (auto& record : workspace.records().listForCase(recordSpec("enquiry"), caseId)) {
        if (record.get("supervisor_review") == "pending") {
            out.push_back(std::move(record));
        }
    }
    return out;
}

} // namespace wb::core::plan
