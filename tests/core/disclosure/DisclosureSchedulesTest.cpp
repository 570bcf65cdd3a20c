// SPDX-License-Identifier: GPL-3.0-or-later
// The disclosure schedules (issue 18): drafts from the evidence, which schedule an item is on, its number there, and
// what is still missing. Fictional data only.
#include <gtest/gtest.h>

#include <string>

#include "core/Error.h"
#include "core/disclosure/DisclosureSchedules.h"
#include "core/records/RecordSpec.h"
#include "core/records/RecordTypes.h"
#include "core/reports/ReportCaseFixture.h"
#include "core/store/Statement.h"

using namespace wb;
using namespace wb::core;
namespace rt = core::recordtype;

namespace {

class DisclosureSchedulesTest : public test::ReportCaseFixture
{
protected:
    Record add(std::string_view type, Values values, std::int64_t parent = 0)
    {
        return ws->records().add(recordSpec(type), parent != 0 ? parent : theCase.id, values);
    }

    Record item(const std::string& description, const std::string& sensitivity, Values more = {})
    {
        more["description"] = description;
        more["sensitivity"] = sensitivity;
        return add(rt::kUnusedMaterial, more);
    }

    std::int64_t personId(PersonRole role)
    {
        for (const auto& p : ws->people().listForCase(theCase.id)) {
            if (p.role == role) {
                return p.id;
            }
        }
        return 0;
    }
};

TEST_F(DisclosureSchedulesTest, draftsOneItemPerExhibitDeviceAndRequestAndNeverTwice)
{
    const auto exhibit = add(rt::kExhibit, {{"reference", "FX/1"},
                                            {"description", "Fictional bedding"},
                                            {"seized_at", "2026-04-15T23:30:00Z"},
                                            {"storage_location", "Property store A"}});
    add(rt::kExhibitMovement,
        {{"moved_at", "2026-04-16T10:00:00Z"},
         {"from_location", "Property store A"},
         {"to_location", "Fictional forensic lab"},
         {"moved_by", "PC Fictional"}},
        exhibit.id);
    add(rt::kDevice, {{"owner_role", "suspect"},
                      {"person_id", std::to_string(personId(PersonRole::Suspect))},
                      {"device_type", "mobile-phone"},
                      {"legal_basis", "pace-s19"},
                      {"description", "Fictional black phone"}});
    add(rt::kDevice, {{"owner_role", "victim"},
                      {"person_id", std::to_string(personId(PersonRole::Victim))},
                      {"device_type", "mobile-phone"},
                      {"legal_basis", "pcsc2022-s37"},
                      {"s37_notice_date", "2026-03-16"},
                      {"line_of_enquiry", "Fictional: the messages the suspect sent"},
                      {"proportionality", "Fictional: one week of messages with him only"}});
    add(rt::kTpmRequest, {{"person_id", std::to_string(personId(PersonRole::Victim))},
                          {"tpm_type", "medical"},
                          {"holder", "Fictional GP surgery"},
                          {"line_of_enquiry", "Fictional line"},
                          {"proportionality", "Fictional proportionality"}});
    EXPECT_EQ(disclosure::unscheduledSources(*ws, theCase.id).size(), 4U);

    const auto drafted = disclosure::draftUnusedMaterial(*ws, theCase.id);
    ASSERT_EQ(drafted.size(), 4U);
    // The exhibit: where its chain of custody last took it; seized at 23:30 UTC on 15 April, 00:30 on the 16th in
    // London (BST): the relevant date is London's.
    EXPECT_EQ(drafted[0].get("description"), "Exhibit FX/1: Fictional bedding");
    EXPECT_EQ(drafted[0].get("location"), "Fictional forensic lab");
    EXPECT_EQ(drafted[0].get("relevant_date"), "2026-04-16");
    EXPECT_EQ(drafted[0].get("sensitivity"), "not-sensitive");
    EXPECT_EQ(drafted[0].get("disclosure_test"), "not-assessed");
    EXPECT_EQ(drafted[0].get("source_ref"), "exhibit:" + exhibit.uuid);
    // The suspect's phone is not sensitive; the victim's phone and her medical records are drafted as sensitive.
    EXPECT_EQ(drafted[1].get("sensitivity"), "not-sensitive");
    EXPECT_NE(drafted[1].get("description").find("Fictional black phone"), std::string::npos);
    EXPECT_EQ(drafted[2].get("sensitivity"), "sensitive");
    EXPECT_EQ(drafted[3].get("sensitivity"), "sensitive");
    EXPECT_NE(drafted[3].get("description").find("held by Fictional GP surgery"), std::string::npos);
    EXPECT_EQ(drafted[3].get("relevant_date"), "") << "not yet requested";

    EXPECT_TRUE(disclosure::unscheduledSources(*ws, theCase.id).empty());
    EXPECT_TRUE(disclosure::draftUnusedMaterial(*ws, theCase.id).empty()) << "a second draft lists nothing twice";
    EXPECT_EQ(ws->records().listForCase(recordSpec(rt::kUnusedMaterial), theCase.id).size(), 4U);
}

TEST_F(DisclosureSchedulesTest, anItemDraftedFromARecordCannotBeListedTwice)
{
    const auto exhibit = add(rt::kExhibit, {{"reference", "FX/2"}, {"description", "Fictional cup"}});
    disclosure::draftUnusedMaterial(*ws, theCase.id);
    try {
        item("Fictional copy", "not-sensitive", {{"source_ref", "exhibit:" + exhibit.uuid}});
        FAIL() << "a second item from the same exhibit was saved";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::Validation);
        EXPECT_EQ(e.field(), "source_ref");
    }
}

