// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/reports/ReportBuilder.h"

#include "core/Error.h"
#include "core/Workspace.h"
#include "core/domain/ApproxDate.h"
#include "core/letters/LetterTemplate.h"
#include "core/letters/VictimLetter.h"
#include "core/nom/EnquiryCatalogue.h"
#include "core/nom/OffenceCatalogue.h"
#include "core/records/RecordSpec.h"
#include "core/records/RecordTypes.h"
#include "core/reference/ReferenceData.h"
#include "core/reference/ReferenceList.h"
#include "core/reports/ProtectiveMarking.h"
#include "core/reports/SupervisoryPack.h"
#include "core/reports/TodayList.h"
#include "core/reports/VictimContactLog.h"
#include "core/workspace/WorkspaceMeta.h"
#include "ui/reports/DisclosureScheduleReport.h"
#include "ui/reports/LetterReport.h"
#include "ui/reports/ReportText.h"
#include "ui/reports/ReportWriter.h"
#include "ui/reports/SupervisoryPackReport.h"
#include "ui/reports/TodayReport.h"
#include "ui/reports/VictimContactReport.h"

namespace wb::ui::reports {

namespace {

using core::reports::ReportKind;

QString offenceTitle(const core::OffenceCatalogue& offences, const std::string& code)
{
    if (const auto* offence = offences.find(code)) {
        return ReportText::fromStd(offence->title + " (" + offence->legislation + " " + offence->section + ")");
    }
    return ReportText::fromStd(code);
}

/// The reasons a line of enquiry is proposed, one per line.
QString reasonsText(const core::plan::PlanItem& item)
{
    if (!item.proposal) {
        return ReportBuilder::tr("Not proposed by the case's facts now.");
    }
    if (item.proposal->reasons.empty()) {
        return ReportBuilder::tr("Proposed for every case of this kind.");
    }
    QStringList lines;
    for (const auto& reason : item.proposal->reasons) {
        lines << ReportText::withUkTimes(reason.text);
    }
    return lines.join(QLatin1Char('\n'));
}

QString timeLimitText(const core::plan::PlanItem& item)
{
    if (!item.entry || !item.entry->deadline) {
        return {};
    }
    QString text = ReportText::fromStd(item.entry->deadline->label);
    if (!item.entry->deadline->confirmed) {
        text += QLatin1Char(' ') + ReportText::unconfirmed();
    }
    if (item.proposal && item.proposal->due) {
        const QString when = ReportText::ukDateTime(*item.proposal->due);
        text += QLatin1Char('\n') + (item.proposal->expired ? ReportBuilder::tr("Window closed at %1").arg(when)
                                                            : ReportBuilder::tr("Window closes at %1").arg(when));
    }
    return text;
}

QString itemTitle(const core::plan::PlanItem& item)
{
    const QString title =
        item.entry ? ReportText::fromStd(item.entry->title) : ReportBuilder::tr("(no longer in the catalogue in use)");
    return QStringLiteral("%1 · %2").arg(ReportText::fromStd(item.enquiryId), title);
}

/// What every catalogue line shows: why it is suggested, the facts that made it apply, its basis, its time limit.
std::vector<std::pair<QString, QString>> basisRows(const core::plan::PlanItem& item)
{
    std::vector<std::pair<QString, QString>> rows;
    if (item.entry) {
        rows.emplace_back(ReportBuilder::tr("Principle"),
                          ReportText::principle(core::nom::toString(item.entry->principle)));
        rows.emplace_back(ReportBuilder::tr("Why this is suggested"), ReportText::fromStd(item.entry->why));
    }
    rows.emplace_back(ReportBuilder::tr("Proposed because"), reasonsText(item));
    if (item.entry) {
        QString basis = ReportText::fromStd(item.entry->basis);
        if (!item.entry->confirmed) {
            basis += QLatin1Char(' ') + ReportText::unconfirmed();
        }
        rows.emplace_back(ReportBuilder::tr("Basis"), basis);
    }
    rows.emplace_back(ReportBuilder::tr("Time limit"), timeLimitText(item));
    return rows;
}

std::vector<std::pair<QString, QString>> enquiryRows(const core::Record& enquiry, core::Instant now)
{
    QString due = ReportText::ukWhen(enquiry.get("due_on"));
    if (!due.isEmpty() && core::plan::isOverdue(enquiry, now)) {
        due = ReportBuilder::tr("%1 (overdue)").arg(due);
    }
    QString review;
    const auto& state = enquiry.get("supervisor_review");
    if (state == "pending") {
        review = ReportBuilder::tr("Awaiting supervisory review");
    } else if (state == "approved") {
        review = ReportBuilder::tr("Approved by %1 on %2")
                     .arg(ReportText::fromStd(enquiry.get("supervisor_name")),
                          ReportText::ukWhen(enquiry.get("supervisor_reviewed_at")));
    } else if (state == "refused") {
        review = ReportBuilder::tr("Refused by %1 on %2")
                     .arg(ReportText::fromStd(enquiry.get("supervisor_name")),
                          ReportText::ukWhen(enquiry.get("supervisor_reviewed_at")));
    }
    return {
        {ReportBuilder::tr("Status"), ReportText::enquiryStatus(enquiry.get("status"))},
        {ReportBuilder::tr("Owner"), ReportText::fromStd(enquiry.get("owner"))},
        {ReportBuilder::tr("Due"), due},
        {ReportBuilder::tr("Accepted"),
         ReportBuilder::tr("by %1 on %2")
             .arg(ReportText::fromStd(enquiry.get("accepted_by")), ReportText::ukWhen(enquiry.get("accepted_at")))},
        {ReportBuilder::tr("Supervisory review"), review},
        {ReportBuilder::tr("Reasonable line of enquiry"), ReportText::fromStd(enquiry.get("line_of_enquiry"))},
        {ReportBuilder::tr("Necessity and proportionality"),
         ReportText::fromStd(enquiry.get("necessity_proportionality"))},
        {ReportBuilder::tr("Less intrusive options considered"),
         ReportText::fromStd(enquiry.get("less_intrusive_options"))},
        {ReportBuilder::tr("Result"), ReportText::fromStd(enquiry.get("result"))},
    };
}

/// The deadline rules the review pack and Today need: core::Error(ReferenceData, "deadlines") without them.
const core::deadlines::DeadlineService& deadlinesOf(const ReportCatalogues& catalogues)
{
    if (catalogues.deadlines == nullptr) {
        throw core::Error(core::ErrorCode::ReferenceData, "the deadline rules are not loaded", "deadlines");
    }
    return *catalogues.deadlines;
}

Report victimLetter(core::Workspace& workspace,
                    const ReportCatalogues& catalogues,
                    std::int64_t caseId,
                    const ReportOptions& options,
                    core::Instant now)
{
    if (catalogues.letters == nullptr) {
        throw core::Error(core::ErrorCode::ReferenceData, "the victim letters are not loaded", "letters");
    }
    if (!options.letter) {
        throw core::Error(core::ErrorCode::Validation, "choose the victim, the event and the letter", "letter");
    }
    const auto& choice = *options.letter;
    return LetterReport::layout(core::letters::writeLetter(workspace, caseId, choice.victimId, *catalogues.letters,
                                                           choice.occasion, choice.eventType, choice.eventId, now),
                                now);
}

template <typename Rows> void append(Rows& rows, Rows more)
{
    rows.insert(rows.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
}

} // namespace

QString defaultMarking()
{
    return ReportText::fromStd(core::reports::DefaultMarking); // a classification's fixed wording: never translated
}

Report
ReportBuilder::begin(ReportKind kind, const core::Case& theCase, ReportWriter& writer, const ReportOptions& options)
{
    Report report;
    report.kind = kind;
    report.title = title(kind);
    report.crimeReference = ReportText::fromStd(theCase.reference);
    writer.title(report.title);
    QString subtitle = tr("Crime reference %1").arg(report.crimeReference);
    if (theCase.operationName && !theCase.operationName->empty()) {
        subtitle += QStringLiteral(" · ") + ReportText::fromStd(*theCase.operationName);
    }
    writer.paragraph(subtitle);
    if (options.privacyApplied) {
        writer.note(tr("Printed in privacy mode: victims and witnesses are named by their initials, their contact "
                       "details are left out, and so is every detail the record keeps as sensitive."));
    }
    return report;
}

QString ReportBuilder::personName(const ReportOptions& options, const core::Person& person)
{
    if (options.personName) {
        return options.personName(person);
    }
    return ReportText::fromStd(person.givenName + (person.givenName.empty() || person.familyName.empty() ? "" : " ") +
                               person.familyName);
}

QString ReportBuilder::listLabel(const core::ReferenceData& lists, std::string_view kind, const std::string& code)
{
    if (code.empty()) {
        return {};
    }
    if (lists.has(kind)) {
        if (const auto* item = lists.list(kind).find(code)) {
            return ReportText::fromStd(item->label);
        }
    }
    return ReportText::fromStd(code);
}

QString ReportBuilder::listLabel(const core::ReferenceData& lists,
                                 std::string_view kind,
                                 const std::optional<std::string>& code)
{
    return code ? listLabel(lists, kind, *code) : QString();
}

QString ReportBuilder::fieldText(const core::Record& record, std::string_view key, const ReportOptions& options)
{
    const std::string& text = record.get(key);
    if (text.empty()) {
        return {};
    }
    if (options.privacyApplied && record.spec != nullptr) {
        if (const auto* field = record.spec->field(key); field != nullptr && field->sensitive) {
            return tr("(left out: privacy mode)");
        }
    }
    return ReportText::fromStd(text);
}

QString ReportBuilder::title(ReportKind kind)
{
    switch (kind) {
    case ReportKind::CaseSummary: return tr("Case summary");
    case ReportKind::InvestigationPlan: return tr("Investigation plan");
    case ReportKind::DecisionLog: return tr("Decision log");
    case ReportKind::Chronology: return tr("Chronology");
    case ReportKind::VictimContact: return tr("Victim contact and Victims' Code record");
    case ReportKind::ReviewPack: return tr("Supervisory review pack");
    case ReportKind::Today: return tr("Today");
    case ReportKind::VictimLetter: return tr("Letter to a victim");
    case ReportKind::DisclosureMG6C: return tr("MG6C: schedule of non-sensitive unused material");
    case ReportKind::DisclosureMG6D: return tr("MG6D: schedule of sensitive unused material");
    case ReportKind::DisclosureMG6E: return tr("MG6E: disclosure officer's report");
    }
    return tr("Case summary");
}

Report ReportBuilder::build(core::Workspace& workspace,
                            const ReportCatalogues& catalogues,
                            ReportKind kind,
                            std::int64_t caseId,
                            const ReportOptions& options,
                            core::Instant now)
{
    if (!core::reports::isCaseReport(kind)) {
        // Today: every open case; caseId is not read.
        return TodayReport::layout(core::reports::todayList(workspace, deadlinesOf(catalogues), now), now, options);
    }
    const core::Case theCase = core::reports::caseById(workspace, caseId);
    switch (kind) {
    case ReportKind::CaseSummary: {
        const auto plan = core::plan::build(workspace, caseId, catalogues.enquiries, catalogues.questions, now);
        return caseSummary(core::reports::caseSummary(workspace, caseId, plan, now), workspace.offences(),
                           workspace.lists(), options);
    }
    case ReportKind::InvestigationPlan:
        return investigationPlan(theCase,
                                 core::plan::build(workspace, caseId, catalogues.enquiries, catalogues.questions, now),
                                 now, options);
    case ReportKind::DecisionLog: return decisionLog(theCase, core::reports::decisionLog(workspace, caseId), options);
    case ReportKind::Chronology:
        return chronology(theCase, workspace.records().list(core::recordSpec(core::recordtype::kTimelineEvent), caseId),
                          options);
    case ReportKind::VictimContact:
        return VictimContactReport::layout(theCase, core::reports::victimContactLog(workspace, caseId),
                                           workspace.lists(), options);
    case ReportKind::ReviewPack: {
        const auto& deadlines = deadlinesOf(catalogues);
        const auto plan = core::plan::build(workspace, caseId, catalogues.enquiries, catalogues.questions, now);
        return SupervisoryPackReport::layout(core::reports::supervisoryPack(workspace, caseId, plan, deadlines, now),
                                             workspace.lists(), options);
    }
    case ReportKind::Today: break; // laid out above
    case ReportKind::VictimLetter: return victimLetter(workspace, catalogues, caseId, options, now);
    case ReportKind::DisclosureMG6C:
    case ReportKind::DisclosureMG6D:
    case ReportKind::DisclosureMG6E:
        return DisclosureScheduleReport::layout(kind, core::disclosure::disclosureSchedules(workspace, caseId),
                                                options);
    }
    throw core::Error(core::ErrorCode::Validation, "unknown report", "report");
}

PageFurniture ReportBuilder::furniture(core::Workspace& workspace,
                                       const Report& report,
                                       const ReportOptions& options,
                                       core::Instant now)
{
    const auto info = workspace.info();
    PageFurniture f;
    // The marking chosen for this printout (checked as the workspace's own is: one line, not too long), else the
    // workspace's own (core/reports/ProtectiveMarking), else the default.
    const QByteArray utf8 = options.marking.toUtf8();
    const std::string chosen =
        core::reports::checkedMarking(std::string_view(utf8.constData(), static_cast<std::size_t>(utf8.size())));
    f.marking = ReportText::fromStd(chosen.empty() ? core::reports::protectiveMarking(workspace) : chosen);
    f.crimeReference = report.crimeReference;
    f.title = report.title;
    f.printedBy = ReportText::fromStd(core::workspace::actorOf(info.owner.displayName, info.owner.staffNumber));
    f.printedAt = ReportText::ukDateTime(now);
    f.training = info.training;
    return f;
}

Report ReportBuilder::caseSummary(const core::reports::CaseSummary& summary,
                                  const core::OffenceCatalogue& offences,
                                  const core::ReferenceData& lists,
                                  const ReportOptions& options)
{
    ReportWriter writer;
    const auto& c = summary.theCase;
    Report report = ReportBuilder::begin(ReportKind::CaseSummary, c, writer, options);

    writer.heading(tr("The case"));
    QStringList others;
    for (const auto& code : c.otherOffences) {
        others << offenceTitle(offences, code);
    }
    QString outcome = ReportBuilder::listLabel(lists, "outcome-codes", c.outcomeCode);
    if (!outcome.isEmpty()) {
        outcome = tr("%1 (%2), on %3: %4")
                      .arg(outcome, ReportText::fromStd(*c.outcomeCode),
                           ReportText::ukWhen(c.outcomeDate.value_or(std::string())),
                           ReportText::fromStd(c.outcomeReason.value_or(std::string())));
    }
    writer.fields({
        {tr("Crime reference"), ReportText::fromStd(c.reference)},
        {tr("Operation"), ReportText::fromStd(c.operationName.value_or(std::string()))},
        {tr("Status"), c.status == core::CaseStatus::Open ? tr("Open") : tr("Closed")},
        {tr("Offence"), offenceTitle(offences, c.primaryOffence)},
        {tr("Other offences"), others.join(QLatin1Char('\n'))},
        {tr("When it happened"), ReportText::approxDate(c.offenceDate)},
        {tr("Reported"), ReportText::ukDateTime(c.reportedAt)},
        {tr("How it was reported"), ReportBuilder::listLabel(lists, "report-channels", c.reportChannel)},
        {tr("Where"), ReportBuilder::listLabel(lists, "location-types", c.locationType)},
        {tr("Place"), ReportText::fromStd(c.locationDescription.value_or(std::string()))},
        {tr("Stage of the investigation"), ReportBuilder::listLabel(lists, "journey-stages", c.journeyStage)},
        {tr("Outcome"), outcome},
    });

    writer.heading(tr("People"));
    if (summary.people.empty()) {
        writer.paragraph(tr("No one is recorded yet."));
    } else {
        std::vector<QStringList> rows;
        for (const auto& person : summary.people) {
            rows.push_back({ReportText::role(person.role), ReportBuilder::personName(options, person)});
        }
        writer.table({tr("Role"), tr("Name")}, rows, {25, 75});
    }

    writer.heading(tr("Investigation plan"));
    const auto& plan = summary.plan;
    writer.fields({
        {tr("Proposed, not yet decided"), QString::number(plan.proposedOpen)},
        {tr("Accepted as enquiries"), QString::number(plan.accepted)},
        {tr("Declined with a rationale"), QString::number(plan.declined)},
        {tr("The officer's own enquiries"), QString::number(plan.ownEnquiries)},
        {tr("Enquiries overdue"), QString::number(plan.overdue)},
    });

    writer.heading(tr("Records"));
    if (summary.records.empty()) {
        writer.paragraph(tr("No records yet."));
    } else {
        std::vector<QStringList> rows;
        for (const auto& count : summary.records) {
            rows.push_back({ReportText::recordTypePlural(count.type), QString::number(count.count)});
        }
        writer.table({tr("Kind of record"), tr("How many")}, rows, {75, 25});
    }
    report.document = writer.take();
    return report;
}

Report ReportBuilder::investigationPlan(const core::Case& theCase,
                                        const core::plan::PlanView& plan,
                                        core::Instant now,
                                        const ReportOptions& options)
{
    using core::plan::Choice;
    ReportWriter writer;
    Report report = ReportBuilder::begin(ReportKind::InvestigationPlan, theCase, writer, options);
    writer.note(tr("Lines of enquiry from the National Operating Model catalogue (version %1) proposed by the case's "
                   "facts, with the officer's choice about each. A proposal is a prompt, never an instruction.")
                    .arg(ReportText::fromStd(plan.catalogueVersion)));
    if (plan.lastReview) {
        writer.note(tr("The plan was last reviewed by %1 on %2.")
                        .arg(ReportText::fromStd(plan.lastReview->get("taken_by")),
                             ReportText::ukWhen(plan.lastReview->get("taken_at"))));
    } else {
        writer.note(tr("The plan has not been reviewed yet."));
    }

    std::vector<const core::plan::PlanItem*> open;
    std::vector<const core::plan::PlanItem*> accepted;
    std::vector<const core::plan::PlanItem*> declined;
    for (const auto* list : {&plan.proposals, &plan.noLongerApplies}) {
        for (const auto& item : *list) {
            switch (item.choice) {
            case Choice::Open:
                if (item.proposal) {
                    open.push_back(&item);
                }
                break;
            case Choice::Accepted: accepted.push_back(&item); break;
            case Choice::Declined: declined.push_back(&item); break;
            }
        }
    }

    writer.heading(tr("Proposed, not yet decided (%1)").arg(open.size()));
    if (open.empty()) {
        writer.paragraph(tr("None."));
    }
    for (const auto* item : open) {
        writer.subheading(itemTitle(*item));
        writer.fields(basisRows(*item));
    }

    writer.heading(tr("Accepted as enquiries (%1)").arg(accepted.size()));
    if (accepted.empty()) {
        writer.paragraph(tr("None."));
    }
    for (const auto* item : accepted) {
        writer.subheading(itemTitle(*item));
        auto rows = enquiryRows(*item->enquiry, now);
        append(rows, basisRows(*item));
        writer.fields(rows);
    }

    writer.heading(tr("Declined, with the rationale (%1)").arg(declined.size()));
    if (declined.empty()) {
        writer.paragraph(tr("None."));
    }
    for (const auto* item : declined) {
        writer.subheading(itemTitle(*item));
        std::vector<std::pair<QString, QString>> rows{
            {tr("Rationale"), ReportText::fromStd(item->decline->get("rationale"))},
            {tr("Declined"), tr("by %1 on %2")
                                 .arg(ReportText::fromStd(item->decline->get("decided_by")),
                                      ReportText::ukWhen(item->decline->get("decided_at")))},
        };
        append(rows, basisRows(*item));
        writer.fields(rows);
    }

    writer.heading(tr("The officer's own enquiries (%1)").arg(plan.ownEnquiries.size()));
    if (plan.ownEnquiries.empty()) {
        writer.paragraph(tr("None."));
    }
    for (const auto& enquiry : plan.ownEnquiries) {
        writer.subheading(ReportText::fromStd(enquiry.get("title")));
        auto rows = enquiryRows(enquiry, now);
        rows.insert(rows.begin(), {tr("Principle"), ReportText::principle(enquiry.get("principle"))});
        writer.fields(rows);
    }
    report.document = writer.take();
    return report;
}

Report ReportBuilder::decisionLog(const core::Case& theCase,
                                  const std::vector<core::reports::DecisionLogEntry>& log,
                                  const ReportOptions& options)
{
    ReportWriter writer;
    Report report = ReportBuilder::begin(ReportKind::DecisionLog, theCase, writer, options);
    writer.note(tr("Every decision recorded for the case, in the order made. Entries are never changed: a correction "
                   "is a later entry, and the entry it corrects is printed too, marked superseded."));
    if (log.empty()) {
        writer.paragraph(tr("No decisions are recorded yet."));
    }
    for (const auto& entry : log) {
        const auto& r = entry.record;
        QString heading = tr("Entry %1 · %2").arg(entry.number).arg(ReportText::ukWhen(r.get("decided_at")));
        if (entry.superseded()) {
            heading += QStringLiteral(" · ") + tr("SUPERSEDED by entry %1").arg(*entry.supersededBy);
        }
        writer.subheading(heading);
        writer.fields({
            {tr("Decision"), ReportText::fromStd(r.get("decision"))},
            {tr("Rationale"), ReportText::fromStd(r.get("rationale"))},
            {tr("Alternatives considered"), ReportText::fromStd(r.get("alternatives"))},
            {tr("Decided by"), ReportText::fromStd(r.get("decided_by"))},
            {tr("Corrects"), entry.supersedes ? tr("entry %1").arg(*entry.supersedes) : QString()},
            {tr("Line of enquiry"), ReportText::fromStd(r.get("enquiry_ref"))},
        });
    }
    report.document = writer.take();
    return report;
}

Report ReportBuilder::chronology(const core::Case& theCase,
                                 const std::vector<core::Record>& events,
                                 const ReportOptions& options)
{
    ReportWriter writer;
    Report report = ReportBuilder::begin(ReportKind::Chronology, theCase, writer, options);
    writer.note(tr("Every event on the case's timeline, earliest first. Each date is printed as precisely as it was "
                   "recorded: \"May 2019\" stays a month and \"between\" stays a span; none is made exact. What "
                   "happened is printed as the officer recorded it."));
    if (events.empty()) {
        writer.paragraph(tr("No events are recorded on the timeline yet."));
    }
    std::vector<QStringList> rows;
    rows.reserve(events.size());
    for (const core::Record& event : events) {
        const auto when = core::ApproxDate::parse(event.get("occurred"));
        rows.push_back({when ? ReportText::approxDate(*when) : ReportText::fromStd(event.get("occurred")),
                        ReportText::fromStd(event.get("title")), ReportText::fromStd(event.get("details")),
                        ReportText::fromStd(event.get("source"))});
    }
    if (!rows.empty()) {
        writer.table({tr("When"), tr("What happened"), tr("Details"), tr("Source")}, rows, {20, 28, 37, 15});
    }
    report.document = writer.take();
    return report;
}

} // namespace wb::ui::reports
