// SPDX-License-Identifier: GPL-3.0-or-later
// Europe/London without a time-zone database, and working days in England and Wales.
#include <gtest/gtest.h>

#include <set>

#include "core/Error.h"
#include "core/deadlines/Calendar.h"
#include "tests/support/TestSupport.h"

namespace wb::core::deadlines {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono;

Instant at(const char* iso)
{
    return parseIsoUtc(iso).value();
}

Date d(const char* iso)
{
    return parseIsoDate(iso).value();
}

const Calendar& shipped()
{
    static const Calendar calendar =
        Calendar::fromFile(fs::path(WB_RESOURCES_DIR) / "reference" / "bank-holidays-england-wales.json");
    return calendar;
}

std::string errorFor(const std::string& json)
{
    try {
        Calendar::fromJson(json, "test.json");
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::ReferenceData);
        return e.what();
    }
    ADD_FAILURE() << "expected a reference data error for " << json;
    return {};
}

std::string file(const std::string& holidays, const std::string& years = R"("firstYear": 2026, "lastYear": 2026)")
{
    return R"({"kind": "bank-holidays-england-wales", "format": 1, "version": "t", "source": "test", )" + years +
           R"(, "holidays": [)" + holidays + "]}";
}

// The Gregorian computus, independently of the file: Good Friday and Easter Monday must be there.
Date easterSunday(int y)
{
    const int a = y % 19, b = y / 100, c = y % 100, dd = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
    const int h = (19 * a + b - dd - g + 15) % 30, i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
    const int m = (a + 11 * h + 22 * l) / 451;
    const int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
    return Date{year{y}, std::chrono::month{static_cast<unsigned>(month)},
                std::chrono::day{static_cast<unsigned>(day)}};
}

TEST(DeadlineCalendarTest, londonOffsetFollowsTheUkRule)
{
    // 2026: BST from 01:00 UTC Sunday 29 March to 01:00 UTC Sunday 25 October.
    EXPECT_EQ(Calendar::londonOffset(at("2026-03-29T00:59:59Z")), seconds(0));
    EXPECT_EQ(Calendar::londonOffset(at("2026-03-29T01:00:00Z")), hours(1));
    EXPECT_EQ(Calendar::londonOffset(at("2026-10-25T00:59:59Z")), hours(1));
    EXPECT_EQ(Calendar::londonOffset(at("2026-10-25T01:00:00Z")), seconds(0));
    EXPECT_EQ(Calendar::londonOffset(at("2026-01-15T12:00:00Z")), seconds(0));
    EXPECT_EQ(Calendar::londonOffset(at("2026-07-15T12:00:00Z")), hours(1));
    // 2027: last Sundays are 28 March and 31 October.
    EXPECT_EQ(Calendar::londonOffset(at("2027-03-28T01:00:00Z")), hours(1));
    EXPECT_EQ(Calendar::londonOffset(at("2027-10-31T00:30:00Z")), hours(1));
    EXPECT_EQ(Calendar::londonOffset(at("2027-10-31T01:30:00Z")), seconds(0));
}

TEST(DeadlineCalendarTest, toLondonAroundBothClockChanges)
{
    // 00:30 UTC on the last Sunday of March is 00:30 GMT; 01:30 UTC is 02:30 BST.
    auto t = Calendar::toLondon(at("2026-03-29T00:30:00Z"));
    EXPECT_EQ(t.date, d("2026-03-29"));
    EXPECT_EQ(t.timeOfDay, minutes(30));
    EXPECT_FALSE(t.summerTime);
    t = Calendar::toLondon(at("2026-03-29T01:30:00Z"));
    EXPECT_EQ(t.timeOfDay, hours(2) + minutes(30));
    EXPECT_TRUE(t.summerTime);
    // 23:30 UTC on Saturday 24 October 2026 is already Sunday 00:30 BST.
    t = Calendar::toLondon(at("2026-10-24T23:30:00Z"));
    EXPECT_EQ(t.date, d("2026-10-25"));
    EXPECT_EQ(t.timeOfDay, minutes(30));
    // 00:30 UTC on the last Sunday of October is 01:30 BST; 01:30 UTC is 01:30 GMT (the hour repeats).
    EXPECT_EQ(Calendar::toLondon(at("2026-10-25T00:30:00Z")).timeOfDay, hours(1) + minutes(30));
    EXPECT_EQ(Calendar::toLondon(at("2026-10-25T01:30:00Z")).timeOfDay, hours(1) + minutes(30));
    EXPECT_FALSE(Calendar::toLondon(at("2026-10-25T01:30:00Z")).summerTime);
    // Summer evening: 23:30 UTC is past midnight in London.
    EXPECT_EQ(Calendar::londonDate(at("2026-06-30T23:30:00Z")), d("2026-07-01"));
    EXPECT_EQ(Calendar::londonDate(at("2026-12-31T23:30:00Z")), d("2026-12-31"));
}

