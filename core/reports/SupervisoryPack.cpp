// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/reports/SupervisoryPack.h"

#include <algorithm>
#include <chrono>

#include "core/Workspace.h"
#include "core/plan/EnquiryProgress.h"
#include "core/plan/TpmReview.h"
#include "core/records/RecordSpec.h"
#include "core/records/RecordTypes.h"

namespace wb::core::reports {

SupervisoryPack supervisoryPack(Workspace& workspace,
                                std::int64_t caseId,
                                const plan::PlanView& plan,
                                const deadlines::DeadlineService& deadlines,
                                Instant now)
{
    SupervisoryPack pack;
    pack.theCase = caseById(workspace, caseId);
    pack.lastReview = plan.lastReview;
    if (plan.lastReview) {
        pack.since = parseIsoUtc(plan.lastReview->get("taken_at"));
    }
    for (const auto& id : plan.newSinceReview) {
        const auto it = std::find_if(plan.proposals.begin(), plan.proposals.end(),
                                     [&](const plan::PlanItem& item) { return item.enquiryId == id; });
        if (it != plan.proposals.end()) {
            pack.newlyProposed.push_back(*it);
        }
    }
    pack.noLongerProposed = plan.noLongerProposed;

    // Added or changed after the review; without a review, everything recorded counts as added.
    for (const auto& spec : recordSpecs()) {
        if (spec.type == recordtype::kPlanSnapshot) {
            continue; // the reviews themselves
        }
        std::size_t added = 0;
        std::size_t changed = 0;
        for (const auto& record : workspace.records().listForCase(spec, caseId)) {
            if (!pack.since || record.createdAt > *pack.since) {
                ++added;
            } else if (record.updatedAt > *pack.since) {
                ++changed;
            }
        }
        if (added > 0) {
            pack.added.push_back({spec.type, added});
        }
        if (changed > 0) {
            pack.changed.push_back({spec.type, changed});
        }
    }
    for (auto& entry : decisionLog(workspace, caseId)) {
        const auto at = parseIsoUtc(entry.record.get("decided_at"));
        if (!pack.since || (at && *at > *pack.since)) {
            pack.decisionsSince.push_back(std::move(entry));
        }
    }

    const Instant soon = now + std::chrono::days(kDueSoonDays);
    for (auto& item : deadlines.forCase(workspace, caseId, now)) {
        if (item.state == deadlines::DueState::Overdue) {
            pack.overdue.push_back(std::move(item));
        } else if (item.state == deadlines::DueState::DueToday ||
                   (item.state == deadlines::DueState::Upcoming && item.due <= soon)) {
            pack.dueSoon.push_back(std::move(item));
        }
    }
    std::stable_sort(pack.overdue.begin(), pack.overdue.end(),
                     [](const deadlines::DueItem& a, const deadlines::DueItem& b) { return a.due < b.due; });
    std::stable_sort(pack.dueSoon.begin(), pack.dueSoon.end(),
                     [](const deadlines::DueItem& a, const deadlines::DueItem& b) { return a.due < b.due; });

    pack.enquiriesAwaitingReview = plan::awaitingSupervisoryReview(workspace, caseId);
    pack.requestsAwaitingReview = plan::tpmAwaitingReview(workspace, caseId);
    pack.plan = countPlan(plan, now);
    return pack;
}

} // namespace wb::core::reports
