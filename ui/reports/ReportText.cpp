// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/reports/ReportText.h"

#include <chrono>

#include <QDate>
#include <QLocale>
#include <QRegularExpression>
#include <QTime>

#include "core/deadlines/DeadlineService.h"
#include "core/domain/LondonTime.h"

namespace wb::ui::reports {

namespace {

QDate toQDate(std::chrono::year_month_day ymd)
{
    return QDate(static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
                 static_cast<int>(static_cast<unsigned>(ymd.day())));
}

QString ukDate(const std::string& isoDate)
{
    const QDate date = QDate::fromString(QString::fromStdString(isoDate), QStringLiteral("yyyy-MM-dd"));
    return date.isValid() ? date.toString(QStringLiteral("dd/MM/yyyy")) : QString::fromStdString(isoDate);
}

} // namespace

QString ReportText::fromStd(std::string_view text)
{
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

QString ReportText::ukDateTime(core::Instant instant)
{
    const auto london = core::london::toLondon(instant);
    const QTime time = QTime(0, 0).addSecs(static_cast<int>(london.timeOfDay.count()));
    return toQDate(london.date).toString(QStringLiteral("dd/MM/yyyy")) + QLatin1Char(' ') +
           time.toString(QStringLiteral("HH:mm"));
}

QString ReportText::ukWhen(const std::string& isoText)
{
    if (isoText.empty()) {
        return {};
    }
    if (const auto instant = core::parseIsoUtc(isoText)) {
        return ukDateTime(*instant);
    }
    return ukDate(isoText);
}

QString ReportText::withUkTimes(const std::string& text)
{
    static const QRegularExpression iso(QStringLiteral("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z"));
    QString out = fromStd(text);
    auto match = iso.match(out);
    while (match.hasMatch()) {
        const QString replacement = ukWhen(match.captured(0).toStdString());
        out.replace(match.capturedStart(0), match.capturedLength(0), replacement);
        match = iso.match(out, match.capturedStart(0) + replacement.size());
    }
    return out;
}

QString ReportText::approxDate(const core::ApproxDate& date)
{
    using P = core::ApproxDate::Precision;
    switch (date.precision) {
    case P::Unknown: return tr("not known");
    case P::Exact: return ukWhen(date.from);
    case P::Day: return ukDate(date.from);
    case P::Month: {
        const QDate first = QDate::fromString(QString::fromStdString(date.from), QStringLiteral("yyyy-MM-dd"));
        if (!first.isValid()) {
            return fromStd(date.from);
        }
        return QLocale(QLocale::English, QLocale::UnitedKingdom).toString(first, QStringLiteral("MMMM yyyy"));
    }
    case P::Year: return fromStd(date.from.substr(0, 4));
    case P::Between: return tr("between %1 and %2").arg(ukDate(date.from), ukDate(date.to));
    }
    return fromStd(date.from);
}

QString ReportText::role(core::PersonRole role)
{
    switch (role) {
    case core::PersonRole::Victim: return tr("Victim");
    case core::PersonRole::Suspect: return tr("Suspect");
    case core::PersonRole::Witness: return tr("Witness");
    }
    return {};
}

QString ReportText::recordTypePlural(std::string_view type)
{
    struct Name {
        std::string_view type;
        const char* plural;
    };
    static const Name names[] = {
        {"identifier", QT_TRANSLATE_NOOP("wb::ui::reports::ReportText", "Identifiers")},
        {"relationship", QT_TRANSLATE_NOOP("wb::ui::reports::ReportText", "Relationships")},
        {"decision", QT_TRANSLATE_NOOP("wb::ui::reports::ReportText", "Decisions")},
        {"timeline_event", QT_TRANSLATE_NOOP("wb::ui::reports::ReportText", "Timeline")},
        {"exhibit", QT_TRANSLATE_NOOP("wb::ui::reports::ReportText", "Exhibits")},
        {"exhibit_movement", QT_TRANSLATE_NOOP("wb::ui::reports::ReportText", "Movements (chain of custody)")},
        {"device", QT_TRANSLATE_NOOP("wb::ui::reports::ReportText", "Digital devices")},
        {"tpm_request", QT_TRANSLATE_NOOP("wb::ui::reports::ReportText", "Third-party material requests")},
        {"unused_material", QT_TRANSLATE_NOOP("wb::ui::reports::ReportText", "Unused material")},
        {"bail", QT_TRANSLATE_NOOP("wb::ui::reports::ReportText", "Bail and RUI")},
        {"bail_extension", QT_TRANSLATE_NOOP("wb::ui::reports::ReportText", "Bail extensions")},
        {"bail_pause",
         QT_TRANSLATE_NOOP("wb::ui::reports::ReportText", "Time awaiting a CPS charging decision (not counted)")},
        {"rui_review", QT_TRANSLATE_NOOP("wb::ui::reports::ReportText", "RUI reviews")},
        {"order", QT_TRANSLATE_NOOP("wb::ui::reports::ReportText", "Orders and notices")},
        {"review", QT_TRANSLATE_NOOP("wb::ui::reports::ReportText", "Supervisory reviews")},
        {"enquiry", QT_TRANSLATE_NOOP("wb::ui::reports::ReportText", "Lines of enquiry")},
        {"plan_snapshot", QT_TRANSLATE_NOOP("wb::ui::reports::ReportText", "Plan reviews")},
        {"case_event", QT_TRANSLATE_NOOP("wb::ui::reports::ReportText", "Investigation events")},
        {"contact_plan", QT_TRANSLATE_NOOP("wb::ui::reports::ReportText", "Contact plans")},
        {"contact", QT_TRANSLATE_NOOP("wb::ui::reports::ReportText", "Contact log")},
        {"victim_right", QT_TRANSLATE_NOOP("wb::ui::reports::ReportText", "Victims' Code")},
        {"isva_referral", QT_TRANSLATE_NOOP("wb::ui::reports::ReportText", "ISVA")},
        {"victim_wish", QT_TRANSLATE_NOOP("wb::ui::reports::ReportText", "Victim's wishes")},
    };
    for (const auto& name : names) {
        if (name.type == type) {
            return tr(name.plural);
        }
    }
    return fromStd(type);
}

QString ReportText::principle(std::string_view code)
{
    if (code == "suspect-focused") {
        return tr("Suspect-focused");
    }
    if (code == "disrupting-repeat-suspects") {
        return tr("Disrupting repeat suspects");
    }
    if (code == "victim-centred") {
        return tr("Victim-centred");
    }
    if (code == "context-led") {
        return tr("Context-led");
    }
    if (code == "digital-forensics") {
        return tr("Digital forensics");
    }
    if (code == "victim-information") {
        return tr("Victim's information (only if necessary and proportionate, with notice)");
    }
    return fromStd(code);
}

QString ReportText::enquiryStatus(std::string_view code)
{
    if (code == "planned") {
        return tr("Planned");
    }
    if (code == "in_progress") {
        return tr("In progress");
    }
    if (code == "done") {
        return tr("Done");
    }
    if (code == "not_possible") {
        return tr("Not possible");
    }
    return fromStd(code);
}

QString ReportText::yesNo(bool value)
{
    return value ? tr("Yes") : tr("No");
}

QString ReportText::unconfirmed()
{
    return tr("Not confirmed nationally: check your force's guidance.");
}

QString ReportText::dueWhen(const core::deadlines::DueItem& item)
{
    const QString when = ukDateTime(item.due);
    return item.timed ? when : when.left(10);
}

QString ReportText::dueWhat(const core::deadlines::DueItem& item)
{
    QStringList lines{fromStd(item.title)};
    if (!item.detail.empty()) {
        lines << withUkTimes(item.detail);
    }
    if (item.target) {
        lines << tr("A target, not a legal deadline.");
    }
    if (!item.confirmed) {
        lines << unconfirmed();
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace wb::ui::reports
