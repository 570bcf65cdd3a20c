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

    /// The birth year blocking narrows a large name block by: the year of the birth date, or for a person known only
    /// by an age, the year the age was recorded in less the age; none when neither is recorded.
    static std::optional<int> blockingYear(const PreparedRecord& record);
    /// How far apart the birth years of a record with a birth date and one known by an age may be and still meet in a
    /// split name block: 2, the widest a birth-date level other than "different" allows (an age consistent with a
    /// date: the age the date gives on the day the age was recorded within one of the stated age).
    static constexpr int kYearReach = 2;
    /// The same for two records with birth dates, and for two known by an age: 1 (within a year is at most 366 days,
    /// day and month swapped keeps the year; two ages are consistent when their years are at most 1 apart).
    static constexpr int kSameKindYearReach = 1;

    /// Indices of the records sharing a block with `record` (the union of its blocks, blocks above the model's
    /// maxBlockSize left out, blocks above its splitBlockSize narrowed as described at allMatches), without `record`
    /// itself (same personId), ascending. Empty for a victim: a victim is never the subject of a search.
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
    /// sizes per record; blocks above maxBlockSize are left out. A name's block grows with the workspace (every
    /// James in the Smith block), so a block above the model's splitBlockSize is split (issue 16):
    /// - a surname block ("f:"), an alias's surname block and the block of both names ("n:"): a record with a birth
    ///   year (blockingYear) meets the records of that block born within kSameKindYearReach years of it when both have
    ///   a birth date or both only an age, within kYearReach when one has a date and the other an age, and those
    ///   without a year; a record without a year meets the whole block as before (up to maxBlockSize), so it is never
    ///   lost;
    /// - a given name and birth year block ("g:"): a record meets those of the block with the same birth day and
    ///   month, either way round (so day and month swapped still meet).
    /// Whether a block is split depends only on its size, the same for both records of a pair, so every pair is met
    /// from either side alike and the result does not depend on the order of the records. Phone, email, handle,
    /// vehicle, postcode, police id and birth date blocks are never split.
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
    /// One blocking key of a record: its whole block's key, the key of the part of that block the record is in
    /// (empty for a key that is never split) and the parts it meets when the whole block is split (empty: the whole
    /// block, as for a record without a birth year).
    struct KeyParts {
        std::string whole;
        std::string own;
        std::vector<std::string> meets;
    };
    /// A record's view of one key, as pointers into m_blocks (whose nodes never move or go).
    struct Reach {
        const Block* whole = nullptr;
        std::vector<const Block*> meets;
    };
    /// keysOf() with each key's parts.
    std::vector<KeyParts> partsOf(const PreparedRecord& record) const;
    /// The blocks a record meets through one key: the whole block, unless it is above splitBlockSize and the record
    /// meets parts of it; blocks above maxBlockSize left out.
    template <typename Visit>
    void visitReach(const Block* whole, const std::vector<const Block*>& meets, Visit visit) const;
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
    std::vector<std::vector<Block*>> m_recordBlocks;            ///< by record: the blocks and parts it is in
    std::vector<std::vector<Reach>> m_recordReach;              ///< by record: what it meets, key by key
    std::unordered_map<std::int64_t, std::uint32_t> m_byPerson; ///< personId (not 0) → record index
};

} // namespace wb::core::matching
