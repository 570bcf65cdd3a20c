// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/reports/CaseSummary.h"

#include <string>

#include "core/Error.h"
#include "core/Workspace.h"
#include "core/records/RecordSpec.h"

namespace wb::core::reports {

Case caseById(Workspace& workspace, std::int64_t caseId)
{
    auto found = workspace.cases().find(caseId);
    if (!found) {
        throw Error(ErrorCode::NotFound, "no case with id " + std::to_string(caseId), "case");
    }
    return std::move(*found);
}

Case caseByReference(Workspace& workspace, std::string_view reference)
{
    for (auto& c : workspace.cases().list()) {
        if (c.reference == reference) {
            return std::move(c);
        }
    }
    throw Error(ErrorCode::NotFound, "no case with reference " + std::string(reference), "case");
}

PlanCounts countPlan(const plan::PlanView& plan, Instant now)
{
    PlanCounts counts;
    const auto count = [&](const plan::PlanItem& item, bool proposedNow) {
        switch (item.choice) {
        case plan::Choice::Open: counts.proposedOpen += proposedNow ? 1 : 0; break;
        case plan::Choice::Accepted:
            ++counts.accepted;
            counts.overdue += item.enquiry && plan::isOverdue(*item.enquiry, now) ? 1 : 0;
            break;
        case plan::Choice::Declined: ++counts.declined; break;
        }
    };
    for (const auto& item : plan.proposals) {
        count(item, true);
    }
    for (const auto& item : plan.noLongerApplies) {
        count(item, false);
    }
    counts.ownEnquiries = plan.ownEnquiries.size();
    for (const auto& own : plan.ownEnquiries) {
        counts.overdue += plan::isOverdue(own, now) ? 1 : 0;
    }
    return counts;
}

CaseSummary caseSummary(Workspace& workspace, std::int64_t caseId, const plan::PlanView& plan, Instant now)
{
    CaseSummary summary;
    summary.theCase = caseById(workspace, caseId);
    summary.people = workspace.people().listForCase(caseId);
    for (const auto& spec : recordSpecs()) {
        const auto count = workspace.records().listForCase(spec, caseId).size();
        if (count > 0) {
            summary.records.push_back({spec.type, count});
        }
    }
    summary.plan = countPlan(plan, now);
    return summary;
}

} // namespace wb::core::reports
