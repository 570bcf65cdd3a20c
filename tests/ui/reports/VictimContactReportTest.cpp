// SPDX-License-Identifier: GPL-3.0-or-later
// The victim contact and Victims' Code report as printed: the plan, every contact, each right's record, and in
// privacy mode neither the victim's name nor anything the record keeps as sensitive. Fictional data.
#include <gtest/gtest.h>

#include <string>

#include "ui/reports/ReportPdfFixture.h"

using namespace wb;
using namespace wb::core;
using test::contains;
using wb::core::reports::ReportKind;
namespace rp = wb::ui::reports;

namespace {

class VictimContactReportTest : public test::ReportPdfFixture
{
protected:
    std::string victim;

    void SetUp() override
    {
        ReportPdfFixture::SetUp();
        victim = std::to_string(ws->people().listForCase(theCase.id).front().id);
        add(recordtype::kContactPlan, {{"victim_id", victim},
                                       {"agreed_on", "2026-01-02"},
                                       {"method", "phone"},
                                       {"frequency_days", "14"},
                                       {"safe_times", "Fictional: weekday evenings after six"},
                                       {"recorded_by", "DC Fictional"}});
        add(recordtype::kContact, {{"victim_id", victim},
                                   {"contacted_at", "2026-01-03T10:00:00Z"},
                                   {"method", "phone"},
                                   {"purpose", "routine-update"},
                                   {"by_whom", "DC Fictional"},
                                   {"explained", "Fictional: the suspect was interviewed."}});
        add(recordtype::kVictimRight, {{"victim_id", victim},
                                       {"right_code", "r03"},
                                       {"done_on", "2026-01-02"},
                                       {"action", "Fictional: written acknowledgement sent."}});
    }

    void add(std::string_view type, const Values& values) { ws->records().add(recordSpec(type), theCase.id, values); }
};

TEST_F(VictimContactReportTest, printsThePlanEveryContactAndEachRightsRecord)
{
    const auto pages = render(ReportKind::VictimContact);
    ASSERT_FALSE(pages.empty());
    expectFurnitureOnEveryPage(pages, "OFFICIAL-SENSITIVE", Reference);
    std::string all;
    for (const auto& page : pages) {
        all += page;
    }
    EXPECT_TRUE(contains(all, "Victim contact and Victims' Code record"));
    EXPECT_TRUE(contains(all, "Victim: Vivian Example"));
    EXPECT_TRUE(contains(all, "at least every 14 days"));
    EXPECT_TRUE(contains(all, "Fictional: weekday evenings after six"));
    EXPECT_TRUE(contains(all, "03/01/2026 10:00")) << all;               // the contact, in UK time (GMT in January)
    EXPECT_TRUE(contains(all, "Explained: Fictional: the suspect was")); // a table cell's first line
    EXPECT_TRUE(contains(all, "Right 3"));
    EXPECT_TRUE(contains(all, "02/01/2026: Fictional: written"));
    EXPECT_TRUE(contains(all, "Not yet recorded")); // the rights with nothing done are listed too
    EXPECT_TRUE(contains(all, "Enhanced rights"));
}

TEST_F(VictimContactReportTest, privacyModeLeavesOutTheVictimsNameAndEverySensitiveDetail)
{
    privacyOn();
    const std::string all = renderAll(ReportKind::VictimContact);
    EXPECT_FALSE(contains(all, "Vivian"));
    EXPECT_FALSE(contains(all, "weekday evenings"));
    EXPECT_FALSE(contains(all, "the suspect was interviewed"));
    EXPECT_FALSE(contains(all, "written acknowledgement"));
    EXPECT_TRUE(contains(all, "(left out: privacy mode)"));
    EXPECT_TRUE(contains(all, "Right 3")); // what is not sensitive still prints
}

TEST_F(VictimContactReportTest, aVictimWhoOptedOutWithoutARecordIsSaidToBeIncomplete)
{
    auto person = ws->people().listForCase(theCase.id).front();
    person.enhancedRights = false;
    ws->people().update(person);
    const std::string all = renderAll(ReportKind::VictimContact);
    EXPECT_TRUE(contains(all, "the opt-out is NOT recorded under Right 4"));
}

} // namespace
