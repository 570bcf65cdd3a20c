// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/matching/CandidateIndex.h"

#include <algorithm>
#include <unordered_set>

#include "core/Error.h"
#include "core/matching/Similarity.h"

namespace wb::core::matching {

namespace {

void addAll(std::vector<std::string>& keys, const char* prefix, const std::vector<std::string>& values)
{
    for (const auto& v : values) {
        keys.push_back(prefix + v);
    }
}

bool isSuspect(const PersonRecord& r)
{
    return r.role == PersonRole::Suspect;
}

} // namespace

CandidateIndex::CandidateIndex(const MatchModel& model, std::vector<PersonRecord> records)
    : m_model(model)
    , m_records(std::move(records))
    , m_scorer(model, &m_frequencies)
{
    if (m_records.size() > UINT32_MAX) {
        throw Error(ErrorCode::Validation, "too many records for one matching index", "records");
    }
    m_prepared.reserve(m_records.size());
    for (const auto& record : m_records) {
        m_prepared.push_back(PreparedRecord::from(record));
    }
    m_frequencies = TermFrequencies::build(m_prepared);
    for (std::size_t i = 0; i < m_prepared.size(); ++i) {
        for (auto& key : blockingKeys(m_prepared[i])) {
            auto& block = m_blocks[std::move(key)];
            if (block.empty() || block.back() != static_cast<std::uint32_t>(i)) {
                block.push_back(static_cast<std::uint32_t>(i));
            }
        }
    }
}

std::vector<std::string> CandidateIndex::blockingKeys(const PreparedRecord& r)
{
    std::vector<std::string> keys;
    if (!r.familyCode.empty()) {
        // With the given name's initial: a surname code alone makes blocks that grow with the workspace (every
        // Smith against every Smith); swapped or mistyped given names are still found by the other keys.
        keys.push_back("f:" + r.familyCode + (r.given.empty() ? std::string{} : "|" + r.given.substr(0, 1)));
    }
    if (!r.givenCode.empty() && r.birthDate) {
        keys.push_back("g:" + r.givenCode + "|" + std::to_string(r.birthDate->year));
    }
    if (!r.givenCode.empty() && !r.familyCode.empty()) {
        keys.push_back("n:" + std::min(r.givenCode, r.familyCode) + "|" + std::max(r.givenCode, r.familyCode));
    }
    if (r.birthDate) {
        keys.push_back("d:" + std::to_string(r.birthDate->days));
    }
    addAll(keys, "p:", r.phones);
    addAll(keys, "e:", r.emails);
    addAll(keys, "h:", r.handles);
    addAll(keys, "v:", r.vehicles);
    addAll(keys, "i:", r.policeIds);
    for (const auto& code : r.postcodes) {
        keys.push_back("c:" + code.whole());
    }
    for (const auto& alias : r.aliases) {
        if (!alias.family.empty()) {
            keys.push_back("f:" + metaphone(alias.family));
        }
    }
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    return keys;
}

std::vector<std::size_t> CandidateIndex::candidatesFor(const PersonRecord& record) const
{
    if (record.role == PersonRole::Victim) {
        return {};
    }
    std::vector<std::size_t> out;
    for (const auto& key : blockingKeys(PreparedRecord::from(record))) {
        const auto it = m_blocks.find(key);
        if (it == m_blocks.end() || it->second.size() > m_model.maxBlockSize()) {
            continue;
        }
        for (const std::uint32_t i : it->second) {
            if (m_records[i].personId != record.personId || record.personId == 0) {
                out.push_back(i);
            }
        }
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

std::vector<Candidate> CandidateIndex::matchesFor(const PersonRecord& record) const
{
    std::vector<Candidate> out;
    const auto candidates = candidatesFor(record);
    if (candidates.empty()) {
        return out;
    }
    const PreparedRecord prepared = PreparedRecord::from(record);
    for (const std::size_t i : candidates) {
        const double weight = m_scorer.totalWeight(prepared, m_prepared[i]);
        if (MatchScorer::probability(weight) >= m_model.threshold()) {
            out.push_back(Candidate{i, m_scorer.score(record, prepared, m_records[i], m_prepared[i])});
        }
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const Candidate& a, const Candidate& b) { return a.score.totalWeight > b.score.totalWeight; });
    return out;
}

std::vector<std::pair<std::size_t, std::size_t>> CandidateIndex::allCandidatePairs() const
{
    std::unordered_set<std::uint64_t> seen;
    for (const auto& [key, block] : m_blocks) {
        if (block.size() < 2 || block.size() > m_model.maxBlockSize()) {
            continue;
        }
        for (std::size_t x = 0; x < block.size(); ++x) {
            for (std::size_t y = x + 1; y < block.size(); ++y) {
                const std::uint32_t a = std::min(block[x], block[y]);
                const std::uint32_t b = std::max(block[x], block[y]);
                if (a == b || (m_records[a].personId == m_records[b].personId && m_records[a].personId != 0)) {
                    continue;
                }
                if (!isSuspect(m_records[a]) && !isSuspect(m_records[b])) {
                    continue;
                }
                seen.insert((static_cast<std::uint64_t>(a) << 32U) | b);
            }
        }
    }
    std::vector<std::pair<std::size_t, std::size_t>> pairs;
    pairs.reserve(seen.size());
    for (const std::uint64_t key : seen) {
        pairs.emplace_back(static_cast<std::size_t>(key >> 32U), static_cast<std::size_t>(key & 0xFFFFFFFFU));
    }
    std::sort(pairs.begin(), pairs.end());
    return pairs;
}

std::vector<CandidatePair>
CandidateIndex::allMatches(const std::function<bool(std::size_t, std::size_t)>& progress) const
{
    const auto pairs = allCandidatePairs();
    std::vector<CandidatePair> out;
    constexpr std::size_t kProgressEvery = 4096;
    for (std::size_t k = 0; k < pairs.size(); ++k) {
        if (progress && k % kProgressEvery == 0 && !progress(k, pairs.size())) {
            break;
        }
        const auto [a, b] = pairs[k];
        const double weight = m_scorer.totalWeight(m_prepared[a], m_prepared[b]);
        if (MatchScorer::probability(weight) >= m_model.threshold()) {
            out.push_back(
                CandidatePair{a, b, m_scorer.score(m_records[a], m_prepared[a], m_records[b], m_prepared[b])});
        }
    }
    if (progress) {
        progress(pairs.size(), pairs.size());
    }
    std::stable_sort(out.begin(), out.end(), [](const CandidatePair& x, const CandidatePair& y) {
        return x.score.totalWeight > y.score.totalWeight;
    });
    return out;
}

} // namespace wb::core::matching