TEST_F(DisclosureSchedulesTest, aSensitiveItemIsOnTheMg6dOnlyAndEachScheduleNumbersItsOwn)
{
    const auto notes = item("Fictional first account notes", "not-sensitive",
                            {{"location", "Case file"}, {"disclosure_test", "not-met"}});
    const auto source = item("Fictional source details", "sensitive",
                             {{"location", "Fictional secure store"},
                              {"sensitivity_reason", "Fictional: would reveal a covert source"},
                              {"disclosure_test", "not-met"}});
    const auto cctv = item("Fictional CCTV showing a third man", "not-sensitive",
                           {{"disclosure_test", "may-meet"}, {"disclosure_reason", "Fictional: shows another man"}});
    const auto counselling = item("Fictional counselling notes", "sensitive");

    auto s = disclosure::disclosureSchedules(*ws, theCase.id);
    ASSERT_EQ(s.nonSensitive.size(), 2U);
    ASSERT_EQ(s.sensitive.size(), 2U);
    EXPECT_EQ(s.nonSensitive[0].record.id, notes.id);
    EXPECT_EQ(s.nonSensitive[1].record.id, cctv.id);
    EXPECT_EQ(s.nonSensitive[1].number, 2);
    EXPECT_EQ(s.sensitive[0].record.id, source.id);
    EXPECT_EQ(s.sensitive[1].record.id, counselling.id);
    EXPECT_EQ(s.sensitive[1].number, 2);
    EXPECT_EQ(s.sensitive[1].schedule, disclosure::Schedule::MG6D);
    for (const auto& i : s.nonSensitive) {
        EXPECT_NE(i.record.get("sensitivity"), "sensitive");
    }
    ASSERT_EQ(s.mayMeetTest.size(), 1U);
    EXPECT_EQ(s.mayMeetTest[0].record.id, cctv.id);
    EXPECT_EQ(s.mayMeetTest[0].schedule, disclosure::Schedule::MG6C);
    ASSERT_EQ(s.suspects.size(), 1U);
    EXPECT_EQ(s.suspects[0].familyName, "Sample");

    // What is missing: the CCTV's location; the counselling notes' location, reason and assessment.
    using disclosure::Gap;
    const auto has = [&](disclosure::Schedule schedule, int number, Gap gap) {
        for (const auto& g : s.gaps) {
            if (g.schedule == schedule && g.number == number && g.gap == gap) {
                return true;
            }
        }
        return false;
    };
    EXPECT_EQ(s.gaps.size(), 4U);
    EXPECT_TRUE(has(disclosure::Schedule::MG6C, 2, Gap::Location));
    EXPECT_TRUE(has(disclosure::Schedule::MG6D, 2, Gap::Location));
    EXPECT_TRUE(has(disclosure::Schedule::MG6D, 2, Gap::SensitivityReason));
    EXPECT_TRUE(has(disclosure::Schedule::MG6D, 2, Gap::NotAssessed));

    // Marked sensitive later: it leaves the MG6C at once, and the items after it move up.
    auto values = notes.values;
    values["sensitivity"] = "sensitive";
    values["sensitivity_reason"] = "Fictional: names a third party at risk";
    ws->records().update(recordSpec(rt::kUnusedMaterial), notes.id, values);
    s = disclosure::disclosureSchedules(*ws, theCase.id);
    ASSERT_EQ(s.nonSensitive.size(), 1U);
    EXPECT_EQ(s.nonSensitive[0].record.id, cctv.id);
    EXPECT_EQ(s.nonSensitive[0].number, 1);
    EXPECT_EQ(s.sensitive.size(), 3U);
    EXPECT_EQ(s.sensitive[0].record.id, notes.id);
}

TEST_F(DisclosureSchedulesTest, mightMeetTheTestNeedsItsReasonAndTheSensitivityIsOneOfTwo)
{
    try {
        item("Fictional CCTV", "not-sensitive", {{"disclosure_test", "may-meet"}});
        FAIL() << "an item that might meet the test was saved without why";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::Validation);
        EXPECT_EQ(e.field(), "disclosure_reason");
    }
    try {
        item("Fictional CCTV", "secret");
        FAIL() << "an unknown sensitivity was saved";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::Validation);
        EXPECT_EQ(e.field(), "sensitivity");
    }
    EXPECT_TRUE(ws->records().listForCase(recordSpec(rt::kUnusedMaterial), theCase.id).empty());
    // The table refuses it too, whatever writes to it.
    EXPECT_ANY_THROW(ws->connectionForImport().exec(
        "INSERT INTO unused_material (uuid, case_id, description, sensitivity, created_at, updated_at) VALUES "
        "('u-1', " +
        std::to_string(theCase.id) + ", 'x', 'secret', 'now', 'now')"));
}

TEST_F(DisclosureSchedulesTest, anUnknownCaseIsNotFound)
{
    try {
        disclosure::disclosureSchedules(*ws, theCase.id + 100);
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::NotFound);
    }
    try {
        disclosure::draftUnusedMaterial(*ws, theCase.id + 100);
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::NotFound);
    }
}

} // namespace
