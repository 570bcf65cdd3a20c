// SPDX-License-Identifier: GPL-3.0-or-later
// Repeat-suspect matching: fitting the u-probabilities to a workspace's own records (issue 16; the estimate command).
// Two records drawn at random are almost never the same person, so how often random pairs land on each level
// estimates u = P(level | different people), as Splink's estimate_u_using_random_sampling does.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>

#include "core/matching/MatchModel.h"
#include "core/matching/MatchTypes.h"

namespace wb::core::matching {

struct UEstimate {
    MatchModel model;                       ///< the input model with fitted u-probabilities where data sufficed
    std::size_t pairsSampled = 0;           ///< random pairs compared
    std::array<std::size_t, 10> compared{}; ///< per Field (by its value): pairs where both sides had a value
    std::array<bool, 10> estimated{};       ///< per Field: whether its u-probabilities were replaced
};

/// Samples `pairs` random pairs of distinct records (deterministic for a seed) and, for each field compared in at
/// least `minimumCompared` of them, sets every level's u to (count + 0.5) / (compared + 0.5 × levels) — the
/// half-count keeps a level never seen above 0 and the u's summing to 1. m-probabilities are kept. Fewer than two
/// records: the model unchanged.
UEstimate estimateU(const MatchModel& model,
                    std::span<const PersonRecord> records,
                    std::size_t pairs,
                    std::uint64_t seed,
                    std::size_t minimumCompared = 100);

} // namespace wb::core::matching
