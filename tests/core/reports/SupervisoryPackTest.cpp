// SPDX-License-Identifier: GPL-3.0-or-later
// The supervisory review pack's data: what changed since the plan was last reviewed, the deadlines overdue and due
// soon, and what awaits the supervisor's review.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <memory>

#include "core/deadlines/DeadlineService.h"
#include "core/reports/ReportCaseFixture.h"
#include "core/reports/SupervisoryPack.h"
#include "support/ManualClock.h"

using namespace wb;
using namespace wb::core;
using namespace std::chrono_literals;

namespace {

const deadlines::DeadlineService& deadlineService()
{
    static const auto loaded = deadlines::DeadlineService::load(
        test::fs::path(WB_RESOURCES_DIR) / "nom" / "deadline-rules.json",
        test::fs::path(WB_RESOURCES_DIR) / "reference" / "bank-holidays-england-wales.json", test::enquiries(),
        test::questions());
    return loaded;
}

class SupervisoryPackTest : public test::ReportCaseFixture
{
protected:
    Record intrusiveOwnEnquiry(const std::string& dueOn)
    {
        plan::OwnEnquiry own;
        own.title = "Fictional: ask the victim's college for her attendance records";
        own.principle = "context-led";
        own.intrudes = true;
        own.dueOn = dueOn;
        own.lineOfEnquiry = "Fictional: the suspect says she was at college that day.";
        own.necessityProportionality = "Fictional: only the one day is asked for.";
        own.lessIntrusiveOptions = "Fictional: the victim was asked first and could not recall.";
        return plan::addOwn(*ws, theCase.id, own, now);
    }

    reports::SupervisoryPack pack(Instant at)
    {
        const auto view = plan::build(*ws, theCase.id, enquiryCatalogue, questionCatalogue, at);
        return reports::supervisoryPack(*ws, theCase.id, view, deadlineService(), at);
    }
};

std::size_t countOf(const std::vector<reports::RecordCount>& counts, std::string_view type)
{
    const auto it = std::find_if(counts.begin(), counts.end(), [&](const auto& c) { return c.type == type; });
    return it == counts.end() ? 0 : it->count;
}

TEST_F(SupervisoryPackTest, neverReviewedEverythingCountsFromTheOpeningOfTheCase)
{
    const Record pending = intrusiveOwnEnquiry("");
    const auto p = pack(now);
    EXPECT_FALSE(p.lastReview);
    EXPECT_FALSE(p.since);
    EXPECT_EQ(countOf(p.added, recordtype::kDecision), 4U) << "three decisions and the decline";
    EXPECT_TRUE(p.changed.empty());
    EXPECT_EQ(p.decisionsSince.size(), 4U);
    ASSERT_EQ(p.enquiriesAwaitingReview.size(), 1U);
    EXPECT_EQ(p.enquiriesAwaitingReview.front().id, pending.id);
    EXPECT_EQ(p.plan.accepted, 1U);
    for (const auto& item : p.overdue) {
        EXPECT_EQ(item.state, deadlines::DueState::Overdue) << item.ruleId;
    }
    EXPECT_TRUE(
        std::is_sorted(p.overdue.begin(), p.overdue.end(), [](const auto& a, const auto& b) { return a.due < b.due; }));
    for (const auto& item : p.dueSoon) {
        EXPECT_LE(item.due, now + std::chrono::days(reports::kDueSoonDays)) << item.ruleId;
        EXPECT_NE(item.state, deadlines::DueState::Overdue) << item.ruleId;
    }
}

TEST_F(SupervisoryPackTest, afterAReviewOnlyWhatWasAddedOrChangedSinceCounts)
{
    const Record enquiry = intrusiveOwnEnquiry("");
    auto clock = std::make_shared<test::ManualClock>(now + 1h);
    ws->setClock(clock);
    const Record review = plan::markReviewed(*ws, theCase.id, enquiryCatalogue, questionCatalogue, clock->now());
    clock->advance(1h);
    plan::updateEnquiry(*ws, enquiry.id,
                        {{"supervisor_review", "approved"},
                         {"supervisor_name", "DS Fictional"},
                         {"supervisor_rank", "sergeant"},
                         {"supervisor_reviewed_at", toIsoUtc(clock->now() - 60s)}});
    decision(toIsoUtc(clock->now() - 30s), "Fictional: interview the suspect again.", "Fictional: new account.");

    const auto p = pack(clock->now());
    ASSERT_TRUE(p.lastReview);
    EXPECT_EQ(p.lastReview->id, review.id);
    ASSERT_TRUE(p.since);
    EXPECT_EQ(countOf(p.added, recordtype::kDecision), 1U) << "only the decision made after the review";
    EXPECT_EQ(countOf(p.changed, recordtype::kEnquiry), 1U) << "the enquiry reviewed since";
    EXPECT_EQ(countOf(p.added, recordtype::kEnquiry), 0U);
    EXPECT_EQ(countOf(p.added, recordtype::kPlanSnapshot), 0U) << "the review itself is not a change";
    ASSERT_EQ(p.decisionsSince.size(), 1U);
    EXPECT_EQ(p.decisionsSince.front().number, 5U) << "numbered as in the whole decision log";
    EXPECT_TRUE(p.enquiriesAwaitingReview.empty()) << "approved: no longer awaiting review";
    EXPECT_TRUE(p.newlyProposed.empty()) << "nothing new has been proposed since the review";
}

TEST_F(SupervisoryPackTest, anEnquiryPastItsDueDateIsOverdue)
{
    intrusiveOwnEnquiry(plan::londonDate(now - std::chrono::days(3)));
    const auto p = pack(now);
    const auto found = std::find_if(p.overdue.begin(), p.overdue.end(),
                                    [](const auto& item) { return item.kind == deadlines::DueKind::EnquiryDue; });
    EXPECT_NE(found, p.overdue.end());
}

} // namespace
