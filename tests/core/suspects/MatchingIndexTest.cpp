// SPDX-License-Identifier: GPL-3.0-or-later
// The matching engine over a workspace (core/suspects/MatchingIndex): candidates for a suspect being typed or saved,
// strongest first, never the same person or case, decided pairs kept apart, never a victim as the subject.
// Fictional people only (phones 07700 900xxx).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "core/Error.h"
#include "core/people/People.h"
#include "core/suspects/Decisions.h"
#include "core/suspects/MatchingIndex.h"
#include "support/TestSupport.h"

using namespace wb;
using namespace wb::core;
using suspects::DecisionRequest;
using suspects::MatchCandidate;

namespace {

class MatchingIndexTest : public ::testing::Test
{
protected:
    test::TempDir dir;
    std::unique_ptr<Workspace> ws = test::createWorkspace(dir / "index.rwb");
    Case one = ws->cases().add(test::caseDraft("FICT/MI1/26"));
    Case two = ws->cases().add(test::caseDraft("FICT/MI2/26"));
    Case three = ws->cases().add(test::caseDraft("FICT/MI3/26"));
    Person jon = add(one, PersonRole::Suspect, "Jon", "Smyth", "07700 900123");
    Person sameCase = add(one, PersonRole::Witness, "Jon", "Smyth", "07700 900123");
    Person jonathan = add(two, PersonRole::Suspect, "Jonathan", "Smith", "+44 7700 900123");
    Person victimOne = add(one, PersonRole::Victim, "Amira", "Haddad", "07700 900456");
    Person victimTwo = add(two, PersonRole::Victim, "Amira", "Haddad", "07700 900456");
    Person stranger = add(three, PersonRole::Suspect, "Francis", "Flute", "07700 900999");

    Person
    add(const Case& c, PersonRole role, const std::string& given, const std::string& family, const std::string& phone)
    {
        PersonDraft p;
        p.caseId = c.id;
        p.role = role;
        p.givenName = given;
        p.familyName = family;
        p.dateOfBirth = "1988-04-03";
        const Person stored = people::add(ws->people(), p);
        people::addIdentifier(*ws, stored.id, {"phone", phone, ""});
        return stored;
    }

    std::unique_ptr<suspects::MatchingIndex> index() const
    {
        return std::make_unique<suspects::MatchingIndex>(*ws, std::filesystem::path(WB_RESOURCES_DIR));
    }

    matching::PersonRecord record(const Person& p) const { return *ws->personRecords().find(p.id); }

    /// A suspect being typed in case three: not saved yet.
    matching::PersonRecord draft(PersonRole role = PersonRole::Suspect) const
    {
        matching::PersonRecord d;
        d.caseId = three.id;
        d.role = role;
        d.givenName = "Jonathon";
        d.familyName = "Smith";
        d.dateOfBirth = "1988-04-03";
        d.phones = {"07700900123"};
        return d;
    }

    static std::vector<std::int64_t> ids(const std::vector<MatchCandidate>& candidates)
    {
        std::vector<std::int64_t> out;
        for (const auto& c : candidates) {
            out.push_back(c.other.record.personId);
        }
        return out;
    }

    static bool has(const std::vector<MatchCandidate>& candidates, const Person& p)
    {
        const auto all = ids(candidates);
        return std::find(all.begin(), all.end(), p.id) != all.end();
    }
};

TEST_F(MatchingIndexTest, loadsTheShippedModelFromTheDataFolder)
{
    EXPECT_EQ(suspects::MatchingIndex::modelFile("/data"), std::filesystem::path("/data/matching/match-model.json"));
    const auto built = index();
    EXPECT_EQ(built->index().records().size(), 6u);
    EXPECT_GT(built->model().threshold(), 0.0);
    try {
        suspects::MatchingIndex missing(*ws, dir / "no-such-folder");
        ADD_FAILURE() << "expected a refusal";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::ReferenceData);
    }
}

