// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <filesystem>
#include <string>

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

#include "core/domain/Case.h"
#include "core/domain/Person.h"
#include "core/domain/Time.h"

namespace wb::core {
struct Offence;
class OffenceCatalogue;
} // namespace wb::core

namespace wb::ui {

/// How core values are shown: UK dates in Europe/London time, translated enum
/// names, offence labels. One place, so every view says the same thing.
class DisplayText
{
    Q_DECLARE_TR_FUNCTIONS(wb::ui::DisplayText)

public:
    /// The instant as a Europe/London wall-clock time (core/domain/LondonTime, from the system's
    /// time-zone database: throws core::Error when it is missing, never shows UTC instead).
    static QDateTime toUkDateTime(core::Instant instant);
    /// "29/11/2026 19:21", in Europe/London.
    static QString ukDateTime(core::Instant instant);
    /// A wall-clock date and time in Europe/London, as a UTC instant.
    static core::Instant instantFromUk(const QDate& date, const QTime& time);
    /// The Europe/London calendar date of an instant (core::london::date).
    static std::chrono::year_month_day londonDate(core::Instant instant);
    static std::chrono::year_month_day toYmd(const QDate& date);
    static QDate toQDate(std::chrono::year_month_day date);
    /// "YYYY-MM-DD" → "dd/MM/yyyy"; the input unchanged if it is not such a date.
    static QString ukDate(const std::string& isoDate);
    /// Core text (e.g. the reasons a rule held) with every UTC instant "2026-11-28T17:40:34Z"
    /// rewritten as UK time "28/11/2026 17:40".
    static QString withUkTimes(const std::string& text);

    /// "Rape (Sexual Offences Act 2003 s.1)". Whether the entry is confirmed is
    /// shown on the Sources view (issue 14), not in the officer's lists.
    static QString offenceLabel(const core::Offence& offence);
    /// The offence's title, or its code when the catalogue does not know it.
    static QString offenceTitle(const core::OffenceCatalogue& offences, const std::string& code);
    static QString status(core::CaseStatus status);
    static QString role(core::PersonRole role);
    static QString personName(const core::PersonDraft& person);

    /// A number as typed ("25", "2.5"), up to 12 significant digits.
    static QString number(double value);
    static QString fromStd(const std::string& text);
    static std::string toStd(const QString& text);
    static std::filesystem::path toPath(const QString& path);
    static QString fromPath(const std::filesystem::path& path);
};

} // namespace wb::ui
