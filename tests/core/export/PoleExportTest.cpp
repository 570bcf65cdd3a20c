// SPDX-License-Identifier: GPL-3.0-or-later
// The POLE view of a case and its CSV files (pole-csv/1), read back by an independent CSV reader.
#include <gtest/gtest.h>

#include <algorithm>

#include <nlohmann/json.hpp>

#include "ExportTestSupport.h"
#include "core/Workspace.h"
#include "core/export/CsvWriter.h"
#include "core/export/PoleCsv.h"
#include "core/export/PoleView.h"
#include "core/export/RecordedDate.h"

namespace wb::test {
namespace {

using core::ApproxDate;
using namespace core::exports;

TEST(CsvWriterTest, quotesOnlyWhatRfc4180Needs)
{
    EXPECT_EQ(quoteField("plain"), "plain");
    EXPECT_EQ(quoteField(""), "");
    EXPECT_EQ(quoteField("Smith, Jo"), "\"Smith, Jo\"");
    EXPECT_EQ(quoteField("say \"hi\""), "\"say \"\"hi\"\"\"");
    EXPECT_EQ(quoteField("two\nlines"), "\"two\nlines\"");
    EXPECT_EQ(quoteField("cr\rhere"), "\"cr\rhere\"");
    EXPECT_EQ(quoteField(" padded"), "\" padded\"");
}

TEST(CsvWriterTest, neutralisesEveryFormulaStart)
{
    for (const std::string& start : std::vector<std::string>{"=", "+", "-", "@", "\t", "\r", std::string(1, '\0')}) {
        EXPECT_EQ(neutraliseFormula(start + "1+2"), "'" + start + "1+2") << static_cast<int>(start[0]);
    }
    EXPECT_EQ(neutraliseFormula("a=1"), "a=1");
    EXPECT_EQ(neutraliseFormula("'quoted"), "'quoted");
    EXPECT_EQ(neutraliseFormula(""), "");
}

TEST(CsvWriterTest, writesCrlfRecordsAndRefusesARaggedRow)
{
    CsvWriter w({"a", "b"});
    w.addRow({"=cmd|' /C calc'!A0", "x,y"});
    EXPECT_EQ(w.text(), "a,b\r\n'=cmd|' /C calc'!A0,\"x,y\"\r\n");
    EXPECT_EQ(w.rows(), 1u);
    try {
        w.addRow({"only one"});
        FAIL() << "a ragged row was written";
    } catch (const core::Error& e) {
        EXPECT_EQ(e.code(), core::ErrorCode::Storage);
    }
}

TEST(RecordedDateTest, datesStayAsPreciseAsRecorded)
{
    EXPECT_EQ(asRecorded(ApproxDate::unknown()), "unknown");
    EXPECT_EQ(asRecorded(ApproxDate::exact("2026-03-20T21:30:00Z")), "20/03/2026 21:30"); // GMT
    EXPECT_EQ(asRecorded(ApproxDate::exact("2026-06-20T21:30:00Z")), "20/06/2026 22:30"); // BST
    EXPECT_EQ(asRecorded(ApproxDate::day("2026-03-14")), "14/03/2026");
    EXPECT_EQ(asRecorded(ApproxDate::month("2009-05")), "May 2009");
    EXPECT_EQ(asRecorded(ApproxDate::year(1998)), "1998");
    EXPECT_EQ(asRecorded(ApproxDate::between("2019-05-01", "2019-08-31")), "between 01/05/2019 and 31/08/2019");
    EXPECT_EQ(singleDate(ApproxDate::exact("2026-06-30T23:30:00Z")).date, "2026-07-01"); // London's date
    EXPECT_EQ(singleDate(ApproxDate::exact("2026-06-30T23:30:00Z")).time, "00:30");
    EXPECT_EQ(singleDate(ApproxDate::day("2026-03-14")).date, "2026-03-14");
    EXPECT_TRUE(singleDate(ApproxDate::day("2026-03-14")).time.empty());
    for (const auto& vague : {ApproxDate::month("2009-05"), ApproxDate::year(1998), ApproxDate::unknown(),
                              ApproxDate::between("2019-05-01", "2019-08-31")}) {
        EXPECT_TRUE(singleDate(vague).date.empty()) << vague.encode();
    }
}

class PoleExportTest : public EveryRecordTypeFixture
{
protected:
    const PoleEntity& entity(const PoleView& view, const std::string& id)
    {
        const auto* e = view.find(id);
        EXPECT_NE(e, nullptr) << id;
        static const PoleEntity none;
        return e != nullptr ? *e : none;
    }
    static bool linked(const PoleView& view, const std::string& from, const std::string& type, const std::string& to)
    {
        return std::any_of(view.links.begin(), view.links.end(),
                           [&](const PoleLink& l) { return l.fromId == from && l.type == type && l.toId == to; });
    }