TEST_F(MatchingIndexTest, aSuspectBeingTypedFindsRecordedPersonsStrongestFirst)
{
    const auto built = index();
    const auto found = built->candidatesFor(draft());
    EXPECT_FALSE(found.victimSubject);
    EXPECT_TRUE(has(found.candidates, jon));
    EXPECT_TRUE(has(found.candidates, jonathan));
    EXPECT_TRUE(has(found.candidates, sameCase)) << "a witness elsewhere may be the suspect typed";
    EXPECT_FALSE(has(found.candidates, stranger));
    EXPECT_FALSE(has(found.candidates, victimOne));
    for (std::size_t i = 0; i < found.candidates.size(); ++i) {
        const auto& c = found.candidates[i];
        EXPECT_GE(c.score.probability, built->model().threshold());
        EXPECT_FALSE(c.decision.has_value());
        if (i > 0) {
            EXPECT_GE(found.candidates[i - 1].score.totalWeight, c.score.totalWeight) << "strongest first";
        }
    }
    const auto it = std::find_if(found.candidates.begin(), found.candidates.end(),
                                 [&](const MatchCandidate& c) { return c.other.record.personId == jonathan.id; });
    ASSERT_NE(it, found.candidates.end());
    EXPECT_EQ(it->other.caseReference, "FICT/MI2/26");
    EXPECT_EQ(it->other.record.caseId, two.id);
    EXPECT_EQ(it->other.record.role, PersonRole::Suspect);
    EXPECT_TRUE(found.linked.empty());
    EXPECT_EQ(found.suppressed, 0u);
}

TEST_F(MatchingIndexTest, neverTheSamePersonNorTheirCase)
{
    const auto found = index()->candidatesFor(record(jon));
    EXPECT_FALSE(has(found.candidates, jon));
    EXPECT_FALSE(has(found.candidates, sameCase)) << "people of the same case are not proposed";
    EXPECT_TRUE(has(found.candidates, jonathan));
}

TEST_F(MatchingIndexTest, aVictimIsNeverTheSubject)
{
    const auto found = index()->candidatesFor(record(victimTwo));
    EXPECT_TRUE(found.victimSubject);
    EXPECT_TRUE(found.candidates.empty());
    EXPECT_TRUE(found.linked.empty());
    EXPECT_TRUE(index()->candidatesFor(draft(PersonRole::Victim)).victimSubject);
}

TEST_F(MatchingIndexTest, aWitnessIsComparedWithSuspectsOnly)
{
    matching::PersonRecord witness = draft(PersonRole::Witness);
    const auto found = index()->candidatesFor(witness);
    EXPECT_FALSE(found.victimSubject);
    EXPECT_TRUE(has(found.candidates, jon));
    EXPECT_TRUE(has(found.candidates, jonathan));
    EXPECT_FALSE(has(found.candidates, sameCase)) << "two witnesses are never paired";

    witness.givenName = "Amira";
    witness.familyName = "Haddad";
    witness.phones = {"07700 900456"};
    EXPECT_TRUE(index()->candidatesFor(witness).candidates.empty()) << "victims are never paired with a witness";
}

TEST_F(MatchingIndexTest, aPairDecidedSameIsLinkedNotProposed)
{
    suspects::decide(*ws, DecisionRequest{jon.id, jonathan.id, MatchVerdict::Same, "Same phone and date of birth"});
    const auto found = index()->candidatesFor(record(jon));
    EXPECT_FALSE(has(found.candidates, jonathan));
    ASSERT_EQ(ids(found.linked), (std::vector<std::int64_t>{jonathan.id}));
    ASSERT_TRUE(found.linked.front().decision.has_value());
    EXPECT_EQ(found.linked.front().decision->verdict, MatchVerdict::Same);
}

