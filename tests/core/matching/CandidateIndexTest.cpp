// SPDX-License-Identifier: GPL-3.0-or-later
// Blocking: candidates for one record, candidate pairs for a set, block caps and the victim rule.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <vector>

#include "core/matching/CandidateIndex.h"
#include "core/matching/MatchModel.h"
#include "core/matching/Similarity.h"
#include "support/MatchingTestSupport.h"
#include "support/TestSupport.h"

using namespace wb::core;
using namespace wb::core::matching;

namespace {

const MatchModel& model()
{
    return wb::test::shippedMatchModel();
}

PersonRecord person(std::int64_t id, const std::string& given, const std::string& family, PersonRole role)
{
    PersonRecord r;
    r.personId = id;
    r.caseId = id;
    r.role = role;
    r.givenName = given;
    r.familyName = family;
    return r;
}

bool contains(const std::vector<std::size_t>& v, std::size_t x)
{
    return std::find(v.begin(), v.end(), x) != v.end();
}

/// Jon Smyth in one case; Jonathan Smith (same phone, born 3/4/1988) in another; strangers around them.
std::vector<PersonRecord> world()
{
    std::vector<PersonRecord> r;
    r.push_back(person(1, "Jon", "Smyth", PersonRole::Suspect));
    r[0].phones = {"07700 900123"};
    r.push_back(person(2, "Jonathan", "Smith", PersonRole::Witness));
    r[1].dateOfBirth = "1988-04-03";
    r[1].phones = {"+44 7700 900123"};
    r.push_back(person(3, "Amira", "Haddad", PersonRole::Victim));
    r.push_back(person(4, "Amira", "Haddad", PersonRole::Victim));
    r.push_back(person(5, "Peter", "Quince", PersonRole::Suspect));
    r[4].vehicles = {"AB12 CDE"};
    r.push_back(person(6, "Nick", "Bottom", PersonRole::Witness));
    r[5].vehicles = {"ab12cde"};
    r.push_back(person(7, "Francis", "Flute", PersonRole::Suspect));
    r[6].dateOfBirth = "1970-01-01";
    return r;
}

} // namespace

TEST(MatchCandidateIndexTest, BlockingKeysCoverNamesDatesAndIdentifiers)
{
    PersonRecord r = person(1, "Jon", "Smyth", PersonRole::Suspect);
    r.dateOfBirth = "1988-04-03";
    r.phones = {"07700 900123"};
    r.emails = {"jon@example.com"};
    r.handles = {"@jon88"};
    r.vehicles = {"AB12CDE"};
    r.policeIds = {"12/345678A"};
    r.addresses = {"12 Acacia Avenue, Leeds LS1 4AP"};
    r.aliases = {"Johnny Smithers"};
    const auto keys = CandidateIndex::blockingKeys(PreparedRecord::from(r));
    for (const std::string expected : {"f:SM0|j", "g:JN|1988", "n:JN|SM0", "p:07700900123", "e:jon@example.com",
                                       "h:jon88", "v:AB12CDE", "i:12345678A", "c:LS14AP", "f:SM0RS"}) {
        EXPECT_TRUE(std::find(keys.begin(), keys.end(), expected) != keys.end()) << expected;
    }
    EXPECT_TRUE(std::any_of(keys.begin(), keys.end(), [](const std::string& k) { return k.rfind("d:", 0) == 0; }));
}

TEST(MatchCandidateIndexTest, CandidatesShareABlockAndExcludeTheRecordItself)
{
    const CandidateIndex index(model(), world());
    const auto jon = index.candidatesFor(index.records()[0]);
    EXPECT_TRUE(contains(jon, 1)) << "same surname code and same phone";
    EXPECT_FALSE(contains(jon, 0)) << "not itself";
    EXPECT_FALSE(contains(jon, 6));
    const auto quince = index.candidatesFor(index.records()[4]);
    EXPECT_TRUE(contains(quince, 5)) << "same vehicle, however typed";
}

TEST(MatchCandidateIndexTest, AVictimIsNeverTheSubjectOfASearch)
{
    const CandidateIndex index(model(), world());
    EXPECT_TRUE(index.candidatesFor(index.records()[2]).empty());
    EXPECT_TRUE(index.matchesFor(index.records()[2]).empty());
    const auto pairs = index.allCandidatePairs();
    EXPECT_TRUE(std::find(pairs.begin(), pairs.end(), std::make_pair<std::size_t, std::size_t>(2, 3)) == pairs.end())
        << "two victims are never a pair";
}

