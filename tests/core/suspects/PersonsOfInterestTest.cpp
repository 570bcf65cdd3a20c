// SPDX-License-Identifier: GPL-3.0-or-later
// Persons of interest (core/suspects/PersonsOfInterest): the groups "same person" decisions form across cases,
// split at once by a revised decision, never altering either case's records; and the linked reports those groups give
// each case (linkedSuspectCaseSets). Fictional people only.
#include <gtest/gtest.h>

#include "core/people/People.h"
#include "core/store/Database.h"
#include "core/store/Statement.h"
#include "core/suspects/Decisions.h"
#include "core/suspects/PersonsOfInterest.h"
#include "core/suspects/RepeatSuspects.h"
#include "support/MatchingTestSupport.h"
#include "support/TestSupport.h"

using namespace wb;
using namespace wb::core;
using suspects::DecisionRequest;
using suspects::PersonOfInterest;

namespace {

class PersonsOfInterestTest : public ::testing::Test
{
protected:
    test::TempDir dir;
    std::unique_ptr<Workspace> ws = test::createWorkspace(dir / "poi.rwb");
    Case one = ws->cases().add(test::caseDraft("FICT/P1/26"));
    Case two = ws->cases().add(test::caseDraft("FICT/P2/26"));
    Case three = ws->cases().add(test::caseDraft("FICT/P3/26"));
    Person jon = add(one, PersonRole::Suspect, "Jon", "Smyth");
    Person jonathan = add(two, PersonRole::Suspect, "Jonathan", "Smith");
    Person johnny = add(three, PersonRole::Witness, "Johnny", "Smith");
    Person mark = add(one, PersonRole::Suspect, "Mark", "Example");
    Person marcus = add(three, PersonRole::Suspect, "Marcus", "Example");

    Person add(const Case& c, PersonRole role, const std::string& given, const std::string& family)
    {
        return test::addPerson(*ws, c, role, given, family);
    }

    void decide(const Person& a, const Person& b, MatchVerdict verdict)
    {
        suspects::decide(*ws, DecisionRequest{a.id, b.id, verdict, "Fictional rationale"});
    }

    void revise(const Person& a, const Person& b, MatchVerdict verdict)
    {
        suspects::revise(*ws, DecisionRequest{a.id, b.id, verdict, "Fictional rationale, revised"});
    }