TEST(DeadlineCalendarTest, londonMidnightAndEndOfDay)
{
    EXPECT_EQ(Calendar::londonMidnight(d("2026-01-10")), at("2026-01-10T00:00:00Z"));
    EXPECT_EQ(Calendar::londonMidnight(d("2026-07-10")), at("2026-07-09T23:00:00Z"));
    // The clock-change days themselves: midnight is before the change.
    EXPECT_EQ(Calendar::londonMidnight(d("2026-03-29")), at("2026-03-29T00:00:00Z"));
    EXPECT_EQ(Calendar::londonMidnight(d("2026-03-30")), at("2026-03-29T23:00:00Z"));
    EXPECT_EQ(Calendar::londonMidnight(d("2026-10-25")), at("2026-10-24T23:00:00Z"));
    EXPECT_EQ(Calendar::londonMidnight(d("2026-10-26")), at("2026-10-26T00:00:00Z"));
    // A 23-hour day and a 25-hour day.
    EXPECT_EQ(Calendar::endOfLondonDay(d("2026-03-29")), at("2026-03-29T22:59:59Z"));
    EXPECT_EQ(Calendar::endOfLondonDay(d("2026-10-25")), at("2026-10-25T23:59:59Z"));
    EXPECT_EQ(Calendar::endOfLondonDay(d("2026-12-31")), at("2026-12-31T23:59:59Z"));
}

TEST(DeadlineCalendarTest, shippedFileHasEveryHolidayOfEachYear)
{
    const auto& c = shipped();
    EXPECT_EQ(c.coveredFrom(), 2020);
    EXPECT_GE(c.coveredTo(), 2030);
    for (int y = 2020; y <= 2030; ++y) {
        int count = 0;
        for (const auto& h : c.holidays()) {
            count += static_cast<int>(h.date.year()) == y ? 1 : 0;
        }
        // Eight a year; 2022 had ten (Platinum Jubilee, State Funeral), 2023 nine (coronation).
        EXPECT_EQ(count, y == 2022 ? 10 : y == 2023 ? 9 : 8) << y;
        const Date easter = easterSunday(y);
        EXPECT_TRUE(c.isBankHoliday(Date{sys_days{easter} - days(2)})) << "Good Friday " << y;
        EXPECT_TRUE(c.isBankHoliday(Date{sys_days{easter} + days(1)})) << "Easter Monday " << y;
        EXPECT_FALSE(c.isWorkingDay(Date{sys_days{easter}}));
    }
    EXPECT_EQ(easterSunday(2026), d("2026-04-05"));
    EXPECT_EQ(easterSunday(2024), d("2024-03-31"));
}

TEST(DeadlineCalendarTest, specialAndSubstituteDays)
{
    const auto& c = shipped();
    for (const char* day :
         {"2020-05-08", "2022-06-02", "2022-06-03", "2022-09-19", "2023-05-08", "2022-01-03", "2021-12-27",
          "2021-12-28", "2022-12-27", "2026-12-28", "2027-12-27", "2027-12-28", "2026-05-25", "2026-08-31"}) {
        EXPECT_TRUE(c.isBankHoliday(d(day))) << day;
    }
    // Moved away: the usual first Monday of May 2020 and last Monday of May 2022 were working days.
    EXPECT_TRUE(c.isWorkingDay(d("2020-05-04")));
    EXPECT_TRUE(c.isWorkingDay(d("2022-05-30")));
    EXPECT_EQ(c.holiday(d("2022-09-19"))->notes, "Extra bank holiday");
    EXPECT_EQ(c.holiday(d("2026-12-28"))->notes, "Substitute day");
}

