// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/reports/ReportKind.h"

namespace wb::core::reports {

std::string_view toString(ReportKind kind) noexcept
{
    switch (kind) {
    case ReportKind::CaseSummary: return "case-summary";
    case ReportKind::InvestigationPlan: return "plan";
    case ReportKind::DecisionLog: return "decision-log";
    case ReportKind::Chronology: return "chronology";
    case ReportKind::VictimContact: return "victim-contact";
    case ReportKind::ReviewPack: return "review-pack";
    case ReportKind::Today: return "today";
    case ReportKind::VictimLetter: return "victim-letter";
    case ReportKind::DisclosureMG6C: return "mg6c";
    case ReportKind::DisclosureMG6D: return "mg6d";
    case ReportKind::DisclosureMG6E: return "mg6e";
    }
    return "case-summary";
}

std::optional<ReportKind> reportKindFromString(std::string_view text) noexcept
{
    for (const auto kind : allReportKinds()) {
        if (toString(kind) == text) {
            return kind;
        }
    }
    return std::nullopt;
}

std::string exportAuditKind(ReportKind kind)
{
    return "report-" + std::string(toString(kind));
}

std::string printAuditKind(ReportKind kind)
{
    return "print-" + std::string(toString(kind));
}

bool isCaseReport(ReportKind kind) noexcept
{
    return kind != ReportKind::Today;
}

const std::vector<ReportKind>& allReportKinds()
{
    static const std::vector<ReportKind> kinds{
        ReportKind::CaseSummary,    ReportKind::InvestigationPlan, ReportKind::DecisionLog,
        ReportKind::Chronology,     ReportKind::VictimContact,     ReportKind::ReviewPack,
        ReportKind::DisclosureMG6C, ReportKind::DisclosureMG6D,    ReportKind::DisclosureMG6E,
        ReportKind::Today,          ReportKind::VictimLetter};
    return kinds;
}

} // namespace wb::core::reports
