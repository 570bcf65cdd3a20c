// SPDX-License-Identifier: GPL-3.0-or-later
// FebrlFile: the FEBRL record-linkage format read into rows and written into a workspace as suspects (issue 16).
// The records below are invented in the FEBRL style; the two shipped sets (tests/data/febrl) are synthetic too.
#include <gtest/gtest.h>

#include <sstream>

#include "core/Error.h"
#include "core/matching/Evaluation.h"
#include "core/suspects/FebrlFile.h"
#include "support/ManualClock.h"
#include "support/TestSupport.h"

using namespace wb;
using namespace wb::core;
using suspects::FebrlFile;

namespace {

const std::string Header(FebrlFile::Header);

FebrlFile parse(const std::string& text)
{
    std::istringstream in(text);
    return FebrlFile::parse(in);
}

/// The field of the Error(Validation) parsing `text` throws ("" and a failure when it throws nothing else).
std::string refusedLine(const std::string& text)
{
    try {
        (void)parse(text);
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::Validation);
        return e.field();
    }
    ADD_FAILURE() << "expected a refusal";
    return {};
}

const std::string Sample = Header + "\n" +
                           "rec-7-org, tessa, fictional, 12, invented street, flat 3, testbury, 4011, nsw, "
                           "19850704, 1234567\n"
                           "rec-7-dup-0, tess, fictionall, 12, invented street, , testbury, 4011, nsw, 19850407, "
                           "1234567\r\n"
                           "\n"
                           "rec-8-org, , , , , , , , , 19870231, \n";

TEST(FebrlFileTest, rowsAreReadWithTheirLinesAndEmptyValues)
{
    const auto file = parse(Sample);
    ASSERT_EQ(file.rows().size(), 3U);
    const auto& first = file.rows()[0];
    EXPECT_EQ(first.line, 2U);
    EXPECT_EQ(first.recordId, "rec-7-org");
    EXPECT_EQ(first.givenName, "tessa");
    EXPECT_EQ(first.surname, "fictional");
    EXPECT_EQ(first.streetNumber, "12");
    EXPECT_EQ(first.address1, "invented street");
    EXPECT_EQ(first.address2, "flat 3");
    EXPECT_EQ(first.suburb, "testbury");
    EXPECT_EQ(first.postcode, "4011");
    EXPECT_EQ(first.state, "nsw");
    EXPECT_EQ(first.dateOfBirth, "19850704");
    EXPECT_EQ(first.socSecId, "1234567");
    EXPECT_EQ(file.rows()[1].address2, "");
    EXPECT_EQ(file.rows()[1].socSecId, "1234567"); // the carriage return is not part of it
    EXPECT_EQ(file.rows()[2].line, 5U);            // the blank line 4 is skipped
    EXPECT_EQ(file.rows()[2].givenName, "");
    EXPECT_EQ(file.rows()[2].socSecId, "");
}

TEST(FebrlFileTest, theAddressJoinsWhatIsThereAndTheDateOfBirthMustBeReal)
{
    const auto file = parse(Sample);
    EXPECT_EQ(FebrlFile::address(file.rows()[0]), "12 invented street, flat 3, testbury, nsw 4011");
    EXPECT_EQ(FebrlFile::address(file.rows()[1]), "12 invented street, testbury, nsw 4011");
    EXPECT_EQ(FebrlFile::address(file.rows()[2]), "");
    EXPECT_EQ(FebrlFile::dateOfBirth(file.rows()[0]), std::optional<std::string>("1985-07-04"));
    EXPECT_FALSE(FebrlFile::dateOfBirth(file.rows()[2]).has_value()); // 31 February
    suspects::FebrlRow row;
    for (const char* bad : {"", "1985074", "198507041", "1985x704", "19851304", "19850700"}) {
        row.dateOfBirth = bad;
        EXPECT_FALSE(FebrlFile::dateOfBirth(row).has_value()) << bad;
    }
    row.dateOfBirth = "20000229";
    EXPECT_EQ(FebrlFile::dateOfBirth(row), std::optional<std::string>("2000-02-29"));
}

TEST(FebrlFileTest, aBadHeaderOrRowIsRefusedNamingTheLine)
{
    EXPECT_EQ(refusedLine(""), "line 1");
    EXPECT_EQ(refusedLine("rec_id,given_name,surname\n"), "line 1");
    EXPECT_EQ(refusedLine(Header + "\nrec-1-org, too, few\n"), "line 2");
    EXPECT_EQ(refusedLine(Header + "\nrec-1-org, a, b, 1, s, , t, 4000, nsw, 19800101, 1\n"
                                   "rec-2-org, a, b, 1, s, , t, 4000, nsw, 19800101, 1, extra\n"),
              "line 3");
    EXPECT_EQ(refusedLine(Header + "\nperson-1, a, b, 1, s, , t, 4000, nsw, 19800101, 1\n"), "line 2");
    EXPECT_EQ(refusedLine(Header + "\nrec-1-org, a, b, 1, s, , t, 4000, nsw, 19800101, 1\n\n"
                                   "rec-1-org, c, d, 1, s, , t, 4000, nsw, 19800101, 1\n"),
              "line 4");
}

