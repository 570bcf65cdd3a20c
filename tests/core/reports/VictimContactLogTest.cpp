// SPDX-License-Identifier: GPL-3.0-or-later
// The victim contact report's data: per victim, the plan in force and those it replaced, every contact earliest
// first, the Victims' Code record and the Victims' Right to Review.
#include <gtest/gtest.h>

#include <algorithm>

#include "core/Error.h"
#include "core/reports/ReportCaseFixture.h"
#include "core/reports/VictimContactLog.h"

using namespace wb;
using namespace wb::core;

namespace {

class VictimContactLogTest : public test::ReportCaseFixture
{
protected:
    std::int64_t victimId() { return ws->people().listForCase(theCase.id).front().id; }

    Record add(std::string_view type, Values values) { return ws->records().add(recordSpec(type), theCase.id, values); }
};

TEST_F(VictimContactLogTest, holdsEachVictimsPlansContactsAndCodeRecord)
{
    const std::string victim = std::to_string(victimId());
    const Record first = add(recordtype::kContactPlan, {{"victim_id", victim},
                                                        {"agreed_on", "2026-01-02"},
                                                        {"method", "phone"},
                                                        {"frequency_days", "14"},
                                                        {"recorded_by", "DC Fictional"}});
    const Record second = add(recordtype::kContactPlan, {{"victim_id", victim},
                                                         {"agreed_on", "2026-02-01"},
                                                         {"method", "email"},
                                                         {"frequency_days", "7"},
                                                         {"recorded_by", "DC Fictional"},
                                                         {"supersedes_id", std::to_string(first.id)}});
    const Record later = add(recordtype::kContact, {{"victim_id", victim},
                                                    {"contacted_at", "2026-02-03T10:00:00Z"},
                                                    {"method", "phone"},
                                                    {"purpose", "routine-update"},
                                                    {"by_whom", "DC Fictional"}});
    const Record earlier = add(recordtype::kContact, {{"victim_id", victim},
                                                      {"contacted_at", "2026-01-03T10:00:00Z"},
                                                      {"method", "phone"},
                                                      {"purpose", "routine-update"},
                                                      {"by_whom", "DC Fictional"}});
    add(recordtype::kVictimRight, {{"victim_id", victim},
                                   {"right_code", "r03"},
                                   {"done_on", "2026-01-02"},
                                   {"action", "Fictional: written acknowledgement sent."}});

    const auto log = reports::victimContactLog(*ws, theCase.id);
    ASSERT_EQ(log.size(), 1U) << "one section per victim; suspects and witnesses have none";
    const auto& section = log.front();
    EXPECT_EQ(section.victim.givenName, "Vivian");
    ASSERT_TRUE(section.currentPlan);
    EXPECT_EQ(section.currentPlan->id, second.id);
    ASSERT_EQ(section.earlierPlans.size(), 1U);
    EXPECT_EQ(section.earlierPlans.front().id, first.id);
    ASSERT_EQ(section.contacts.size(), 2U);
    EXPECT_EQ(section.contacts[0].id, earlier.id) << "earliest first";
    EXPECT_EQ(section.contacts[1].id, later.id);
    ASSERT_FALSE(section.code.rights.empty());
    const auto r03 = std::find_if(section.code.rights.begin(), section.code.rights.end(),
                                  [](const auto& right) { return right.code == "r03"; });
    ASSERT_NE(r03, section.code.rights.end());
    EXPECT_EQ(r03->entries.size(), 1U);
    EXPECT_TRUE(section.code.enhancedRights);
    EXPECT_FALSE(section.rightToReview.applies());
}

TEST_F(VictimContactLogTest, aCaseWithoutVictimsHasNoSectionsAndAnUnknownCaseIsNotFound)
{
    const auto other = ws->cases().add(test::caseDraft("FICT/RP/27"));
    EXPECT_TRUE(reports::victimContactLog(*ws, other.id).empty());
    try {
        reports::victimContactLog(*ws, 9999);
        FAIL() << "an unknown case was read";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::NotFound);
    }
}

} // namespace
