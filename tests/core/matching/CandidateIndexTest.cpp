// SPDX-License-Identifier: GPL-3.0-or-later
// Blocking: candidates for one record, candidate pairs for a set, block caps and the victim rule.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <vector>

#include "core/matching/CandidateIndex.h"
#include "core/matching/MatchModel.h"
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
    const CandidateIndex index(model(), records);
    // Jon Smyth shares only a phone and a similar surname with the Jonathan Smiths: not proposed on that alone.
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
