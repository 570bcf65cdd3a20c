// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/domain/Time.h"

namespace wb::core::nom {

/// A period known only approximately: the offence happened somewhere between from and to (both UTC,
/// from <= to). Time comparisons and deadlines on a range use `to`, the latest possible instant.
struct DateRange {
    Instant from;
    Instant to;
    friend bool operator==(const DateRange&, const DateRange&) = default;
};

using TextList = std::vector<std::string>;

/// One answer about a case. Which alternative a fact holds is fixed by its question's AnswerType:
///   YesNo -> bool, Number -> double, Choice and Text -> std::string, MultiChoice -> TextList,
///   Instant -> Instant, DateRange -> DateRange.
using FactValue = std::variant<bool, double, std::string, TextList, Instant, DateRange>;

/// The answers about one case: fact key (= question id, e.g. "suspect.known") -> value.
/// A key that is not in the map is "not known yet" (the `absent` condition).
using Facts = std::map<std::string, FactValue, std::less<>>;

/// How a question is answered; see FactValue for the value each type holds.
enum class AnswerType { YesNo, Choice, MultiChoice, Text, Number, Instant, DateRange };

/// "yes-no", "choice", "multi-choice", "text", "number", "instant", "date-range" (the names used in the JSON).
std::string_view toString(AnswerType type) noexcept;
/// The inverse of toString(AnswerType); std::nullopt for anything else.
std::optional<AnswerType> answerTypeFromString(std::string_view name) noexcept;

/// Whether the value holds the alternative that the answer type expects (no check of options or ranges).
bool holdsType(const FactValue& value, AnswerType type) noexcept;

/// The value as JSON text: true, 3.5, "text", ["a","b"], "2026-03-01T21:00:00Z",
/// {"from":"2026-03-01T00:00:00Z","to":"2026-03-02T00:00:00Z"}. Read back with QuestionCatalogue::answerFromJson.
std::string factValueToJson(const FactValue& value);
/// A JSON object of all facts, keys in order. Read back with QuestionCatalogue::factsFromJson.
std::string factsToJson(const Facts& facts);

} // namespace wb::core::nom
