// SPDX-License-Identifier: GPL-3.0-or-later
// Answers to the guided context questions: validation, revision history, facts, audit.
#include <gtest/gtest.h>

#include "core/Error.h"
#include "core/nom/QuestionCatalogue.h"
#include "support/TestSupport.h"

using namespace wb;

namespace {

const core::nom::QuestionCatalogue& questions()
{
    static const auto catalogue = core::nom::QuestionCatalogue::fromFile(std::filesystem::path(WB_RESOURCES_DIR) /
                                                                         "nom" / "context-questions.json");
    return catalogue;
}

class ContextRepositoryTest : public ::testing::Test
{
protected:
    test::TempDir dir;
    std::unique_ptr<core::Workspace> ws = test::createWorkspace(dir / "context.rwb");
    core::Case c = ws->cases().add(test::caseDraft("FICT/K1/26"));
};

TEST_F(ContextRepositoryTest, answersAreFactsAndRevisionsKeepTheirHistory)
{
    auto& context = ws->context();
    context.answer(c.id, "relationship.category", std::string("acquaintance"), questions());
    context.answer(c.id, "suspect.known", true, questions());
    context.answer(c.id, "relationship.category", std::string("ex-partner"), questions());
    const auto facts = context.facts(c.id, questions());
    ASSERT_EQ(facts.size(), 2u);
    EXPECT_EQ(std::get<std::string>(facts.at("relationship.category")), "ex-partner");
    EXPECT_TRUE(std::get<bool>(facts.at("suspect.known")));
    const auto history = context.history(c.id, "relationship.category", questions());
    ASSERT_EQ(history.size(), 2u);
    EXPECT_EQ(std::get<std::string>(*history[0].value), "acquaintance");
    EXPECT_EQ(history[1].answeredBy, "DC Fictional Tester (T0001)");
    // Withdrawn: no longer a fact, still in the history.
    context.answer(c.id, "suspect.known", std::nullopt, questions());
    EXPECT_EQ(context.facts(c.id, questions()).count("suspect.known"), 0u);
    EXPECT_EQ(context.history(c.id, "suspect.known", questions()).size(), 2u);
    EXPECT_TRUE(ws->verifyAudit().ok());
}

TEST_F(ContextRepositoryTest, invalidAnswersNameTheQuestionAndWriteNothing)
{
    auto& context = ws->context();
    const auto field = [&](const std::string& id, const core::nom::FactValue& value) {
        try {
            context.answer(c.id, id, value, questions());
        } catch (const core::Error& e) {
            EXPECT_EQ(e.code(), core::ErrorCode::Validation);
            return e.field();
        }
        return std::string("accepted");
    };
    EXPECT_EQ(field("relationship.category", std::string("not-an-option")), "relationship.category");
    EXPECT_EQ(field("suspect.known", std::string("yes")), "suspect.known");
    EXPECT_EQ(field("no.such.question", true), "no.such.question");
    EXPECT_TRUE(context.facts(c.id, questions()).empty());
    EXPECT_EQ(ws->verifyAudit().entries, 7u + 1u); // the new workspace's metadata and the case's own entry only
    EXPECT_THROW(context.answer(9999, "suspect.known", true, questions()), core::Error);
}

TEST_F(ContextRepositoryTest, theLogNotesTheQuestionNeverTheAnswerAndSignalsFollowCommit)
{
    std::vector<std::string> fired;
    ws->context().changed.connect([&](const core::ContextRepository::Event& e) { fired.push_back(e.questionId); });
    ws->context().answer(c.id, "victim.language", std::string("Fictionalese"), questions());
    EXPECT_EQ(fired, (std::vector<std::string>{"victim.language"}));
    ws.reset();
    const auto bytes = test::readBytes(dir / "context.rwb");
    EXPECT_FALSE(test::contains(bytes, "Fictionalese"));
    ws = test::openWorkspace(dir / "context.rwb");
    const auto audit = ws->verifyAudit();
    EXPECT_TRUE(audit.ok());
    EXPECT_EQ(audit.records, 2u);
    ws->cases().remove(c.id);
    EXPECT_TRUE(ws->verifyAudit().ok());
}

} // namespace
