// SPDX-License-Identifier: GPL-3.0-or-later
// The JSON export of one case: conforms to the shipped schema (checked by python3-jsonschema), carries every
// record type, keeps its keys in one order, and keeps approximate dates as recorded.
#include <gtest/gtest.h>

#include <set>

#include <nlohmann/json.hpp>

#include "ExportTestSupport.h"
#include "core/export/CaseJson.h"

namespace wb::test {
namespace {

using core::exports::caseToJson;

class CaseJsonTest : public EveryRecordTypeFixture
{
};

TEST_F(CaseJsonTest, conformsToTheShippedSchema)
{
    const auto text = caseToJson(*ws, theCase.id);
    const auto file = dir / "case.json";
    writeBytes(file, std::vector<unsigned char>(text.begin(), text.end()));
    const auto result = checkExports("json " + wb::test::quoted(caseSchemaPath()) + " " + wb::test::quoted(file));
    EXPECT_EQ(result.exitCode, 0) << result.output;
}

TEST_F(CaseJsonTest, aDocumentThatBreaksTheSchemaIsRefused)
{
    auto doc = nlohmann::json::parse(caseToJson(*ws, theCase.id));
    doc["records"][0]["fields"]["unexpected"] = "x";
    doc["case"]["offenceDate"]["precision"] = "roughly";
    const auto text = doc.dump();
    const auto file = dir / "broken.json";
    writeBytes(file, std::vector<unsigned char>(text.begin(), text.end()));
    const auto result = checkExports("json " + wb::test::quoted(caseSchemaPath()) + " " + wb::test::quoted(file));
    EXPECT_EQ(result.exitCode, 1) << result.output;
    EXPECT_NE(result.output.find("unexpected"), std::string::npos) << result.output;
}

TEST_F(CaseJsonTest, carriesEveryRecordTypeWithEveryField)
{
    const auto doc = nlohmann::json::parse(caseToJson(*ws, theCase.id));
    EXPECT_EQ(doc.at("schemaVersion"), core::exports::CaseJsonSchemaVersion);
    EXPECT_EQ(doc.at("case").at("reference"), "FICT/R1/26");
    EXPECT_EQ(doc.at("people").size(), 3u);
    std::set<std::string> types;
    for (const auto& r : doc.at("records")) {
        types.insert(r.at("type").get<std::string>());
        EXPECT_EQ(r.at("fields").size(), core::recordSpec(r.at("type").get<std::string>()).fields.size());
    }
    for (const auto& spec : core::recordSpecs()) {
        EXPECT_EQ(types.count(std::string(spec.type)), 1u) << spec.type;
    }
}

TEST_F(CaseJsonTest, keepsApproximateDatesAsRecordedAndLinksByUuid)
{
    const auto doc = nlohmann::json::parse(caseToJson(*ws, theCase.id));
    const auto& date = doc.at("case").at("offenceDate");
    EXPECT_EQ(date.at("precision"), "month");
    EXPECT_EQ(date.at("from"), "2026-03-01");
    EXPECT_EQ(date.at("to"), "2026-03-31");
    EXPECT_EQ(date.at("asRecorded"), "March 2026");
    for (const auto& r : doc.at("records")) {
        if (r.at("uuid") == timeline.uuid) {
            EXPECT_EQ(r.at("fields").at("occurred").at("precision"), "between");
            EXPECT_EQ(r.at("fields").at("links"), nlohmann::json::array({suspect.uuid, device.uuid}));
        }
        if (r.at("uuid") == device.uuid) {
            EXPECT_EQ(r.at("fields").at("person_id"), suspect.uuid);
            EXPECT_EQ(r.at("fields").at("device_type").at("label"), "Mobile phone");
            EXPECT_EQ(r.at("fields").at("swap_given"), false);
            EXPECT_TRUE(r.at("fields").at("s37_notice_date").is_null());
        }
        if (r.at("type") == "exhibit_movement") {
            EXPECT_EQ(r.at("parent").at("uuid"), exhibit.uuid);
        }
    }
}

TEST_F(CaseJsonTest, theSameCaseGivesTheSameDocumentInTheSameKeyOrder)
{
    const auto first = caseToJson(*ws, theCase.id);
    const auto second = caseToJson(*ws, theCase.id);
    auto withoutTime = [](std::string text) {
        const auto at = text.find("\"exportedAt\"");
        return text.erase(at, text.find('\n', at) - at);
    };
    EXPECT_EQ(withoutTime(first), withoutTime(second));
    EXPECT_EQ(first.find("\"schemaVersion\""), 4u) << "schemaVersion comes first";
    EXPECT_LT(first.find("\"case\""), first.find("\"people\""));
    EXPECT_LT(first.find("\"people\""), first.find("\"records\""));
}

/// The schema's record types and fields are the workbench's: a field added to a record type without the schema
/// (or the other way round) fails here.
TEST(CaseJsonSchemaTest, listsEveryRecordTypeAndFieldByItsKind)
{
    const auto schema = nlohmann::json::parse(readText(caseSchemaPath()));
    const auto& defs = schema.at("$defs");
    const auto& types = defs.at("record").at("properties").at("type").at("enum");
    ASSERT_EQ(types.size(), core::recordSpecs().size());
    const std::map<core::FieldKind, std::string> kinds = {{core::FieldKind::Text, "textField"},
                                                          {core::FieldKind::LongText, "textField"},
                                                          {core::FieldKind::Boolean, "booleanField"},
                                                          {core::FieldKind::Integer, "integerField"},
                                                          {core::FieldKind::Date, "dateField"},
                                                          {core::FieldKind::DateTime, "dateTimeField"},
                                                          {core::FieldKind::ApproxDate, "approxDateField"},
                                                          {core::FieldKind::Choice, "choiceField"},
                                                          {core::FieldKind::PersonLink, "personLinkField"},
                                                          {core::FieldKind::RecordLink, "recordLinkField"},
                                                          {core::FieldKind::UuidList, "uuidListField"}};
    std::size_t i = 0;
    for (const auto& spec : core::recordSpecs()) {
        EXPECT_EQ(types.at(i++), spec.type);
        const auto& fields = defs.at("fields_" + std::string(spec.type));
        EXPECT_EQ(fields.at("properties").size(), spec.fields.size()) << spec.type;
        EXPECT_EQ(fields.at("required").size(), spec.fields.size()) << spec.type;
        for (const auto& f : spec.fields) {
            const auto& property = fields.at("properties").at(std::string(f.key));
            EXPECT_EQ(property.at("$ref"), "#/$defs/" + kinds.at(f.kind)) << spec.type << "." << f.key;
        }
    }
}

} // namespace
} // namespace wb::test
