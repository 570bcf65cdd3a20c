// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/nom/QuestionCatalogue.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/Error.h"
#include "core/nom/NomJson.h"

namespace wb::core::nom {

namespace {

using json = nlohmann::json;

constexpr std::array<std::pair<ContextGroup, std::string_view>, 4> GroupNames{{
    {ContextGroup::Relationship, "relationship"},
    {ContextGroup::Victim, "victim"},
    {ContextGroup::Suspect, "suspect"},
    {ContextGroup::Offence, "offence"},
}};

constexpr std::size_t MaxNameLength = 40;

bool isLower(char c) noexcept
{
    return c >= 'a' && c <= 'z';
}

bool isAlnum(char c) noexcept
{
    return isLower(c) || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/// "<group>.<name>": name starts with a lower-case letter, then letters and digits (camelCase), at most 40.
bool isValidId(std::string_view id, std::string_view group) noexcept
{
    if (id.size() <= group.size() + 1 || id.substr(0, group.size()) != group || id[group.size()] != '.') {
        return false;
    }
    const auto name = id.substr(group.size() + 1);
    return name.size() <= MaxNameLength && isLower(name.front()) && std::all_of(name.begin(), name.end(), isAlnum);
}

bool isValidOptionValue(std::string_view value) noexcept
{
    return !value.empty() && value.size() <= MaxNameLength && std::all_of(value.begin(), value.end(), [](char c) {
        return isLower(c) || (c >= '0' && c <= '9') || c == '-';
    });
}

[[noreturn]] void invalid(std::string_view questionId, const std::string& what)
{
    throw Error(ErrorCode::Validation, std::string(questionId) + ": " + what, std::string(questionId));
}

std::string fmtNumber(double d)
{
    return fmt::format("{}", d);
}

std::string optionList(const Question& q)
{
    std::string out;
    for (const auto& option : q.options) {
        out += (out.empty() ? "" : ", ") + option.value;
    }
    return out;
}

Question
readQuestion(const json& item, std::size_t index, std::string_view origin, const std::vector<Question>& earlier)
{
    const std::string position = "question " + std::to_string(index);
    if (!item.is_object()) {
        detail::fail(origin, position + " must be an object");
    }
    Question q;
    q.order = static_cast<int>(index);
    q.id = detail::requireString(item, "id", origin, position);
    const std::string where = "question " + q.id;
    detail::rejectUnknownKeys(
        item,
        {"id", "group", "label", "text", "help", "type", "options", "min", "max", "showIf", "source", "confirmed"},
        origin, where);
    const auto groupName = detail::requireString(item, "group", origin, where);
    const auto group = contextGroupFromString(groupName);
    if (!group) {
        detail::fail(origin, where + ": 'group' must be one of relationship, victim, suspect, offence");
    }
    q.group = *group;
    if (!isValidId(q.id, groupName)) {
        detail::fail(origin, where + ": 'id' must be '" + groupName +
                                 ".<name>' (name: a lower-case letter, then letters and digits, at most 40)");
    }
    if (std::any_of(earlier.begin(), earlier.end(), [&](const Question& e) { return e.id == q.id; })) {
        detail::fail(origin, where + ": 'id' is a duplicate");
    }
    q.label = detail::requireString(item, "label", origin, where);
    q.text = detail::requireString(item, "text", origin, where);
    q.help = detail::requireString(item, "help", origin, where);
    q.source = detail::requireString(item, "source", origin, where);
    q.confirmed = detail::requireBool(item, "confirmed", origin, where);
    const auto typeName = detail::requireString(item, "type", origin, where);
    const auto type = answerTypeFromString(typeName);
    if (!type) {
        detail::fail(origin, where + ": 'type' must be one of yes-no, choice, multi-choice, text, number, instant, "
                                     "date-range");
    }
    q.type = *type;

    const bool hasOptions = q.type == AnswerType::Choice || q.type == AnswerType::MultiChoice;
    const auto options = item.find("options");
    if (hasOptions) {
        if (options == item.end() || !options->is_array() || options->size() < 2) {
            detail::fail(origin, where + ": 'options' must list at least two options for a " + typeName + " question");
        }
        for (std::size_t i = 0; i < options->size(); ++i) {
            const auto& o = (*options)[i];
            const std::string optionWhere = where + ": 'options[" + std::to_string(i) + "]'";
            if (!o.is_object()) {
                detail::fail(origin, optionWhere + " must be an object with 'value' and 'label'");
            }
            detail::rejectUnknownKeys(o, {"value", "label"}, origin, optionWhere);
            AnswerOption option{detail::requireString(o, "value", origin, optionWhere),
                                detail::requireString(o, "label", origin, optionWhere)};
            if (!isValidOptionValue(option.value)) {
                detail::fail(origin, optionWhere + ": 'value' must be lower-case letters, digits and '-' (at most 40)");
            }
            if (q.findOption(option.value) != nullptr) {
                detail::fail(origin, optionWhere + ": 'value' '" + option.value + "' is a duplicate");
            }
            q.options.push_back(std::move(option));
        }
    } else if (options != item.end()) {
        detail::fail(origin, where + ": 'options' is only allowed for choice and multi-choice questions");
    }

    for (const char* bound : {"min", "max"}) {
        const auto it = item.find(bound);
        if (it == item.end()) {
            continue;
        }
        if (q.type != AnswerType::Number) {
            detail::fail(origin, where + ": '" + bound + "' is only allowed for number questions");
        }
        if (!it->is_number()) {
            detail::fail(origin, where + ": '" + bound + "' must be a number");
        }
        (std::string_view(bound) == "min" ? q.min : q.max) = it->get<double>();
    }
    if (q.min && q.max && *q.min > *q.max) {
        detail::fail(origin, where + ": 'min' must not be greater than 'max'");
    }

    const auto showIf = item.find("showIf");
    if (showIf != item.end()) {
        const detail::QuestionLookup lookup = [&earlier](std::string_view id) -> const Question* {
            const auto it = std::find_if(earlier.begin(), earlier.end(), [&](const Question& e) { return e.id == id; });
            return it == earlier.end() ? nullptr : &*it;
        };
        q.showIf = detail::parseCondition(*showIf, lookup, origin, where, "showIf");
    }
    return q;
}

FactValue readAnswer(const Question& q, const json& value)
{
    switch (q.type) {
    case AnswerType::YesNo:
        if (!value.is_boolean()) {
            invalid(q.id, "expected a yes-no answer (true or false)");
        }
        return value.get<bool>();
    case AnswerType::Number:
        if (!value.is_number()) {
            invalid(q.id, "expected a number");
        }
        return value.get<double>();
    case AnswerType::Choice:
    case AnswerType::Text:
        if (!value.is_string()) {
            invalid(q.id, q.type == AnswerType::Choice ? "expected one option (a string)" : "expected text");
        }
        return value.get<std::string>();
    case AnswerType::MultiChoice: {
        if (!value.is_array()) {
            invalid(q.id, "expected a list of options");
        }
        TextList list;
        for (const auto& item : value) {
            if (!item.is_string()) {
                invalid(q.id, "expected a list of options (strings)");
            }
            list.push_back(item.get<std::string>());
        }
        return list;
    }
    case AnswerType::Instant: {
        const auto t = value.is_string() ? parseIsoUtc(value.get_ref<const std::string&>()) : std::nullopt;
        if (!t) {
            invalid(q.id, "expected an instant written YYYY-MM-DDTHH:MM:SSZ (UTC)");
        }
        return *t;
    }
    case AnswerType::DateRange: {
        const auto part = [&](const char* name) -> std::optional<Instant> {
            if (!value.is_object()) {
                return std::nullopt;
            }
            const auto it = value.find(name);
            return it == value.end() || !it->is_string() ? std::nullopt
                                                         : parseIsoUtc(it->get_ref<const std::string&>());
        };
        const auto from = part("from");
        const auto to = part("to");
        if (!from || !to || value.size() != 2) {
            invalid(q.id, "expected a date range {\"from\": instant, \"to\": instant} (YYYY-MM-DDTHH:MM:SSZ)");
        }
        return DateRange{*from, *to};
    }
    }
    invalid(q.id, "unsupported answer type");
}

json parseAnswerJson(std::string_view text, std::string_view field)
{
    try {
        return json::parse(text);
    } catch (const json::exception&) { // parse_error, and out_of_range for a number too large
        // The parser's message quotes the input, which may be personal data: keep it out.
        throw Error(ErrorCode::Validation, std::string(field.empty() ? "answers" : field) + ": not valid JSON",
                    std::string(field));
    }
}

} // namespace

std::string_view toString(ContextGroup group) noexcept
{
    for (const auto& [g, name] : GroupNames) {
        if (g == group) {
            return name;
        }
    }
    return "unknown";
}

std::optional<ContextGroup> contextGroupFromString(std::string_view name) noexcept
{
    for (const auto& [g, n] : GroupNames) {
        if (n == name) {
            return g;
        }
    }
    return std::nullopt;
}

const AnswerOption* Question::findOption(std::string_view value) const noexcept
{
    for (const auto& option : options) {
        if (option.value == value) {
            return &option;
        }
    }
    return nullptr;
}

QuestionCatalogue QuestionCatalogue::fromJson(std::string_view json, std::string_view origin)
{
    const auto doc = detail::parseTopLevel(json, origin);
    QuestionCatalogue catalogue;
    catalogue.m_version = detail::checkHeader(doc, origin, "nom-context-questions");
    catalogue.m_source = detail::requireString(doc, "source", origin, "top level");
    detail::rejectUnknownKeys(doc, {"kind", "format", "version", "source", "questions"}, origin, "top level");
    const auto& items = detail::requireNonEmptyArray(doc, "questions", origin, "top level");
    catalogue.m_questions.reserve(items.size());
    for (std::size_t i = 0; i < items.size(); ++i) {
        catalogue.m_questions.push_back(readQuestion(items[i], i, origin, catalogue.m_questions));
    }
    return catalogue;
}

QuestionCatalogue QuestionCatalogue::fromFile(const std::filesystem::path& path)
{
    return fromJson(detail::readTextFile(path), path.filename().string());
}

const Question* QuestionCatalogue::find(std::string_view id) const noexcept
{
    for (const auto& q : m_questions) {
        if (q.id == id) {
            return &q;
        }
    }
    return nullptr;
}

void QuestionCatalogue::validateAnswer(std::string_view questionId, const FactValue& value) const
{
    const Question* q = find(questionId);
    if (q == nullptr) {
        invalid(questionId, "there is no context question with this id");
    }
    if (!holdsType(value, q->type)) {
        invalid(questionId, "expected a " + std::string(toString(q->type)) + " answer");
    }
    switch (q->type) {
    case AnswerType::Choice:
        if (q->findOption(std::get<std::string>(value)) == nullptr) {
            invalid(questionId, "the answer is not one of the options (" + optionList(*q) + ")");
        }
        return;
    case AnswerType::MultiChoice: {
        const auto& list = std::get<TextList>(value);
        for (std::size_t i = 0; i < list.size(); ++i) {
            if (q->findOption(list[i]) == nullptr) {
                invalid(questionId,
                        "item " + std::to_string(i) + " is not one of the options (" + optionList(*q) + ")");
            }
            if (std::find(list.begin(), list.begin() + static_cast<std::ptrdiff_t>(i), list[i]) !=
                list.begin() + static_cast<std::ptrdiff_t>(i)) {
                invalid(questionId, "item " + std::to_string(i) + " repeats an earlier option");
            }
        }
        return;
    }
    case AnswerType::Text: {
        const auto& text = std::get<std::string>(value);
        if (std::all_of(text.begin(), text.end(),
                        [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; })) {
            invalid(questionId, "the answer must not be empty");
        }
        return;
    }
    case AnswerType::Number: {
        const double d = std::get<double>(value);
        if (!std::isfinite(d)) {
            invalid(questionId, "the answer must be a finite number");
        }
        if ((q->min && d < *q->min) || (q->max && d > *q->max)) {
            invalid(questionId, "the answer must be between " + (q->min ? fmtNumber(*q->min) : std::string("-")) +
                                    " and " + (q->max ? fmtNumber(*q->max) : std::string("-")));
        }
        return;
    }
    case AnswerType::DateRange: {
        const auto& range = std::get<DateRange>(value);
        if (range.from > range.to) {
            invalid(questionId, "the start of the date range is after its end");
        }
        return;
    }
    default: return;
    }
}

void QuestionCatalogue::validateFacts(const Facts& facts) const
{
    for (const auto& [key, value] : facts) {
        validateAnswer(key, value);
    }
}

bool QuestionCatalogue::isVisible(const Question& question, const Facts& facts, Instant now) const
{
    return question.showIf.holds(facts, now);
}

std::vector<const Question*> QuestionCatalogue::visibleQuestions(const Facts& facts, Instant now) const
{
    std::vector<const Question*> out;
    for (const auto& q : m_questions) {
        if (isVisible(q, facts, now)) {
            out.push_back(&q);
        }
    }
    return out;
}

FactValue QuestionCatalogue::answerFromJson(std::string_view questionId, std::string_view text) const
{
    const Question* q = find(questionId);
    if (q == nullptr) {
        invalid(questionId, "there is no context question with this id");
    }
    auto value = readAnswer(*q, parseAnswerJson(text, questionId));
    validateAnswer(questionId, value);
    return value;
}

Facts QuestionCatalogue::factsFromJson(std::string_view text) const
{
    const auto doc = parseAnswerJson(text, {});
    if (!doc.is_object()) {
        throw Error(ErrorCode::Validation, "answers: expected a JSON object of question id -> answer");
    }
    Facts facts;
    for (const auto& [key, value] : doc.items()) {
        const Question* q = find(key);
        if (q == nullptr) {
            invalid(key, "there is no context question with this id");
        }
        auto answer = readAnswer(*q, value);
        validateAnswer(key, answer);
        facts.emplace(key, std::move(answer));
    }
    return facts;
}

} // namespace wb::core::nom
