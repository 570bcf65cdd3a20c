// SPDX-License-Identifier: GPL-3.0-or-later
// Quality of repeat-suspect matching on public synthetic data (issue 16): the two FEBRL sets in tests/data/febrl,
// blocked and scored with the shipped model at its shipped threshold (nothing tuned to these files), must reach
// pair F1 >= 0.95. Mapping: given_name, surname, date_of_birth; the address as one free-text identifier
// "street_number address_1, address_2, suburb, state postcode" (Australian 4-digit postcodes: compared exactly);
// soc_sec_id as a police identifier (a personal number of the same kind: unique by design, sometimes mistyped).
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/matching/CandidateIndex.h"
#include "core/matching/MatchModel.h"
#include "support/TestSupport.h"

using namespace wb::core::matching;

namespace {

std::vector<std::string> splitRow(const std::string& line)
{
    std::vector<std::string> cells;
    std::size_t start = 0;
    while (true) {
        const auto comma = line.find(',', start);
        std::string cell = line.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        while (!cell.empty() && (cell.front() == ' ')) {
            cell.erase(0, 1);
        }
        while (!cell.empty() && (cell.back() == ' ' || cell.back() == '\r')) {
            cell.pop_back();
        }
        cells.push_back(cell);
        if (comma == std::string::npos) {
            return cells;
        }
        start = comma + 1;
    }
}

struct FebrlSet {
    std::vector<PersonRecord> records;
    std::vector<std::string> entity; ///< per record: the N of rec-N-org / rec-N-dup-K
};

FebrlSet readFebrl(const std::string& name)
{
    std::ifstream in(std::filesystem::path(WB_TEST_DATA_DIR) / "febrl" / name);
    EXPECT_TRUE(in.good()) << name;
    FebrlSet set;
    std::string line;
    std::getline(in, line);
    EXPECT_EQ(splitRow(line).size(), 11U);
    while (std::getline(in, line)) {
        if (line.empty()) {
            continue;
        }
        const auto c = splitRow(line);
        EXPECT_EQ(c.size(), 11U) << line;
        if (c.size() != 11U) {
            continue;
        }
        PersonRecord r;
        r.personId = static_cast<std::int64_t>(set.records.size()) + 1;
        r.caseId = r.personId;
        r.role = wb::core::PersonRole::Suspect;
        r.givenName = c[1];
        r.familyName = c[2];
        if (c[9].size() == 8) {
            r.dateOfBirth = c[9].substr(0, 4) + "-" + c[9].substr(4, 2) + "-" + c[9].substr(6, 2);
        }
        const std::string address = c[3] + " " + c[4] + ", " + c[5] + ", " + c[6] + ", " + c[8] + " " + c[7];
        r.addresses.push_back(address);
        if (!c[10].empty()) {
            r.policeIds.push_back(c[10]);
        }
        const auto dash = c[0].find('-', 4);
        set.entity.push_back(c[0].substr(4, dash - 4));
        set.records.push_back(std::move(r));
    }
    return set;
}

struct Quality {
    double precision = 0;
    double recall = 0;
    double f1 = 0;
    std::size_t truePairs = 0;
    std::size_t predicted = 0;
    std::size_t candidates = 0;
};

Quality measure(const std::string& file)
{
    const FebrlSet set = readFebrl(file);
    const MatchModel model =
        MatchModel::load(std::filesystem::path(WB_RESOURCES_DIR) / "matching" / "match-model.json");
    const auto started = std::chrono::steady_clock::now();
    const CandidateIndex index(model, set.records);
    Quality q;
    q.candidates = index.allCandidatePairs().size();
    const auto matches = index.allMatches();
    const auto elapsed = std::chrono::steady_clock::now() - started;
    std::map<std::string, std::size_t> perEntity;
    for (const auto& e : set.entity) {
        ++perEntity[e];
    }
    for (const auto& [e, n] : perEntity) {
        q.truePairs += n * (n - 1) / 2;
    }
    std::size_t correct = 0;
    for (const auto& m : matches) {
        correct += set.entity[m.first] == set.entity[m.second] ? 1 : 0;
    }
    q.predicted = matches.size();
    q.precision = q.predicted == 0 ? 0.0 : static_cast<double>(correct) / static_cast<double>(q.predicted);
    q.recall = q.truePairs == 0 ? 0.0 : static_cast<double>(correct) / static_cast<double>(q.truePairs);
    q.f1 = q.precision + q.recall == 0 ? 0.0 : 2 * q.precision * q.recall / (q.precision + q.recall);
    std::cout << file << ": " << set.records.size() << " records, " << q.truePairs << " true pairs, " << q.candidates
              << " candidate pairs, " << q.predicted << " proposed; precision " << q.precision << ", recall "
              << q.recall << ", F1 " << q.f1 << "; "
              << std::chrono::duration_cast<std::chrono::milliseconds>(elapsed).count() << " ms\n";
    return q;
}

TEST(FebrlQualityTest, Dataset1ReachesF1OfAtLeast95Percent)
{
    const Quality q = measure("dataset1.csv");
    EXPECT_EQ(q.truePairs, 500U);
    EXPECT_GE(q.f1, 0.95);
}

TEST(FebrlQualityTest, Dataset2ReachesF1OfAtLeast95Percent)
{
    const Quality q = measure("dataset2.csv");
    EXPECT_GE(q.truePairs, 1000U);
    EXPECT_GE(q.f1, 0.95);
}

} // namespace
