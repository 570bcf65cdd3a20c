// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 14's outcome guardrails (core/cases/OutcomeGuards): outcome 16 rests on a withdrawal record that says
// whether the victim was spoken to directly and that an evidence-led prosecution was considered; outcomes 15 and
// 16 on a recent signed-off supervisory review; no community resolution (outcome 8) for rape. Fictional data only.
#include <gtest/gtest.h>

#include "core/Error.h"
#include "core/cases/CaseDetails.h"
#include "core/cases/OutcomeGuards.h"
#include "core/domain/LondonTime.h"
#include "core/records/RecordSpec.h"
#include "support/TestSupport.h"

#include <fmt/format.h>

using namespace wb;
using namespace wb::core;

namespace {

class OutcomeGuardsTest : public ::testing::Test
{
protected:
    test::TempDir dir;
    std::unique_ptr<Workspace> ws = test::createWorkspace(dir / "outcomes.rwb");
    Case theCase;
    Person victim;

    void SetUp() override
    {
        theCase = cases::create(*ws, test::caseDraft("FICT/OG/26"));
        PersonDraft p;
        p.caseId = theCase.id;
        p.role = PersonRole::Victim;
        p.givenName = "Vivian";
        p.familyName = "Example";
        victim = ws->people().add(p);
    }

    static std::string londonDay(Instant at)
    {
        const auto d = london::date(at);
        return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(d.year()), static_cast<unsigned>(d.month()),
                           static_cast<unsigned>(d.day()));
    }
    Instant now() const { return ws->clock().now(); }
    std::string today() const { return londonDay(now()); }

    Case withOutcome(const char* code, std::string date = {}) const
    {
        Case c = *ws->cases().find(theCase.id);
        c.outcomeCode = code;
        c.outcomeDate = date.empty() ? today() : date;
        c.outcomeReason = "Fictional reason for the outcome.";
        return c;
    }

    /// The field of the guardrail refusal, "" when the outcome was saved.
    std::string refusedField(const Case& edited)
    {
        try {
            cases::updateOverview(*ws, edited);
        } catch (const Error& e) {
            EXPECT_EQ(e.code(), ErrorCode::GuardrailRefused) << e.what();
            return e.field();
        }
        return "";
    }

    Record addWish(Instant at, const char* wish, const char* evidenceLed, std::int64_t supersedes = 0)
    {
        Values v{{"victim_id", std::to_string(victim.id)},
                 {"recorded_at", toIsoUtc(at)},
                 {"wish", wish},
                 {"recorded_by", "DC Demo Example"}};
        if (std::string(wish) == "withdrawn") {
            v["reason"] = "delay";
            v["spoken_directly"] = "yes";
        }
        if (evidenceLed != nullptr) {
            v["evidence_led_considered"] = evidenceLed;
            if (std::string(evidenceLed) == "yes") {
                v["evidence_led_rationale"] = "No independent evidence of the offence (fictional).";
            }
        }
        if (supersedes != 0) {
            v["supersedes_id"] = std::to_string(supersedes);
        }
        return ws->records().add(recordSpec("victim_wish"), theCase.id, v);
    }

    void addReview(Instant at, const char* rank = "sergeant", const char* signedOff = "1")
    {
        ws->records().add(recordSpec("review"), theCase.id,
                          {{"reviewed_at", toIsoUtc(at)},
                           {"reviewer_name", "DS Demo Fictional"},
                           {"reviewer_rank", rank},
                           {"scope", "Review before the outcome (fictional)."},
                           {"signed_off", signedOff}});
    }
};

TEST_F(OutcomeGuardsTest, rapeOffencesAreKnown)
{
    EXPECT_TRUE(cases::isRapeOffence("SOA2003-s1"));
    EXPECT_TRUE(cases::isRapeOffence("SOA2003-s1-attempt"));
    EXPECT_TRUE(cases::isRapeOffence("SOA2003-s5"));
    EXPECT_FALSE(cases::isRapeOffence("SOA2003-s2"));
    EXPECT_FALSE(cases::isRapeOffence("SOA2003-s3"));
}

TEST_F(OutcomeGuardsTest, aCommunityResolutionIsNeverRecordedForRape)
{
    EXPECT_EQ(refusedField(withOutcome("8")), "outcomeCommunityResolution") << "primary offence: rape";
    EXPECT_FALSE(ws->cases().find(theCase.id)->outcomeCode) << "nothing is written when refused";

    Case other = *ws->cases().find(theCase.id);
    other.primaryOffence = "SOA2003-s3";
    other.otherOffences = {"SOA2003-s1"};
    cases::updateOverview(*ws, other);
    EXPECT_EQ(refusedField(withOutcome("8")), "outcomeCommunityResolution") << "rape among the other offences";

    other = *ws->cases().find(theCase.id);
    other.otherOffences.clear();
    cases::updateOverview(*ws, other);
    EXPECT_EQ(refusedField(withOutcome("8")), "") << "sexual assault: the guard does not apply";
    Case addRape = *ws->cases().find(theCase.id);
    addRape.otherOffences = {"SOA2003-s1"};
    EXPECT_EQ(refusedField(addRape), "outcomeCommunityResolution") << "adding rape to a case resolved so";
}

