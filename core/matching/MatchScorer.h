// SPDX-License-Identifier: GPL-3.0-or-later
// Repeat-suspect matching: compares two records field by field and sums the levels' weights into a MatchScore
// (issue 16). Pure: the same records, model and frequencies always give the same score.
#pragma once

#include <optional>

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
    /// The same with the prior weight of a set of records (MatchModel::priorWeightFor) instead of the model's own.
    MatchScorer(const MatchModel& model, const TermFrequencies* frequencies, double priorWeight);

    /// The prior weight every score starts from.
    double priorWeight() const noexcept { return m_priorWeight; }
    void setPriorWeight(double priorWeight) noexcept { m_priorWeight = priorWeight; }

    MatchScore score(const PersonRecord& a, const PersonRecord& b) const;
    /// The same with both records already prepared (PreparedRecord::from of the same records).
    MatchScore
    score(const PersonRecord& a, const PreparedRecord& pa, const PersonRecord& b, const PreparedRecord& pb) const;
    /// Only the total weight (no explanation built): for ranking many candidates fast.
    double totalWeight(const PreparedRecord& pa, const PreparedRecord& pb) const;
    /// totalWeight() when it can reach `floor`; std::nullopt as soon as the fields compared so far plus the largest
    /// weight the remaining ones could add (MatchModel::maxWeight, 0 for a field one side has not recorded) fall
    /// short of it. Compares the cheap fields first (birth date, identifiers, postcode), then the names, the
    /// addresses (Jaro–Winkler over long text) last, so that most pairs of a block stop before the costly ones.
    std::optional<double> weightIfReaches(const PreparedRecord& pa, const PreparedRecord& pb, double floor) const;

    /// The largest weights one record's names can add to any of its pairs: its exact match weighed by its own
    /// frequency (term frequency), or the best other level. Tighter than MatchModel::maxWeight; computed once for a
    /// record compared with many.
    struct NameBounds {
        double family = 0.0;
        double given = 0.0;
    };
    NameBounds nameBounds(const PreparedRecord& pa) const;
    /// weightIfReaches with `pa`'s nameBounds already computed.
    std::optional<double> weightIfReaches(const PreparedRecord& pa,
                                          const PreparedRecord& pb,
                                          double floor,
                                          const NameBounds& boundsOfA) const;

    /// The level one field lands on; `similarity` receives the Jaro–Winkler value when the level is graded on it.
    Level compare(Field field, const PreparedRecord& pa, const PreparedRecord& pb, double* similarity = nullptr) const;

    /// 2^w / (1 + 2^w).
    static double probability(double totalWeight) noexcept;

private:
    /// The level's weight for this pair, and the part of it term frequency added.
    double weightOf(Field field, Level level, const PreparedRecord& pa, double* tfAdjustment) const;

    const MatchModel& m_model;
    const TermFrequencies* m_frequencies;
    double m_priorWeight;
};

} // namespace wb::core::matching
