// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/text/DisplayText.h"

#include <QFile>
#include <QRegularExpression>

#include "core/domain/LondonTime.h"
#include "core/nom/OffenceCatalogue.h"

namespace wb::ui {

QDateTime DisplayText::toUkDateTime(core::Instant instant)
{
    const auto offset = core::london::offset(instant);
    return QDateTime::fromSecsSinceEpoch(instant.time_since_epoch().count(), Qt::OffsetFromUTC,
                                         static_cast<int>(offset.count()));
}

QString DisplayText::ukDateTime(core::Instant instant)
{
    return toUkDateTime(instant).toString(QStringLiteral("dd/MM/yyyy HH:mm"));
}

core::Instant DisplayText::instantFromUk(const QDate& date, const QTime& time)
{
    return core::london::fromLondon(toYmd(date), std::chrono::seconds{time.msecsSinceStartOfDay() / 1000});
}

std::chrono::year_month_day DisplayText::londonDate(core::Instant instant)
{
    return core::london::date(instant);
}

std::chrono::year_month_day DisplayText::toYmd(const QDate& date)
{
    return std::chrono::year_month_day{std::chrono::year{date.year()},
                                       std::chrono::month{static_cast<unsigned>(date.month())},
                                       std::chrono::day{static_cast<unsigned>(date.day())}};
}

QDate DisplayText::toQDate(std::chrono::year_month_day date)
{
    return QDate(static_cast<int>(date.year()), static_cast<int>(static_cast<unsigned>(date.month())),
                 static_cast<int>(static_cast<unsigned>(date.day())));
}

QString DisplayText::ukDate(const std::string& isoDate)
{
    const QDate date = QDate::fromString(fromStd(isoDate), Qt::ISODate);
    return date.isValid() ? date.toString(QStringLiteral("dd/MM/yyyy")) : fromStd(isoDate);
}

QString DisplayText::withUkTimes(const std::string& text)
{
    static const QRegularExpression instant(QStringLiteral("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z"));
    const QString in = fromStd(text);
    QString out;
    qsizetype from = 0;
    auto it = instant.globalMatch(in);
    while (it.hasNext()) {
        const auto match = it.next();
        out += in.mid(from, match.capturedStart() - from);
        const auto parsed = core::parseIsoUtc(toStd(match.captured()));
        out += parsed ? ukDateTime(*parsed) : match.captured();
        from = match.capturedEnd();
    }
    return out + in.mid(from);
}

QString DisplayText::offenceLabel(const core::Offence& offence)
{
    // Whether the entry was checked against a primary source is shown on the Sources view, not here.
    return tr("%1 (%2 %3)").arg(fromStd(offence.title), fromStd(offence.legislation), fromStd(offence.section));
}

QString DisplayText::offenceTitle(const core::OffenceCatalogue& offences, const std::string& code)
{
    const core::Offence* offence = offences.find(code);
    return offence != nullptr ? fromStd(offence->title) : fromStd(code);
}

QString DisplayText::status(core::CaseStatus status)
{
    switch (status) {
    case core::CaseStatus::Open: return tr("Open");
    case core::CaseStatus::Closed: return tr("Closed");
    }
    return {};
}

QString DisplayText::role(core::PersonRole role)
{
    switch (role) {
    case core::PersonRole::Victim: return tr("Victim");
    case core::PersonRole::Suspect: return tr("Suspect");
    case core::PersonRole::Witness: return tr("Witness");
    }
    return {};
}

QString DisplayText::personName(const core::PersonDraft& person)
{
    const QString given = fromStd(person.givenName);
    const QString family = fromStd(person.familyName);
    if (given.isEmpty() || family.isEmpty()) {
        return given + family;
    }
    return tr("%1 %2", "given name, family name").arg(given, family);
}

QString DisplayText::number(double value)
{
    return QString::number(value, 'g', 12);
}

QString DisplayText::fromStd(const std::string& text)
{
    return QString::fromStdString(text);
}

std::string DisplayText::toStd(const QString& text)
{
    return text.toStdString();
}

std::filesystem::path DisplayText::toPath(const QString& path)
{
#ifdef _WIN32
    return std::filesystem::path(path.toStdWString());
#else
    return std::filesystem::path(QFile::encodeName(path).toStdString());
#endif
}

QString DisplayText::fromPath(const std::filesystem::path& path)
{
#ifdef _WIN32
    return QString::fromStdWString(path.wstring());
#else
    return QFile::decodeName(QByteArray::fromStdString(path.string()));
#endif
}

} // namespace wb::ui
