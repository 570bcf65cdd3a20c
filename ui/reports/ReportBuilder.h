// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <vector>

#include <QCoreApplication>

#include "core/domain/Time.h"
#include "core/plan/InvestigationPlan.h"
#include "core/repo/RecordRepository.h"
#include "core/reports/CaseSummary.h"
#include "core/reports/DecisionLog.h"
#include "core/reports/ReportKind.h"
#include "ui/reports/PageFurniture.h"
#include "ui/reports/Report.h"

namespace wb::core {
class Workspace;
class OffenceCatalogue;
class ReferenceData;
namespace nom {
class EnquiryCatalogue;
class QuestionCatalogue;
} // namespace nom
} // namespace wb::core

namespace wb::ui::reports {

/// The catalogues a report reads besides the workspace (the plan's proposals come from them).
struct ReportCatalogues {
    const core::nom::EnquiryCatalogue& enquiries;
    const core::nom::QuestionCatalogue& questions;
};

/// Builds the reports of a case. The data (which records, in what order, what is superseded) comes from core's
/// use cases (core/reports, core/plan); this class only lays it out.
class ReportBuilder
{
    Q_DECLARE_TR_FUNCTIONS(wb::ui::reports::ReportBuilder)

public:
    /// Reads what `kind` needs of the case from the workspace, at `now`, and lays it out. Throws core::Error
    /// (NotFound for an unknown case, Locked, Storage).
    static Report build(core::Workspace& workspace,
                        const ReportCatalogues& catalogues,
                        core::reports::ReportKind kind,
                        std::int64_t caseId,
                        const ReportOptions& options,
                        core::Instant now);

    /// The furniture of every page of `report` printed now from `workspace`: the marking (the options', else the
    /// workspace's, else the default), the crime reference, who prints (the workspace owner) and when (UK time), and
    /// whether it is a training workspace. Throws core::Error(Validation, "marking") for an options' marking that
    /// core::reports::checkedMarking refuses (a line break, too long).
    static PageFurniture
    furniture(core::Workspace& workspace, const Report& report, const ReportOptions& options, core::Instant now);

    /// The layouts, from data already read.
    static Report caseSummary(const core::reports::CaseSummary& summary,
                              const core::OffenceCatalogue& offences,
                              const core::ReferenceData& lists,
                              const ReportOptions& options);
    static Report investigationPlan(const core::Case& theCase,
                                    const core::plan::PlanView& plan,
                                    core::Instant now,
                                    const ReportOptions& options);
    static Report decisionLog(const core::Case& theCase,
                              const std::vector<core::reports::DecisionLogEntry>& log,
                              const ReportOptions& options);
    /// The timeline's events (core::RecordRepository's order for them: earliest first).
    static Report
    chronology(const core::Case& theCase, const std::vector<core::Record>& events, const ReportOptions& options);

    /// The title of a report of `kind` ("Investigation plan").
    static QString title(core::reports::ReportKind kind);
};

} // namespace wb::ui::reports
