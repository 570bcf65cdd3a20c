// SPDX-License-Identifier: GPL-3.0-or-later
// Answering the context questions (core::cases::answer): an unchanged answer is not recorded again, a withdrawal
// only when there is an answer, a bad value refused. Fictional case only.
#include <gtest/gtest.h>

#include "core/Error.h"
#include "core/cases/ContextAnswers.h"
#include "core/nom/QuestionCatalogue.h"
#include "support/TestSupport.h"

using namespace wb;
using namespace wb::core;

namespace {

class ContextAnswersTest : public ::testing::Test
{
protected:
    test::TempDir dir;
    std::unique_ptr<Workspace> ws = test::createWorkspace(dir / "context.rwb");
    Case c = ws->cases().add(test::caseDraft("FICT/CA/26"));
    const nom::QuestionCatalogue& questions = *test::questions();

    std::size_t history(const std::string& id) { return ws->context().history(c.id, id, questions).size(); }
};

TEST_F(ContextAnswersTest, anUnchangedAnswerIsNotRecordedAgain)
{
    EXPECT_TRUE(cases::answer(*ws, c.id, "suspect.known", true, questions).has_value());
    EXPECT_FALSE(cases::answer(*ws, c.id, "suspect.known", true, questions).has_value());
    EXPECT_EQ(history("suspect.known"), 1u);
    EXPECT_TRUE(cases::answer(*ws, c.id, "suspect.known", false, questions).has_value());
    EXPECT_EQ(history("suspect.known"), 2u);
}

TEST_F(ContextAnswersTest, aWithdrawalIsRecordedOnlyWhenThereIsAnAnswer)
{
    EXPECT_FALSE(cases::answer(*ws, c.id, "suspect.known", std::nullopt, questions).has_value());
    EXPECT_EQ(history("suspect.known"), 0u);
    cases::answer(*ws, c.id, "suspect.known", true, questions);
    const auto withdrawn = cases::answer(*ws, c.id, "suspect.known", std::nullopt, questions);
    ASSERT_TRUE(withdrawn.has_value());
    EXPECT_FALSE(withdrawn->value.has_value());
    EXPECT_EQ(ws->context().facts(c.id, questions).count("suspect.known"), 0u);
}

TEST_F(ContextAnswersTest, aValueOfTheWrongKindIsRefusedNamingTheQuestion)
{
    try {
        cases::answer(*ws, c.id, "suspect.known", std::string("perhaps"), questions);
        ADD_FAILURE() << "expected a refusal";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::Validation);
        EXPECT_EQ(e.field(), "suspect.known");
    }
    EXPECT_EQ(history("suspect.known"), 0u);
}

} // namespace
