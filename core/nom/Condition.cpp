// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/nom/Condition.h"

#include <algorithm>
#include <set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/nom/NomJson.h"
#include "core/nom/QuestionCatalogue.h"

namespace wb::core::nom {

namespace detail {

enum class Op { All, Any, Not, Equals, In, Present, Absent, Gt, Gte, Lt, Lte, Within, OlderThan };

/// What a leaf needs to know about its fact, copied from the question so that a parsed condition stands alone.
struct FactRef {
    std::string key;
    std::string label;
    AnswerType type = AnswerType::YesNo;
    std::vector<AnswerOption> options;
};

} // namespace detail

struct ConditionNode {
    detail::Op op = detail::Op::All;
    std::string reason;                                         ///< the author's own "reason", may be empty
    std::vector<std::shared_ptr<const ConditionNode>> children; ///< all / any / not
    detail::FactRef fact;                                       ///< leaves
    FactValue value;                                            ///< equals
    std::vector<std::string> values;                            ///< in
    double number = 0;                                          ///< gt / gte / lt / lte
    std::chrono::seconds duration{0};                           ///< within / olderThan
};

namespace {

using detail::FactRef;
using detail::Op;
using Node = ConditionNode;
using json = nlohmann::json;

constexpr int MaxDepth = 32;

struct OpName {
    std::string_view name;
    Op op;
};

constexpr OpName OpNames[] = {
    {"all", Op::All},
    {"any", Op::Any},
    {"not", Op::Not},
    {"equals", Op::Equals},
    {"in", Op::In},
    {"present", Op::Present},
    {"absent", Op::Absent},
    {"gt", Op::Gt},
    {"gte", Op::Gte},
    {"lt", Op::Lt},
    {"lte", Op::Lte},
    {"within", Op::Within},
    {"olderThan", Op::OlderThan},
};

// ---------------------------------------------------------------- rendering

std::string formatNumber(double value)
{
    return fmt::format("{}", value);
}

std::string formatDuration(std::chrono::seconds duration)
{
    const auto hours = std::chrono::duration_cast<std::chrono::hours>(duration).count();
    if (hours % 24 == 0) {
        const auto days = hours / 24;
        return days == 1 ? "1 day" : fmt::format("{} days", days);
    }
    return hours == 1 ? "1 hour" : fmt::format("{} hours", hours);
}

std::string optionLabel(const FactRef& fact, const std::string& value)
{
    for (const auto& option : fact.options) {
        if (option.value == value) {
            return option.label;
        }
    }
    return "\"" + value + "\"";
}

std::string joinLabels(const FactRef& fact, const std::vector<std::string>& values, std::string_view separator)
{
    std::string out;
    for (const auto& value : values) {
        if (!out.empty()) {
            out += separator;
        }
        out += optionLabel(fact, value);
    }
    return out;
}

std::string valueLabel(const FactRef& fact, const FactValue& value)
{
    struct Visitor {
        const FactRef& fact;
        std::string operator()(bool b) const { return b ? "yes" : "no"; }
        std::string operator()(double d) const { return formatNumber(d); }
        std::string operator()(const std::string& s) const { return optionLabel(fact, s); }
        std::string operator()(const TextList& list) const
        {
            return list.empty() ? std::string("none") : joinLabels(fact, list, ", ");
        }
        std::string operator()(Instant t) const { return toIsoUtc(t); }
        std::string operator()(const DateRange& r) const { return toIsoUtc(r.from) + " to " + toIsoUtc(r.to); }
    };
    return std::visit(Visitor{fact}, value);
}

// ---------------------------------------------------------------- evaluation

const FactValue* lookup(const Facts& facts, const FactRef& fact)
{
    const auto it = facts.find(fact.key);
    return it == facts.end() || !holdsType(it->second, fact.type) ? nullptr : &it->second;
}

std::optional<Instant> latestInstant(const FactValue& value)
{
    if (const auto* t = std::get_if<Instant>(&value)) {
        return *t;
    }
    if (const auto* r = std::get_if<DateRange>(&value)) {
        return r->to;
    }
    return std::nullopt;
}

bool contains(const std::vector<std::string>& values, const std::string& value)
{
    return std::find(values.begin(), values.end(), value) != values.end();
}

/// The selected items of a list fact that are among the condition's values, in the fact's order.
std::vector<std::string> matchedItems(const TextList& list, const std::vector<std::string>& values)
{
    std::vector<std::string> out;
    for (const auto& item : list) {
        if (contains(values, item) && !contains(out, item)) {
            out.push_back(item);
        }
    }
    return out;
}

bool evalLeaf(const Node& n, const Facts& facts, Instant now)
{
    const auto* value = lookup(facts, n.fact);
    const bool known = facts.find(n.fact.key) != facts.end();
    switch (n.op) {
    case Op::Present: return known;
    case Op::Absent: return !known;
    case Op::Equals: return value != nullptr && *value == n.value;
    case Op::In:
        if (value == nullptr) {
            return false;
        }
        if (const auto* s = std::get_if<std::string>(value)) {
            return contains(n.values, *s);
        }
        if (const auto* list = std::get_if<TextList>(value)) {
            return !matchedItems(*list, n.values).empty();
        }
        return false;
    case Op::Gt:
    case Op::Gte:
    case Op::Lt:
    case Op::Lte: {
        const auto* d = value == nullptr ? nullptr : std::get_if<double>(value);
        if (d == nullptr) {
            return false;
        }
        switch (n.op) {
        case Op::Gt: return *d > n.number;
        case Op::Gte: return *d >= n.number;
        case Op::Lt: return *d < n.number;
        default: return *d <= n.number;
        }
    }
    case Op::Within:
    case Op::OlderThan: {
        const auto t = value == nullptr ? std::nullopt : latestInstant(*value);
        if (!t) {
            return false;
        }
        const Instant edge = now - n.duration;
        return n.op == Op::Within ? (edge <= *t && *t <= now) : (*t < edge);
    }
    default: return false;
    }
}

bool eval(const Node& n, const Facts& facts, Instant now)
{
    switch (n.op) {
    case Op::All:
        return std::all_of(n.children.begin(), n.children.end(), [&](const auto& c) { return eval(*c, facts, now); });
    case Op::Any:
        return std::any_of(n.children.begin(), n.children.end(), [&](const auto& c) { return eval(*c, facts, now); });
    case Op::Not: return !eval(*n.children.front(), facts, now);
    default: return evalLeaf(n, facts, now);
    }
}

std::string comparisonText(Op op, double number)
{
    switch (op) {
    case Op::Gt: return "more than " + formatNumber(number);
    case Op::Gte: return formatNumber(number) + " or more";
    case Op::Lt: return "less than " + formatNumber(number);
    default: return formatNumber(number) + " or less";
    }
}

/// Why a leaf is true (holds == true) or why it is false (holds == false), as "<label>: <what>".
std::string leafReason(const Node& n, const Facts& facts, bool holds)
{
    const auto& label = n.fact.label;
    const auto it = facts.find(n.fact.key);
    if (it == facts.end()) {
        return label + ": not yet recorded";
    }
    const auto* value = lookup(facts, n.fact);
    if (value == nullptr) {
        return label + ": recorded in an unexpected form";
    }
    switch (n.op) {
    case Op::Present:
    case Op::Absent:
    case Op::Equals: return label + ": " + valueLabel(n.fact, *value);
    case Op::In:
        if (const auto* list = std::get_if<TextList>(value)) {
            return holds ? label + ": includes " + joinLabels(n.fact, matchedItems(*list, n.values), ", ")
                         : label + ": includes none of " + joinLabels(n.fact, n.values, ", ");
        }
        return label + ": " + valueLabel(n.fact, *value);
    case Op::Gt:
    case Op::Gte:
    case Op::Lt:
    case Op::Lte:
        return label + ": " + valueLabel(n.fact, *value) + " (" + (holds ? "" : "not ") +
               comparisonText(n.op, n.number) + ")";
    case Op::Within: return label + ": " + (holds ? "" : "not ") + "within the last " + formatDuration(n.duration);
    case Op::OlderThan:
        return label + ": " + (holds ? "" : "not ") + "more than " + formatDuration(n.duration) + " ago";
    default: return label;
    }
}

void addReason(std::vector<Reason>& out, Reason reason)
{
    if (std::find(out.begin(), out.end(), reason) == out.end()) {
        out.push_back(std::move(reason));
    }
}

/// Explains a node whose value is `holds`: for true, the conditions that made it hold; for false (under a
/// `not`), the conditions that made it fail. An author's "reason" is used for a node that holds.
void explain(const Node& n, const Facts& facts, Instant now, bool holds, std::vector<Reason>& out)
{
    if (holds && !n.reason.empty()) {
        addReason(out, {n.children.empty() ? n.fact.key : std::string(), n.reason});
        return;
    }
    switch (n.op) {
    case Op::All:
    case Op::Any:
        // all true / any false: every child explains; all false / any true: the children that decided it.
        for (const auto& child : n.children) {
            if (eval(*child, facts, now) == holds) {
                explain(*child, facts, now, holds, out);
            }
        }
        return;
    case Op::Not: explain(*n.children.front(), facts, now, !holds, out); return;
    default: addReason(out, {n.fact.key, leafReason(n, facts, holds)}); return;
    }
}

void collectKeys(const Node& n, std::set<std::string>& keys)
{
    if (n.children.empty()) {
        keys.insert(n.fact.key);
    }
    for (const auto& child : n.children) {
        collectKeys(*child, keys);
    }
}

std::string describeNode(const Node& n)
{
    const auto& label = n.fact.label;
    switch (n.op) {
    case Op::All:
    case Op::Any: {
        std::string out = n.op == Op::All ? "all of (" : "any of (";
        for (std::size_t i = 0; i < n.children.size(); ++i) {
            out += (i == 0 ? "" : "; ") + describeNode(*n.children[i]);
        }
        return out + ")";
    }
    case Op::Not: return "not (" + describeNode(*n.children.front()) + ")";
    case Op::Equals: return label + " is " + valueLabel(n.fact, n.value);
    case Op::In:
        return label + (n.fact.type == AnswerType::MultiChoice ? " includes any of: " : " is one of: ") +
               joinLabels(n.fact, n.values, ", ");
    case Op::Present: return label + " is recorded";
    case Op::Absent: return label + " is not recorded";
    case Op::Gt:
    case Op::Gte:
    case Op::Lt:
    case Op::Lte: return label + " is " + comparisonText(n.op, n.number);
    case Op::Within: return label + " is within the last " + formatDuration(n.duration);
    case Op::OlderThan: return label + " is more than " + formatDuration(n.duration) + " ago";
    }
    return {};
}

// ---------------------------------------------------------------- parsing

struct Parser {
    const detail::QuestionLookup& lookup;
    std::string_view origin;
    std::string where;

