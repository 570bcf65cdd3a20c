// SPDX-License-Identifier: GPL-3.0-or-later
// The supervisor's review of third-party material requests (core::plan::tpmAwaitingReview, recordTpmReview):
// pending requests are listed for review like intrusive enquiries, and the decision goes through the record check.
// Fictional case and people only.
#include <gtest/gtest.h>

#include "core/Error.h"
#include "core/plan/TpmReview.h"
#include "core/records/RecordSpec.h"
#include "core/records/RecordTypes.h"
#include "support/TestSupport.h"

using namespace wb;
using namespace wb::core;

namespace {

class TpmReviewTest : public ::testing::Test
{
protected:
    test::TempDir dir;
    std::unique_ptr<Workspace> ws = test::createWorkspace(dir / "tpm-review.rwb");
    Case c = ws->cases().add(test::caseDraft("FICT/TR/26"));

    Record addRequest(Values extra = {}, std::int64_t caseId = 0)
    {
        Values v{{"tpm_type", "medical"},
                 {"holder", "Fictional GP surgery"},
                 {"line_of_enquiry", "CPS advice asks for the record of the examination (fictional)."},
                 {"proportionality", "Only the consultation of 3 January (fictional)."}};
        for (auto& [key, value] : extra) {
            v[key] = value;
        }
        return ws->records().add(recordSpec(recordtype::kTpmRequest), caseId == 0 ? c.id : caseId, v);
    }

    Record stored(std::int64_t id) { return *ws->records().find(recordSpec(recordtype::kTpmRequest), id); }

    static plan::SupervisoryReview decided(const char* decision)
    {
        plan::SupervisoryReview review;
        review.decision = decision;
        review.supervisorName = "DS Fictional Reviewer";
        review.supervisorRank = "sergeant";
        review.reviewedAt = parseIsoUtc("2026-01-09T10:00:00Z");
        return review;
    }
};

TEST_F(TpmReviewTest, OnlyPendingRequestsOfTheCaseAwaitReview)
{
    const auto pending = addRequest();
    addRequest({{"supervisor_review", "approved"},
                {"supervisor_name", "DS Fictional Reviewer"},
                {"supervisor_reviewed_at", "2026-01-09T10:00:00Z"}});
    addRequest({{"supervisor_review", "refused"},
                {"supervisor_name", "DS Fictional Reviewer"},
                {"supervisor_reviewed_at", "2026-01-09T10:00:00Z"}});
    const auto other = ws->cases().add(test::caseDraft("FICT/TR2/26"));
    addRequest({}, other.id);
    const auto listed = plan::tpmAwaitingReview(*ws, c.id);
    ASSERT_EQ(listed.size(), 1U);
    EXPECT_EQ(listed[0].id, pending.id);
    EXPECT_EQ(listed[0].get("supervisor_review"), "pending") << "a new request awaits review by default";
}

TEST_F(TpmReviewTest, TheDecisionIsRecordedAndTheRequestLeavesTheList)
{
    const auto request = addRequest();
    const auto approved = plan::recordTpmReview(*ws, request.id, decided("approved"));
    EXPECT_EQ(approved.get("supervisor_review"), "approved");
    EXPECT_EQ(approved.get("supervisor_name"), "DS Fictional Reviewer");
    EXPECT_EQ(approved.get("supervisor_rank"), "sergeant");
    EXPECT_EQ(approved.get("supervisor_reviewed_at"), "2026-01-09T10:00:00Z");
    EXPECT_EQ(approved.get("holder"), "Fictional GP surgery") << "the request's other values are kept";
    EXPECT_TRUE(plan::tpmAwaitingReview(*ws, c.id).empty());

    const auto refused = plan::recordTpmReview(*ws, request.id, decided("refused"));
    EXPECT_EQ(refused.get("supervisor_review"), "refused");
    auto back = decided("pending");
    const auto reopened = plan::recordTpmReview(*ws, request.id, back);
    EXPECT_EQ(reopened.get("supervisor_review"), "pending");
    EXPECT_TRUE(reopened.get("supervisor_name").empty()) << "a pending review names no supervisor";
    EXPECT_EQ(plan::tpmAwaitingReview(*ws, c.id).size(), 1U);
}

TEST_F(TpmReviewTest, ADecisionNeedsTheSupervisorAndTheTimeAndNothingChangesOtherwise)
{
    const auto request = addRequest();
    auto review = decided("approved");
    review.supervisorName.clear();
    try {
        plan::recordTpmReview(*ws, request.id, review);
        ADD_FAILURE() << "an approval without the supervisor was stored";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::Validation);
        EXPECT_EQ(e.field(), "supervisor_name");
    }
    review = decided("refused");
    review.reviewedAt.reset();
    try {
        plan::recordTpmReview(*ws, request.id, review);
        ADD_FAILURE() << "a refusal without its time was stored";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::Validation);
        EXPECT_EQ(e.field(), "supervisor_reviewed_at");
    }
    EXPECT_EQ(stored(request.id).get("supervisor_review"), "pending");
}

TEST_F(TpmReviewTest, ASentRequestCannotBeRefusedAfterwardsAndAnUnknownRequestIsNotFound)
{
    const auto request = addRequest({{"supervisor_review", "approved"},
                                     {"supervisor_name", "DS Fictional Reviewer"},
                                     {"supervisor_reviewed_at", "2026-01-09T10:00:00Z"},
                                     {"victim_informed_on", "2026-01-09"},
                                     {"requested_on", "2026-01-10"}});
    try {
        plan::recordTpmReview(*ws, request.id, decided("refused"));
        ADD_FAILURE() << "a sent request was recorded as refused";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::GuardrailRefused);
        EXPECT_EQ(e.field(), "supervisor_review");
    }
    EXPECT_EQ(stored(request.id).get("supervisor_review"), "approved");
    try {
        plan::recordTpmReview(*ws, request.id + 1000, decided("approved"));
        ADD_FAILURE() << "an unknown request was reviewed";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::NotFound);
    }
}

} // namespace
