// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/reports/TodayReport.h"

#include <chrono>

#include <QDate>
#include <QLocale>

#include "core/plan/InvestigationPlan.h"
#include "core/reports/ReportKind.h"
#include "core/reports/TodayList.h"
#include "ui/reports/ReportBuilder.h"
#include "ui/reports/ReportText.h"
#include "ui/reports/ReportWriter.h"

namespace wb::ui::reports {

namespace {

using core::deadlines::DueItem;
using core::deadlines::DueState;

/// A London calendar date ("YYYY-MM-DD", core::plan::londonDate) as a QDate.
QDate dateOf(const std::string& iso)
{
    return QDate::fromString(ReportText::fromStd(iso), Qt::ISODate);
}

} // namespace

QString TodayReport::group(const DueItem& item, core::Instant now)
{
    if (item.state == DueState::Overdue) {
        return tr("Overdue");
    }
    const QDate today = dateOf(core::plan::londonDate(now));
    const QDate due = dateOf(core::plan::londonDate(item.due));
    const QString day =
        QLocale(QLocale::English, QLocale::UnitedKingdom).toString(due, QStringLiteral("dddd dd/MM/yyyy"));
    if (due <= today) {
        return tr("Today, %1").arg(day);
    }
    if (due == today.addDays(1)) {
        return tr("Tomorrow, %1").arg(day);
    }
    return day;
}

Report TodayReport::layout(const std::vector<DueItem>& items, core::Instant now, const ReportOptions& options)
{
    ReportWriter writer;
    Report report;
    report.kind = core::reports::ReportKind::Today;
    report.title = ReportBuilder::title(report.kind);
    writer.title(report.title);
    writer.paragraph(tr("Every open case, as at %1").arg(ReportText::ukDateTime(now)));
    if (options.privacyApplied) {
        writer.note(tr("Printed in privacy mode. The list names no one: each item gives the case's crime reference."));
    }
    writer.note(tr("What is overdue, then what falls due each day from today to %n days ahead (UK days), most "
                   "urgent first. A deadline that runs to the end of a day shows its date; one with a time of its own "
                   "shows the time.",
                   nullptr, static_cast<int>(core::reports::kTodayHorizon.count())));
    if (items.empty()) {
        writer.paragraph(tr("Nothing is due or overdue in your open cases."));
    }
    QString current;
    std::vector<QStringList> rows;
    const auto flush = [&] {
        if (!rows.empty()) {
            writer.heading(tr("%1 (%n)", nullptr, static_cast<int>(rows.size())).arg(current));
            writer.table({tr("Due"), tr("Case"), tr("What to do, and why")}, rows, {20, 18, 62});
            rows.clear();
        }
    };
    for (const auto& item : items) {
        const QString g = group(item, now);
        if (g != current) {
            flush();
            current = g;
        }
        rows.push_back({ReportText::dueWhen(item), ReportText::fromStd(item.caseReference), ReportText::dueWhat(item)});
    }
    flush();
    report.document = writer.take();
    return report;
}

} // namespace wb::ui::reports