    /// "<where>: '<path>'" (or "'<path>'" without a where): the lead of every message about that path.
    std::string at(const std::string& path) const
    {
        return (where.empty() ? std::string() : where + ": ") + "'" + path + "'";
    }

    [[noreturn]] void failAt(const std::string& path, const std::string& what) const
    {
        detail::fail(origin, at(path) + " " + what);
    }

    FactRef readFact(const json& operand, const std::string& path) const
    {
        const auto it = operand.find("fact");
        if (it == operand.end() || !it->is_string() || it->get_ref<const std::string&>().empty()) {
            failAt(path + ".fact", "must name a fact (a question id)");
        }
        const auto& key = it->get_ref<const std::string&>();
        const Question* question = lookup(key);
        if (question == nullptr) {
            failAt(path + ".fact", "names an unknown fact key '" + key +
                                       "' (no question defines it; a showIf may only name earlier questions)");
        }
        return FactRef{question->id, question->label, question->type, question->options};
    }

    void checkOption(const FactRef& fact, const json& value, const std::string& path) const
    {
        if (!value.is_string()) {
            failAt(path, "must be a string for the " + std::string(toString(fact.type)) + " fact '" + fact.key + "'");
        }
        const auto& text = value.get_ref<const std::string&>();
        if (fact.type == AnswerType::Text) {
            if (text.empty()) {
                failAt(path, "must not be empty");
            }
            return;
        }
        const bool offered = std::any_of(fact.options.begin(), fact.options.end(),
                                         [&](const AnswerOption& o) { return o.value == text; });
        if (!offered) {
            failAt(path, "'" + text + "' is not an option of the question '" + fact.key + "'");
        }
    }

