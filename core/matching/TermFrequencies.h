// SPDX-License-Identifier: GPL-3.0-or-later
// Repeat-suspect matching: how often each name value occurs among a set of records, so that an exact match on a
// common surname counts for less than one on a rare surname (term-frequency adjustment, as Splink does; issue 16).
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <unordered_map>

#include "core/matching/MatchTypes.h"
#include "core/matching/PreparedRecord.h"

namespace wb::core::matching {

class TermFrequencies
{
public:
    /// Counts the normalised given and family names of the records (each record once per field).
    static TermFrequencies build(std::span<const PersonRecord> records);
    static TermFrequencies build(std::span<const PreparedRecord> records);

    /// The share of recorded values of the field equal to the normalised value, 0 when not seen; only the name
    /// fields are counted (other fields give 0).
    double frequency(Field field, const std::string& normalisedValue) const;
    /// How many values of the field were recorded.
    std::size_t values(Field field) const noexcept;

    /// Counts one more record's names (a person added to an index).
    void add(const PreparedRecord& record);
    /// Takes back a record's names counted before (a person changed or removed): the counts as if it had never
    /// been added.
    void remove(const PreparedRecord& record);

private:
    std::unordered_map<std::string, std::size_t> m_given;
    std::unordered_map<std::string, std::size_t> m_family;
    std::size_t m_givenValues = 0;
    std::size_t m_familyValues = 0;
};

} // namespace wb::core::matching
