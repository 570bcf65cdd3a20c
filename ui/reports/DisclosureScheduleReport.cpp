// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/reports/DisclosureScheduleReport.h"

#include "ui/reports/ReportBuilder.h"
#include "ui/reports/ReportText.h"
#include "ui/reports/ReportWriter.h"

namespace wb::ui::reports {

namespace {

namespace disclosure = core::disclosure;
using core::reports::ReportKind;

QString scheduleName(disclosure::Schedule schedule)
{
    return ReportText::fromStd(disclosure::toString(schedule));
}

/// "R v A. Person and B. Other", as privacy mode prints their names.
QString regina(const disclosure::DisclosureSchedules& s, const ReportOptions& options)
{
    QStringList names;
    for (const auto& suspect : s.suspects) {
        names << ReportBuilder::personName(options, suspect);
    }
    if (names.isEmpty()) {
        return DisclosureScheduleReport::tr("No suspect recorded");
    }
    const QString last = names.takeLast();
    return names.isEmpty() ? DisclosureScheduleReport::tr("R v %1").arg(last)
                           : DisclosureScheduleReport::tr("R v %1 and %2").arg(names.join(QStringLiteral(", ")), last);
}

QString orNotRecorded(const QString& text)
{
    return text.isEmpty() ? DisclosureScheduleReport::tr("[Not yet recorded]") : text;
}

QString descriptionAndDate(const core::Record& item, const ReportOptions& options)
{
    QString text = ReportBuilder::fieldText(item, "description", options);
    if (!item.get("relevant_date").empty()) {
        text += QLatin1Char('\n') +
                DisclosureScheduleReport::tr("Relevant date: %1").arg(ReportText::ukWhen(item.get("relevant_date")));
    }
    return text;
}

void header(ReportWriter& writer, const disclosure::DisclosureSchedules& s, const ReportOptions& options)
{
    writer.note(DisclosureScheduleReport::tr(
        "DRAFT for the disclosure officer, kept as the investigation goes. The disclosure officer checks, completes "
        "and signs it before it is sent to the prosecutor."));
    writer.fields({{DisclosureScheduleReport::tr("Case"), regina(s, options)}});
}

void signatures(ReportWriter& writer, bool lawyer)
{
    const QString line = QStringLiteral("______________________________");
    std::vector<std::pair<QString, QString>> rows{
        {DisclosureScheduleReport::tr("Disclosure officer"), line},
        {DisclosureScheduleReport::tr("Signature"), line},
        {DisclosureScheduleReport::tr("Date"), line},
    };
    if (lawyer) {
        rows.emplace_back(DisclosureScheduleReport::tr("Reviewing lawyer"), line);
    }
    writer.fields(rows);
}

void mg6c(ReportWriter& writer, const disclosure::DisclosureSchedules& s, const ReportOptions& options)
{
    writer.paragraph(DisclosureScheduleReport::tr("The disclosure officer believes that the material below, which "
                                                  "does not form part of the prosecution case, is not sensitive."));
    if (s.nonSensitive.empty()) {
        writer.paragraph(DisclosureScheduleReport::tr("No unused material is recorded as not sensitive."));
    } else {
        std::vector<QStringList> rows;
        for (const auto& item : s.nonSensitive) {
            rows.push_back({QString::number(item.number), descriptionAndDate(item.record, options),
                            orNotRecorded(ReportBuilder::fieldText(item.record, "location", options)), QString()});
        }
        writer.table({DisclosureScheduleReport::tr("Item"),
                      DisclosureScheduleReport::tr("Description and relevant date"),
                      DisclosureScheduleReport::tr("Location"), DisclosureScheduleReport::tr("For the prosecutor")},
                     rows, {7, 55, 20, 18});
        writer.note(DisclosureScheduleReport::tr("For the prosecutor: CND clearly not disclosable, D disclose, I "
                                                 "the defence may inspect."));
    }
    signatures(writer, true);
}

void mg6d(ReportWriter& writer, const disclosure::DisclosureSchedules& s, const ReportOptions& options)
{
    writer.paragraph(DisclosureScheduleReport::tr(
        "The disclosure officer believes that the material below is sensitive: it is for the prosecutor only and is "
        "not given to the defence."));
    if (s.sensitive.empty()) {
        writer.paragraph(DisclosureScheduleReport::tr("No unused material is recorded as sensitive."));
    } else {
        std::vector<QStringList> rows;
        for (const auto& item : s.sensitive) {
            QString description = descriptionAndDate(item.record, options);
            const QString location = ReportBuilder::fieldText(item.record, "location", options);
            if (!location.isEmpty()) {
                description += QLatin1Char('\n') + DisclosureScheduleReport::tr("Location: %1").arg(location);
            }
            rows.push_back({QString::number(item.number), description,
                            orNotRecorded(ReportBuilder::fieldText(item.record, "sensitivity_reason", options)),
                            QString()});
        }
        writer.table({DisclosureScheduleReport::tr("Item"), DisclosureScheduleReport::tr("Description"),
                      DisclosureScheduleReport::tr("Reason for sensitivity"),
                      DisclosureScheduleReport::tr("For the prosecutor")},
                     rows, {7, 45, 30, 18});
    }
    signatures(writer, true);
}

QString gapText(disclosure::Gap gap)
{
    switch (gap) {
    case disclosure::Gap::Location: return DisclosureScheduleReport::tr("where it is held is not recorded");
    case disclosure::Gap::SensitivityReason: return DisclosureScheduleReport::tr("no reason for its sensitivity");
    case disclosure::Gap::NotAssessed:
        return DisclosureScheduleReport::tr("not yet assessed against the disclosure test");
    }
    return {};
}

void mg6e(ReportWriter& writer, const disclosure::DisclosureSchedules& s, const ReportOptions& options)
{
    writer.heading(DisclosureScheduleReport::tr(
        "Material that might reasonably undermine the prosecution case or assist the defence"));
    if (s.mayMeetTest.empty()) {
        writer.paragraph(DisclosureScheduleReport::tr("None is recorded."));
    } else {
        std::vector<QStringList> rows;
        for (const auto& item : s.mayMeetTest) {
            rows.push_back({QStringLiteral("%1 %2").arg(scheduleName(item.schedule)).arg(item.number),
                            descriptionAndDate(item.record, options),
                            ReportBuilder::fieldText(item.record, "disclosure_reason", options),
                            orNotRecorded(ReportBuilder::fieldText(item.record, "location", options))});
        }
        writer.table({DisclosureScheduleReport::tr("Schedule and item"), DisclosureScheduleReport::tr("Description"),
                      DisclosureScheduleReport::tr("Why it might meet the test"),
                      DisclosureScheduleReport::tr("Location")},
                     rows, {12, 38, 32, 18});
    }

    writer.heading(DisclosureScheduleReport::tr("The schedules"));
    writer.fields({
        {DisclosureScheduleReport::tr("MG6C (not sensitive)"),
         DisclosureScheduleReport::tr("%n items", nullptr, static_cast<int>(s.nonSensitive.size()))},
        {DisclosureScheduleReport::tr("MG6D (sensitive)"),
         DisclosureScheduleReport::tr("%n items", nullptr, static_cast<int>(s.sensitive.size()))},
        {DisclosureScheduleReport::tr("Exhibits, devices and third-party material not yet on a schedule"),
         QString::number(s.notYetScheduled)},
    });

    writer.heading(DisclosureScheduleReport::tr("Still to complete before the schedules are signed"));
    if (s.gaps.empty() && s.notYetScheduled == 0) {
        writer.paragraph(DisclosureScheduleReport::tr("Nothing: every item has its location, every sensitive item its "
                                                      "reason, and every item has been assessed."));
    } else {
        std::vector<QStringList> rows;
        for (const auto& gap : s.gaps) {
            rows.push_back({QStringLiteral("%1 %2").arg(scheduleName(gap.schedule)).arg(gap.number), gapText(gap.gap)});
        }
        if (s.notYetScheduled > 0) {
            rows.push_back({DisclosureScheduleReport::tr("Evidence"),
                            DisclosureScheduleReport::tr("Exhibits, devices or third-party material requests not "
                                                         "yet on a schedule: %1")
                                .arg(s.notYetScheduled)});
        }
        writer.table({DisclosureScheduleReport::tr("Item"), DisclosureScheduleReport::tr("What is missing")}, rows,
                     {20, 80});
    }

    writer.heading(DisclosureScheduleReport::tr("Declaration"));
    writer.paragraph(DisclosureScheduleReport::tr(
        "To the best of my knowledge and belief, all relevant material that has been retained and made available to "
        "me has been revealed to the prosecutor in accordance with the Criminal Procedure and Investigations Act 1996 "
        "and its Code of Practice."));
    signatures(writer, false);
}

} // namespace

Report DisclosureScheduleReport::layout(ReportKind kind,
                                        const disclosure::DisclosureSchedules& schedules,
                                        const ReportOptions& options)
{
    ReportWriter writer;
    Report report = ReportBuilder::begin(kind, schedules.theCase, writer, options);
    header(writer, schedules, options);
    switch (kind) {
    case ReportKind::DisclosureMG6D: mg6d(writer, schedules, options); break;
    case ReportKind::DisclosureMG6E: mg6e(writer, schedules, options); break;
    default: mg6c(writer, schedules, options); break;
    }
    report.document = writer.take();
    return report;
}

} // namespace wb::ui::reports
