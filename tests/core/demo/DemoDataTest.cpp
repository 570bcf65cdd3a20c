// SPDX-License-Identifier: GPL-3.0-or-later
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "core/cases/OutcomeGuards.h"
#include "core/demo/DemoData.h"
#include "core/demo/Generator.h"
#include "core/domain/LondonTime.h"
#include "core/nom/EnquiryCatalogue.h"
#include "core/nom/QuestionCatalogue.h"
#include "core/plan/InvestigationPlan.h"
#include "core/records/RecordSpec.h"
#include "support/ManualClock.h"
#include "support/TestSupport.h"

using namespace wb;

namespace {

TEST(DemoDataTest, fillsAConsistentFictionalWorkspace)
{
    test::TempDir dir;
    auto ws = test::createWorkspace(dir / "demo.rwb");
    // Eight cases with the shipped offences list (the non-recent one under its Sexual Offences Act 1956 offence).
    const std::size_t added = core::addDemoCases(*ws);
    EXPECT_EQ(added, 8u);
    const auto cases = ws->cases().list();
    ASSERT_EQ(cases.size(), added);
    for (const auto& c : cases) {
        EXPECT_EQ(c.reference.rfind("DEMO/", 0), 0u) << c.reference;
        EXPECT_EQ(ws->people().listForCase(c.id).size(), 3u);
        EXPECT_EQ(ws->records().listForCase(core::recordSpec("decision"), c.id).size(), 2u);
        EXPECT_FALSE(ws->records().listForCase(core::recordSpec("timeline_event"), c.id).empty());
        EXPECT_NE(c.offenceDate.precision, core::ApproxDate::Precision::Unknown);
        EXPECT_TRUE(ws->context().storedAnswers(c.id).empty()) << "no context without a question catalogue";
    }
    const auto audit = ws->verifyAudit();
    EXPECT_TRUE(audit.ok()) << (audit.problems.empty() ? "" : audit.problems.front());
    EXPECT_EQ(ws->integrityCheck(), "ok");
}

// Issue 14: every closed demo case used to be outcome 16, which taught that withdrawal is the normal ending.
TEST(DemoDataTest, closedCasesEndInVariedOutcomesEachRestingOnItsRecords)
{
    test::TempDir dir;
    auto ws = test::createWorkspace(dir / "demo.rwb");
    core::addDemoCases(*ws);
    std::map<std::string, int> outcomes;
    for (const auto& c : ws->cases().list()) {
        if (c.status != core::CaseStatus::Closed) {
            EXPECT_FALSE(c.outcomeCode) << c.reference;
            continue;
        }
        ASSERT_TRUE(c.outcomeCode) << c.reference;
        ++outcomes[*c.outcomeCode];
        // Recorded through the guardrails (cases::updateOverview); judged again as if newly recorded, it still holds.
        core::Case before = c;
        before.outcomeCode.reset();
        EXPECT_NO_THROW(core::cases::checkOutcome(*ws, c, before)) << c.reference;
    }
    EXPECT_EQ(outcomes, (std::map<std::string, int>{{"1", 1}, {"15", 1}, {"16", 1}, {"18", 1}}));

    // The intrusive enquiries in the demo follow the guardrails: the witness's phone after the s.37 notice, the
    // social-care request approved and notified to the victim.
    std::size_t extracted = 0;
    std::size_t requests = 0;
    for (const auto& c : ws->cases().list()) {
        for (const auto& device : ws->records().listForCase(core::recordSpec("device"), c.id)) {
            if (!device.get("extraction_started").empty()) {
                ++extracted;
                EXPECT_FALSE(device.get("s37_notice_date").empty());
                EXPECT_LE(device.get("s37_notice_date"), device.get("extraction_started"));
            }
        }
        for (const auto& request : ws->records().listForCase(core::recordSpec("tpm_request"), c.id)) {
            ++requests;
            EXPECT_EQ(request.get("supervisor_review"), "approved");
            EXPECT_FALSE(request.get("victim_informed_on").empty());
        }
    }
    EXPECT_EQ(extracted, 1u);
    EXPECT_EQ(requests, 1u);
}

// Issue 14: the first case a newcomer opens showed "No suspect-focused line of enquiry is proposed yet".
TEST(DemoDataTest, everyDemoCaseHasContextAndItsPlanOpensWithSuspectFocusedLines)
{
    test::TempDir dir;
    auto ws = test::createWorkspace(dir / "demo.rwb");
    const auto questions = test::questions();
    const auto enquiries = test::enquiries();
    core::addDemoCases(*ws, questions.get());
    for (const auto& c : ws->cases().list()) {
        EXPECT_GE(ws->context().facts(c.id, *questions).size(), 10u) << c.reference;
        const auto plan = core::plan::build(*ws, c.id, *enquiries, *questions, ws->clock().now());
        ASSERT_FALSE(plan.proposals.empty()) << c.reference;
        ASSERT_NE(plan.proposals.front().entry, nullptr);
        EXPECT_EQ(plan.proposals.front().entry->principle, core::nom::Principle::SuspectFocused) << c.reference;
        std::size_t suspectFocused = 0;
        for (const auto& item : plan.proposals) {
            suspectFocused += item.entry != nullptr && item.entry->principle == core::nom::Principle::SuspectFocused;
        }
        EXPECT_GE(suspectFocused, 5u) << c.reference;
    }
    const auto audit = ws->verifyAudit();
    EXPECT_TRUE(audit.ok()) << (audit.problems.empty() ? "" : audit.problems.front());
}

TEST(DemoDataTest, generatedClosedCasesEndInVariedOutcomesThatPassTheGuardrails)
{
    test::TempDir dir;
    auto ws = test::createWorkspace(dir / "generated.rwb");
    core::GeneratorOptions options;
    options.cases = 60;
    options.seed = 7;
    options.shape = core::GeneratorShape{3, 2, 2, 2, 2, 1, 1};
    core::generateWorkspace(*ws, options);
    std::map<std::string, int> outcomes;
    int closed = 0;
    for (const auto& c : ws->cases().list()) {
        if (!c.outcomeCode) {
            continue;
        }
        ++closed;
        ++outcomes[*c.outcomeCode];
        core::Case before = c;
        before.outcomeCode.reset();
        EXPECT_NO_THROW(core::cases::checkOutcome(*ws, c, before)) << c.reference << " " << *c.outcomeCode;
    }
    ASSERT_GT(closed, 10);
    EXPECT_GE(outcomes.size(), 2u) << "not only one outcome";
    EXPECT_LT(outcomes["16"], closed) << "withdrawal is not the only ending";
}

/// The two-digit UK year of an instant, as a crime reference ends ("/25").
std::string referenceYear(core::Instant at)
{
    const int yy = static_cast<int>(core::london::date(at).year()) % 100;
    return (yy < 10 ? "/0" : "/") + std::to_string(yy);
}

// Issue 15: the demo's crime references ended in fixed years ("DEMO/0004/25" for a case reported in 2026).
TEST(DemoDataTest, crimeReferenceYearsMatchTheirReportDates)
{
    test::TempDir dir;
    auto ws = test::createWorkspace(dir / "demo.rwb");
    // Early in a year: the newest cases were reported in the year before (UK dates).
    ws->setClock(std::make_shared<test::ManualClock>(test::ManualClock::at(2026, 1, 2, 12)));
    const auto questions = test::questions();
    ASSERT_EQ(core::addDemoCases(*ws, questions.get()), 8u);
    std::set<std::string> serials;
    for (const auto& c : ws->cases().list()) {
        ASSERT_EQ(c.reference.size(), 12u) << c.reference;
        serials.insert(c.reference.substr(0, 9));
        EXPECT_EQ(c.reference.substr(9), referenceYear(c.reportedAt)) << c.reference;
        EXPECT_FALSE(ws->context().storedAnswers(c.id).empty()) << c.reference << ": its context, whatever the year";
    }
    EXPECT_EQ(serials.size(), 8u);
    EXPECT_EQ(core::demoReference("DEMO/0001", test::ManualClock::at(2026, 12, 31, 23, 30)), "DEMO/0001/26");
    EXPECT_EQ(core::demoReference("DEMO/0001", test::ManualClock::at(2009, 6, 1)), "DEMO/0001/09");

    core::GeneratorOptions options;
    options.cases = 20;
    options.shape = core::GeneratorShape{3, 1, 1, 1, 1, 1, 1};
    options.anchor = test::ManualClock::at(2026, 1, 1);
    core::generateWorkspace(*ws, options);
    int generated = 0;
    for (const auto& c : ws->cases().list()) {
        if (c.reference.starts_with("GEN/")) {
            ++generated;
            EXPECT_EQ(c.reference.substr(c.reference.size() - 3), referenceYear(c.reportedAt)) << c.reference;
        }
    }
    EXPECT_EQ(generated, 20);
}

// Issue 15: the owner was "Demo user (fictional)" in the status bar and "DC Demo Example" in the demo's records.
TEST(DemoDataTest, theOfficerTheRecordsNameIsTheWorkspaceOwner)
{
    test::TempDir dir;
    auto ws = test::createWorkspace(dir / "demo.rwb");
    core::addDemoCases(*ws);
    const std::string owner = ws->info().owner.displayName;
    ASSERT_EQ(owner, "DC Fictional Tester");
    int named = 0;
    for (const auto& c : ws->cases().list()) {
        for (const auto& wish : ws->records().listForCase(core::recordSpec("victim_wish"), c.id)) {
            EXPECT_EQ(wish.get("recorded_by"), owner);
            ++named;
        }
        for (const auto& contact : ws->records().listForCase(core::recordSpec("contact"), c.id)) {
            EXPECT_EQ(contact.get("by_whom"), owner);
        }
        for (const auto& enquiry : ws->records().listForCase(core::recordSpec("enquiry"), c.id)) {
            EXPECT_EQ(enquiry.get("owner"), owner);
        }
        for (const auto& decision : ws->records().listForCase(core::recordSpec("decision"), c.id)) {
            EXPECT_EQ(decision.get("decided_by"), owner);
        }
    }
    EXPECT_GE(named, 8);
    EXPECT_EQ(core::demoOwner().displayName, "DC Demo Example");
    EXPECT_EQ(core::demoOwner().staffNumber, "DEMO");
}

} // namespace