    std::shared_ptr<const Node> parse(const json& j, const std::string& path, int depth) const
    {
        if (depth > MaxDepth) {
            failAt(path, "is nested too deeply (at most " + std::to_string(MaxDepth) + " levels)");
        }
        if (!j.is_object()) {
            failAt(path, "must be a condition object such as {\"equals\": {\"fact\": ..., \"value\": ...}}");
        }
        auto node = std::make_shared<Node>();
        const OpName* found = nullptr;
        for (const auto& [key, value] : j.items()) {
            if (key == "reason") {
                if (!value.is_string() || value.get_ref<const std::string&>().empty()) {
                    failAt(path + ".reason", "must be a non-empty string");
                }
                node->reason = value.get<std::string>();
                continue;
            }
            const std::string& op = key; // clang 14 cannot capture a structured binding
            const auto* match =
                std::find_if(std::begin(OpNames), std::end(OpNames), [&](const OpName& o) { return o.name == op; });
            if (match == std::end(OpNames)) {
                failAt(path, "has an unknown operator '" + key +
                                 "' (all, any, not, equals, in, present, absent, gt, gte, lt, lte, within, "
                                 "olderThan, or 'reason')");
            }
            if (found != nullptr) {
                failAt(path, "has two operators ('" + std::string(found->name) + "' and '" + key +
                                 "'): wrap them in 'all' or 'any'");
            }
            found = match;
        }
        if (found == nullptr) {
            failAt(path, "has no operator");
        }
        node->op = found->op;
        const std::string opPath = path + "." + std::string(found->name);
        const json& operand = j.at(std::string(found->name));
        switch (node->op) {
        case Op::All:
        case Op::Any: {
            if (!operand.is_array() || operand.empty()) {
                failAt(opPath, "must be a non-empty array of conditions");
            }
            for (std::size_t i = 0; i < operand.size(); ++i) {
                node->children.push_back(parse(operand[i], opPath + "[" + std::to_string(i) + "]", depth + 1));
            }
            break;
        }
        case Op::Not: node->children.push_back(parse(operand, opPath, depth + 1)); break;
        default: parseLeaf(*node, operand, opPath); break;
        }
        return node;
    }

