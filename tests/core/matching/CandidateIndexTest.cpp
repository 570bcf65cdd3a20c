// SPDX-License-Identifier: GPL-3.0-or-later
// Blocking: candidates for one record, candidate pairs for a set, block caps and the victim rule.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>
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

// --- Large name blocks split by birth year (issue 16: the whole scan at a force's size) ------------------------------

namespace {

/// `count` suspects called James Smith, one to a case, born over 50 years (1950–1999), never on 15 June or on a
/// day and month that 3 April or 4 March share: one surname block (and one block of both names) of `count`.
std::vector<PersonRecord> jamesSmiths(std::size_t count, std::int64_t firstId = 1000)
{
    std::vector<PersonRecord> out;
    for (std::size_t i = 0; i < count; ++i) {
        const auto id = firstId + static_cast<std::int64_t>(i);
        out.push_back(person(id, "James", "Smith", PersonRole::Suspect));
        char dob[16];
        std::snprintf(dob, sizeof dob, "%04d-%02d-%02d", 1950 + static_cast<int>(i % 50), 7 + static_cast<int>(i % 6),
                      5 + static_cast<int>(i % 20));
        out.back().dateOfBirth = dob;
    }
    return out;
}

std::optional<int> yearOf(const PersonRecord& r)
{
    return CandidateIndex::blockingYear(PreparedRecord::from(r));
}

bool hasPair(const std::vector<std::pair<std::int64_t, std::int64_t>>& pairs, std::int64_t a, std::int64_t b)
{
    return std::find(pairs.begin(), pairs.end(), std::make_pair(std::min(a, b), std::max(a, b))) != pairs.end();
}

} // namespace

TEST(MatchCandidateIndexTest, ALargeNameBlockIsMetByBirthYear)
{
    ASSERT_LT(model().splitBlockSize(), 150U);
    auto records = jamesSmiths(150);
    PersonRecord subject = person(1, "James", "Smith", PersonRole::Suspect);
    subject.dateOfBirth = "1980-06-15";
    records.push_back(subject);
    const CandidateIndex index(model(), records);
    const auto candidates = candidateIds(index, subject);
    std::size_t near = 0;
    for (const auto& r : records) {
        if (r.personId == subject.personId) {
            continue;
        }
        const bool isNear = std::abs(*yearOf(r) - 1980) <= CandidateIndex::kSameKindYearReach;
        near += isNear ? 1 : 0;
        EXPECT_EQ(std::binary_search(candidates.begin(), candidates.end(), r.personId), isNear)
            << r.personId << " born " << *r.dateOfBirth;
    }
    EXPECT_EQ(candidates.size(), near);
    EXPECT_LT(candidates.size(), 12U) << "3 of the 50 birth years, not the whole block of 150";

    // A block of the splitting size or less is met whole, as before.
    auto few = jamesSmiths(model().splitBlockSize() - 1);
    few.push_back(subject);
    const CandidateIndex small(model(), few);
    EXPECT_EQ(candidateIds(small, subject).size(), few.size() - 1);
}

TEST(MatchCandidateIndexTest, APairInNeighbouringBirthYearsIsStillFoundInASplitBlock)
{
    auto records = jamesSmiths(150);
    records.push_back(person(1, "James", "Smith", PersonRole::Suspect));
    records.back().dateOfBirth = "1979-12-31";
    records.push_back(person(2, "James", "Smith", PersonRole::Witness));
    records.back().dateOfBirth = "1980-01-02"; // within a year, across the new year
    records.push_back(person(3, "James", "Smith", PersonRole::Suspect));
    records.back().ageYears = 45; // born 1979 or 1980 by this age: blocked as 1980
    records.back().ageOnDate = "2025-03-01";
    records.push_back(person(4, "James", "Smith", PersonRole::Witness));
    records.back().dateOfBirth = "1978-09-10"; // 46 on 1 March 2025: consistent with the age, two years from 1980
    records.push_back(person(5, "James", "Smith", PersonRole::Witness));
    records.back().dateOfBirth = "1976-12-30"; // three years from 1979 and four from 1980: a different birth date
    records.push_back(person(6, "James", "Smith", PersonRole::Suspect));
    records.back().dateOfBirth = "1977-06-01"; // two years from 1979: dated both, more than a year apart
    const CandidateIndex index(model(), records);
    ASSERT_EQ(yearOf(records[records.size() - 4]), 1980);
    const auto pairs = pairIds(index);
    EXPECT_TRUE(hasPair(pairs, 1, 2)) << "within a year, born in neighbouring years";
    EXPECT_TRUE(hasPair(pairs, 3, 4)) << "an age consistent with a date two years from its blocking year";
    EXPECT_TRUE(hasPair(pairs, 1, 3));
    EXPECT_FALSE(hasPair(pairs, 1, 5)) << "more than two years apart in a split block";
    EXPECT_FALSE(hasPair(pairs, 3, 5));
    EXPECT_FALSE(hasPair(pairs, 1, 6)) << "two birth dates two years apart: different, not compared in a split block";
    EXPECT_FALSE(hasPair(pairs, 3, 6)) << "three years from the age's year";
    EXPECT_TRUE(hasPair(pairs, 4, 6)) << "dated both, born in neighbouring years";
    const auto ofOne = candidateIds(index, records[records.size() - 6]);
    EXPECT_TRUE(std::binary_search(ofOne.begin(), ofOne.end(), 2));
    EXPECT_EQ(index.scorer().compare(Field::BirthDate, PreparedRecord::from(records[records.size() - 4]),
                                     PreparedRecord::from(records[records.size() - 3])),
              Level::AgeConsistent);
}

