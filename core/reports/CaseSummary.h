// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/domain/Case.h"
#include "core/domain/Person.h"
#include "core/domain/Time.h"
#include "core/plan/InvestigationPlan.h"

namespace wb::core {
class Workspace;
}

namespace wb::core::reports {

/// How many records of one type a case holds.
struct RecordCount {
    std::string_view type; ///< a RecordSpec::type (core/records/RecordTypes.h)
    std::size_t count = 0;
};

/// The investigation plan in numbers, from the same PlanView the Plan tab shows.
struct PlanCounts {
    std::size_t proposedOpen = 0; ///< proposed now, neither accepted nor declined
    std::size_t accepted = 0;     ///< catalogue lines tracked as enquiries (proposed now or not)
    std::size_t declined = 0;     ///< catalogue lines declined with a rationale (proposed now or not)
    std::size_t ownEnquiries = 0; ///< enquiries the officer added outside the catalogue
    std::size_t overdue = 0;      ///< tracked enquiries overdue at `now` (plan::isOverdue)
};

/// What the case summary report holds.
struct CaseSummary {
    Case theCase;
    std::vector<Person> people;       ///< victims, then suspects, then witnesses (PersonRepository::listForCase)
    std::vector<RecordCount> records; ///< the record types the case holds any of, in the workspace's order
    PlanCounts plan;
};

/// The case with id `caseId`: Error(NotFound, field "case") when there is none.
Case caseById(Workspace& workspace, std::int64_t caseId);
/// The case whose crime reference is `reference` (exactly as recorded): Error(NotFound, field "case") when none.
Case caseByReference(Workspace& workspace, std::string_view reference);

/// Counts the plan's lines by the officer's choice; overdue enquiries at `now`. Pure.
PlanCounts countPlan(const plan::PlanView& plan, Instant now);

/// Reads the case summary of a case: its details, people, record counts and `plan` counted at `now`.
/// Throws Error(NotFound) for an unknown case, and what the repositories throw.
CaseSummary caseSummary(Workspace& workspace, std::int64_t caseId, const plan::PlanView& plan, Instant now);

} // namespace wb::core::reports
