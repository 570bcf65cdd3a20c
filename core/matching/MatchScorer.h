// SPDX-License-Identifier: GPL-3.0-or-later
// Repeat-suspect matching: compares two records field by field and sums the levels' weights into a MatchScore
// (issue 16). Pure: the same records, model and frequencies always give the same score.
#pragma once

#include "core/matching/MatchModel.h"
#include "core/matching/MatchTypes.h"
#include "core/matching/PreparedRecord.h"
#include "core/matching/TermFrequencies.h"

namespace wb::core::matching {

class MatchScorer
{
public:
    /// The model (and the frequencies, when given) must outlive the scorer. Without frequencies, or with fewer
    /// recorded values than the model's termFrequency minimumValues, exact name matches use the level's u.
    explicit MatchScorer(const MatchModel& model, const TermFrequencies* frequencies = nullptr);

    MatchScore score(const PersonRecord& a, const PersonRecord& b) const;
    /// The same with both records already prepared (PreparedRecord::from of the same records).
    MatchScore
    score(const PersonRecord& a, const PreparedRecord& pa, const PersonRecord& b, const PreparedRecord& pb) const;
    /// Only the total weight (no explanation built): for ranking many candidates fast.
    double totalWeight(const PreparedRecord& pa, const PreparedRecord& pb) const;

    /// The level one field lands on; `similarity` receives the Jaro–Winkler value when the level is graded on it.
    Level compare(Field field, const PreparedRecord& pa, const PreparedRecord& pb, double* similarity = nullptr) const;

    /// 2^w / (1 + 2^w).
    static double probability(double totalWeight) noexcept;

private:
    /// The level's weight for this pair, and the part of it term frequency added.
    double weightOf(Field field, Level level, const PreparedRecord& pa, double* tfAdjustment) const;

    const MatchModel& m_model;
    const TermFrequencies* m_frequencies;
};

} // namespace wb::core::matching