TEST_F(MatchingIndexTest, aPairDecidedDifferentStaysSuppressedUntilDetailsChange)
{
    suspects::decide(*ws, DecisionRequest{jon.id, jonathan.id, MatchVerdict::Different, "Brothers sharing a phone"});
    auto built = index();
    auto found = built->candidatesFor(record(jon));
    EXPECT_FALSE(has(found.candidates, jonathan));
    EXPECT_EQ(found.suppressed, 1u);

    people::addIdentifier(*ws, jonathan.id, {"email", "jonathan.smith@example.org", ""});
    found = built->candidatesFor(record(jon));
    EXPECT_EQ(found.suppressed, 1u) << "the index holds the details as they were until rebuilt";
    built->rebuild();
    found = built->candidatesFor(record(jon));
    EXPECT_EQ(found.suppressed, 0u);
    ASSERT_TRUE(has(found.candidates, jonathan)) << "details changed: proposed again";
    const auto& again = *std::find_if(found.candidates.begin(), found.candidates.end(),
                                      [&](const MatchCandidate& c) { return c.other.record.personId == jonathan.id; });
    ASSERT_TRUE(again.decision.has_value());
    EXPECT_EQ(again.decision->verdict, MatchVerdict::Different) << "the earlier decision is shown with it";
}

TEST_F(MatchingIndexTest, anUndecidedPairIsStillProposedAndARemovedPersonIsNot)
{
    suspects::decide(*ws, DecisionRequest{jon.id, jonathan.id, MatchVerdict::Undecided, "Need the phone records"});
    const auto built = index();
    const auto found = built->candidatesFor(record(jon));
    ASSERT_TRUE(has(found.candidates, jonathan));
    people::remove(ws->people(), jonathan.id);
    EXPECT_FALSE(has(built->candidatesFor(record(jon)).candidates, jonathan));
}

TEST_F(MatchingIndexTest, refreshingOnePersonUpdatesTheIndexWithoutARebuild)
{
    const auto built = index();
    const std::size_t before = built->index().records().size();
    EXPECT_FALSE(has(built->candidatesFor(record(stranger)).candidates, jonathan));

    // Francis Flute is saved as Jonathan Smith with Jonathan's phone: the index learns it from one refresh.
    Person changed = stranger;
    changed.givenName = "Jonathan";
    changed.familyName = "Smith";
    people::update(ws->people(), changed);
    people::addIdentifier(*ws, stranger.id, {"phone", "07700 900123", ""});
    EXPECT_FALSE(has(built->candidatesFor(record(jon)).candidates, stranger)) << "not seen before the refresh";
    built->refresh(stranger.id);
    EXPECT_TRUE(has(built->candidatesFor(record(jon)).candidates, stranger));
    EXPECT_EQ(built->index().records().size(), before);

    // A person added and refreshed is a candidate; a removed one refreshed is out of the index.
    const Person added = add(three, PersonRole::Suspect, "Jonathan", "Smith", "07700 900123");
    built->refresh(added.id);
    EXPECT_EQ(built->index().records().size(), before + 1);
    EXPECT_TRUE(has(built->candidatesFor(record(jon)).candidates, added));
    people::remove(ws->people(), jonathan.id);
    built->refresh(std::vector<std::int64_t>{jonathan.id, added.id});
    EXPECT_EQ(built->index().records().size(), before);
    EXPECT_FALSE(built->index().indexOf(jonathan.id).has_value());

    // What a rebuild from the workspace gives (equal scores may come in another order: the indices differ).
    const auto rebuilt = index();
    for (const Person& p : {jon, added, stranger}) {
        auto refreshed = ids(built->candidatesFor(record(p)).candidates);
        auto fresh = ids(rebuilt->candidatesFor(record(p)).candidates);
        std::sort(refreshed.begin(), refreshed.end());
        std::sort(fresh.begin(), fresh.end());
        EXPECT_EQ(refreshed, fresh);
    }
}

} // namespace
