// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/matching/Estimation.h"

#include <map>
#include <random>
#include <string>
#include <vector>

#include "core/matching/MatchCodes.h"
#include "core/matching/MatchScorer.h"
#include "core/matching/PreparedRecord.h"

namespace wb::core::matching {

UEstimate estimateU(const MatchModel& model,
                    std::span<const PersonRecord> records,
                    std::size_t pairs,
                    std::uint64_t seed,
                    std::size_t minimumCompared)
{
    UEstimate result{model, 0, {}, {}};
    if (records.size() < 2 || pairs == 0) {
        return result;
    }
    std::vector<PreparedRecord> prepared;
    prepared.reserve(records.size());
    for (const auto& r : records) {
        prepared.push_back(PreparedRecord::from(r));
    }
    const MatchScorer scorer(model);
    std::mt19937_64 random(seed);
    std::uniform_int_distribution<std::size_t> pick(0, records.size() - 1);
    std::array<std::map<Level, std::size_t>, 10> counts;
    for (std::size_t k = 0; k < pairs; ++k) {
        const std::size_t a = pick(random);
        std::size_t b = pick(random);
        while (b == a) {
            b = pick(random);
        }
        ++result.pairsSampled;
        for (const Field field : allFields()) {
            const Level level = scorer.compare(field, prepared[a], prepared[b]);
            if (level != Level::NotCompared) {
                ++counts[static_cast<std::size_t>(field)][level];
                ++result.compared[static_cast<std::size_t>(field)];
            }
        }
    }
    for (const Field field : allFields()) {
        const auto f = static_cast<std::size_t>(field);
        const std::size_t compared = result.compared[f];
        if (compared < minimumCompared) {
            continue;
        }
        const auto levels = levelsOf(field);
        const double denominator = static_cast<double>(compared) + 0.5 * static_cast<double>(levels.size());
        for (const Level level : levels) {
            const auto it = counts[f].find(level);
            const double count = it == counts[f].end() ? 0.0 : static_cast<double>(it->second);
            const std::string source =
                "u estimated from " + std::to_string(compared) + " of " + std::to_string(result.pairsSampled) +
                " random pairs of the workspace's records; m: " + model.parameters(field, level).source;
            result.model.setU(field, level, (count + 0.5) / denominator, source);
        }
        result.estimated[f] = true;
    }
    return result;
}

} // namespace wb::core::matching
