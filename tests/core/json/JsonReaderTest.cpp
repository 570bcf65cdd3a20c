// SPDX-License-Identifier: GPL-3.0-or-later
#include <gtest/gtest.h>

#include <string>

#include <nlohmann/json.hpp>

#include "core/Error.h"
#include "core/json/JsonReader.h"

using namespace wb::core;
using Json = nlohmann::json;
namespace reader = wb::core::json;

namespace {

/// The message of the ReferenceData error `read` throws; fails the test for any other outcome.
template <class Read> std::string errorOf(Read read)
{
    try {
        read();
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::ReferenceData) << e.what();
        return e.what();
    }
    ADD_FAILURE() << "no error";
    return {};
}

} // namespace

TEST(JsonReader, FindValueTreatsAbsentAndNullAlike)
{
    const Json object = Json::parse(R"({"a": 1, "b": null, "c": false})");
    ASSERT_NE(reader::findValue(object, "a"), nullptr);
    EXPECT_EQ(*reader::findValue(object, "a"), 1);
    EXPECT_EQ(reader::findValue(object, "b"), nullptr);
    EXPECT_EQ(reader::findValue(object, "missing"), nullptr);
    ASSERT_NE(reader::findValue(object, "c"), nullptr) << "false is a value, not an absence";
    EXPECT_FALSE(reader::findValue(object, "c")->get<bool>());
}

TEST(JsonReader, WholeNumberIsCheckedAgainstItsRange)
{
    const Json object = Json::parse(R"({"days": 3, "big": 400, "text": "3", "real": 2.5, "none": null})");
    EXPECT_EQ(reader::requireWholeNumber(object, "days", 0, 366, "rules.json", "rule r1"), 3);
    EXPECT_EQ(errorOf([&] { reader::requireWholeNumber(object, "big", 1, 366, "rules.json", "rule r1"); }),
              "rules.json: rule r1: 'big' must be a whole number from 1 to 366");
    for (const char* field : {"text", "real", "none", "missing"}) {
        EXPECT_NE(errorOf([&] {
                      reader::requireWholeNumber(object, field, 1, 366, "f", "w");
                  }).find("must be a whole number from 1 to 366"),
                  std::string::npos)
            << field;
    }
}

TEST(JsonReader, NonEmptyArrayIsReturnedInPlace)
{
    const Json object = Json::parse(R"({"items": [1, 2], "empty": [], "object": {}, "none": null})");
    const Json& items = reader::requireNonEmptyArray(object, "items", "list.json", "top level");
    EXPECT_EQ(&items, &object.at("items"));
    for (const char* field : {"empty", "object", "none", "missing"}) {
        EXPECT_EQ(errorOf([&] { reader::requireNonEmptyArray(object, field, "list.json", "top level"); }),
                  std::string("list.json: top level: '") + field + "' must be a non-empty array");
    }
}

TEST(JsonReader, CodeListHoldsNonEmptyStringsOnly)
{
    const Json object =
        Json::parse(R"({"codes": ["a", "b"], "empty": [], "blank": ["a", ""], "number": [1], "text": "a"})");
    EXPECT_EQ(reader::requireCodeList(object, "codes", "f", "w"), (std::vector<std::string>{"a", "b"}));
    EXPECT_EQ(errorOf([&] { reader::requireCodeList(object, "empty", "f", "w"); }),
              "f: w: 'empty' must be a non-empty array of codes");
    EXPECT_EQ(errorOf([&] { reader::requireCodeList(object, "text", "f", "w"); }),
              "f: w: 'text' must be a non-empty array of codes");
    EXPECT_EQ(errorOf([&] { reader::requireCodeList(object, "blank", "f", "w"); }),
              "f: w: 'blank' must hold non-empty strings");
    EXPECT_EQ(errorOf([&] { reader::requireCodeList(object, "number", "f", "w"); }),
              "f: w: 'number' must hold non-empty strings");
}
