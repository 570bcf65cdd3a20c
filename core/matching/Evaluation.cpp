// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/matching/Evaluation.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "core/Error.h"

namespace wb::core::matching {

namespace {

bool allDigits(std::string_view text)
{
    return !text.empty() &&
           std::all_of(text.begin(), text.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

} // namespace

std::optional<std::string> Evaluation::entityOf(std::string_view recordId)
{
    constexpr std::string_view Prefix = "rec-";
    if (recordId.substr(0, Prefix.size()) != Prefix) {
        return std::nullopt;
    }
    const std::string_view rest = recordId.substr(Prefix.size());
    const auto dash = rest.find('-');
    if (dash == std::string_view::npos || !allDigits(rest.substr(0, dash))) {
        return std::nullopt;
    }
    const std::string_view kind = rest.substr(dash + 1);
    constexpr std::string_view Dup = "dup-";
    if (kind != "org" && !(kind.substr(0, Dup.size()) == Dup && allDigits(kind.substr(Dup.size())))) {
        return std::nullopt;
    }
    return std::string(rest.substr(0, dash));
}

Evaluation::Evaluation(const std::vector<std::string>& recordIds)
{
    std::unordered_map<std::string, std::size_t> sizes;
    for (const auto& id : recordIds) {
        auto entity = entityOf(id);
        if (!entity) {
            throw Error(ErrorCode::Validation, "'" + id + "' is not a record id of the form rec-N-org or rec-N-dup-K",
                        "rec_id");
        }
        if (!m_entityOf.emplace(id, *entity).second) {
            throw Error(ErrorCode::Validation, "the record id '" + id + "' appears more than once", "rec_id");
        }
        ++sizes[*entity];
    }
    for (const auto& [entity, n] : sizes) {
        m_truePairs += n * (n - 1) / 2;
    }
}

const std::string& Evaluation::entity(const std::string& recordId) const
{
    const auto found = m_entityOf.find(recordId);
    if (found == m_entityOf.end()) {
        throw Error(ErrorCode::Validation, "the record id '" + recordId + "' is not among the evaluated records",
                    "rec_id");
    }
    return found->second;
}

bool Evaluation::isSamePerson(const std::string& a, const std::string& b) const
{
    return entity(a) == entity(b);
}

PairMetrics Evaluation::score(const std::vector<std::pair<std::string, std::string>>& predicted) const
{
    std::set<std::pair<std::string, std::string>> distinct;
    PairMetrics m;
    m.truePairs = m_truePairs;
    for (const auto& [a, b] : predicted) {
        const bool same = isSamePerson(a, b); // refuses unknown ids first
        if (a == b) {
            throw Error(ErrorCode::Validation, "the record '" + a + "' is paired with itself", "rec_id");
        }
        if (distinct.insert(a < b ? std::pair(a, b) : std::pair(b, a)).second && same) {
            ++m.truePositives;
        }
    }
    m.predictedPairs = distinct.size();
    m.precision = m.predictedPairs == 0 ? 0.0 : static_cast<double>(m.truePositives) / m.predictedPairs;
    m.recall = m.truePairs == 0 ? 0.0 : static_cast<double>(m.truePositives) / m.truePairs;
    m.f1 = m.precision + m.recall == 0.0 ? 0.0 : 2.0 * m.precision * m.recall / (m.precision + m.recall);
    return m;
}

} // namespace wb::core::matching