TEST_F(OutcomeGuardsTest, aNewCaseCannotStartWithAnOutcomeItsRecordsMustSupport)
{
    auto draft = test::caseDraft("FICT/OG/27");
    draft.outcomeCode = "8";
    draft.outcomeDate = today();
    draft.outcomeReason = "Fictional.";
    for (const auto& [code, field] :
         {std::pair{"8", "outcomeCommunityResolution"}, std::pair{"16", "outcomeWithdrawal"},
          std::pair{"15", "outcomeSupervisoryReview"}}) {
        draft.outcomeCode = code;
        try {
            cases::create(*ws, draft);
            ADD_FAILURE() << code << " was accepted";
        } catch (const Error& e) {
            EXPECT_EQ(e.code(), ErrorCode::GuardrailRefused);
            EXPECT_EQ(e.field(), field);
        }
    }
    draft.outcomeCode = "18";
    EXPECT_GT(cases::create(*ws, draft).id, 0) << "other outcomes are not guarded";
}

TEST_F(OutcomeGuardsTest, outcome16NeedsAWithdrawalThatSaysHowItWasHandled)
{
    addReview(now() - std::chrono::hours(1));
    EXPECT_EQ(refusedField(withOutcome("16")), "outcomeWithdrawal") << "no wish recorded";
    const auto full = addWish(now() - std::chrono::hours(72), "full", nullptr);
    EXPECT_EQ(refusedField(withOutcome("16")), "outcomeWithdrawal") << "the victim supports the investigation";
    const auto withdrawn = addWish(now() - std::chrono::hours(48), "withdrawn", "no", full.id);
    EXPECT_EQ(refusedField(withOutcome("16")), "outcomeEvidenceLed");
    const auto considered = addWish(now() - std::chrono::hours(47), "withdrawn", "yes", withdrawn.id);
    EXPECT_EQ(refusedField(withOutcome("16")), "");
    EXPECT_EQ(ws->cases().find(theCase.id)->outcomeCode, std::optional<std::string>("16"));
    (void)considered;
}

TEST_F(OutcomeGuardsTest, aLaterWishThatSupersedesTheWithdrawalRemovesItsSupport)
{
    const auto withdrawn = addWish(now() - std::chrono::hours(48), "withdrawn", "yes");
    addWish(now() - std::chrono::hours(30), "full", nullptr, withdrawn.id);
    addReview(now() - std::chrono::hours(1));
    EXPECT_EQ(refusedField(withOutcome("16")), "outcomeWithdrawal");
}

TEST_F(OutcomeGuardsTest, outcome16NeedsASignedOffReviewAfterTheWithdrawal)
{
    addWish(now() - std::chrono::hours(24 * 5), "withdrawn", "yes");
    EXPECT_EQ(refusedField(withOutcome("16")), "outcomeSupervisoryReview") << "no review";
    addReview(now() - std::chrono::hours(24 * 7));
    EXPECT_EQ(refusedField(withOutcome("16")), "outcomeSupervisoryReview") << "the review predates the withdrawal";
    addReview(now() - std::chrono::hours(24), "constable");
    EXPECT_EQ(refusedField(withOutcome("16")), "outcomeSupervisoryReview") << "a constable is not a supervisor";
    addReview(now() - std::chrono::hours(24), "inspector", "0");
    EXPECT_EQ(refusedField(withOutcome("16")), "outcomeSupervisoryReview") << "not signed off";
    addReview(now() - std::chrono::hours(24), "inspector");
    EXPECT_EQ(refusedField(withOutcome("16")), "");
}

TEST_F(OutcomeGuardsTest, outcome15NeedsARecentReviewAndNoWithdrawal)
{
    EXPECT_EQ(refusedField(withOutcome("15")), "outcomeSupervisoryReview");
    addReview(now() - std::chrono::hours(24 * (cases::OutcomeReviewWindowDays + 2)));
    EXPECT_EQ(refusedField(withOutcome("15")), "outcomeSupervisoryReview") << "older than the window";
    EXPECT_EQ(refusedField(withOutcome("15", londonDay(now() - std::chrono::hours(24 * 20)))), "")
        << "within the window before an earlier outcome date";
}

TEST_F(OutcomeGuardsTest, anOutcomeRecordedEarlierIsNotRejudgedWhenOtherDetailsAreSaved)
{
    addReview(now() - std::chrono::hours(2));
    ASSERT_EQ(refusedField(withOutcome("15")), "");
    ws->records().remove(recordSpec("review"), ws->records().listForCase(recordSpec("review"), theCase.id).front().id);
    Case edited = *ws->cases().find(theCase.id);
    edited.operationName = "Operation Lanternfish";
    EXPECT_EQ(refusedField(edited), "");
    EXPECT_EQ(refusedField(withOutcome("16")), "outcomeWithdrawal") << "a changed code is judged again";
}

TEST_F(OutcomeGuardsTest, otherOutcomesAreNotGuarded)
{
    EXPECT_EQ(refusedField(withOutcome("1")), "");
    EXPECT_EQ(refusedField(withOutcome("18")), "");
}

} // namespace
