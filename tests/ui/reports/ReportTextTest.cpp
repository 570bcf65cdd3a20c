// SPDX-License-Identifier: GPL-3.0-or-later
// The dates of printed reports: UK style in Europe/London, and an approximate date exactly as precise as recorded.
#include <gtest/gtest.h>

#include "core/domain/ApproxDate.h"
#include "core/domain/Time.h"
#include "ui/reports/ReportText.h"

using wb::core::ApproxDate;
using wb::ui::reports::ReportText;

namespace {

TEST(ReportTextTest, anApproximateDateIsPrintedAsRecordedNeverSharpened)
{
    EXPECT_EQ(ReportText::approxDate(ApproxDate::unknown()), QStringLiteral("not known"));
    EXPECT_EQ(ReportText::approxDate(ApproxDate::year(2009)), QStringLiteral("2009"));
    EXPECT_EQ(ReportText::approxDate(ApproxDate::month("2019-05")), QStringLiteral("May 2019"));
    EXPECT_EQ(ReportText::approxDate(ApproxDate::day("2019-05-14")), QStringLiteral("14/05/2019"));
    EXPECT_EQ(ReportText::approxDate(ApproxDate::between("2019-05-01", "2019-08-31")),
              QStringLiteral("between 01/05/2019 and 31/08/2019"));
    // An exact instant in summer is shown in British Summer Time.
    EXPECT_EQ(ReportText::approxDate(ApproxDate::exact("2019-07-01T22:30:00Z")), QStringLiteral("01/07/2019 23:30"));
}

TEST(ReportTextTest, timesAreUkTimeAndIsoInstantsInTextAreRewritten)
{
    const auto winter = wb::core::parseIsoUtc("2026-01-05T09:00:00Z");
    ASSERT_TRUE(winter.has_value());
    EXPECT_EQ(ReportText::ukDateTime(*winter), QStringLiteral("05/01/2026 09:00"));
    EXPECT_EQ(ReportText::ukWhen("2026-06-01T09:00:00Z"), QStringLiteral("01/06/2026 10:00"));
    EXPECT_EQ(ReportText::ukWhen("2026-06-01"), QStringLiteral("01/06/2026"));
    EXPECT_EQ(ReportText::withUkTimes("Last contact: 2026-06-01T09:00:00Z, and 2026-01-05T09:00:00Z"),
              QStringLiteral("Last contact: 01/06/2026 10:00, and 05/01/2026 09:00"));
}

} // namespace