    static std::vector<std::int64_t> memberIds(const PersonOfInterest& poi)
    {
        std::vector<std::int64_t> ids;
        for (const auto& m : poi.members) {
            ids.push_back(m.person.id);
        }
        return ids;
    }
};

TEST_F(PersonsOfInterestTest, sameDecisionsJoinRecordsAcrossCases)
{
    EXPECT_TRUE(suspects::personsOfInterest(*ws).empty());
    decide(jon, jonathan, MatchVerdict::Same);
    decide(johnny, jonathan, MatchVerdict::Same); // the suspect of case 2 recorded as a witness in case 3
    const auto all = suspects::personsOfInterest(*ws);
    ASSERT_EQ(all.size(), 1u);
    const PersonOfInterest& poi = all.front();
    EXPECT_EQ(memberIds(poi), (std::vector<std::int64_t>{jon.id, jonathan.id, johnny.id})) << "by case reference";
    EXPECT_EQ(poi.members[0].caseRecord.reference, "FICT/P1/26");
    EXPECT_EQ(poi.members[1].caseRecord.id, two.id);
    EXPECT_EQ(poi.members[2].person.role, PersonRole::Witness);
    EXPECT_EQ(poi.caseCount(), 3u);
    EXPECT_EQ(poi.suspectCaseCount(), 2u);
    EXPECT_EQ(poi.links.size(), 2u);
    EXPECT_TRUE(poi.conflicts.empty());

    for (const Person& p : {jon, jonathan, johnny}) {
        const auto found = suspects::personOfInterestFor(*ws, p.id);
        ASSERT_TRUE(found.has_value()) << p.givenName;
        EXPECT_EQ(memberIds(*found), memberIds(poi)) << p.givenName;
        EXPECT_EQ(found->links.size(), 2u);
    }
    EXPECT_FALSE(suspects::personOfInterestFor(*ws, mark.id).has_value());
    EXPECT_FALSE(suspects::personOfInterestFor(*ws, 999).has_value());
}

TEST_F(PersonsOfInterestTest, undecidedAndDifferentJoinNobody)
{
    decide(jon, jonathan, MatchVerdict::Undecided);
    decide(mark, marcus, MatchVerdict::Different);
    EXPECT_TRUE(suspects::personsOfInterest(*ws).empty());
    EXPECT_FALSE(suspects::personOfInterestFor(*ws, jon.id).has_value());
    EXPECT_FALSE(suspects::personOfInterestFor(*ws, mark.id).has_value());
}

TEST_F(PersonsOfInterestTest, aRevisedDecisionSplitsTheGroup)
{
    decide(jon, jonathan, MatchVerdict::Same);
    decide(jonathan, johnny, MatchVerdict::Same);
    ASSERT_EQ(suspects::personsOfInterest(*ws).front().members.size(), 3u);
    revise(johnny, jonathan, MatchVerdict::Different);
    const auto all = suspects::personsOfInterest(*ws);
    ASSERT_EQ(all.size(), 1u);
    EXPECT_EQ(memberIds(all.front()), (std::vector<std::int64_t>{jon.id, jonathan.id}));
    EXPECT_FALSE(suspects::personOfInterestFor(*ws, johnny.id).has_value());
    EXPECT_EQ(memberIds(*suspects::personOfInterestFor(*ws, jon.id)), memberIds(all.front()));
    revise(jon, jonathan, MatchVerdict::Undecided);
    EXPECT_TRUE(suspects::personsOfInterest(*ws).empty());
}

TEST_F(PersonsOfInterestTest, aDifferentDecisionInsideAGroupIsAConflictNotASplit)
{
    decide(jon, jonathan, MatchVerdict::Same);
    decide(jonathan, johnny, MatchVerdict::Same);
    decide(jon, johnny, MatchVerdict::Different); // joined through Jonathan all the same
    const auto all = suspects::personsOfInterest(*ws);
    ASSERT_EQ(all.size(), 1u);
    EXPECT_EQ(all.front().members.size(), 3u);
    ASSERT_EQ(all.front().conflicts.size(), 1u);
    EXPECT_EQ(all.front().conflicts.front().pair, PersonPair::of(jon.uuid, johnny.uuid));
    EXPECT_EQ(suspects::personOfInterestFor(*ws, johnny.id)->conflicts.size(), 1u);
}

TEST_F(PersonsOfInterestTest, groupsWithMoreCasesComeFirst)
{
    decide(mark, marcus, MatchVerdict::Same);
    decide(jon, jonathan, MatchVerdict::Same);
    decide(jonathan, johnny, MatchVerdict::Same);
    const auto all = suspects::personsOfInterest(*ws);
    ASSERT_EQ(all.size(), 2u);
    EXPECT_EQ(all[0].caseCount(), 3u);
    EXPECT_EQ(memberIds(all[1]), (std::vector<std::int64_t>{mark.id, marcus.id}));
}

TEST_F(PersonsOfInterestTest, neitherCasesRecordIsAltered)
{
    const auto before = ws->people().listForCase(two.id);
    const auto caseBefore = *ws->cases().find(two.id);
    decide(jon, jonathan, MatchVerdict::Same);
    const auto poi = suspects::personOfInterestFor(*ws, jon.id);
    ASSERT_TRUE(poi.has_value());
    const auto after = ws->people().listForCase(two.id);
    ASSERT_EQ(after.size(), before.size());
    for (std::size_t i = 0; i < after.size(); ++i) {
        EXPECT_EQ(after[i].uuid, before[i].uuid);
        EXPECT_EQ(after[i].caseId, before[i].caseId);
        EXPECT_EQ(after[i].givenName, before[i].givenName);
        EXPECT_EQ(after[i].familyName, before[i].familyName);
        EXPECT_EQ(after[i].updatedAt, before[i].updatedAt);
    }
    EXPECT_EQ(ws->cases().find(two.id)->updatedAt, caseBefore.updatedAt);
    EXPECT_EQ(ws->people().find(jon.id)->caseId, one.id) << "each record stays in its own case";
    EXPECT_EQ(ws->people().find(jonathan.id)->caseId, two.id);
}

TEST_F(PersonsOfInterestTest, aRemovedPersonLeavesTheGroupButNotTheHistory)
{
    decide(jon, jonathan, MatchVerdict::Same);
    decide(jonathan, johnny, MatchVerdict::Same);
    people::remove(ws->people(), jonathan.id);
    EXPECT_TRUE(suspects::personsOfInterest(*ws).empty()) << "Jon and Johnny were joined only through Jonathan";
    EXPECT_FALSE(suspects::personOfInterestFor(*ws, jon.id).has_value());
    EXPECT_EQ(ws->matchDecisions().allCurrent().size(), 2u) << "the decisions stay in the history";
    EXPECT_TRUE(ws->verifyAudit().ok());
}

} // namespace