TEST(FebrlFileTest, theShippedSetsAreReadWhole)
{
    for (const auto& [name, records, truePairs] :
         {std::tuple{"dataset1.csv", 1000U, 500U}, std::tuple{"dataset2.csv", 5000U, 1934U}}) {
        const auto file = FebrlFile::read(test::fs::path(WB_TEST_DATA_DIR) / "febrl" / name);
        ASSERT_EQ(file.rows().size(), records) << name;
        std::vector<std::string> ids;
        for (const auto& row : file.rows()) {
            ids.push_back(row.recordId);
        }
        EXPECT_EQ(matching::Evaluation(ids).truePairCount(), truePairs) << name;
    }
}

TEST(FebrlFileTest, aMissingFileSaysSo)
{
    try {
        (void)FebrlFile::read("/nonexistent/febrl.csv");
        ADD_FAILURE() << "expected Error(FileNotFound)";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::FileNotFound);
    }
}

class FebrlFileWriteTest : public ::testing::Test
{
protected:
    test::TempDir dir;
    std::unique_ptr<Workspace> ws = test::createWorkspace(dir / "febrl.rwb");

    void SetUp() override { ws->setClock(std::make_shared<test::ManualClock>(nowUtc())); }
};

TEST_F(FebrlFileWriteTest, eachRowBecomesASuspectInACaseOfTheirOwn)
{
    const auto file = parse(Sample + "rec-9-org, future, born, 1, s, , t, 4000, nsw, 20300101, 99\n");
    const auto loaded = file.writeTo(*ws);
    ASSERT_EQ(loaded.personIds.size(), 4U);
    EXPECT_EQ(loaded.invalidDates, 2U); // 31 February and a birth after today
    EXPECT_EQ(loaded.unnamed, 1U);

    const auto records = ws->personRecords().all();
    ASSERT_EQ(records.size(), 4U);
    const auto& tessa = records[0];
    EXPECT_EQ(tessa.personId, loaded.personIds[0]);
    EXPECT_EQ(tessa.role, PersonRole::Suspect);
    EXPECT_EQ(tessa.givenName, "tessa");
    EXPECT_EQ(tessa.familyName, "fictional");
    EXPECT_EQ(tessa.dateOfBirth, std::optional<std::string>("1985-07-04"));
    EXPECT_EQ(tessa.addresses, std::vector<std::string>{"12 invented street, flat 3, testbury, nsw 4011"});
    EXPECT_EQ(tessa.policeIds, std::vector<std::string>{"1234567"});
    EXPECT_EQ(ws->cases().find(tessa.caseId)->reference, "FEBRL/rec-7-org");
    EXPECT_NE(records[1].caseId, tessa.caseId);

    const auto& unnamed = records[2];
    EXPECT_EQ(unnamed.familyName, "Unknown");
    EXPECT_FALSE(unnamed.dateOfBirth.has_value());
    EXPECT_TRUE(unnamed.addresses.empty());
    EXPECT_TRUE(unnamed.policeIds.empty());
    EXPECT_FALSE(records[3].dateOfBirth.has_value());
}

TEST_F(FebrlFileWriteTest, theFirstShippedSetLoadsWholeWithItsThreeUnrealDatesLeftOut)
{
    const auto file = FebrlFile::read(test::fs::path(WB_TEST_DATA_DIR) / "febrl" / "dataset1.csv");
    const auto loaded = file.writeTo(*ws);
    EXPECT_EQ(loaded.personIds.size(), 1000U);
    EXPECT_EQ(loaded.invalidDates, 3U);
    EXPECT_EQ(loaded.unnamed, 0U);
    const auto records = ws->personRecords().all();
    ASSERT_EQ(records.size(), 1000U);
    std::size_t withAddress = 0;
    std::size_t withPoliceId = 0;
    for (const auto& r : records) {
        EXPECT_EQ(r.role, PersonRole::Suspect);
        withAddress += r.addresses.size();
        withPoliceId += r.policeIds.size();
    }
    EXPECT_EQ(withAddress, 1000U);
    EXPECT_EQ(withPoliceId, 1000U);
}

TEST_F(FebrlFileWriteTest, aFileLoadedTwiceIsRefusedAndTheSecondWritesNothing)
{
    const auto file = parse(Sample);
    (void)file.writeTo(*ws);
    try {
        (void)file.writeTo(*ws);
        ADD_FAILURE() << "expected Error(Conflict)";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::Conflict);
    }
    EXPECT_EQ(ws->personRecords().all().size(), 3U);
}

TEST_F(FebrlFileWriteTest, aRefusedRowLeavesNoneWritten)
{
    // The second row's case is refused (its reference is already used), so the first is not kept either.
    (void)ws->cases().add(test::caseDraft("FEBRL/rec-7-dup-0"));
    const auto file = parse(Sample);
    EXPECT_THROW((void)file.writeTo(*ws), Error);
    EXPECT_TRUE(ws->personRecords().all().empty());
}

} // namespace