TEST(MatchCandidateIndexTest, APersonWithoutABirthDateMeetsTheWholeSplitBlockOrAnotherKey)
{
    auto records = jamesSmiths(150);
    PersonRecord undated = person(1, "James", "Smith", PersonRole::Suspect);
    undated.phones = {"07700 900777"};
    records.push_back(undated);
    const CandidateIndex index(model(), records);
    EXPECT_EQ(candidateIds(index, undated).size(), 150U) << "no birth year: the whole block, below the cap";
    const auto pairs = pairIds(index);
    EXPECT_TRUE(hasPair(pairs, 1, 1000));
    EXPECT_TRUE(hasPair(pairs, 1, 1149));
    // A dated record meets the undated one too, from its own side.
    const auto ofDated = candidateIds(index, records[7]);
    EXPECT_TRUE(std::binary_search(ofDated.begin(), ofDated.end(), 1));

    // Above the cap the block is not used at all by an undated person; the phone still finds the pair.
    auto crowd = jamesSmiths(model().maxBlockSize() + 1);
    crowd.push_back(undated);
    PersonRecord sameNumber = person(2, "Jim", "Smyth", PersonRole::Witness);
    sameNumber.dateOfBirth = "1985-02-02";
    sameNumber.phones = {"07700900777"};
    crowd.push_back(sameNumber);
    const CandidateIndex huge(model(), crowd);
    EXPECT_EQ(candidateIds(huge, undated), std::vector<std::int64_t>{2});
}

TEST(MatchCandidateIndexTest, SwappedDayAndMonthStillMeetInASplitGivenNameBlock)
{
    // 150 Jameses born in 1980 with different surnames: one block of given name and birth year, split by day and month.
    const std::array<const char*, 15> first{"Bar", "Cel", "Dun", "Fol", "Gim", "Hap", "Jor", "Kel",
                                            "Lum", "Mor", "Nep", "Pil", "Ras", "Sul", "Tev"};
    const std::array<const char*, 10> last{"wick", "ton",   "ford",  "more", "field",
                                           "dale", "worth", "combe", "ham",  "well"};
    std::vector<PersonRecord> records;
    for (std::size_t i = 0; i < 150; ++i) {
        records.push_back(person(1000 + static_cast<std::int64_t>(i), "James",
                                 std::string(first[i % first.size()]) + last[i / first.size()], PersonRole::Suspect));
        char dob[16];
        std::snprintf(dob, sizeof dob, "1980-%02d-%02d", 5 + static_cast<int>(i % 8), 13 + static_cast<int>(i % 15));
        records.back().dateOfBirth = dob;
    }
    records.push_back(person(1, "James", "Quorrington", PersonRole::Suspect));
    records.back().dateOfBirth = "1980-04-03";
    records.push_back(person(2, "James", "Ulverdale", PersonRole::Witness)); // a married name, day and month swapped
    records.back().dateOfBirth = "1980-03-04";
    records.push_back(person(3, "James", "Yarnall", PersonRole::Witness));
    records.back().dateOfBirth = "1980-02-11";
    const CandidateIndex index(model(), records);
    const auto pairs = pairIds(index);
    EXPECT_TRUE(hasPair(pairs, 1, 2)) << "same given name and year, day and month swapped";
    EXPECT_FALSE(hasPair(pairs, 1, 3)) << "another surname and another day in a split block";
    EXPECT_LT(candidateIds(index, records[records.size() - 3]).size(), 10U);
}

TEST(MatchCandidateIndexTest, SplitBlocksGiveTheSamePairsWhateverTheOrderOrUpdates)
{
    auto records = jamesSmiths(300);
    for (std::size_t i = 0; i < records.size(); i += 9) {
        records[i].dateOfBirth.reset(); // some without a birth date, some known only by an age
        if (i % 2 == 0) {
            records[i].ageYears = 30 + static_cast<int>(i % 40);
            records[i].ageOnDate = "2024-05-01";
        }
    }
    for (std::size_t i = 0; i < records.size(); i += 5) {
        records[i].role = PersonRole::Witness;
    }
    auto reversed = records;
    std::reverse(reversed.begin(), reversed.end());
    const CandidateIndex forward(model(), records);
    const CandidateIndex backward(model(), reversed);
    const auto pairs = pairIds(forward);
    EXPECT_EQ(pairs, pairIds(backward));
    EXPECT_LT(pairs.size(), 300U * 299U / 2U / 4U) << "the split leaves most of the block's pairs out";

    // Symmetric: b is a candidate of a exactly when a is one of b (both suspects).
    for (const auto& a : records) {
        if (a.role != PersonRole::Suspect) {
            continue;
        }
        for (const std::int64_t b : candidateIds(forward, a)) {
            const auto& other = records[static_cast<std::size_t>(b - 1000)];
            EXPECT_TRUE(hasPair(pairs, a.personId, b));
            if (other.role == PersonRole::Suspect) {
                const auto back = candidateIds(forward, other);
                EXPECT_TRUE(std::binary_search(back.begin(), back.end(), a.personId)) << a.personId << " " << b;
            }
        }
    }

    // Updated one by one (a person's birth date changed, one removed and added again) = built afresh.
    CandidateIndex updated(model(), records);
    PersonRecord moved = records[10];
    moved.dateOfBirth = "1990-01-01";
    updated.upsert(moved);
    ASSERT_TRUE(updated.remove(records[20].personId));
    updated.upsert(records[20]);
    const CandidateIndex rebuilt(model(), updated.records());
    EXPECT_EQ(pairIds(updated), pairIds(rebuilt));
    for (const auto& r : updated.records()) {
        EXPECT_EQ(candidateIds(updated, r), candidateIds(rebuilt, r)) << r.personId;
    }
}
