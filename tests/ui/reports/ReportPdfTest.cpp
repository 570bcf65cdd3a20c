// SPDX-License-Identifier: GPL-3.0-or-later
// The reports as an officer receives them: PDFs opened with poppler and read page by page for the marking, the
// crime reference, "Page x of y", the content, and TRAINING on every page of a training workspace. Fictional data.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "core/Workspace.h"
#include "core/domain/ApproxDate.h"
#include "core/records/RecordSpec.h"
#include "core/records/RecordTypes.h"
#include "core/reports/ProtectiveMarking.h"
#include "ui/privacy/PrivacyMode.h"
#include "ui/reports/ReportBuilder.h"
#include "ui/reports/ReportPdfFixture.h"
#include "ui/reports/ReportRenderer.h"

using namespace wb;
using namespace wb::core;
using wb::core::reports::ReportKind;
namespace rp = wb::ui::reports;

namespace {

using ReportPdfTest = test::ReportPdfFixture;
using test::contains;
using test::occurrences;

TEST_F(ReportPdfTest, thePlanPrintsEachChoiceWithTheDeclineRationaleAndWhyItWasSuggested)
{
    const auto pages = render(ReportKind::InvestigationPlan);
    ASSERT_FALSE(pages.empty());
    expectFurnitureOnEveryPage(pages, "OFFICIAL-SENSITIVE", Reference);
    std::string all;
    for (const auto& page : pages) {
        all += page;
        EXPECT_FALSE(contains(page, "TRAINING"));
    }
    EXPECT_TRUE(contains(all, "Investigation plan"));
    EXPECT_TRUE(contains(all, "Declined, with the rationale (1)"));
    EXPECT_TRUE(contains(all, DeclineRationale));
    EXPECT_TRUE(contains(all, "Accepted as enquiries (1)"));
    EXPECT_TRUE(contains(all, "SUS-PRE-001"));
    EXPECT_TRUE(contains(all, "Why this is suggested"));
    const auto* declined = enquiryCatalogue.find("DF-001");
    ASSERT_NE(declined, nullptr);
    EXPECT_TRUE(contains(all, declined->title));
}

TEST_F(ReportPdfTest, theDecisionLogShowsASupersededEntryAsSuch)
{
    const auto pages = render(ReportKind::DecisionLog);
    ASSERT_FALSE(pages.empty());
    expectFurnitureOnEveryPage(pages, "OFFICIAL-SENSITIVE", Reference);
    std::string all;
    for (const auto& page : pages) {
        all += page;
    }
    EXPECT_TRUE(contains(all, "Entry 1 · 05/01/2026 09:00 · SUPERSEDED by entry 2"));
    EXPECT_TRUE(contains(all, "Fictional: arrest the suspect on Monday.")); // the superseded entry is printed
    EXPECT_TRUE(contains(all, "Fictional: arrest the suspect on Tuesday instead."));
    EXPECT_FALSE(contains(all, "SUPERSEDED by entry 3"));
}

TEST_F(ReportPdfTest, aLongDecisionLogRunsOverSeveralPagesEachMarkedAndNumbered)
{
    addDecisions(*ws, theCase.id, 40);
    const auto pages = render(ReportKind::DecisionLog);
    ASSERT_GE(pages.size(), 3U);
    expectFurnitureOnEveryPage(pages, "OFFICIAL-SENSITIVE", Reference);
    std::string all;
    for (const auto& page : pages) {
        all += page;
    }
    EXPECT_TRUE(contains(all, "Fictional decision number 40."));
    EXPECT_TRUE(contains(pages.back(), "Page " + std::to_string(pages.size()) + " of " + std::to_string(pages.size())));
}

TEST_F(ReportPdfTest, aTrainingWorkspacePrintsTrainingOnEveryPage)
{
    auto trainingOptions = test::fastOptions();
    trainingOptions.training = true;
    const auto training =
        Workspace::create(dir / "training.rwb", Workspace::deriveForCreate(test::Passphrase, trainingOptions.kdf),
                          trainingOptions, test::offences(), test::lists());
    const auto c = training->cases().add(test::caseDraft("FICT/TRN/26"));
    addDecisions(*training, c.id, 30);
    const auto pages = render(ReportKind::DecisionLog, *training, c.id);
    ASSERT_GE(pages.size(), 2U);
    expectFurnitureOnEveryPage(pages, "OFFICIAL-SENSITIVE", "FICT/TRN/26");
    for (std::size_t i = 0; i < pages.size(); ++i) {
        EXPECT_TRUE(contains(pages[i], "TRAINING")) << "page " << i + 1;
    }
}

TEST_F(ReportPdfTest, theMarkingIsTheOneChosen)
{
    options.marking = QStringLiteral("OFFICIAL");
    const auto pages = render(ReportKind::CaseSummary);
    ASSERT_FALSE(pages.empty());
    expectFurnitureOnEveryPage(pages, "OFFICIAL", Reference);
    for (const auto& page : pages) {
        EXPECT_FALSE(contains(page, "OFFICIAL-SENSITIVE"));
    }
}

TEST_F(ReportPdfTest, theWorkspacesMarkingIsPrintedUnlessThePrintoutChoosesAnother)
{
    reports::setProtectiveMarking(*ws, "OFFICIAL-SENSITIVE FORCE TEST");
    auto pages = render(ReportKind::DecisionLog);
    ASSERT_FALSE(pages.empty());
    expectFurnitureOnEveryPage(pages, "OFFICIAL-SENSITIVE FORCE TEST", Reference);
    options.marking = QStringLiteral("OFFICIAL");
    pages = render(ReportKind::DecisionLog);
    ASSERT_FALSE(pages.empty());
    EXPECT_FALSE(contains(pages.front(), "FORCE TEST"));
    EXPECT_FALSE(contains(pages.front(), "OFFICIAL-SENSITIVE"));
}

TEST_F(ReportPdfTest, theCaseSummaryShowsAnApproximateDateAsRecordedAndThePeople)
{
    auto c = theCase;
    c.offenceDate = ApproxDate::month("2019-05");
    ws->cases().update(c);
    const auto pages = render(ReportKind::CaseSummary);
    std::string all;
    for (const auto& page : pages) {
        all += page;
    }
    EXPECT_TRUE(contains(all, "When it happened May 2019"));
    EXPECT_FALSE(contains(all, "01/05/2019"));
    EXPECT_TRUE(contains(all, "Vivian Example"));
    EXPECT_TRUE(contains(all, "Sidney Sample"));
    EXPECT_TRUE(contains(all, "Declined with a rationale 1"));
}

TEST_F(ReportPdfTest, theChronologyListsTheTimelineEarliestFirstWithEachDateAsPreciseAsRecorded)
{
    const auto event = [this](const ApproxDate& when, const std::string& title, const std::string& source) {
        ws->records().add(recordSpec(recordtype::kTimelineEvent), theCase.id,
                          {{"occurred", when.encode()}, {"title", title}, {"source", source}});
    };
    // Short titles: poppler reads a table row by row, so a cell's wrapped line would sit among its neighbours'.
    event(ApproxDate::exact("2026-01-04T21:15:00Z"), "Told a friend", "Statement");
    event(ApproxDate::month("2019-05"), "First message", "Account");
    event(ApproxDate::between("2019-05-01", "2019-08-31"), "Visits", "Account");
    event(ApproxDate::year(2009), "First meeting", "Account");

    const auto pages = render(ReportKind::Chronology);
    ASSERT_FALSE(pages.empty());
    expectFurnitureOnEveryPage(pages, "OFFICIAL-SENSITIVE", Reference);
    std::string all;
    for (const auto& page : pages) {
        all += page;
    }
    EXPECT_TRUE(contains(all, "Chronology"));
    EXPECT_TRUE(contains(all, "May 2019"));
    EXPECT_TRUE(contains(all, "between 01/05/2019"));
    EXPECT_TRUE(contains(all, "31/08/2019"));
    EXPECT_TRUE(contains(all, "04/01/2026 21:15"));
    EXPECT_FALSE(contains(all, "01/05/2019 00:00")) << "a month is never printed as a day and a time";
    const auto at = [&all](const std::string& text) { return all.find(text); };
    ASSERT_NE(at("First meeting"), std::string::npos) << all;
    EXPECT_LT(at("First meeting"), at("First message"));
    EXPECT_LT(at("First message"), at("Visits"));
    EXPECT_LT(at("Visits"), at("Told a friend"));
}

TEST_F(ReportPdfTest, anEmptyTimelineSaysSo)
{
    const auto pages = render(ReportKind::Chronology);
    ASSERT_EQ(pages.size(), 1U);
    EXPECT_TRUE(contains(pages.front(), "No events are recorded on the timeline yet."));
}

TEST_F(ReportPdfTest, privacyModeAppliesToThePrintout)
{
    ui::PrivacyMode privacy;
    privacy.setOn(true);
    options.personName = [&privacy](const Person& p) { return privacy.displayName(p); };
    options.privacyApplied = privacy.isOn();
    const auto pages = render(ReportKind::CaseSummary);
    std::string all;
    for (const auto& page : pages) {
        all += page;
    }
    EXPECT_FALSE(contains(all, "Vivian"));
    EXPECT_FALSE(contains(all, "Wynne"));
    EXPECT_TRUE(contains(all, "Sidney Sample")); // suspects are not masked, as on screen
    EXPECT_TRUE(contains(all, "privacy mode"));
}

} // namespace
