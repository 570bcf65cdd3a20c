// SPDX-License-Identifier: GPL-3.0-or-later
// The whole picture of a person (core/suspects/WholePicture): every case they and everyone confirmed the same appear
// in, with their identifiers, orders, bail records and the decisions linking them; each case's records unaltered.
// Fictional people only (phones 07700 900xxx).
#include <gtest/gtest.h>

#include "core/Error.h"
#include "core/people/People.h"
#include "core/records/RecordSpec.h"
#include "core/records/RecordTypes.h"
#include "core/suspects/Decisions.h"
#include "core/suspects/WholePicture.h"
#include "support/MatchingTestSupport.h"
#include "support/TestSupport.h"

using namespace wb;
using namespace wb::core;
using suspects::DecisionRequest;

namespace {

class WholePictureTest : public ::testing::Test
{
protected:
    test::TempDir dir;
    std::unique_ptr<Workspace> ws = test::createWorkspace(dir / "picture.rwb");
    Case one = ws->cases().add(test::caseDraft("FICT/WP1/26"));
    Case two = ws->cases().add(test::caseDraft("FICT/WP2/26", "SOA2003-s2"));
    Person jon = add(one, PersonRole::Suspect, "Jon", "Smyth");
    Person jonathan = add(two, PersonRole::Suspect, "Jonathan", "Smith");
    Person other = add(two, PersonRole::Suspect, "Francis", "Flute");

    Person add(const Case& c, PersonRole role, const std::string& given, const std::string& family)
    {
        return test::addPerson(*ws, c, role, given, family);
    }
};

TEST_F(WholePictureTest, aPersonAloneIsTheirOwnCase)
{
    people::addIdentifier(*ws, jon.id, {"phone", "07700 900123", ""});
    const auto picture = suspects::wholePicture(*ws, jon.id);
    ASSERT_EQ(picture.cases.size(), 1u);
    EXPECT_EQ(picture.cases.front().reference, "FICT/WP1/26");
    EXPECT_EQ(picture.cases.front().operationName, "Operation Testbed");
    EXPECT_EQ(picture.cases.front().primaryOffence, "SOA2003-s1");
    EXPECT_EQ(picture.cases.front().status, CaseStatus::Open);
    EXPECT_EQ(picture.cases.front().person.role, PersonRole::Suspect);
    ASSERT_EQ(picture.identifiers.size(), 1u);
    EXPECT_EQ(picture.identifiers.front().kind, "phone");
    EXPECT_EQ(picture.identifiers.front().value, "07700 900123");
    EXPECT_TRUE(picture.links.empty());
    EXPECT_TRUE(picture.orders.empty());
    EXPECT_TRUE(picture.bail.empty());
}

TEST_F(WholePictureTest, everyoneConfirmedTheSameWithWhatTheirCasesRecord)
{
    people::addIdentifier(*ws, jon.id, {"phone", "07700 900123", ""});
    people::addIdentifier(*ws, jonathan.id, {"email", "jonathan.smith@example.org", ""});
    people::addIdentifier(*ws, other.id, {"phone", "07700 900999", ""});
    ws->records().add(recordSpec(recordtype::kBail), two.id,
                      {{"suspect_id", std::to_string(jonathan.id)}, {"kind", "rui"}, {"start_date", "2026-01-10"}});
    ws->records().add(recordSpec(recordtype::kBail), two.id,
                      {{"suspect_id", std::to_string(other.id)}, {"kind", "rui"}, {"start_date", "2026-01-11"}});
    ws->records().add(recordSpec(recordtype::kOrder), one.id,
                      {{"order_type", "sro"}, {"subject_id", std::to_string(jon.id)}, {"applied_on", "2026-01-12"}});
    const auto decision =
        suspects::decide(*ws, DecisionRequest{jonathan.id, jon.id, MatchVerdict::Same, "Same phone and face"});

    const auto picture = suspects::wholePicture(*ws, jonathan.id);
    ASSERT_EQ(picture.cases.size(), 2u);
    EXPECT_EQ(picture.cases[0].reference, "FICT/WP1/26");
    EXPECT_EQ(picture.cases[0].person.id, jon.id);
    EXPECT_EQ(picture.cases[1].reference, "FICT/WP2/26");
    EXPECT_EQ(picture.cases[1].primaryOffence, "SOA2003-s2");
    EXPECT_EQ(picture.cases[1].person.givenName, "Jonathan");
    ASSERT_EQ(picture.identifiers.size(), 2u) << "not the other suspect's";
    EXPECT_EQ(picture.identifiers[0].personId, jon.id);
    EXPECT_EQ(picture.identifiers[1].kind, "email");
    EXPECT_EQ(picture.identifiers[1].caseId, two.id);
    ASSERT_EQ(picture.bail.size(), 1u) << "only the bail records of the person";
    EXPECT_EQ(picture.bail.front().get("suspect_id"), std::to_string(jonathan.id));
    ASSERT_EQ(picture.orders.size(), 1u);
    EXPECT_EQ(picture.orders.front().get("order_type"), "sro");
    EXPECT_EQ(picture.orders.front().caseId, one.id);
    ASSERT_EQ(picture.links.size(), 1u);
    EXPECT_EQ(picture.links.front().uuid, decision.uuid);
    EXPECT_TRUE(picture.conflicts.empty());
    // The same picture from either record; each case's own record unaltered.
    EXPECT_EQ(suspects::wholePicture(*ws, jon.id).cases.size(), 2u);
    EXPECT_EQ(ws->people().find(jon.id)->familyName, "Smyth");
}

TEST_F(WholePictureTest, anUnknownPersonIsNotFound)
{
    try {
        suspects::wholePicture(*ws, 9999);
        ADD_FAILURE() << "expected NotFound";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::NotFound);
    }
}

} // namespace
