// SPDX-License-Identifier: GPL-3.0-or-later
// The printed and PDF reports of a case (issue 18): their stable names, as the command line and the audit log give
// them.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace wb::core::reports {

/// A report of one case. Later slices add the others (chronology, victim contact, supervisory review pack, Today).
enum class ReportKind {
    CaseSummary,       ///< "case-summary": the case's details, its people, its records by type and its plan in counts
    InvestigationPlan, ///< "plan": proposed, accepted and declined lines of enquiry, why each was suggested
    DecisionLog,       ///< "decision-log": every decision in the order made, superseded entries shown as such
};

/// "case-summary", "plan", "decision-log".
std::string_view toString(ReportKind kind) noexcept;
std::optional<ReportKind> reportKindFromString(std::string_view text) noexcept;
/// Every kind, in the order menus and help list them.
const std::vector<ReportKind>& allReportKinds();

} // namespace wb::core::reports
