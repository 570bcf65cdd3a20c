// SPDX-License-Identifier: GPL-3.0-or-later
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <functional>
#include <string>

#include <nlohmann/json.hpp>

#include "core/Error.h"
#include "core/json/JsonReader.h"
#include "core/matching/MatchCodes.h"
#include "core/matching/MatchModel.h"
#include "support/TestSupport.h"

using namespace wb::core;
using namespace wb::core::matching;

namespace {

std::filesystem::path shippedFile()
{
    return std::filesystem::path(WB_RESOURCES_DIR) / "matching" / "match-model.json";
}

nlohmann::json shippedJson()
{
    return nlohmann::json::parse(json::readTextFile(shippedFile()));
}

/// The error message loading the shipped model changed by `edit` gives (a ReferenceData error is expected).
std::string errorFor(const std::function<void(nlohmann::json&)>& edit)
{
    nlohmann::json doc = shippedJson();
    edit(doc);
    try {
        MatchModel::fromJson(doc.dump(), "model.json");
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::ReferenceData);
        return e.what();
    }
    ADD_FAILURE() << "expected a reference data error";
    return {};
}

nlohmann::json& levelOf(nlohmann::json& doc, std::string_view field, std::string_view level)
{
    for (auto& f : doc["fields"]) {
        if (f["field"] == field) {
            for (auto& l : f["levels"]) {
                if (l["level"] == level) {
                    return l;
                }
            }
        }
    }
    throw std::logic_error("no such level in the test's model");
}

} // namespace

TEST(MatchModelTest, ShippedModelLoadsWithEveryFieldAndLevel)
{
    const MatchModel model = MatchModel::load(shippedFile());
    EXPECT_FALSE(model.version().empty());
    EXPECT_GT(model.priorProbability(), 0.0);
    EXPECT_NEAR(model.priorWeight(), std::log2(model.priorProbability() / (1 - model.priorProbability())), 1e-12);
    EXPECT_GT(model.jaroWinklerHigh(), model.jaroWinklerMedium());
    EXPECT_TRUE(model.termFrequencyFor(Field::FamilyName));
    EXPECT_FALSE(model.termFrequencyFor(Field::Phone));
    for (const Field field : allFields()) {
        for (const Level level : levelsOf(field)) {
            const auto& p = model.parameters(field, level);
            EXPECT_FALSE(p.source.empty()) << fieldCode(field) << "/" << levelCode(level);
            EXPECT_NEAR(model.weight(field, level), std::log2(p.m / p.u), 1e-12);
        }
        EXPECT_DOUBLE_EQ(model.weight(field, Level::NotCompared), 0.0);
        // Agreement counts for, disagreement against.
        EXPECT_GT(model.weight(field, Level::Exact), 0.0) << fieldCode(field);
        EXPECT_LT(model.weight(field, Level::Different), 0.0) << fieldCode(field);
    }
    EXPECT_THROW(model.parameters(Field::Phone, Level::Phonetic), Error);
}

TEST(MatchModelTest, ToJsonReadsBackTheSame)
{
    const MatchModel model = MatchModel::load(shippedFile());
    const MatchModel again = MatchModel::fromJson(model.toJson(), "again");
    EXPECT_EQ(again.version(), model.version());
    EXPECT_EQ(again.toJson(), model.toJson());
}

TEST(MatchModelTest, CodesRoundTrip)
{
    for (const Field field : allFields()) {
        EXPECT_EQ(fieldFromCode(fieldCode(field)), field);
    }
    for (const Level level :
         {Level::NotCompared, Level::Exact, Level::Alias, Level::Nickname, Level::Swapped, Level::SimilarHigh,
          Level::SimilarMedium, Level::Phonetic, Level::Initial, Level::DayMonthSwapped, Level::WithinAYear,
          Level::AgeConsistent, Level::SameArea, Level::Different}) {
        EXPECT_EQ(levelFromCode(levelCode(level)), level);
    }
    EXPECT_FALSE(fieldFromCode("shoeSize"));
    EXPECT_FALSE(levelFromCode("maybe"));
}

