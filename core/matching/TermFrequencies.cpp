// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/matching/TermFrequencies.h"

namespace wb::core::matching {

TermFrequencies TermFrequencies::build(std::span<const PersonRecord> records)
{
    TermFrequencies tf;
    for (const auto& record : records) {
        tf.add(PreparedRecord::from(record));
    }
    return tf;
}

TermFrequencies TermFrequencies::build(std::span<const PreparedRecord> records)
{
    TermFrequencies tf;
    for (const auto& record : records) {
        tf.add(record);
    }
    return tf;
}

void TermFrequencies::add(const PreparedRecord& record)
{
    if (!record.given.empty()) {
        ++m_given[record.given];
        ++m_givenValues;
    }
    if (!record.family.empty()) {
        ++m_family[record.family];
        ++m_familyValues;
    }
}

void TermFrequencies::remove(const PreparedRecord& record)
{
    const auto take = [](std::unordered_map<std::string, std::size_t>& counts, std::size_t& values,
                         const std::string& value) {
        const auto it = counts.find(value);
        if (it == counts.end()) {
            return;
        }
        if (--it->second == 0) {
            counts.erase(it);
        }
        --values;
    };
    if (!record.given.empty()) {
        take(m_given, m_givenValues, record.given);
    }
    if (!record.family.empty()) {
        take(m_family, m_familyValues, record.family);
    }
}

double TermFrequencies::frequency(Field field, const std::string& normalisedValue) const
{
    const auto* counts = field == Field::GivenName ? &m_given : field == Field::FamilyName ? &m_family : nullptr;
    if (counts == nullptr) {
        return 0.0;
    }
    const auto it = counts->find(normalisedValue);
    const std::size_t total = values(field);
    if (it == counts->end() || total == 0) {
        return 0.0;
    }
    return static_cast<double>(it->second) / static_cast<double>(total);
}

std::size_t TermFrequencies::values(Field field) const noexcept
{
    return field == Field::GivenName ? m_givenValues : field == Field::FamilyName ? m_familyValues : 0;
}

} // namespace wb::core::matching