TEST(DeadlineCalendarTest, workingDaysSkipWeekendsAndBankHolidays)
{
    const auto& c = shipped();
    // Friday 22 May 2026 + 1 working day: Monday 25 is the Spring bank holiday, so Tuesday 26.
    EXPECT_EQ(c.addWorkingDays(d("2026-05-22"), 1), d("2026-05-26"));
    EXPECT_EQ(c.addWorkingDays(d("2026-05-22"), 5), d("2026-06-01"));
    // Wednesday + 1 = Thursday; Friday + 1 = Monday.
    EXPECT_EQ(c.addWorkingDays(d("2026-06-03"), 1), d("2026-06-04"));
    EXPECT_EQ(c.addWorkingDays(d("2026-06-05"), 1), d("2026-06-08"));
    // An event on a Saturday or Sunday: the next working day is day 1.
    EXPECT_EQ(c.addWorkingDays(d("2026-06-06"), 1), d("2026-06-08"));
    EXPECT_EQ(c.addWorkingDays(d("2026-06-07"), 2), d("2026-06-09"));
    // Easter 2026: Thursday 2 April + 1 = Tuesday 7 April.
    EXPECT_EQ(c.addWorkingDays(d("2026-04-02"), 1), d("2026-04-07"));
    // Year boundary: Wednesday 23 December 2026 + 2 = Tuesday 29 December (25 and 28 are holidays);
    // Thursday 31 December + 1 = Monday 4 January 2027 (1 January is a holiday).
    EXPECT_EQ(c.addWorkingDays(d("2026-12-23"), 2), d("2026-12-29"));
    EXPECT_EQ(c.addWorkingDays(d("2026-12-31"), 1), d("2027-01-04"));
    // As instants: end of the working day in London time.
    EXPECT_EQ(c.addWorkingDays(at("2026-05-22T15:30:00Z"), 1), at("2026-05-26T22:59:59Z"));
    EXPECT_EQ(c.addWorkingDays(at("2026-12-31T23:30:00Z"), 1), at("2027-01-04T23:59:59Z"));
    // An event late on a summer evening counts from its London date (already the next day).
    EXPECT_EQ(c.addWorkingDays(at("2026-06-04T23:30:00Z"), 1), at("2026-06-08T22:59:59Z"));
}

TEST(DeadlineCalendarTest, workingDaysAcrossTheClockChanges)
{
    const auto& c = shipped();
    // Arrest at 00:30 UTC on Sunday 29 March 2026 (00:30 GMT): 1 working day = end of Monday 30 March BST.
    EXPECT_EQ(c.addWorkingDays(at("2026-03-29T00:30:00Z"), 1), at("2026-03-30T22:59:59Z"));
    // Friday 27 March 2026 (GMT) + 1 = Monday 30 March, ending in BST.
    EXPECT_EQ(c.addWorkingDays(at("2026-03-27T18:00:00Z"), 1), at("2026-03-30T22:59:59Z"));
    // 00:30 UTC on Sunday 25 October 2026 is 01:30 BST: + 1 = end of Monday 26 October GMT.
    EXPECT_EQ(c.addWorkingDays(at("2026-10-25T00:30:00Z"), 1), at("2026-10-26T23:59:59Z"));
    // Friday 23 October 2026 at 23:30 UTC is Saturday 00:30 BST: + 1 = Monday 26 October.
    EXPECT_EQ(c.addWorkingDays(at("2026-10-23T23:30:00Z"), 1), at("2026-10-26T23:59:59Z"));
}

TEST(DeadlineCalendarTest, datesOutsideTheFileAreAnErrorNotAWorkingDay)
{
    const auto& c = shipped();
    for (const char* day : {"2019-06-03", "2031-06-02"}) {
        try {
            (void)c.isWorkingDay(d(day));
            FAIL() << day;
        } catch (const Error& e) {
            EXPECT_EQ(e.code(), ErrorCode::ReferenceData);
            EXPECT_NE(std::string(e.what()).find(day), std::string::npos);
            EXPECT_NE(std::string(e.what()).find("bank-holidays-england-wales.json"), std::string::npos);
        }
    }
    EXPECT_THROW((void)c.addWorkingDays(d("2030-12-31"), 1), Error);
    // Weekends are never working days, whatever the year.
    EXPECT_FALSE(c.isWorkingDay(d("2031-06-07")));
    EXPECT_EQ(Calendar::addWeekdays(d("2031-06-06"), 1), d("2031-06-09"));
}

TEST(DeadlineCalendarTest, goodFridayByTheComputus)
{
    EXPECT_EQ(Calendar::goodFriday(2024), d("2024-03-29"));
    EXPECT_EQ(Calendar::goodFriday(2025), d("2025-04-18"));
    EXPECT_EQ(Calendar::goodFriday(2026), d("2026-04-03"));
    EXPECT_EQ(Calendar::goodFriday(2031), d("2031-04-11"));
    // Every Good Friday the shipped file lists is the computed one.
    const auto& c = shipped();
    for (int y = c.coveredFrom(); y <= c.coveredTo(); ++y) {
        const auto* h = c.holiday(Calendar::goodFriday(y));
        ASSERT_NE(h, nullptr) << y;
        EXPECT_EQ(h->title, "Good Friday") << y;
    }
}

