// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
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
struct Record;
namespace deadlines {
class DeadlineService;
}
namespace letters {
struct LetterTemplate;
}
namespace nom {
class EnquiryCatalogue;
class QuestionCatalogue;
} // namespace nom
} // namespace wb::core

namespace wb::ui::reports {

class ReportWriter;

/// The catalogues a report reads besides the workspace (the plan's proposals come from them; the review pack's
/// deadlines from the deadline rules).
struct ReportCatalogues {
    const core::nom::EnquiryCatalogue& enquiries;
    const core::nom::QuestionCatalogue& questions;
    /// Needed by the review pack and Today only: building one without it throws core::Error(ReferenceData,
    /// "deadlines").
    const core::deadlines::DeadlineService* deadlines = nullptr;
    /// Needed by victim letters only (core::Error(ReferenceData, "letters") without them).
    const std::vector<core::letters::LetterTemplate>* letters = nullptr;
};

/// Builds the reports of a case. The data (which records, in what order, what is superseded) comes from core's
/// use cases (core/reports, core/plan); this class only lays it out.
class ReportBuilder
{
    Q_DECLARE_TR_FUNCTIONS(wb::ui::reports::ReportBuilder)

public:
    /// Reads what `kind` needs of the case from the workspace, at `now`, and lays it out; Today (not of one case)
    /// does not read caseId; a victim letter reads options.letter. Throws core::Error (NotFound for an unknown case,
    /// ReferenceData "deadlines" for the review pack or Today without the deadline rules, ReferenceData "letters" or
    /// Validation "letter" for a letter without its templates or its choice, what core::letters::writeLetter throws,
    /// Locked, Storage).
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

    /// What every report starts with: its title, the crime reference (and operation) and, in privacy mode, a note
    /// saying so. Returns the report with its kind, title and crime reference set; the caller adds the document.
    static Report begin(core::reports::ReportKind kind,
                        const core::Case& theCase,
                        ReportWriter& writer,
                        const ReportOptions& options);
    /// The name a person is printed under (the options' personName: initials in privacy mode).
    static QString personName(const ReportOptions& options, const core::Person& person);
    /// A reference list item's label ("Phone"), the code itself when the list lacks it, "" for no code.
    static QString listLabel(const core::ReferenceData& lists, std::string_view kind, const std::string& code);
    static QString
    listLabel(const core::ReferenceData& lists, std::string_view kind, const std::optional<std::string>& code);
    /// What a field of a record prints: its value, or "(left out: privacy mode)" when privacy mode applies and the
    /// record keeps the field as sensitive (core::FieldSpec::sensitive), as the screen masks it. Empty stays empty.
    static QString fieldText(const core::Record& record, std::string_view key, const ReportOptions& options);
};

} // namespace wb::ui::reports
