// SPDX-License-Identifier: GPL-3.0-or-later
// Days and working days in England and Wales: Europe/London local time (core/domain/LondonTime,
// from the system's time-zone database) and the bank holidays of England and Wales
// (resources/reference/bank-holidays-england-wales.json).
#pragma once

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/domain/LondonTime.h"
#include "core/domain/Time.h"

namespace wb::core::deadlines {

using Date = std::chrono::year_month_day;

/// One bank holiday of England and Wales.
struct BankHoliday {
    Date date;
    std::string title; ///< "Spring bank holiday"
    std::string notes; ///< "Substitute day", "Extra bank holiday", or empty
};

/// "2026-05-25"; std::nullopt for anything else (including impossible dates).
std::optional<Date> parseIsoDate(std::string_view text);
/// "2026-05-25".
std::string toIsoDate(Date date);

/// Europe/London and the working days of England and Wales. Immutable once loaded.
///
/// Local time comes from the system's time-zone database (core/domain/LondonTime): these
/// functions throw Error(Io) when it has no Europe/London, never fall back to UTC.
///
/// A working day is Monday to Friday and not a bank holiday. Bank holidays are known only for
/// the years the file covers (coveredFrom()..coveredTo()); asking whether a day outside them is
/// a working day throws Error(ReferenceData) naming the year, so a missing year is never
/// silently treated as free of bank holidays.
class Calendar
{
public:
    /// Parses the bank-holiday file. Throws Error(ReferenceData) "<origin>: ..." naming the entry
    /// and field: wrong kind or format, missing version or source, 'firstYear'/'lastYear' not whole
    /// numbers in order, an entry whose date is malformed, outside those years, on a weekend, or
    /// listed twice, or without a title.
    static Calendar fromJson(std::string_view json, std::string_view origin = "bank-holidays-england-wales.json");
    static Calendar fromFile(const std::filesystem::path& path);

    /// Europe/London's offset from UTC at an instant: 0 (GMT) or 1 hour (BST).
    static std::chrono::seconds londonOffset(Instant instant);
    static LondonTime toLondon(Instant instant);
    /// The London date of an instant.
    static Date londonDate(Instant instant) { return toLondon(instant).date; }
    /// 00:00:00 London time on that date, as UTC.
    static Instant londonMidnight(Date date);
    /// 23:59:59 London time on that date, as UTC (the last whole second of the day).
    static Instant endOfLondonDay(Date date);

    /// Whether the date is a bank holiday of England and Wales. Throws Error(ReferenceData)
    /// for a date in a year the file does not cover.
    bool isBankHoliday(Date date) const;
    /// Monday to Friday and not a bank holiday. Throws like isBankHoliday for a weekday outside
    /// the covered years (a weekend day is never a working day, whatever the year).
    bool isWorkingDay(Date date) const;
    /// The n-th working day after `date` (n >= 1); `date` itself never counts, whether or not it
    /// is a working day. Throws Error(ReferenceData) when the count runs outside the covered years.
    Date addWorkingDays(Date date, int n) const;
    /// "Within n working days of `event`": the end (23:59:59 London) of the n-th working day after
    /// the event's London date.
    Instant addWorkingDays(Instant event, int n) const;
    /// As addWorkingDays but counting Monday to Friday only, for dates the file does not cover.
    static Date addWeekdays(Date date, int n) noexcept;

    /// "Not later than `hours` hours after `from`" when Sundays, Christmas Day, Good Friday and the bank
    /// holidays of England and Wales are disregarded (the hearing of a DVPO/DAPO application after a
    /// DVPN/DAPN: Domestic Abuse Act 2021 s.29(3), Crime and Security Act 2010 s.27): the hours of those
    /// London days do not count, so a notice served on a Saturday at 18:00 has its 48 hours end on
    /// Tuesday at 18:00. Real elapsed hours (a clock change day has 23 or 25). Throws
    /// Error(ReferenceData) when the count reaches a year the bank-holiday file does not cover.
    Instant addHoursDisregardingSundaysAndHolidays(Instant from, int hours) const;
    /// As addHoursDisregardingSundaysAndHolidays for years the file does not cover: Sundays, Christmas
    /// Day and Good Friday only (other bank holidays unknown).
    static Instant addHoursDisregardingSundaysChristmasGoodFriday(Instant from, int hours);
    /// Good Friday of that year (two days before Easter Sunday, Gregorian computus).
    static Date goodFriday(int year) noexcept;

    /// The bank holiday on that date, or nullptr (also for dates outside the covered years).
    const BankHoliday* holiday(Date date) const noexcept;
    bool covers(Date date) const noexcept;
    int coveredFrom() const noexcept { return m_firstYear; }
    int coveredTo() const noexcept { return m_lastYear; }
    const std::vector<BankHoliday>& holidays() const noexcept { return m_holidays; }
    const std::string& version() const noexcept { return m_version; }
    const std::string& source() const noexcept { return m_source; }

private:
    int m_firstYear = 0;
    int m_lastYear = -1;
    std::string m_version;
    std::string m_source;
    std::vector<BankHoliday> m_holidays; ///< sorted by date
};

} // namespace wb::core::deadlines
