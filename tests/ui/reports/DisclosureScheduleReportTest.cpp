// SPDX-License-Identifier: GPL-3.0-or-later
// The draft disclosure schedules as printed (MG6C, MG6D, MG6E), read back from the PDF: the marking and page
// numbering on every page, each schedule's columns and items, and a sensitive item never on the MG6C. Fictional data.
#include <gtest/gtest.h>

#include <string>

#include "core/disclosure/DisclosureSchedules.h"
#include "ui/reports/ReportPdfFixture.h"

using namespace wb;
using namespace wb::core;
using test::contains;
using wb::core::reports::ReportKind;

namespace {

class DisclosureScheduleReportTest : public test::ReportPdfFixture
{
protected:
    static constexpr const char* Counselling = "Fictional counselling notes held by Exampleton Support";
    static constexpr const char* CounsellingReason = "Fictional: private record";
    static constexpr const char* Cctv = "Fictional CCTV from Example Road showing a second man";

    void SetUp() override
    {
        ReportPdfFixture::SetUp();
        add("Fictional first account notes taken by PC Example", "not-sensitive",
            {{"location", "Case file"}, {"relevant_date", "2026-01-04"}, {"disclosure_test", "not-met"}});
        add(Counselling, "sensitive",
            {{"location", "Fictional secure store"},
             {"sensitivity_reason", CounsellingReason},
             {"disclosure_test", "not-met"}});
        add(Cctv, "not-sensitive", {{"disclosure_test", "may-meet"}, {"disclosure_reason", "Fictional: one man only"}});
    }

    void add(const std::string& description, const std::string& sensitivity, Values more)
    {
        more["description"] = description;
        more["sensitivity"] = sensitivity;
        ws->records().add(recordSpec(recordtype::kUnusedMaterial), theCase.id, more);
    }
};

TEST_F(DisclosureScheduleReportTest, theMg6cListsWhatIsNotSensitiveAndNeverASensitiveItem)
{
    const auto pages = render(ReportKind::DisclosureMG6C);
    ASSERT_FALSE(pages.empty());
    expectFurnitureOnEveryPage(pages, "OFFICIAL-SENSITIVE", Reference);
    const std::string all = joined(pages);
    EXPECT_TRUE(contains(all, "MG6C: schedule of non-sensitive unused material"));
    EXPECT_TRUE(contains(all, "DRAFT for the disclosure officer"));
    EXPECT_TRUE(contains(all, "R v Sidney Sample"));
    EXPECT_TRUE(contains(all, "Description and relevant date"));
    EXPECT_TRUE(contains(all, "Fictional first account notes taken by PC Example"));
    EXPECT_TRUE(contains(all, "Relevant date: 04/01/2026"));
    EXPECT_TRUE(contains(all, "Case file"));
    EXPECT_TRUE(contains(all, "Fictional CCTV from Example Road"));
    EXPECT_TRUE(contains(all, "[Not yet recorded]")) << "the CCTV's location";
    EXPECT_FALSE(contains(all, "counselling")) << all;
    EXPECT_FALSE(contains(all, "secure store")) << all;
}

TEST_F(DisclosureScheduleReportTest, theMg6dListsTheSensitiveItemWithItsReason)
{
    const auto pages = render(ReportKind::DisclosureMG6D);
    expectFurnitureOnEveryPage(pages, "OFFICIAL-SENSITIVE", Reference);
    const std::string all = joined(pages);
    EXPECT_TRUE(contains(all, "MG6D: schedule of sensitive unused material"));
    EXPECT_TRUE(contains(all, "Reason for sensitivity"));
    EXPECT_TRUE(contains(all, "Fictional counselling notes"));
    EXPECT_TRUE(contains(all, "Fictional: private record"));
    EXPECT_FALSE(contains(all, "first account notes"));
    EXPECT_FALSE(contains(all, "Fictional CCTV"));
}

TEST_F(DisclosureScheduleReportTest, theMg6eNamesWhatMightMeetTheTestAndWhatIsStillMissing)
{
    ws->records().add(recordSpec(recordtype::kExhibit), theCase.id,
                      {{"reference", "FX/9"}, {"description", "Fictional glass"}});
    const auto pages = render(ReportKind::DisclosureMG6E);
    expectFurnitureOnEveryPage(pages, "OFFICIAL-SENSITIVE", Reference);
    const std::string all = joined(pages);
    EXPECT_TRUE(contains(all, "MG6E: disclosure officer's report"));
    EXPECT_TRUE(contains(all, "MG6C 2"));
    EXPECT_TRUE(contains(all, "Fictional: one man only"));
    EXPECT_TRUE(contains(all, "where it is held is not recorded"));
    EXPECT_TRUE(contains(all, "not yet on a schedule: 1"));
    EXPECT_TRUE(contains(all, "Criminal Procedure and Investigations Act 1996"));
    EXPECT_FALSE(contains(all, "Fictional counselling notes")) << "only what might meet the test is described";
}

TEST_F(DisclosureScheduleReportTest, privacyModeLeavesTheDescriptionsAndReasonsOut)
{
    privacyOn();
    const std::string all = renderAll(ReportKind::DisclosureMG6D);
    EXPECT_FALSE(contains(all, "Fictional counselling notes"));
    EXPECT_FALSE(contains(all, CounsellingReason));
    EXPECT_TRUE(contains(all, "(left out: privacy mode)"));
    EXPECT_TRUE(contains(all, "Printed in privacy mode"));
}

} // namespace
