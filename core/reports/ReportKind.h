// SPDX-License-Identifier: GPL-3.0-or-later
// The printed and PDF reports of a case (issue 18): their stable names, as the command line and the audit log give
// them.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace wb::core::reports {

/// A report: of one case, or (Today) of every open case.
enum class ReportKind {
    CaseSummary,       ///< "case-summary": the case's details, its people, its records by type and its plan in counts
    InvestigationPlan, ///< "plan": proposed, accepted and declined lines of enquiry, why each was suggested
    DecisionLog,       ///< "decision-log": every decision in the order made, superseded entries shown as such
    Chronology,        ///< "chronology": the timeline's events, earliest first, dates as precisely as recorded
    VictimContact,     ///< "victim-contact": per victim, the contact plans, every contact and the Victims' Code record
    ReviewPack,        ///< "review-pack": what changed since the last plan review, deadlines, what awaits review
    Today,             ///< "today": the officer's Today list, everything due and overdue across every open case
    VictimLetter,      ///< "victim-letter": a letter to a victim about an event of the case (core/letters)
    DisclosureMG6C,    ///< "mg6c": draft schedule of non-sensitive unused material (core/disclosure)
    DisclosureMG6D,    ///< "mg6d": draft schedule of sensitive unused material
    DisclosureMG6E,    ///< "mg6e": draft disclosure officer's report
};

/// "case-summary", "plan", "decision-log", "chronology", "victim-contact", "review-pack", "today", "victim-letter",
/// "mg6c", "mg6d", "mg6e".
std::string_view toString(ReportKind kind) noexcept;
std::optional<ReportKind> reportKindFromString(std::string_view text) noexcept;
/// The audit entry's kind (core::exports) of this report saved as a file ("report-plan") or sent to a printer
/// ("print-plan"): the same for the command line and the workbench.
std::string exportAuditKind(ReportKind kind);
std::string printAuditKind(ReportKind kind);
/// Whether a report of `kind` is of one case (every kind but Today).
bool isCaseReport(ReportKind kind) noexcept;
/// Every kind, in the order menus and help list them.
const std::vector<ReportKind>& allReportKinds();

} // namespace wb::core::reports
