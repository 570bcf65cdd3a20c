// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/nom/Condition.h"
#include "core/nom/Facts.h"

namespace wb::core::nom {

/// The NOM's three context groups plus the offence circumstances.
enum class ContextGroup { Relationship, Victim, Suspect, Offence };

/// "relationship", "victim", "suspect", "offence".
std::string_view toString(ContextGroup group) noexcept;
std::optional<ContextGroup> contextGroupFromString(std::string_view name) noexcept;

struct AnswerOption {
    std::string value; ///< stored in the facts, e.g. "ex-partner"; matches [a-z0-9-]{1,40}
    std::string label; ///< shown to the officer, e.g. "Ex-partner or ex-spouse"
};

/// One context question. Its id is the key of the fact that stores its answer.
struct Question {
    std::string id; ///< "suspect.known": "<group>.<name>"
    ContextGroup group = ContextGroup::Offence;
    std::string label; ///< short name used in reasons and summaries: "Suspect's identity known"
    std::string text;  ///< the question as asked: "Does anyone know who the suspect is?"
    std::string help;  ///< guidance shown beside it
    AnswerType type = AnswerType::YesNo;
    std::vector<AnswerOption> options; ///< Choice and MultiChoice only (two or more)
    std::optional<double> min;         ///< Number only
    std::optional<double> max;         ///< Number only
    Condition showIf;                  ///< Condition::always() when the question is always shown
    std::string source;                ///< provenance, e.g. "nom-brief §3 [C]"
    bool confirmed = false;            ///< the brief's [C] tag
    int order = 0;                     ///< position in the file, from 0

    /// nullptr when value is not one of the options.
    const AnswerOption* findOption(std::string_view value) const noexcept;
};

/// The context questions (resources/nom/context-questions.json): data, so a force can add or reword them
/// without recompiling.
class QuestionCatalogue
{
public:
    /// Parses and validates the JSON text; origin names it in messages. Throws Error(ReferenceData)
    /// "<origin>: question <id>: '<field>' ..." for: bad JSON, wrong kind or format, missing version, an id that
    /// is malformed, duplicated or not prefixed by its group, an unknown group or type, missing label, text,
    /// help or source, 'confirmed' not a boolean, options missing (fewer than two), duplicated or given to a
    /// type without options, min/max on a non-number or min > max, and a showIf that is invalid or names a
    /// fact of a question that does not come earlier in the file.
    static QuestionCatalogue fromJson(std::string_view json, std::string_view origin = "context-questions.json");
    /// Reads and parses a file (errors name the file). Throws Error(ReferenceData) when missing or malformed.
    static QuestionCatalogue fromFile(const std::filesystem::path& path);

    const std::string& version() const noexcept { return m_version; }
    const std::string& source() const noexcept { return m_source; }
    /// In file order (the order of the guided flow).
    const std::vector<Question>& questions() const noexcept { return m_questions; }
    /// nullptr when no question has that id.
    const Question* find(std::string_view id) const noexcept;

    /// Throws Error(Validation, message, field = questionId) when the value does not fit the question: unknown
    /// question, wrong type, an option that is not offered (or repeated in a multi-choice), empty text, a number
    /// that is not finite or is outside min/max, a date range whose start is after its end.
    /// Messages never repeat the value itself (it may be personal data).
    void validateAnswer(std::string_view questionId, const FactValue& value) const;
    /// validateAnswer for every fact; throws for the first bad one (in key order).
    void validateFacts(const Facts& facts) const;

    /// Whether the question's showIf holds for these facts (always true without a showIf).
    bool isVisible(const Question& question, const Facts& facts, Instant now) const;
    /// The questions to show now, in file order.
    std::vector<const Question*> visibleQuestions(const Facts& facts, Instant now) const;

    /// Reads an answer written as JSON (see factValueToJson) and validates it. Throws Error(Validation,
    /// field = questionId) for bad JSON, an unknown question or an invalid value.
    FactValue answerFromJson(std::string_view questionId, std::string_view json) const;
    /// Reads a JSON object {"<question id>": <answer>, ...}. Throws Error(Validation, field = the key at fault).
    Facts factsFromJson(std::string_view json) const;

private:
    std::string m_version;
    std::string m_source;
    std::vector<Question> m_questions;
};

} // namespace wb::core::nom
