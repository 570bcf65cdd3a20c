// SPDX-License-Identifier: GPL-3.0-or-later
// Every catalogue entry has worked examples (tests/data/nom/enquiry-examples.json): fact sets where it applies
// and fact sets where it does not. This test fails when an entry has no examples, when an example names an
// entry that does not exist, when an example's facts are not valid answers, or when an outcome is wrong.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/nom/EnquiryCatalogue.h"
#include "core/nom/RulesEngine.h"
#include "support/TestSupport.h"

using namespace wb::core;
using namespace wb::core::nom;

namespace {

const QuestionCatalogue& questions()
{
    return *wb::test::questions(); // the shipped file, loaded once for every test
}

const EnquiryCatalogue& enquiries()
{
    return *wb::test::enquiries();
}

const nlohmann::json& examples()
{
    static const nlohmann::json doc = [] {
        std::ifstream in(std::filesystem::path(WB_TEST_DATA_DIR) / "nom" / "enquiry-examples.json");
        std::stringstream text;
        text << in.rdbuf();
        return nlohmann::json::parse(text.str());
    }();
    return doc;
}

Instant examplesNow()
{
    return *parseIsoUtc(examples().at("now").get<std::string>());
}

bool proposed(const std::vector<Proposal>& proposals, const std::string& id)
{
    return std::any_of(proposals.begin(), proposals.end(), [&](const Proposal& p) { return p.enquiryId == id; });
}

TEST(NomEnquiryExamplesTest, everyEntryHasExamplesBothWaysAndNoExampleIsStale)
{
    const auto& all = examples().at("examples");
    for (const auto& e : enquiries().entries()) {
        ASSERT_TRUE(all.contains(e.id)) << e.id << " has no examples in tests/data/nom/enquiry-examples.json";
        const auto& mine = all.at(e.id);
        ASSERT_TRUE(mine.contains("applies") && mine.at("applies").is_array() && !mine.at("applies").empty())
            << e.id << " needs at least one 'applies' example";
        if (e.when.isAlways()) {
            EXPECT_FALSE(mine.contains("doesNotApply")) << e.id << " always applies: it cannot have such examples";
        } else {
            ASSERT_TRUE(mine.contains("doesNotApply") && mine.at("doesNotApply").is_array() &&
                        !mine.at("doesNotApply").empty())
                << e.id << " needs at least one 'doesNotApply' example";
        }
    }
    for (const auto& [id, value] : all.items()) {
        EXPECT_NE(enquiries().find(id), nullptr) << "examples for an entry that is not in the catalogue: " << id;
    }
}

TEST(NomEnquiryExamplesTest, everyExampleHasTheExpectedOutcome)
{
    const Instant now = examplesNow();
    int checked = 0;
    for (const auto& e : enquiries().entries()) {
        const auto& mine = examples().at("examples").at(e.id);
        for (const char* kind : {"applies", "doesNotApply"}) {
            if (!mine.contains(kind)) {
                continue;
            }
            const bool expected = std::string(kind) == "applies";
            int index = 0;
            for (const auto& example : mine.at(kind)) {
                const std::string label = e.id + " " + kind + "[" + std::to_string(index++) + "]";
                Facts facts;
                // factsFromJson validates every answer against its question: an option typo fails here.
                ASSERT_NO_THROW(facts = questions().factsFromJson(example.dump())) << label;
                const auto evaluation = e.when.evaluate(facts, now);
                EXPECT_EQ(evaluation.holds, expected) << label << " with " << example.dump();
                if (expected) {
                    EXPECT_FALSE(evaluation.reasons.empty()) << label << ": a proposal must say why";
                }
                // The engine agrees with the condition.
                EXPECT_EQ(proposed(propose(enquiries(), facts, now), e.id), expected) << label;
                ++checked;
            }
        }
    }
    EXPECT_GE(checked, 2 * static_cast<int>(enquiries().entries().size()));
}

TEST(NomEnquiryExamplesTest, examplesForEntriesWithADeadlineShowTheDueInstant)
{
    const Instant now = examplesNow();
    int withStart = 0;
    for (const auto& e : enquiries().entries()) {
        if (!e.deadline) {
            continue;
        }
        for (const auto& example : examples().at("examples").at(e.id).at("applies")) {
            const Facts facts = questions().factsFromJson(example.dump());
            const auto proposals = propose(enquiries(), facts, now);
            const auto it = std::find_if(proposals.begin(), proposals.end(),
                                         [&](const Proposal& p) { return p.enquiryId == e.id; });
            ASSERT_NE(it, proposals.end()) << e.id;
            const auto start = facts.find(e.deadline->from);
            if (start == facts.end()) {
                EXPECT_FALSE(it->due.has_value()) << e.id;
                continue;
            }
            ++withStart;
            ASSERT_TRUE(it->due.has_value()) << e.id;
            EXPECT_EQ(*it->due, std::get<Instant>(start->second) + e.deadline->after) << e.id;
            EXPECT_EQ(it->expired, now > *it->due) << e.id;
        }
    }
    EXPECT_GT(withStart, 5);
}

} // namespace
