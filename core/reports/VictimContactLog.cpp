// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/reports/VictimContactLog.h"

#include <algorithm>
#include <string>

#include "core/Workspace.h"
#include "core/records/RecordSpec.h"
#include "core/records/RecordTypes.h"
#include "core/reference/ReferenceData.h"
#include "core/reference/ReferenceList.h"
#include "core/reports/CaseSummary.h"
#include "core/victim/CurrentContactPlan.h"
#include "core/victim/VictimContact.h"

namespace wb::core::reports {

namespace {

std::vector<Record> ofVictim(const std::vector<Record>& records, std::int64_t victimId)
{
    const std::string id = std::to_string(victimId);
    std::vector<Record> mine;
    std::copy_if(records.begin(), records.end(), std::back_inserter(mine),
                 [&](const Record& r) { return r.get("victim_id") == id; });
    return mine;
}

} // namespace

std::vector<VictimContactSection> victimContactLog(Workspace& workspace, std::int64_t caseId)
{
    (void)caseById(workspace, caseId); // NotFound for an unknown case
    auto& records = workspace.records();
    const auto plans = records.listForCase(recordSpec(recordtype::kContactPlan), caseId);
    auto contacts = records.listForCase(recordSpec(recordtype::kContact), caseId);
    // The spec lists contacts newest first; a log reads earliest first. contacted_at is UTC ISO text.
    std::stable_sort(contacts.begin(), contacts.end(), [](const Record& a, const Record& b) {
        const auto& at = a.get("contacted_at");
        const auto& bt = b.get("contacted_at");
        return at != bt ? at < bt : a.id < b.id;
    });
    const auto rights = records.listForCase(recordSpec(recordtype::kVictimRight), caseId);
    const bool haveRights = workspace.lists().has("victims-code-rights");

    std::vector<VictimContactSection> sections;
    for (auto& person : workspace.people().listForCase(caseId)) {
        if (person.role != PersonRole::Victim) {
            continue;
        }
        VictimContactSection section;
        section.currentPlan = victim::currentContactPlan(records, caseId, person.id);
        for (auto& plan : ofVictim(plans, person.id)) {
            if (!section.currentPlan || plan.id != section.currentPlan->id) {
                section.earlierPlans.push_back(std::move(plan)); // the spec's order: agreed_on DESC
            }
        }
        section.contacts = ofVictim(contacts, person.id);
        if (haveRights) {
            section.code = victim::victimsCodeRecord(rights, workspace.lists().list("victims-code-rights"), person.id,
                                                     person.enhancedRights);
        } else {
            section.code.enhancedRights = person.enhancedRights;
        }
        section.rightToReview = victim::rightToReviewEligibility(records, caseId, person.id);
        section.victim = std::move(person);
        sections.push_back(std::move(section));
    }
    return sections;
}

} // namespace wb::core::reports