    void parseLeaf(Node& node, const json& operand, const std::string& path) const
    {
        if (!operand.is_object()) {
            failAt(path, "must be an object with a 'fact'");
        }
        node.fact = readFact(operand, path);
        const AnswerType type = node.fact.type;
        const std::string typeName(toString(type));
        switch (node.op) {
        case Op::Present:
        case Op::Absent: detail::rejectUnknownKeys(operand, {"fact"}, origin, at(path)); return;
        case Op::Equals: {
            detail::rejectUnknownKeys(operand, {"fact", "value"}, origin, at(path));
            const auto value = operand.find("value");
            if (value == operand.end()) {
                failAt(path + ".value", "is missing");
            }
            switch (type) {
            case AnswerType::YesNo:
                if (!value->is_boolean()) {
                    failAt(path + ".value", "must be true or false for the yes-no fact '" + node.fact.key + "'");
                }
                node.value = value->get<bool>();
                return;
            case AnswerType::Number:
                if (!value->is_number()) {
                    failAt(path + ".value", "must be a number for the number fact '" + node.fact.key + "'");
                }
                node.value = value->get<double>();
                return;
            case AnswerType::Choice:
            case AnswerType::Text:
                checkOption(node.fact, *value, path + ".value");
                node.value = value->get<std::string>();
                return;
            default:
                failAt(path, "cannot compare the " + typeName + " fact '" + node.fact.key +
                                 "' (use 'in' for multi-choice, 'within'/'olderThan' for times)");
            }
            return;
        }
        case Op::In: {
            detail::rejectUnknownKeys(operand, {"fact", "values"}, origin, at(path));
            if (type != AnswerType::Choice && type != AnswerType::MultiChoice && type != AnswerType::Text) {
                failAt(path, "needs a choice, multi-choice or text fact; '" + node.fact.key + "' is " + typeName);
            }
            const auto values = operand.find("values");
            if (values == operand.end() || !values->is_array() || values->empty()) {
                failAt(path + ".values", "must be a non-empty array");
            }
            for (std::size_t i = 0; i < values->size(); ++i) {
                const std::string itemPath = path + ".values[" + std::to_string(i) + "]";
                checkOption(node.fact, (*values)[i], itemPath);
                auto text = (*values)[i].get<std::string>();
                if (contains(node.values, text)) {
                    failAt(itemPath, "repeats '" + text + "'");
                }
                node.values.push_back(std::move(text));
            }
            return;
        }
        case Op::Gt:
        case Op::Gte:
        case Op::Lt:
        case Op::Lte: {
            detail::rejectUnknownKeys(operand, {"fact", "value"}, origin, at(path));
            if (type != AnswerType::Number) {
                failAt(path, "needs a number fact; '" + node.fact.key + "' is " + typeName);
            }
            const auto value = operand.find("value");
            if (value == operand.end() || !value->is_number()) {
                failAt(path + ".value", "must be a number");
            }
            node.number = value->get<double>();
            return;
        }
        case Op::Within:
        case Op::OlderThan:
            detail::rejectUnknownKeys(operand, {"fact", "hours", "days"}, origin, at(path));
            if (type != AnswerType::Instant && type != AnswerType::DateRange) {
                failAt(path, "needs an instant or date-range fact; '" + node.fact.key + "' is " + typeName);
            }
            node.duration = detail::readDuration(operand, origin, where, path);
            return;
        default: return;
        }
    }
};

} // namespace

Condition detail::parseCondition(const json& j,
                                 const QuestionLookup& lookup,
                                 std::string_view origin,
                                 const std::string& where,
                                 const std::string& path)
{
    const Parser parser{lookup, origin, where};
    return Condition(parser.parse(j, path, 0));
}

Condition Condition::fromJson(std::string_view json, const QuestionCatalogue& questions, std::string_view where)
{
    nlohmann::json doc;
    try {
        doc = nlohmann::json::parse(json);
    } catch (const nlohmann::json::exception& e) { // parse_error, and out_of_range for a number too large
        detail::fail(where, std::string("not valid JSON (") + e.what() + ")");
    }
    const detail::QuestionLookup lookup = [&questions](std::string_view id) { return questions.find(id); };
    return detail::parseCondition(doc, lookup, where, {}, "condition");
}

Evaluation Condition::evaluate(const Facts& facts, Instant now) const
{
    Evaluation result;
    if (m_root == nullptr) {
        result.holds = true;
        return result;
    }
    result.holds = eval(*m_root, facts, now);
    if (result.holds) {
        explain(*m_root, facts, now, true, result.reasons);
    }
    return result;
}

bool Condition::holds(const Facts& facts, Instant now) const
{
    return m_root == nullptr || eval(*m_root, facts, now);
}

std::vector<std::string> Condition::factKeys() const
{
    std::set<std::string> keys;
    if (m_root != nullptr) {
        collectKeys(*m_root, keys);
    }
    return {keys.begin(), keys.end()};
}

std::string Condition::describe() const
{
    return m_root == nullptr ? std::string("always") : describeNode(*m_root);
}

} // namespace wb::core::nom