TEST(MatchCandidateIndexTest, PairsHoldASuspectAndAreUnique)
{
    const CandidateIndex index(model(), world());
    const auto pairs = index.allCandidatePairs();
    EXPECT_TRUE(std::find(pairs.begin(), pairs.end(), std::make_pair<std::size_t, std::size_t>(0, 1)) != pairs.end());
    EXPECT_TRUE(std::find(pairs.begin(), pairs.end(), std::make_pair<std::size_t, std::size_t>(4, 5)) != pairs.end());
    for (const auto& [a, b] : pairs) {
        EXPECT_LT(a, b);
        EXPECT_TRUE(index.records()[a].role == PersonRole::Suspect || index.records()[b].role == PersonRole::Suspect);
    }
    EXPECT_TRUE(std::adjacent_find(pairs.begin(), pairs.end()) == pairs.end());
}

TEST(MatchCandidateIndexTest, MatchesAreScoredAboveTheThresholdStrongestFirst)
{
    auto records = world();
    records.push_back(person(8, "Jonathan", "Smith", PersonRole::Suspect));
    records.back().dateOfBirth = "1988-04-03";
    records.back().phones = {"07700900123"};
    // Jon is a short form of Jonathan (the nickname table): with the same phone and a surname that sounds the same,
    // Jon Smyth is proposed for the Jonathan Smiths.
    const CandidateIndex withNickname(model(), records);
    EXPECT_FALSE(withNickname.matchesFor(withNickname.records()[0]).empty());
    // Jed Smyth shares only a phone and a similar surname with the Jonathan Smiths: not proposed on that alone.
    records[0].givenName = "Jed";
    const CandidateIndex index(model(), records);
    EXPECT_TRUE(index.matchesFor(index.records()[0]).empty());
    const auto matches = index.matchesFor(index.records()[7]);
    ASSERT_FALSE(matches.empty());
    EXPECT_EQ(matches.front().index, 1U);
    for (std::size_t i = 0; i < matches.size(); ++i) {
        EXPECT_GE(matches[i].score.probability, model().threshold());
        if (i > 0) {
            EXPECT_GE(matches[i - 1].score.totalWeight, matches[i].score.totalWeight);
        }
    }
    const auto all = index.allMatches();
    ASSERT_FALSE(all.empty());
    EXPECT_EQ(all.front().first, 1U);
    EXPECT_EQ(all.front().second, 7U) << "the two Jonathan Smiths agree on everything";
}

