// SPDX-License-Identifier: GPL-3.0-or-later
// Repeat-suspect matching: blocking. An index over many records by blocking keys, so that one record is scored only
// against the few records that share a key with it, and a whole set only over such pairs (issue 16).
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
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
    /// the index. The scores start from the model's prior for this many records (MatchModel::priorWeightFor).
    CandidateIndex(const MatchModel& model, std::vector<PersonRecord> records);
    CandidateIndex(const CandidateIndex&) = delete;
    CandidateIndex& operator=(const CandidateIndex&) = delete;

    const std::vector<PersonRecord>& records() const noexcept { return m_records; }
    const TermFrequencies& termFrequencies() const noexcept { return m_frequencies; }
    const MatchScorer& scorer() const noexcept { return m_scorer; }

    /// The blocking keys of a record: surname code + given name's initial; given-name code + birth year; the unordered
    /// pair of name codes (finds swapped names); birth date; each phone, email, handle, vehicle, postcode and police
    /// id; each alias's family-name code.
    static std::vector<std::string> blockingKeys(const PreparedRecord& record);

    /// blockingKeys() and, for a given name in the model's nickname table, the surname key with each of its formal
    /// names' initial (so that Bill Smith meets William Smith).
    std::vector<std::string> keysOf(const PreparedRecord& record) const;

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
    /// Each record visits its blocks once and takes the records after it it has not met yet (a mark per record, no
    /// set of pairs), so a pair shared by several blocks is scored once and the work is the sum of the blocks'
    /// sizes per record; blocks above maxBlockSize are left out, which bounds it by records × keys × maxBlockSize.
    /// Every pair is scored with MatchScorer::weightIfReaches (most stop after the birth date and identifiers).
    std::vector<CandidatePair> allMatches(const std::function<bool(std::size_t, std::size_t)>& progress = {}) const;

    /// Adds the record, or replaces the record of the same personId (not 0): its blocks, term frequencies and the
    /// prior follow, the rest of the index is untouched (a saved person, without rebuilding every other one).
    /// Indices of other records stay as they were; an added record takes the next index.
    void upsert(PersonRecord record);
    /// Takes the record of that personId out (false when there is none). The last record moves into its index.
    bool remove(std::int64_t personId);
    /// The index of the record of that personId (not 0).
    std::optional<std::size_t> indexOf(std::int64_t personId) const;

private:
    using Block = std::vector<std::uint32_t>; ///< ascending record indices
    /// Puts record i into its blocks and its names into the term frequencies.
    void attach(std::uint32_t i);
    /// Takes record i out of its blocks and its names out of the term frequencies.
    void detach(std::uint32_t i);
    /// The indices sharing a usable block with a prepared subject, without those of `personId` (unless 0).
    std::vector<std::size_t> candidatesOf(const PreparedRecord& prepared, std::int64_t personId) const;
    /// Whether a pair of records may be proposed: two different persons, at least one a suspect.
    bool mayPair(std::size_t a, std::size_t b) const;
    /// The records after i sharing a usable block with it that may pair with it, ascending, into `out`. `mark` has a
    /// slot per record; a slot equal to i means met already (the caller gives each i once, in any order).
    void pairsOf(std::uint32_t i, std::vector<std::uint32_t>& mark, std::vector<std::uint32_t>& out) const;
    /// The weight a pair must reach: logit of the threshold.
    double floorWeight() const;

    const MatchModel& m_model;
    std::vector<PersonRecord> m_records;
    std::vector<PreparedRecord> m_prepared;
    TermFrequencies m_frequencies;
    MatchScorer m_scorer;
    std::unordered_map<std::string, Block> m_blocks;            ///< nodes: a Block's address stays put
    std::vector<std::vector<Block*>> m_recordBlocks;            ///< by record: the blocks it is in
    std::unordered_map<std::int64_t, std::uint32_t> m_byPerson; ///< personId (not 0) → record index
};

} // namespace wb::core::matching
