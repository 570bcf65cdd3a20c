// SPDX-License-Identifier: GPL-3.0-or-later
// Repeat-suspect matching (issue 16): measuring the engine on labelled data (the FEBRL sets, tests/data/febrl/).
// The truth comes from the record ids: "rec-N-org" is an original and "rec-N-dup-K" a corrupted copy of it, so two
// records are the same person exactly when their N is equal. Precision, recall and F1 are counted over unordered
// pairs of distinct records, as record-linkage studies count them.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace wb::core::matching {

/// Pair counts and the figures derived from them.
struct PairMetrics {
    std::size_t truePairs = 0;      ///< pairs that are the same person
    std::size_t predictedPairs = 0; ///< distinct pairs predicted (duplicates and both orders counted once)
    std::size_t truePositives = 0;  ///< predicted pairs that are the same person
    double precision = 0.0;         ///< truePositives / predictedPairs; 0 when nothing was predicted
    double recall = 0.0;            ///< truePositives / truePairs; 0 when there are no true pairs
    double f1 = 0.0;                ///< harmonic mean of precision and recall; 0 when both are 0
};

class Evaluation
{
public:
    /// The entity a record id names: "rec-12-org" and "rec-12-dup-3" → "12"; std::nullopt for any other form.
    static std::optional<std::string> entityOf(std::string_view recordId);

    /// The truth over these records. Throws Error(Validation, "rec_id") naming the id when one is not of the
    /// FEBRL form or appears twice.
    explicit Evaluation(const std::vector<std::string>& recordIds);

    std::size_t recordCount() const noexcept { return m_entityOf.size(); }
    /// The number of unordered pairs of distinct records that are the same person.
    std::size_t truePairCount() const noexcept { return m_truePairs; }
    /// Whether two records are the same person. Throws Error(Validation, "rec_id") for an id not in the truth.
    bool isSamePerson(const std::string& a, const std::string& b) const;

    /// Scores predicted pairs of record ids. A pair given twice or in both orders counts once; a record paired
    /// with itself is refused like an unknown id (Error(Validation, "rec_id")).
    PairMetrics score(const std::vector<std::pair<std::string, std::string>>& predicted) const;

private:
    const std::string& entity(const std::string& recordId) const;

    std::unordered_map<std::string, std::string> m_entityOf; ///< record id → entity
    std::size_t m_truePairs = 0;
};

} // namespace wb::core::matching