    /// Writes the CSV files, has Python's csv module read them against the spec, and returns what it read.
    nlohmann::json readBack(const PoleView& view)
    {
        const auto csv = toCsv(view);
        writeBytes(dir / "entities.csv", std::vector<unsigned char>(csv.entities.begin(), csv.entities.end()));
        writeBytes(dir / "links.csv", std::vector<unsigned char>(csv.links.begin(), csv.links.end()));
        const auto result =
            checkExports("csv " + wb::test::quoted(poleSpecPath()) + " " + wb::test::quoted(dir / "entities.csv") +
                         " " + wb::test::quoted(dir / "links.csv") + " " + wb::test::quoted(dir / "parsed.json"));
        EXPECT_EQ(result.exitCode, 0) << result.output;
        if (result.exitCode != 0) {
            return {};
        }
        auto parsed = nlohmann::json::parse(readText(dir / "parsed.json"));
        EXPECT_EQ(parsed.at("entities").size(), csv.entityRows);
        EXPECT_EQ(parsed.at("links").size(), csv.linkRows);
        return parsed;
    }

    static nlohmann::json row(const nlohmann::json& rows, const std::string& key, const std::string& value)
    {
        for (const auto& r : rows) {
            if (r.at(key) == value) {
                return r;
            }
        }
        ADD_FAILURE() << "no row with " << key << " = " << value;
        return nlohmann::json::object();
    }
};

TEST_F(PoleExportTest, aCaseWithEveryRecordTypeGivesItsPersonsObjectsLocationsEventsAndLinks)
{
    const auto view = buildPoleView(*ws, theCase.id);
    const std::string s = "person:" + suspect.uuid;
    const std::string v = "person:" + victim.uuid;
    const std::string w = "person:" + witness.uuid;
    EXPECT_EQ(entity(view, s).role, "suspect");
    EXPECT_EQ(entity(view, s).label, "Sidney Sample");
    EXPECT_NE(entity(view, s).description.find("Sid"), std::string::npos) << "the alias describes the person";
    EXPECT_NE(entity(view, s).description.find("PNC 00/000000X"), std::string::npos);
    // One phone, written two ways for two people, is one object used by both.
    EXPECT_EQ(entity(view, "phone:07700900123").type, "Phone");
    EXPECT_TRUE(linked(view, s, "uses", "phone:07700900123"));
    EXPECT_TRUE(linked(view, w, "uses", "phone:07700900123"));
    EXPECT_TRUE(linked(view, s, "uses", "email:sid@example.org"));
    EXPECT_TRUE(linked(view, s, "uses", "handle:@sid_fictional"));
    EXPECT_TRUE(linked(view, s, "associated with", "vehicle:fx26abc"));
    EXPECT_EQ(entity(view, "address:3examplestreet,exampleton,zz999zz").poleClass, PoleClass::Location);
    EXPECT_TRUE(linked(view, s, "linked to address", "address:3examplestreet,exampleton,zz999zz"));
    EXPECT_TRUE(linked(view, s, "owns or uses", "device:" + device.uuid));
    EXPECT_EQ(entity(view, "exhibit:" + exhibit.uuid).label, "EX/1");
    const std::string offence = "offence:" + theCase.uuid;
    EXPECT_EQ(entity(view, offence).poleClass, PoleClass::Event);
    EXPECT_TRUE(linked(view, v, "victim of", offence));
    EXPECT_TRUE(linked(view, s, "suspect in", offence));
    EXPECT_TRUE(linked(view, w, "witness to", offence));
    EXPECT_TRUE(linked(view, offence, "occurred at", "offence-location:" + theCase.uuid));
    EXPECT_TRUE(linked(view, s, "involved in", "timeline:" + timeline.uuid));
    EXPECT_TRUE(linked(view, "device:" + device.uuid, "involved in", "timeline:" + timeline.uuid));
    EXPECT_TRUE(linked(view, v, "relationship", s));
    std::size_t bailEvents = 0;
    std::size_t orders = 0;
    for (const auto& e : view.entities) {
        bailEvents += (e.type == "Pre-charge bail" || e.type == "Released under investigation") ? 1 : 0;
        orders += e.type == "Order or notice" ? 1 : 0;
        EXPECT_NE(e.type, "Contact") << "victim-care records stay out";
    }
    EXPECT_EQ(bailEvents, 2u);
    EXPECT_EQ(orders, 1u);
    const auto order = std::find_if(view.entities.begin(), view.entities.end(),
                                    [](const PoleEntity& e) { return e.type == "Order or notice"; });
    EXPECT_TRUE(linked(view, s, "subject of", order->id));
    EXPECT_TRUE(linked(view, v, "protected by", order->id));
    // Every link's ends are entities of the view.
    for (const auto& l : view.links) {
        EXPECT_NE(view.find(l.fromId), nullptr) << l.fromId;
        EXPECT_NE(view.find(l.toId), nullptr) << l.toId;
    }
}

TEST_F(PoleExportTest, theCsvRoundTripsThroughAParserAndMatchesTheSpec)
{
    // A name with a comma and quotes; a description with line breaks; values a spreadsheet would run as formulas.
    auto p = witness;
    p.givenName = "Jo \"JJ\"";
    p.familyName = "Smith, the younger";
    ws->people().update(p);
    auto tricky = suspect;
    tricky.givenName = "=HYPERLINK(\"http://example.invalid\",\"x\")";
    ws->people().update(tricky);
    auto ex = exhibit;
    ex.values["description"] = "Line one\r\nLine two, with \"quotes\"\n-minus start of line";
    ws->records().update(ex.spec ? *ex.spec : core::recordSpec("exhibit"), ex.id, ex.values);

    const auto view = buildPoleView(*ws, theCase.id);
    const auto parsed = readBack(view);
    ASSERT_FALSE(parsed.is_null());
    const auto& entities = parsed.at("entities");
    EXPECT_EQ(row(entities, "entity_id", "person:" + witness.uuid).at("label"), "Jo \"JJ\" Smith, the younger");
    EXPECT_EQ(row(entities, "entity_id", "exhibit:" + exhibit.uuid).at("description"),
              "Line one\r\nLine two, with \"quotes\"\n-minus start of line");
    // The formula guard: shown as text, one apostrophe ahead of the value as recorded.
    EXPECT_EQ(row(entities, "entity_id", "person:" + suspect.uuid).at("label"),
              "'=HYPERLINK(\"http://example.invalid\",\"x\") Sample");
    EXPECT_EQ(row(entities, "entity_id", "phone:+447700900456").at("label"), "'+44 7700 900456");
    EXPECT_EQ(row(entities, "entity_id", "person:" + suspect.uuid).at("case_reference"), "FICT/R1/26");
    // Every entity is in the entities file, linked or not (the exhibit has no link).
    EXPECT_EQ(entities.size(), view.entities.size());
    const auto& links = parsed.at("links");
    EXPECT_EQ(links.size(), view.links.size());
    const auto rel = row(links, "link_type", "relationship");
    EXPECT_EQ(rel.at("entity1_id"), "person:" + victim.uuid);
    EXPECT_EQ(rel.at("entity1_role"), "victim");
    EXPECT_EQ(rel.at("link_note"), "Ex-partner or ex-spouse");
    const auto note = row(links, "source_record", view.links.front().sourceUuid);
    EXPECT_FALSE(note.at("link_id").get<std::string>().empty());
}

TEST_F(PoleExportTest, approximateDatesAreExportedAsRecordedNeverSharpened)
{
    const auto parsed = readBack(buildPoleView(*ws, theCase.id));
    ASSERT_FALSE(parsed.is_null());
    const auto& entities = parsed.at("entities");
    const auto offence = row(entities, "entity_id", "offence:" + theCase.uuid);
    EXPECT_EQ(offence.at("date"), "") << "a month is not a day";
    EXPECT_EQ(offence.at("date_as_recorded"), "March 2026");
    EXPECT_EQ(offence.at("date_precision"), "month");
    EXPECT_EQ(offence.at("date_from"), "2026-03-01");
    EXPECT_EQ(offence.at("date_to"), "2026-03-31");
    const auto event = row(entities, "entity_id", "timeline:" + timeline.uuid);
    EXPECT_EQ(event.at("date"), "");
    EXPECT_EQ(event.at("date_as_recorded"), "between 01/03/2026 and 10/03/2026");
    EXPECT_EQ(event.at("date_precision"), "between");
    EXPECT_EQ(event.at("label"), "Messages, \"sorry\", sent");
    const auto arrest = row(entities, "entity_type", "Case event");
    EXPECT_EQ(arrest.at("date"), "2026-03-20");
    EXPECT_EQ(arrest.at("time"), "21:30");
    EXPECT_EQ(arrest.at("date_precision"), "exact");
    const auto subject = row(parsed.at("links"), "entity2_id", arrest.at("entity_id").get<std::string>());
    EXPECT_EQ(subject.at("link_date"), "2026-03-20");
    EXPECT_EQ(subject.at("link_date_as_recorded"), "20/03/2026 21:30");
}

TEST_F(PoleExportTest, anUnknownCaseIsNotFound)
{
    try {
        buildPoleView(*ws, theCase.id + 1000);
        FAIL() << "a view of no case";
    } catch (const core::Error& e) {
        EXPECT_EQ(e.code(), core::ErrorCode::NotFound);
    }
}

TEST(PoleCsvSpecTest, theColumnsAreTheSpecsAndEndWithItsVersion)
{
    EXPECT_EQ(poleEntityColumns().back(), "spec_version");
    EXPECT_EQ(poleLinkColumns().back(), "spec_version");
    const std::string spec = readText(poleSpecPath());
    for (const auto* columns : {&poleEntityColumns(), &poleLinkColumns()}) {
        std::size_t at = 0;
        for (const auto& c : *columns) {
            const auto found = spec.find("| `" + c + "` |", at);
            EXPECT_NE(found, std::string::npos) << c << " is not in the spec in this order";
            at = found == std::string::npos ? at : found;
        }
    }
}

} // namespace
} // namespace wb::test