TEST(MatchModelTest, ValidationNamesTheProblem)
{
    EXPECT_NE(errorFor([](auto& d) { d["kind"] = "offences"; }).find("'kind'"), std::string::npos);
    EXPECT_NE(errorFor([](auto& d) { d["format"] = 2; }).find("'format'"), std::string::npos);
    EXPECT_NE(errorFor([](auto& d) { d.erase("version"); }).find("'version'"), std::string::npos);
    EXPECT_NE(errorFor([](auto& d) { d["prior"]["probabilityTwoRecordsMatch"] = 0; }).find("prior"), std::string::npos);
    EXPECT_NE(errorFor([](auto& d) { d["threshold"]["probability"] = 1.5; }).find("threshold"), std::string::npos);
    EXPECT_NE(errorFor([](auto& d) { d["similarity"]["jaroWinklerMedium"] = 0.95; }).find("jaroWinklerMedium"),
              std::string::npos);
    EXPECT_NE(errorFor([](auto& d) { d["termFrequency"]["fields"] = {"phone"}; }).find("'phone'"), std::string::npos);
    EXPECT_NE(errorFor([](auto& d) { d["blocking"]["maxBlockSize"] = 1; }).find("maxBlockSize"), std::string::npos);
    EXPECT_NE(errorFor([](auto& d) { d["sourse"] = "typo"; }).find("sourse"), std::string::npos);
    EXPECT_NE(errorFor([](auto& d) { d["fields"].erase(0); }).find("'familyName' is missing"), std::string::npos);
    EXPECT_NE(errorFor([](auto& d) { d["fields"].push_back(d["fields"][0]); }).find("given twice"), std::string::npos);
    EXPECT_NE(errorFor([](auto& d) { d["fields"][0]["field"] = "shoeSize"; }).find("shoeSize"), std::string::npos);
}

TEST(MatchModelTest, LevelValidationNamesFieldAndLevel)
{
    const std::string mOutOfRange = errorFor([](auto& d) { levelOf(d, "phone", "exact")["m"] = 1.2; });
    EXPECT_NE(mOutOfRange.find("phone"), std::string::npos);
    EXPECT_NE(mOutOfRange.find("'m'"), std::string::npos);
    EXPECT_NE(errorFor([](auto& d) { levelOf(d, "email", "exact")["u"] = "small"; }).find("'u'"), std::string::npos);
    EXPECT_NE(errorFor([](auto& d) { levelOf(d, "handle", "exact").erase("source"); }).find("'source'"),
              std::string::npos);
    EXPECT_NE(errorFor([](auto& d) { levelOf(d, "vehicle", "exact")["level"] = "phonetic"; }).find("'phonetic'"),
              std::string::npos);
    EXPECT_NE(errorFor([](auto& d) { levelOf(d, "birthDate", "exact")["m"] = 0.5; }).find("m must sum to 1"),
              std::string::npos);
    EXPECT_NE(errorFor([](auto& d) { levelOf(d, "postcode", "sameArea")["u"] = 0.5; }).find("u must sum to 1"),
              std::string::npos);
    const std::string missing = errorFor([](auto& d) {
        for (auto& f : d["fields"]) {
            if (f["field"] == "givenName") {
                f["levels"].erase(f["levels"].size() - 2); // "initial"
            }
        }
    });
    EXPECT_NE(missing.find("'initial' is missing"), std::string::npos) << missing;
}

TEST(MatchModelTest, MissingFileIsReferenceDataError)
{
    try {
        MatchModel::load("/nonexistent/match-model.json");
        FAIL() << "expected an error";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::ReferenceData);
    }
}

