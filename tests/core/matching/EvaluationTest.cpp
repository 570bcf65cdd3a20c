// SPDX-License-Identifier: GPL-3.0-or-later
// Evaluation: the truth from FEBRL record ids and pair precision, recall and F1 (issue 16).
#include <gtest/gtest.h>

#include "core/Error.h"
#include "core/matching/Evaluation.h"

using namespace wb::core;
using matching::Evaluation;

namespace {

ErrorCode refusal(const std::function<void()>& call, std::string* field = nullptr)
{
    try {
        call();
    } catch (const Error& e) {
        if (field) {
            *field = e.field();
        }
        return e.code();
    }
    ADD_FAILURE() << "expected a refusal";
    return ErrorCode::Storage;
}

// Entity 1 has an original and two copies (3 pairs), entity 2 one copy (1 pair), entity 3 stands alone.
const std::vector<std::string> Records{"rec-1-org",   "rec-1-dup-0", "rec-1-dup-1", "rec-2-org",
                                       "rec-2-dup-0", "rec-3-org",   "rec-40-org"};

TEST(EvaluationTest, theEntityIsTheNumberInTheRecordId)
{
    EXPECT_EQ(Evaluation::entityOf("rec-12-org"), std::optional<std::string>("12"));
    EXPECT_EQ(Evaluation::entityOf("rec-12-dup-3"), std::optional<std::string>("12"));
    EXPECT_EQ(Evaluation::entityOf("rec-0-dup-0"), std::optional<std::string>("0"));
    for (const char* bad : {"", "rec-", "rec-12", "rec-12-", "rec-x-org", "rec-12-dup-", "rec-12-dup-a",
                            "rec-12-copy-1", "REC-12-org", "rec--org", "rec-12-org-1"}) {
        EXPECT_FALSE(Evaluation::entityOf(bad).has_value()) << bad;
    }
}

TEST(EvaluationTest, truePairsAreCountedWithinEachEntity)
{
    const Evaluation truth(Records);
    EXPECT_EQ(truth.recordCount(), 7U);
    EXPECT_EQ(truth.truePairCount(), 4U);
    EXPECT_TRUE(truth.isSamePerson("rec-1-dup-0", "rec-1-dup-1"));
    EXPECT_TRUE(truth.isSamePerson("rec-2-org", "rec-2-dup-0"));
    EXPECT_FALSE(truth.isSamePerson("rec-1-org", "rec-2-org"));
    EXPECT_FALSE(truth.isSamePerson("rec-3-org", "rec-40-org"));
}

TEST(EvaluationTest, precisionRecallAndF1CountDistinctPairs)
{
    const Evaluation truth(Records);
    // Two right (one given twice, once reversed), one wrong: precision 2/3, recall 2/4.
    const auto m = truth.score({{"rec-1-org", "rec-1-dup-0"},
                                {"rec-1-dup-0", "rec-1-org"},
                                {"rec-2-dup-0", "rec-2-org"},
                                {"rec-3-org", "rec-40-org"}});
    EXPECT_EQ(m.truePairs, 4U);
    EXPECT_EQ(m.predictedPairs, 3U);
    EXPECT_EQ(m.truePositives, 2U);
    EXPECT_DOUBLE_EQ(m.precision, 2.0 / 3.0);
    EXPECT_DOUBLE_EQ(m.recall, 0.5);
    EXPECT_DOUBLE_EQ(m.f1, 2.0 * (2.0 / 3.0) * 0.5 / (2.0 / 3.0 + 0.5));
}

TEST(EvaluationTest, everyTruePairFoundAndNothingElseIsPerfect)
{
    const Evaluation truth(Records);
    const auto m = truth.score({{"rec-1-org", "rec-1-dup-0"},
                                {"rec-1-org", "rec-1-dup-1"},
                                {"rec-1-dup-1", "rec-1-dup-0"},
                                {"rec-2-org", "rec-2-dup-0"}});
    EXPECT_DOUBLE_EQ(m.precision, 1.0);
    EXPECT_DOUBLE_EQ(m.recall, 1.0);
    EXPECT_DOUBLE_EQ(m.f1, 1.0);
}

TEST(EvaluationTest, nothingPredictedOrNothingRightScoresZero)
{
    const Evaluation truth(Records);
    const auto none = truth.score({});
    EXPECT_EQ(none.predictedPairs, 0U);
    EXPECT_DOUBLE_EQ(none.precision, 0.0);
    EXPECT_DOUBLE_EQ(none.recall, 0.0);
    EXPECT_DOUBLE_EQ(none.f1, 0.0);
    const auto wrong = truth.score({{"rec-1-org", "rec-2-org"}});
    EXPECT_EQ(wrong.truePositives, 0U);
    EXPECT_DOUBLE_EQ(wrong.f1, 0.0);
    const Evaluation singletons({"rec-1-org", "rec-2-org"});
    EXPECT_EQ(singletons.truePairCount(), 0U);
    EXPECT_DOUBLE_EQ(singletons.score({{"rec-1-org", "rec-2-org"}}).recall, 0.0);
}

TEST(EvaluationTest, badOrRepeatedIdsAndUnknownOrSelfPairsAreRefused)
{
    std::string field;
    EXPECT_EQ(refusal([] { Evaluation({"rec-1-org", "person 2"}); }, &field), ErrorCode::Validation);
    EXPECT_EQ(field, "rec_id");
    EXPECT_EQ(refusal([] { Evaluation({"rec-1-org", "rec-1-org"}); }), ErrorCode::Validation);
    const Evaluation truth(Records);
    EXPECT_EQ(refusal([&] { truth.score({{"rec-1-org", "rec-99-org"}}); }), ErrorCode::Validation);
    EXPECT_EQ(refusal([&] { truth.score({{"rec-1-org", "rec-1-org"}}); }), ErrorCode::Validation);
    EXPECT_EQ(refusal([&] { (void)truth.isSamePerson("rec-1-org", "nobody"); }), ErrorCode::Validation);
}

} // namespace
