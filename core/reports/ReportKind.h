// SPDX-License-Identifier: GPL-3.0-or-later
// The printed and PDF reports of a case (issue 18): their stable names, as the command line and the audit log give
// them.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace wb::core::reports {

/// A report of one case. Later slices add the others (victim contact, supervisory review pack, Today).
enum class ReportKind {
    CaseSummary,       ///< "case-summary": the case's details, its people, its records by type and its plan in counts
    InvestigationPlan, ///< "plan": proposed, accepted and declined lines of enquiry, why each was suggested
    DecisionLog,       ///< "decision-log": every decision in the order made, superseded entries shown as such
    Chronology,        ///< "chronology": the timeline's events, earliest first, dates as precisely as recorded
};

/// "case-summary", "plan", "decision-log", "chronology".
std::string_view toString(ReportKind kind) noexcept;
std::optional<ReportKind> reportKindFromString(std::string_view text) noexcept;
/// The audit entry's kind (core::exports) of this report saved as a file ("report-plan") or sent to a printer
/// ("print-plan"): the same for the command line and the workbench.
std::string exportAuditKind(ReportKind kind);
std::string printAuditKind(ReportKind kind);
/// Every kind, in the order menus and help list them.
const std::vector<ReportKind>& allReportKinds();

} // namespace wb::core::reports
