// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/nom/Facts.h"

namespace wb::core::nom {

class QuestionCatalogue;
struct ConditionNode; // defined in Condition.cpp

/// Why a condition held: one leaf condition (or a condition carrying its own "reason"), in English.
struct Reason {
    std::string fact; ///< the fact the reason is about; empty for a "reason" written on an all/any/not
    std::string text; ///< "Suspect's identity known: yes", or the condition's own "reason" string
    friend bool operator==(const Reason&, const Reason&) = default;
};

struct Evaluation {
    bool holds = false;
    /// When holds: the leaf conditions that made it hold, in the condition's own order, without duplicates.
    /// Empty when the condition does not hold, and for Condition::always().
    std::vector<Reason> reasons;
};

/// A parsed, immutable condition over the facts (the JSON language is described in resources/nom/README.md):
///   {"all": [c, ...]}  {"any": [c, ...]}  {"not": c}
///   {"equals": {"fact": k, "value": v}}     {"in": {"fact": k, "values": [v, ...]}}
///   {"present": {"fact": k}}                {"absent": {"fact": k}}
///   {"gt"|"gte"|"lt"|"lte": {"fact": k, "value": number}}
///   {"within"|"olderThan": {"fact": k, "hours": n}}   (or "days": n)
/// plus an optional "reason": "plain English" on any condition object.
///
/// Evaluation is two-valued: a comparison on a fact that is absent (or holds a value of the wrong type) is
/// false, so {"not": {"equals": ...}} holds when the fact is not known. Time comparisons take `now` from the
/// caller; `within` holds when now - N <= t <= now, `olderThan` when t < now - N (a future instant is
/// neither). Copies share the parsed tree, so a Condition is cheap to copy.
class Condition
{
public:
    /// The condition that always holds (an enquiry whose "when" is "always"), with no reasons.
    Condition() = default;
    static Condition always() { return {}; }

    /// Parses a condition written in JSON against the facts the question catalogue defines. Throws
    /// Error(ReferenceData) "<where>: '<path>': ..." for malformed JSON, an unknown operator or field, a fact
    /// key no question defines, or a value that does not fit the question (wrong type, not an option).
    static Condition
    fromJson(std::string_view json, const QuestionCatalogue& questions, std::string_view where = "condition");

    bool isAlways() const noexcept { return m_root == nullptr; }
    /// Pure: the same condition, facts and now give the same result.
    Evaluation evaluate(const Facts& facts, Instant now) const;
    bool holds(const Facts& facts, Instant now) const;
    /// Every fact key the condition names, sorted, without duplicates.
    std::vector<std::string> factKeys() const;
    /// The condition in English for a reviewer, e.g.
    /// "all of (Relationship is one of: Ex-partner or ex-spouse; Suspect's identity known is yes)". "always".
    std::string describe() const;

    /// Used by the parser; callers use fromJson.
    explicit Condition(std::shared_ptr<const ConditionNode> root)
        : m_root(std::move(root))
    {
    }

private:
    std::shared_ptr<const ConditionNode> m_root;
};

} // namespace wb::core::nom
