// SPDX-License-Identifier: GPL-3.0-or-later
// Repeat-suspect matching: a PersonRecord's values normalised once, so that scoring many pairs does not normalise
// the same record again (issue 16).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/matching/MatchTypes.h"
#include "core/matching/Normalise.h"

namespace wb::core::matching {

/// A calendar date as numbers, with its day count for distances.
struct BirthDate {
    int year = 0;
    int month = 0;
    int day = 0;
    long days = 0; ///< days since 1970-01-01
};

/// A name split for comparing: given names and family name (an alias "Jonny Smyth" → "jonny" / "smyth").
struct NameParts {
    std::string given;
    std::string family;
};

struct PreparedRecord {
    std::string given;  ///< normalised given name
    std::string family; ///< normalised family name
    std::string givenCode;
    std::string familyCode;
    std::vector<NameParts> aliases;
    std::optional<BirthDate> birthDate;
    std::optional<int> ageYears;
    std::optional<BirthDate> ageOn;
    std::vector<std::string> phones;
    std::vector<std::string> emails;
    std::vector<std::string> handles;
    std::vector<std::string> vehicles;
    std::vector<std::string> policeIds;
    std::vector<std::string> addresses; ///< without their postcodes
    std::vector<Postcode> postcodes;
    /// One bit per Field (1 << Field): set when the record has something to compare for it (a birth date or an age
    /// for BirthDate). A field whose bit is not set in both records of a pair can only be NotCompared.
    unsigned recorded = 0;

    /// Normalises every value of the record; values that normalise to nothing are left out. An invalid date is
    /// treated as not recorded.
    static PreparedRecord from(const PersonRecord& record);
};

/// A "YYYY-MM-DD" date, or nothing when the text is not a valid date.
std::optional<BirthDate> parseDate(const std::string& text);

} // namespace wb::core::matching