TEST(MatchModelTest, PriorFallsWithTheNumberOfRecordsAboveTheOnesItWasReasonedFor)
{
    const MatchModel model = MatchModel::load(shippedFile());
    ASSERT_EQ(model.priorRecords(), 2000U);
    EXPECT_DOUBLE_EQ(model.priorProbabilityFor(10), model.priorProbability()) << "never more generous than reasoned";
    EXPECT_DOUBLE_EQ(model.priorProbabilityFor(2000), model.priorProbability());
    // Same-person pairs grow as n, pairs as n²: λ(n) = λ · 1,999 / (n − 1).
    EXPECT_NEAR(model.priorProbabilityFor(100'000), model.priorProbability() * 1999.0 / 99'999.0, 1e-15);
    EXPECT_NEAR(model.priorProbabilityFor(4000) * 3999.0, model.priorProbabilityFor(20'000) * 19'999.0, 1e-12);
    EXPECT_LT(model.priorWeightFor(100'000), model.priorWeightFor(10'000));
    EXPECT_NEAR(model.priorWeightFor(10), model.priorWeight(), 1e-12);

    nlohmann::json doc = shippedJson();
    doc["prior"].erase("forRecords");
    const MatchModel fixed = MatchModel::fromJson(doc.dump(), "fixed.json");
    EXPECT_EQ(fixed.priorRecords(), 0U);
    EXPECT_DOUBLE_EQ(fixed.priorProbabilityFor(100'000), fixed.priorProbability()) << "without forRecords: fixed";
    EXPECT_NE(errorFor([](auto& d) { d["prior"]["forRecords"] = 1; }).find("forRecords"), std::string::npos);
    EXPECT_NE(errorFor([](auto& d) { d["prior"]["forRecords"] = "many"; }).find("forRecords"), std::string::npos);
}

TEST(MatchModelTest, NameBlocksAreSplitAboveTheirOwnSizeBelowTheCap)
{
    const MatchModel model = MatchModel::load(shippedFile());
    EXPECT_EQ(model.splitBlockSize(), 20U);
    EXPECT_LT(model.splitBlockSize(), model.maxBlockSize());

    nlohmann::json doc = shippedJson();
    doc["blocking"].erase("splitBlockSize");
    const MatchModel whole = MatchModel::fromJson(doc.dump(), "whole.json");
    EXPECT_EQ(whole.splitBlockSize(), whole.maxBlockSize()) << "without splitBlockSize nothing below the cap is split";
    EXPECT_EQ(MatchModel::fromJson(whole.toJson(), "again").splitBlockSize(), whole.maxBlockSize());
    EXPECT_NE(errorFor([](auto& d) { d["blocking"]["splitBlockSize"] = 1; }).find("splitBlockSize"), std::string::npos);
    EXPECT_NE(errorFor([](auto& d) { d["blocking"]["splitBlockSize"] = 2001; }).find("splitBlockSize"),
              std::string::npos)
        << "never above maxBlockSize";
}

TEST(MatchModelTest, NicknameTableIsLoadedWithTheModel)
{
    const MatchModel model = MatchModel::load(shippedFile());
    EXPECT_TRUE(model.areNicknames("bill", "william"));
    EXPECT_TRUE(model.areNicknames("william", "bill"));
    EXPECT_TRUE(model.areNicknames("bill", "will")) << "two short forms of one name";
    EXPECT_TRUE(model.areNicknames("kate", "katherine"));
    EXPECT_TRUE(model.areNicknames("jon", "jonathan"));
    EXPECT_TRUE(model.areNicknames("jon", "john")) << "a name in two groups";
    EXPECT_FALSE(model.areNicknames("john", "jonathan")) << "different names, one shared short form";
    EXPECT_FALSE(model.areNicknames("bill", "robert"));
    EXPECT_FALSE(model.areNicknames("zebedee", "william"));
    EXPECT_EQ(model.formalNamesOf("bill"), std::vector<std::string>{"william"});
    EXPECT_TRUE(model.formalNamesOf("zebedee").empty());
    const MatchModel again = MatchModel::fromJson(model.toJson(), "again");
    EXPECT_TRUE(again.areNicknames("kate", "katherine")) << "written back by toJson";
}

TEST(MatchModelTest, NicknameValidationNamesTheGroup)
{
    EXPECT_NE(errorFor([](auto& d) { d["nicknames"]["groups"][0] = {"william"}; }).find("groups[0]"),
              std::string::npos);
    EXPECT_NE(errorFor([](auto& d) { d["nicknames"]["groups"][1][1] = "Bob"; }).find("groups[1][1]"),
              std::string::npos);
    EXPECT_NE(errorFor([](auto& d) { d["nicknames"]["groups"][1][1] = "robert"; }).find("given twice"),
              std::string::npos);
    EXPECT_NE(errorFor([](auto& d) { d["nicknames"]["groups"][2][0] = 7; }).find("groups[2][0]"), std::string::npos);
    EXPECT_NE(errorFor([](auto& d) { d["nicknames"].erase("source"); }).find("nicknames"), std::string::npos);
    EXPECT_NE(errorFor([](auto& d) { d["nicknames"]["extra"] = 1; }).find("extra"), std::string::npos);
}

TEST(MatchModelTest, MaxWeightBoundsEveryLevel)
{
    const MatchModel model = MatchModel::load(shippedFile());
    for (const Field field : allFields()) {
        for (const Level level : levelsOf(field)) {
            EXPECT_LE(model.weight(field, level), model.maxWeight(field) + 1e-12);
        }
        EXPECT_GE(model.maxWeight(field), 0.0);
    }
    // Term frequency can give a rare surname more than the level's own u: the bound allows for it.
    const auto& exact = model.parameters(Field::FamilyName, Level::Exact);
    EXPECT_NEAR(model.maxWeight(Field::FamilyName), std::log2(exact.m / model.termFrequencyMinimumU()), 1e-12);
}
