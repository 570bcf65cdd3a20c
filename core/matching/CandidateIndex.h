// SPDX-License-Identifier: GPL-3.0-or-later
// Repeat-suspect matching: blocking. An index over many records by blocking keys, so that one record is scored only
// against the few records that share a key with it, and a whole set only over such pairs (issue 16).
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/matching/MatchModel.h"
#include "core/matching/MatchScorer.h"
#include "core/matching/MatchTypes.h"
#include "core/matching/PreparedRecord.h"
#include "core/matching/TermFrequencies.h"

namespace wb::core::matching {

/// A scored candidate: the index of a record in CandidateIndex::records() and the pair's score.
struct Candidate {
    std::size_t index = 0;
    MatchScore score;
};

/// A scored pair of records of the index (first < second).
struct CandidatePair {
    std::size_t first = 0;
    std::size_t second = 0;
    MatchScore score;
};

class CandidateIndex
{
public:
    /// Normalises every record once, builds the blocks and the records' term frequencies. The model must outlive
    /// the index.
    CandidateIndex(const MatchModel& model, std::vector<PersonRecord> records);

    const std::vector<PersonRecord>& records() const noexcept { return m_records; }
    const TermFrequencies& termFrequencies() const noexcept { return m_frequencies; }
    const MatchScorer& scorer() const noexcept { return m_scorer; }

    /// The blocking keys of a record: surname code + given name's initial; given-name code + birth year; the unordered
    /// pair of name codes (finds swapped names); birth date; each phone, email, handle, vehicle, postcode and police
    /// id; each alias's family-name code.
    static std::vector<std::string> blockingKeys(const PreparedRecord& record);

    /// Indices of the records sharing a block with `record` (the union of its blocks, blocks above the model's
    /// maxBlockSize left out), without `record` itself (same personId), ascending. Empty for a victim: a victim is
    /// never the subject of a search.
    std::vector<std::size_t> candidatesFor(const PersonRecord& record) const;
    /// The candidates scored, those at or above the model's threshold, strongest first.
    std::vector<Candidate> matchesFor(const PersonRecord& record) const;

    /// Every pair of records sharing a block in which at least one is a suspect (never two victims, never a pair
    /// without a suspect), each once, in ascending order.
    std::vector<std::pair<std::size_t, std::size_t>> allCandidatePairs() const;
    /// Those pairs scored, those at or above the threshold, strongest first. `progress(done, total)` is called now
    /// and then; it returns false to cancel (what was found so far is returned).
    std::vector<CandidatePair> allMatches(const std::function<bool(std::size_t, std::size_t)>& progress = {}) const;

private:
    const MatchModel& m_model;
    std::vector<PersonRecord> m_records;
    std::vector<PreparedRecord> m_prepared;
    TermFrequencies m_frequencies;
    MatchScorer m_scorer;
    std::unordered_map<std::string, std::vector<std::uint32_t>> m_blocks;
};

} // namespace wb::core::matching
