// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/nom/Facts.h"

#include <array>

#include <nlohmann/json.hpp>

namespace wb::core::nom {

namespace {

struct TypeName {
    AnswerType type;
    std::string_view name;
};

constexpr std::array<TypeName, 7> TypeNames{{
    {AnswerType::YesNo, "yes-no"},
    {AnswerType::Choice, "choice"},
    {AnswerType::MultiChoice, "multi-choice"},
    {AnswerType::Text, "text"},
    {AnswerType::Number, "number"},
    {AnswerType::Instant, "instant"},
    {AnswerType::DateRange, "date-range"},
}};

nlohmann::json toJsonValue(const FactValue& value)
{
    struct Visitor {
        nlohmann::json operator()(bool b) const { return b; }
        nlohmann::json operator()(double d) const { return d; }
        nlohmann::json operator()(const std::string& s) const { return s; }
        nlohmann::json operator()(const TextList& list) const { return list; }
        nlohmann::json operator()(Instant t) const { return toIsoUtc(t); }
        nlohmann::json operator()(const DateRange& r) const
        {
            return nlohmann::json{{"from", toIsoUtc(r.from)}, {"to", toIsoUtc(r.to)}};
        }
    };
    return std::visit(Visitor{}, value);
}

} // namespace

std::string_view toString(AnswerType type) noexcept
{
    for (const auto& entry : TypeNames) {
        if (entry.type == type) {
            return entry.name;
        }
    }
    return "unknown";
}

std::optional<AnswerType> answerTypeFromString(std::string_view name) noexcept
{
    for (const auto& entry : TypeNames) {
        if (entry.name == name) {
            return entry.type;
        }
    }
    return std::nullopt;
}

bool holdsType(const FactValue& value, AnswerType type) noexcept
{
    switch (type) {
    case AnswerType::YesNo: return std::holds_alternative<bool>(value);
    case AnswerType::Number: return std::holds_alternative<double>(value);
    case AnswerType::Choice:
    case AnswerType::Text: return std::holds_alternative<std::string>(value);
    case AnswerType::MultiChoice: return std::holds_alternative<TextList>(value);
    case AnswerType::Instant: return std::holds_alternative<Instant>(value);
    case AnswerType::DateRange: return std::holds_alternative<DateRange>(value);
    }
    return false;
}

std::string factValueToJson(const FactValue& value)
{
    return toJsonValue(value).dump();
}

std::string factsToJson(const Facts& facts)
{
    nlohmann::json out = nlohmann::json::object();
    for (const auto& [key, value] : facts) {
        out[key] = toJsonValue(value);
    }
    return out.dump();
}

} // namespace wb::core::nom