TEST(MatchCandidateIndexTest, HugeBlocksAreLeftOut)
{
    std::vector<PersonRecord> records;
    for (std::size_t i = 0; i <= model().maxBlockSize(); ++i) {
        records.push_back(
            person(static_cast<std::int64_t>(i) + 1, "Given" + std::to_string(i), "Smith", PersonRole::Suspect));
    }
    records.back().phones = {"07700 900555"};
    records.push_back(person(100'000, "Someone", "Smith", PersonRole::Suspect));
    records.back().phones = {"07700900555"};
    const CandidateIndex index(model(), records);
    const auto candidates = index.candidatesFor(records.back());
    EXPECT_EQ(candidates.size(), 1U) << "the Smith block is too big to narrow anything; the phone still finds";
}

TEST(MatchCandidateIndexTest, ProgressCanCancelTheScan)
{
    const CandidateIndex index(model(), world());
    std::size_t calls = 0;
    const auto matches = index.allMatches([&](std::size_t, std::size_t) {
        ++calls;
        return false;
    });
    EXPECT_TRUE(matches.empty());
    EXPECT_GE(calls, 1U);
}

namespace {

/// The persons each record of the index may be, by person id (not index, which a removal moves), with the weights.
std::vector<std::pair<std::int64_t, double>> matchesById(const CandidateIndex& index, const PersonRecord& subject)
{
    std::vector<std::pair<std::int64_t, double>> out;
    for (const auto& m : index.matchesFor(subject)) {
        out.emplace_back(index.records()[m.index].personId, m.score.totalWeight);
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<std::int64_t> candidateIds(const CandidateIndex& index, const PersonRecord& subject)
{
    std::vector<std::int64_t> out;
    for (const std::size_t i : index.candidatesFor(subject)) {
        out.push_back(index.records()[i].personId);
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<std::pair<std::int64_t, std::int64_t>> pairIds(const CandidateIndex& index)
{
    std::vector<std::pair<std::int64_t, std::int64_t>> out;
    for (const auto& [a, b] : index.allCandidatePairs()) {
        const auto x = index.records()[a].personId;
        const auto y = index.records()[b].personId;
        out.emplace_back(std::min(x, y), std::max(x, y));
    }
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace

TEST(MatchCandidateIndexTest, UpdatingOnePersonGivesWhatARebuildGives)
{
    auto records = world();
    records.push_back(person(8, "Jonathan", "Smith", PersonRole::Suspect));
    records.back().dateOfBirth = "1988-04-03";
    records.back().phones = {"07700900123"};
    CandidateIndex index(model(), records);
    ASSERT_EQ(index.indexOf(7), std::optional<std::size_t>(6));
    EXPECT_FALSE(index.indexOf(99));

    PersonRecord flute = records[6]; // Francis Flute takes Peter Quince's vehicle and Jon's phone
    flute.vehicles = {"AB12CDE"};
    flute.phones = {"07700 900123"};
    index.upsert(flute);
    PersonRecord added = person(9, "Jon", "Smith", PersonRole::Suspect);
    added.dateOfBirth = "1988-04-03";
    index.upsert(added);
    EXPECT_TRUE(index.remove(2)); // Jonathan Smith the witness: the last record moves into his place
    EXPECT_FALSE(index.remove(2));
    EXPECT_EQ(index.records().size(), records.size());

    const CandidateIndex rebuilt(model(), index.records());
    EXPECT_DOUBLE_EQ(index.scorer().priorWeight(), rebuilt.scorer().priorWeight());
    for (const Field field : {Field::GivenName, Field::FamilyName}) {
        EXPECT_EQ(index.termFrequencies().values(field), rebuilt.termFrequencies().values(field));
        for (const std::string name : {"jonathan", "jon", "smith", "smyth", "francis", "flute"}) {
            EXPECT_DOUBLE_EQ(index.termFrequencies().frequency(field, name),
                             rebuilt.termFrequencies().frequency(field, name))
                << name;
        }
    }
    EXPECT_EQ(pairIds(index), pairIds(rebuilt));
    for (const auto& r : index.records()) {
        EXPECT_EQ(candidateIds(index, r), candidateIds(rebuilt, r)) << r.personId;
        EXPECT_EQ(matchesById(index, r), matchesById(rebuilt, r)) << r.personId;
        ASSERT_TRUE(index.indexOf(r.personId));
        EXPECT_EQ(index.records()[*index.indexOf(r.personId)].personId, r.personId);
    }
    const auto fluteCandidates = candidateIds(index, flute);
    EXPECT_TRUE(std::find(fluteCandidates.begin(), fluteCandidates.end(), 5) != fluteCandidates.end())
        << "the changed vehicle is in the index";
    const auto jon = candidateIds(index, index.records()[0]);
    EXPECT_TRUE(std::find(jon.begin(), jon.end(), 2) == jon.end()) << "the removed person is gone";
    EXPECT_TRUE(std::find(jon.begin(), jon.end(), 7) != jon.end()) << "Flute has Jon's phone now";
}

TEST(MatchCandidateIndexTest, ANicknameMeetsItsFormalNameInTheSurnameBlock)
{
    std::vector<PersonRecord> records;
    records.push_back(person(1, "Bill", "Quickthorn", PersonRole::Suspect));
    records[0].dateOfBirth = "1979-02-11";
    records.push_back(person(2, "William", "Quickthorn", PersonRole::Suspect));
    records[1].dateOfBirth = "1981-07-30";
    records.push_back(person(3, "Walter", "Quickthorn", PersonRole::Suspect));
    const CandidateIndex index(model(), records);
    const auto keys = index.keysOf(PreparedRecord::from(records[0]));
    EXPECT_TRUE(std::find(keys.begin(), keys.end(), "f:" + metaphone("quickthorn") + "|w") != keys.end());
    const auto bill = index.candidatesFor(records[0]);
    EXPECT_TRUE(contains(bill, 1)) << "Bill is a short form of William";
    EXPECT_TRUE(contains(bill, 2)) << "the surname block with W";
    EXPECT_EQ(
        index.scorer().compare(Field::GivenName, PreparedRecord::from(records[0]), PreparedRecord::from(records[1])),
        Level::Nickname);
    EXPECT_EQ(
        index.scorer().compare(Field::GivenName, PreparedRecord::from(records[0]), PreparedRecord::from(records[2])),
        Level::Different);
}

TEST(MatchCandidateIndexTest, ThePriorFollowsTheNumberOfRecords)
{
    const CandidateIndex small(model(), world());
    EXPECT_DOUBLE_EQ(small.scorer().priorWeight(), model().priorWeight());
    std::vector<PersonRecord> many;
    for (std::int64_t i = 1; i <= 5000; ++i) {
        many.push_back(person(i, "Given" + std::to_string(i), "Family" + std::to_string(i), PersonRole::Suspect));
    }
    CandidateIndex large(model(), many);
    EXPECT_DOUBLE_EQ(large.scorer().priorWeight(), model().priorWeightFor(5000));
    EXPECT_LT(large.scorer().priorWeight(), model().priorWeight() - 1.0);
    EXPECT_DOUBLE_EQ(large.scorer().score(many[0], many[1]).priorWeight, large.scorer().priorWeight());
    large.upsert(person(5001, "Another", "Person", PersonRole::Suspect));
    EXPECT_DOUBLE_EQ(large.scorer().priorWeight(), model().priorWeightFor(5001));
}
