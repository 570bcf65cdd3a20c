// SPDX-License-Identifier: GPL-3.0-or-later
// Repeat-suspect matching (issue 16): the types the engine, the decision store and the screens share.
// A Fellegi–Sunter model: each compared field lands on one comparison level, each level has m and u
// probabilities, its match weight is log2(m/u) (adjusted for term frequency where the model says so), and a pair's
// total weight is the prior weight plus the sum of its fields' weights. Qt-free and deterministic.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/domain/Person.h"

namespace wb::core::matching {

/// One recorded person as the engine sees them: what one case holds about them, as typed (the engine normalises).
/// Victims are compared only as candidates for a suspect, never as the subject of a search (README: the victim rule).
struct PersonRecord {
    std::int64_t personId = 0;
    std::string personUuid;
    std::int64_t caseId = 0;
    PersonRole role = PersonRole::Suspect;
    std::string givenName;
    std::string familyName;
    std::optional<std::string> dateOfBirth; ///< "YYYY-MM-DD"
    std::optional<int> ageYears;            ///< an age in years, when the date of birth is not known
    std::optional<std::string> ageOnDate;   ///< "YYYY-MM-DD": the day the age was true (the record's last update)
    std::vector<std::string> aliases;       ///< identifiers of kind "alias": other names and known-as names, whole
    std::vector<std::string> phones;        ///< identifiers of kind "phone"
    std::vector<std::string> emails;        ///< identifiers of kind "email"
    std::vector<std::string> handles;       ///< identifiers of kind "handle" (online usernames)
    std::vector<std::string> vehicles;      ///< identifiers of kind "vehicle" (registrations)
    std::vector<std::string> addresses;     ///< identifiers of kind "address" (free text, may hold a postcode)
    std::vector<std::string> policeIds;     ///< identifiers of kind "police-id"
};

/// What is compared. One comparison per field per pair; the order here is the order of an explanation.
enum class Field { FamilyName, GivenName, BirthDate, Phone, Email, Handle, Vehicle, Address, Postcode, PoliceId };

/// Where a comparison landed. The model's JSON names these by their code (levelCode); not every field uses every
/// level. The screens give each one words (ui/text), so a new level needs words there too.
enum class Level {
    NotCompared,     ///< one side (or both) has nothing recorded: weight 0
    Exact,           ///< the same after normalising
    Alias,           ///< one person's name equals an alias recorded for the other
    Nickname,        ///< given names that are forms of one name in the model's nickname table (Bill and William)
    Swapped,         ///< given name and surname swapped
    SimilarHigh,     ///< Jaro–Winkler at or above the model's high band
    SimilarMedium,   ///< Jaro–Winkler at or above the model's medium band
    Phonetic,        ///< the same phonetic code (Double Metaphone or similar)
    Initial,         ///< one is the initial of the other
    DayMonthSwapped, ///< birth dates with day and month transposed
    WithinAYear,     ///< birth dates no more than a year apart
    AgeConsistent,   ///< an age (no date of birth) consistent with the other's date of birth or age
    SameArea,        ///< postcodes sharing their outward code (district)
    Different,       ///< compared, and none of the above
};

/// One field's part in a score: the level, its weight and why.
struct Contribution {
    Field field = Field::FamilyName;
    Level level = Level::NotCompared;
    double weight = 0.0;                  ///< match weight, log2 Bayes factor, after any term-frequency adjustment
    double termFrequencyAdjustment = 0.0; ///< the part of weight that term frequency added (negative: common value)
    std::optional<double> similarity;     ///< the Jaro–Winkler similarity, when the level is graded on it
    std::string valueA;                   ///< the compared values as recorded (for the explanation; personal data)
    std::string valueB;
};

/// A pair's score: prior weight plus every contribution; probability = 2^w / (1 + 2^w).
struct MatchScore {
    double priorWeight = 0.0;
    double totalWeight = 0.0;
    double probability = 0.0;
    std::vector<Contribution> contributions; ///< one per Field, in Field order
};

} // namespace wb::core::matching