TEST(DeadlineCalendarTest, fortyEightHoursDisregardingSundaysAndHolidays)
{
    const auto& c = shipped();
    // A weekday with no holiday near: 48 real hours.
    EXPECT_EQ(c.addHoursDisregardingSundaysAndHolidays(at("2026-06-01T09:00:00Z"), 48), at("2026-06-03T09:00:00Z"));
    // Served on a Saturday at 18:00: Sunday does not count, so Tuesday at 18:00.
    EXPECT_EQ(c.addHoursDisregardingSundaysAndHolidays(at("2026-06-06T17:00:00Z"), 48), at("2026-06-09T17:00:00Z"));
    // Easter: Good Friday, Sunday and Easter Monday (a bank holiday) do not count.
    EXPECT_EQ(c.addHoursDisregardingSundaysAndHolidays(at("2026-04-02T11:00:00Z"), 48), at("2026-04-07T11:00:00Z"));
    // Christmas 2026: Christmas Day, Sunday and the substitute Boxing Day (Monday 28th) do not count.
    EXPECT_EQ(c.addHoursDisregardingSundaysAndHolidays(at("2026-12-24T15:00:00Z"), 48), at("2026-12-29T15:00:00Z"));
    // Across the spring clock change (on the Sunday, which is skipped): 12:00 London to 12:00 London.
    EXPECT_EQ(c.addHoursDisregardingSundaysAndHolidays(at("2026-03-28T12:00:00Z"), 48), at("2026-03-31T11:00:00Z"));
    // Served on a Sunday: counting starts at Monday's midnight.
    EXPECT_EQ(c.addHoursDisregardingSundaysAndHolidays(at("2026-06-07T10:00:00Z"), 48), at("2026-06-09T23:00:00Z"));
    // A year the file does not cover is an error; the fallback knows Sundays, Christmas Day and Good Friday.
    EXPECT_THROW((void)c.addHoursDisregardingSundaysAndHolidays(at("2031-04-10T11:00:00Z"), 48), Error);
    EXPECT_EQ(Calendar::addHoursDisregardingSundaysChristmasGoodFriday(at("2031-04-10T11:00:00Z"), 48),
              at("2031-04-14T11:00:00Z"));
}

TEST(DeadlineCalendarTest, badFilesAreRejectedNamingTheEntry)
{
    const std::string good = R"({"date": "2026-05-25", "title": "Spring bank holiday"})";
    EXPECT_EQ(Calendar::fromJson(file(good)).holidays().size(), 1u);
    EXPECT_NE(errorFor("[]").find("top level must be an object"), std::string::npos);
    EXPECT_NE(errorFor(R"({"kind": "x", "format": 1})").find("'kind'"), std::string::npos);
    EXPECT_NE(errorFor(file(R"({"date": "2026-02-30", "title": "x"})")).find("holiday 1: 'date'"), std::string::npos);
    EXPECT_NE(errorFor(file(R"({"date": "2026-05-23", "title": "x"})")).find("weekend"), std::string::npos);
    EXPECT_NE(errorFor(file(R"({"date": "2027-05-24", "title": "x"})")).find("outside"), std::string::npos);
    EXPECT_NE(errorFor(file(good + "," + good)).find("listed twice"), std::string::npos);
    EXPECT_NE(errorFor(file(R"({"date": "2026-05-25"})")).find("'title'"), std::string::npos);
    EXPECT_NE(errorFor(file(R"({"date": "2026-05-25", "title": "x", "bunting": true})")).find("bunting"),
              std::string::npos);
    EXPECT_NE(errorFor(file(good, R"("firstYear": 2027, "lastYear": 2026)")).find("lastYear"), std::string::npos);
    EXPECT_NE(errorFor(file(good, R"("firstYear": "2026", "lastYear": 2026)")).find("firstYear"), std::string::npos);
}

TEST(DeadlineCalendarTest, isoDates)
{
    EXPECT_EQ(toIsoDate(d("2026-05-25")), "2026-05-25");
    EXPECT_FALSE(parseIsoDate("2026-5-25"));
    EXPECT_FALSE(parseIsoDate("2026-02-29"));
    EXPECT_TRUE(parseIsoDate("2028-02-29"));
    EXPECT_FALSE(parseIsoDate("2026-05-25T00:00:00Z"));
}

} // namespace
} // namespace wb::core::deadlines
