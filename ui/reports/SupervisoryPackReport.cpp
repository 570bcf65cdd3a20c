// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/reports/SupervisoryPackReport.h"

#include "ui/reports/ReportBuilder.h"
#include "ui/reports/ReportText.h"
#include "ui/reports/ReportWriter.h"

namespace wb::ui::reports {

namespace {

using core::deadlines::DueItem;

void dueTable(ReportWriter& writer, const std::vector<DueItem>& items, const QString& none)
{
    if (items.empty()) {
        writer.paragraph(none);
        return;
    }
    std::vector<QStringList> rows;
    rows.reserve(items.size());
    for (const auto& item : items) {
        rows.push_back({ReportText::dueWhen(item), ReportText::dueWhat(item)});
    }
    writer.table({SupervisoryPackReport::tr("Due"), SupervisoryPackReport::tr("What")}, rows, {20, 80});
}

void countsTable(ReportWriter& writer, const std::vector<core::reports::RecordCount>& counts, const QString& none)
{
    if (counts.empty()) {
        writer.paragraph(none);
        return;
    }
    std::vector<QStringList> rows;
    rows.reserve(counts.size());
    for (const auto& count : counts) {
        rows.push_back({ReportText::recordTypePlural(count.type), QString::number(count.count)});
    }
    writer.table({SupervisoryPackReport::tr("Kind of record"), SupervisoryPackReport::tr("How many")}, rows, {75, 25});
}

} // namespace

Report SupervisoryPackReport::layout(const core::reports::SupervisoryPack& pack,
                                     const core::ReferenceData& lists,
                                     const ReportOptions& options)
{
    ReportWriter writer;
    Report report = ReportBuilder::begin(core::reports::ReportKind::ReviewPack, pack.theCase, writer, options);
    const QString since = pack.since ? ReportText::ukDateTime(*pack.since) : QString();
    if (pack.lastReview) {
        writer.note(tr("The plan was last reviewed by %1 on %2. \"Since the last review\" below means since then.")
                        .arg(ReportBuilder::fieldText(*pack.lastReview, "taken_by", options), since));
    } else {
        writer.note(tr("The plan has not been reviewed yet: everything below counts from the opening of the case."));
    }

    writer.heading(tr("Awaiting your review"));
    writer.subheading(tr("Lines of enquiry that intrude on the victim's private life (%n)", nullptr,
                         static_cast<int>(pack.enquiriesAwaitingReview.size())));
    if (pack.enquiriesAwaitingReview.empty()) {
        writer.paragraph(tr("None."));
    }
    for (const auto& enquiry : pack.enquiriesAwaitingReview) {
        const auto v = [&](std::string_view key) { return ReportBuilder::fieldText(enquiry, key, options); };
        writer.fields({
            {tr("Enquiry"), v("title")},
            {tr("Accepted"), tr("by %1 on %2").arg(v("accepted_by"), ReportText::ukWhen(enquiry.get("accepted_at")))},
            {tr("Reasonable line of enquiry"), v("line_of_enquiry")},
            {tr("Necessity and proportionality"), v("necessity_proportionality")},
            {tr("Less intrusive options considered"), v("less_intrusive_options")},
        });
    }
    writer.subheading(
        tr("Third-party material requests (%n)", nullptr, static_cast<int>(pack.requestsAwaitingReview.size())));
    if (pack.requestsAwaitingReview.empty()) {
        writer.paragraph(tr("None."));
    }
    for (const auto& request : pack.requestsAwaitingReview) {
        const auto v = [&](std::string_view key) { return ReportBuilder::fieldText(request, key, options); };
        writer.fields({
            {tr("Held by"), v("holder")},
            {tr("Reasonable line of enquiry"), v("line_of_enquiry")},
            {tr("Necessity and proportionality"), v("proportionality")},
            {tr("Requested on"), ReportText::ukWhen(request.get("requested_on"))},
        });
    }

    writer.heading(tr("Deadlines"));
    writer.subheading(tr("Overdue (%n)", nullptr, static_cast<int>(pack.overdue.size())));
    dueTable(writer, pack.overdue, tr("Nothing is overdue."));
    writer.subheading(
        tr("Due within %1 days (%n)", nullptr, static_cast<int>(pack.dueSoon.size())).arg(core::reports::kDueSoonDays));
    dueTable(writer, pack.dueSoon, tr("Nothing falls due in the next %1 days.").arg(core::reports::kDueSoonDays));

    writer.heading(tr("What changed since the last review"));
    writer.fields({
        {tr("Stage of the investigation"),
         ReportBuilder::listLabel(lists, "journey-stages", pack.theCase.journeyStage.value_or(std::string()))},
        {tr("Proposed, not yet decided"), QString::number(pack.plan.proposedOpen)},
        {tr("Accepted as enquiries"), QString::number(pack.plan.accepted)},
        {tr("Declined with a rationale"), QString::number(pack.plan.declined)},
        {tr("Enquiries overdue"), QString::number(pack.plan.overdue)},
    });
    writer.subheading(tr("Lines of enquiry newly proposed (%n)", nullptr, static_cast<int>(pack.newlyProposed.size())));
    if (pack.newlyProposed.empty()) {
        writer.paragraph(pack.lastReview ? tr("None.") : tr("Every proposal is new: the plan was never reviewed."));
    }
    for (const auto& item : pack.newlyProposed) {
        const QString title = item.entry ? ReportText::fromStd(item.entry->title) : QString();
        writer.paragraph(QStringLiteral("%1 · %2").arg(ReportText::fromStd(item.enquiryId), title));
    }
    if (!pack.noLongerProposed.empty()) {
        QStringList ids;
        for (const auto& id : pack.noLongerProposed) {
            ids << ReportText::fromStd(id);
        }
        writer.subheading(tr("No longer proposed (%n)", nullptr, static_cast<int>(ids.size())));
        writer.paragraph(ids.join(QStringLiteral(", ")));
    }
    writer.subheading(tr("Records added"));
    countsTable(writer, pack.added, tr("None."));
    writer.subheading(tr("Records changed"));
    countsTable(writer, pack.changed, tr("None."));
    writer.subheading(tr("Decisions made (%n)", nullptr, static_cast<int>(pack.decisionsSince.size())));
    if (pack.decisionsSince.empty()) {
        writer.paragraph(tr("None."));
    }
    for (const auto& entry : pack.decisionsSince) {
        const auto& r = entry.record;
        writer.fields({
            {tr("Entry %1 · %2").arg(entry.number).arg(ReportText::ukWhen(r.get("decided_at"))),
             ReportBuilder::fieldText(r, "decision", options)},
            {tr("Rationale"), ReportBuilder::fieldText(r, "rationale", options)},
            {tr("Decided by"), ReportBuilder::fieldText(r, "decided_by", options)},
        });
    }
    report.document = writer.take();
    return report;
}

} // namespace wb::ui::reports
