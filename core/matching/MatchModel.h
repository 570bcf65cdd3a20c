// SPDX-License-Identifier: GPL-3.0-or-later
// Repeat-suspect matching: the model's parameters, read from resources/matching/match-model.json (issue 16).
#pragma once

#include <array>
#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "core/matching/MatchTypes.h"

namespace wb::core::matching {

/// One comparison level's parameters: m = P(level | same person), u = P(level | different people).
struct LevelParameters {
    Level level = Level::Different;
    double m = 0.0;
    double u = 0.0;
    std::string source; ///< why these values (the JSON's "source")
};

/// The Fellegi–Sunter model: prior, levels per field, Jaro–Winkler bands, term-frequency settings, blocking cap and
/// the threshold at which a pair is proposed to the officer.
class MatchModel
{
public:
    /// Reads and validates the file. Throws Error(ReferenceData) "<file>: <where>: <what>" naming the problem.
    static MatchModel load(const std::filesystem::path& file);
    /// Validates the JSON text; `origin` names it in errors. Every field must be present once, each with exactly the
    /// levels its comparison can land on (MatchCodes levelsOf), m and u in (0, 1) and each summing to 1 (±0.01)
    /// over a field's levels, a non-empty "source" for every level; prior and threshold in (0, 1); 0 < medium band <
    /// high band < 1; unknown keys refused.
    static MatchModel fromJson(std::string_view json, std::string_view origin);
    /// The model as JSON in the same format (the estimate command writes fitted u-probabilities with it).
    std::string toJson() const;

    const std::string& version() const noexcept { return m_version; }
    /// λ: the probability that two records picked at random are the same person.
    double priorProbability() const noexcept { return m_prior; }
    /// log2(λ / (1 − λ)).
    double priorWeight() const noexcept;
    /// The number of records the prior was reasoned for ("forRecords"); 0 when the model's prior does not scale.
    std::size_t priorRecords() const noexcept { return m_priorRecords; }
    /// λ for a set of `records` records, as Splink's prior: the chance that two records picked at random are the
    /// same person, about (expected same-person pairs) / (pairs). The same-person pairs grow with the number of
    /// records and the pairs with its square, so λ falls as 1 / (n − 1) above priorRecords(): λ · (N₀ − 1) / (n − 1).
    /// Never above λ (a small set is not given a more generous prior than the one reasoned for); λ itself when the
    /// prior does not scale.
    double priorProbabilityFor(std::size_t records) const noexcept;
    /// log2(λₙ / (1 − λₙ)) of priorProbabilityFor(records).
    double priorWeightFor(std::size_t records) const noexcept;
    /// A pair is proposed when its match probability is at least this.
    double threshold() const noexcept { return m_threshold; }
    double jaroWinklerHigh() const noexcept { return m_jwHigh; }
    double jaroWinklerMedium() const noexcept { return m_jwMedium; }
    /// Term frequency: fields it applies to (exact level only), the least u it may give, and the least number of
    /// recorded values before a workspace's own frequencies are trusted over the level's u.
    bool termFrequencyFor(Field field) const noexcept;
    double termFrequencyMinimumU() const noexcept { return m_tfMinimumU; }
    std::size_t termFrequencyMinimumValues() const noexcept { return m_tfMinimumValues; }
    /// Blocks larger than this are too common to narrow the search and are not used.
    std::size_t maxBlockSize() const noexcept { return m_maxBlockSize; }
    /// A name block larger than this is not walked whole: its records are met by birth year (a name block) or by
    /// birth day and month (a given name and birth year block) instead (CandidateIndex). The JSON's
    /// "splitBlockSize"; maxBlockSize() when the file has none (nothing is split).
    std::size_t splitBlockSize() const noexcept { return m_splitBlockSize; }

    /// The parameters of a level of a field; throws Error(ReferenceData) when the field does not use the level.
    const LevelParameters& parameters(Field field, Level level) const;
    /// log2(m / u) of a level; 0 for NotCompared.
    double weight(Field field, Level level) const;
    /// The largest weight the field can add to a pair (term frequency included: log2(m_exact / minimumU) where it
    /// applies); never below 0. Scoring stops early when even these cannot reach the threshold.
    double maxWeight(Field field) const noexcept { return m_maxWeights[static_cast<std::size_t>(field)]; }

    /// True when the two normalised given names are different forms of one name in the nickname table (Bill and
    /// William, Kate and Katherine): compared as the nickname level.
    bool areNicknames(const std::string& a, const std::string& b) const;
    /// The first (formal) name of every nickname group the normalised given name is in; empty when in none.
    std::vector<std::string> formalNamesOf(const std::string& name) const;
    /// Replaces a level's u (estimation); keeps m and notes the new source.
    void setU(Field field, Level level, double u, const std::string& source);

private:
    void computeWeights();
    void readNicknames(const nlohmann::json& object, std::string_view origin);

    std::string m_version;
    std::string m_description;
    double m_prior = 0.0;
    std::size_t m_priorRecords = 0;
    std::string m_priorSource;
    double m_threshold = 0.0;
    std::string m_thresholdSource;
    double m_jwHigh = 0.0;
    double m_jwMedium = 0.0;
    std::string m_similaritySource;
    std::vector<Field> m_tfFields;
    double m_tfMinimumU = 0.0;
    std::size_t m_tfMinimumValues = 0;
    std::string m_tfSource;
    std::size_t m_maxBlockSize = 0;
    std::size_t m_splitBlockSize = 0;
    std::string m_blockingSource;
    std::array<std::vector<LevelParameters>, 10> m_fields; ///< indexed by Field
    static constexpr std::size_t kLevels = static_cast<std::size_t>(Level::Different) + 1;
    std::array<std::array<double, kLevels>, 10> m_weights{}; ///< log2(m / u) by Field and Level (0: not used)
    std::array<double, 10> m_maxWeights{};                   ///< by Field
    std::vector<std::vector<std::string>> m_nicknameGroups;  ///< each: the formal name first, then its other forms
    std::unordered_map<std::string, std::vector<std::size_t>> m_nicknameIndex; ///< name → its groups
    std::string m_nicknameSource;
};

} // namespace wb::core::matching