TEST_F(PersonsOfInterestTest, linkedCaseCountsForEveryCaseAgreeWithTheCountForOneCase)
{
    const auto countsAgree = [this] {
        const auto counts = suspects::linkedSuspectCaseCounts(ws->connectionForImport());
        for (const Case& c : {one, two, three}) {
            const auto it = counts.find(c.id);
            const int count = it == counts.end() ? 0 : it->second;
            EXPECT_EQ(count, static_cast<int>(suspects::linkedSuspectCases(*ws, c.id).size())) << c.reference;
        }
        return counts;
    };
    EXPECT_TRUE(countsAgree().empty());
    decide(jon, jonathan, MatchVerdict::Same);
    decide(johnny, jonathan, MatchVerdict::Same); // a witness in case 3: not a linked report of case 3
    auto counts = countsAgree();
    EXPECT_EQ(counts.at(one.id), 1);
    EXPECT_EQ(counts.at(two.id), 1);
    EXPECT_EQ(counts.count(three.id), 0u);
    decide(mark, marcus, MatchVerdict::Same); // case 1's second suspect is case 3's suspect
    counts = countsAgree();
    EXPECT_EQ(counts.at(one.id), 2);
    EXPECT_EQ(counts.at(three.id), 1);
    revise(jon, jonathan, MatchVerdict::Different);
    counts = countsAgree();
    EXPECT_EQ(counts.at(one.id), 1);
    EXPECT_EQ(counts.count(two.id), 0u);
}

TEST_F(PersonsOfInterestTest, aDecisionPutsEveryCaseOfTheLinkedPeopleBackOnTheDueList)
{
    auto& db = ws->connectionForImport();
    const auto dirty = [&db] {
        std::vector<std::int64_t> ids;
        store::Statement select(db, "SELECT case_id FROM due_dirty ORDER BY case_id");
        while (select.step()) {
            ids.push_back(select.columnInt64(0));
        }
        return ids;
    };
    decide(jon, jonathan, MatchVerdict::Same);
    db.exec("DELETE FROM due_dirty");
    decide(johnny, jonathan, MatchVerdict::Same);
    EXPECT_EQ(dirty(), (std::vector<std::int64_t>{one.id, two.id, three.id})) << "case 1 is linked through case 2";
    db.exec("DELETE FROM due_dirty");
    revise(jon, jonathan, MatchVerdict::Different);
    EXPECT_EQ(dirty(), (std::vector<std::int64_t>{one.id, two.id, three.id})) << "both sides of the undone link";
    db.exec("DELETE FROM due_dirty");
    decide(mark, jonathan, MatchVerdict::Undecided);
    EXPECT_EQ(dirty(), (std::vector<std::int64_t>{one.id, two.id, three.id}));
}

TEST(LinkedSuspectCaseSets, joinThroughAnyRoleAndCountOnlyOtherCasesWhereAMemberIsASuspect)
{
    const auto end = [](const char* uuid, std::int64_t caseId, const char* role) {
        return SameLink::End{uuid, caseId, role};
    };
    // Suspect in case 1 = witness in case 3 = suspect in case 2; a victim in case 4 joined by mistake counts for
    // nothing; two suspects of case 5 confirmed the same link case 5 to no other case.
    const std::vector<SameLink> links{
        {end("a", 1, "suspect"), end("w", 3, "witness")},
        {end("w", 3, "witness"), end("b", 2, "suspect")},
        {end("b", 2, "suspect"), end("v", 4, "victim")},
        {end("x", 5, "suspect"), end("y", 5, "suspect")},
    };
    const auto linked = suspects::linkedSuspectCaseSets(links);
    EXPECT_EQ(linked.at(1), (std::set<std::int64_t>{2}));
    EXPECT_EQ(linked.at(2), (std::set<std::int64_t>{1}));
    EXPECT_EQ(linked.count(3), 0u) << "a witness's case is not a linked report";
    EXPECT_EQ(linked.count(4), 0u);
    EXPECT_EQ(linked.count(5), 0u) << "a case is never linked to itself";
    EXPECT_TRUE(suspects::linkedSuspectCaseSets({}).empty());
}
