// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/repo/ContextRepository.h"

#include "core/audit/AuditLog.h"
#include "core/domain/Uuid.h"
#include "core/nom/QuestionCatalogue.h"
#include "core/store/Statement.h"
#include "core/store/WriteScope.h"

namespace wb::core {

namespace {

constexpr const char* Columns = "id, uuid, case_id, question_id, value, answered_at, answered_by, override_reason";
constexpr std::size_t MaxOverrideReason = 2000;

std::optional<ContextAnswer> readAnswer(const store::Statement& row, const nom::QuestionCatalogue& questions)
{
    ContextAnswer a;
    a.id = row.columnInt64(0);
    a.uuid = row.columnText(1);
    a.caseId = row.columnInt64(2);
    a.questionId = row.columnText(3);
    a.answeredAt = parseIsoUtc(row.columnText(5)).value_or(Instant{});
    a.answeredBy = row.columnText(6);
    a.overrideReason = row.columnOptionalText(7);
    if (const auto json = row.columnOptionalText(4)) {
        if (questions.find(a.questionId) == nullptr) {
            return std::nullopt; // a question this catalogue no longer asks
        }
        try {
            a.value = questions.answerFromJson(a.questionId, *json);
        } catch (const Error&) {
            return std::nullopt; // an answer the reworded question no longer accepts: ask again
        }
    }
    return a;
}

} // namespace

ContextRepository::ContextRepository(const Connection& connection)
    : m_connection(connection)
{
}

ContextAnswer ContextRepository::answer(std::int64_t caseId,
                                        const std::string& questionId,
                                        const std::optional<nom::FactValue>& value,
                                        const nom::QuestionCatalogue& questions,
                                        const std::optional<std::string>& overrideReason)
{
    auto& db = m_connection.db();
    if (questions.find(questionId) == nullptr) {
        throw Error(ErrorCode::Validation, "there is no question " + questionId, questionId);
    }
    if (value) {
        questions.validateAnswer(questionId, *value);
    }
    if (overrideReason) {
        const bool blank = overrideReason->find_first_not_of(" \t\r\n\f\v") == std::string::npos;
        if (!value || blank || overrideReason->size() > MaxOverrideReason) {
            throw Error(ErrorCode::Validation,
                        "overrideReason: an override needs an answer and a reason (at most 2000 characters)",
                        "overrideReason");
        }
    }
    ContextAnswer a;
    a.uuid = newUuid();
    a.caseId = caseId;
    a.questionId = questionId;
    a.value = value;
    a.answeredAt = m_connection.now();
    a.answeredBy = m_connection.actor();
    a.overrideReason = overrideReason;

    store::WriteScope tx(db);
    store::Statement caseExists(db, "SELECT 1 FROM cases WHERE id = :id");
    if (!caseExists.bind(":id", caseId).step()) {
        throw Error(ErrorCode::NotFound, "no case with id " + std::to_string(caseId));
    }
    store::Statement insert(db, "INSERT INTO context_answers (uuid, case_id, question_id, value, answered_at, "
                                "answered_by, created_at, updated_at, override_reason) VALUES (:uuid, :case, "
                                ":question, :value, :at, :by, :at, :at, :reason)");
    insert.bind(":uuid", a.uuid)
        .bind(":case", caseId)
        .bind(":question", questionId)
        .bind(":value", value ? std::optional(nom::factValueToJson(*value)) : std::nullopt)
        .bind(":at", toIsoUtc(a.answeredAt))
        .bind(":by", a.answeredBy)
        .bind(":reason", overrideReason)
        .run();
    a.id = db.lastInsertRowId();
    std::vector<audit::FieldChange> changes;
    audit::noteChange(changes, "question_id", std::nullopt, questionId);
    // The answer itself may be personal: the log says only whether one was given.
    audit::noteChange(changes, "value", std::nullopt, std::string(value ? "answered" : "withdrawn"), true);
    if (overrideReason) {
        // An override of a fact the records hold: the log says so and that a reason was given (the reason is kept
        // with the answer and shown on Context).
        audit::noteChange(changes, "override_reason", std::nullopt, *overrideReason, true);
    }
    audit::append(db, m_connection.actor(), "context_answers", a.uuid, audit::Action::Create, changes);
    db.afterCommit([this, caseId, questionId] { changed(Event{caseId, questionId}); });
    tx.commit();
    return a;
}

namespace {

ContextRepository::StoredAnswer readStored(const store::Statement& row)
{
    return {row.columnText(1),         row.columnText(3),
            row.columnOptionalText(4), parseIsoUtc(row.columnText(5)).value_or(Instant{}),
            row.columnText(6),         row.columnOptionalText(7)};
}

} // namespace

std::vector<ContextRepository::StoredAnswer> ContextRepository::storedAnswers(std::int64_t caseId) const
{
    store::Statement select(m_connection.db(), std::string("SELECT ") + Columns +
                                                   " FROM context_answers WHERE case_id = :case ORDER BY id");
    select.bind(":case", caseId);
    std::vector<StoredAnswer> out;
    while (select.step()) {
        out.push_back(readStored(select));
    }
    return out;
}

std::optional<ContextRepository::StoredAnswer> ContextRepository::findStored(std::string_view uuid) const
{
    store::Statement select(m_connection.db(),
                            std::string("SELECT ") + Columns + " FROM context_answers WHERE uuid = :uuid");
    if (!select.bind(":uuid", uuid).step()) {
        return std::nullopt;
    }
    return readStored(select);
}

void ContextRepository::import(std::int64_t caseId,
                               const StoredAnswer& a,
                               const std::string& actor,
                               const std::vector<audit::FieldChange>& notes)
{
    auto& db = m_connection.db();
    if (!isUuid(a.uuid) || a.questionId.empty() || a.questionId.size() > 100 || a.answeredBy.size() > 200) {
        throw Error(ErrorCode::Validation, "a context answer is malformed", "contextAnswer");
    }
    if (a.overrideReason) {
        // The same rule as answer(): an override carries an answer and a reason that says something.
        const bool blank = a.overrideReason->find_first_not_of(" \t\r\n\f\v") == std::string::npos;
        if (!a.valueJson || blank || a.overrideReason->size() > MaxOverrideReason) {
            throw Error(ErrorCode::Validation,
                        "overrideReason: an override needs an answer and a reason (at most 2000 characters)",
                        "overrideReason");
        }
    }
    store::WriteScope tx(db);
    store::Statement insert(db, "INSERT INTO context_answers (uuid, case_id, question_id, value, answered_at, "
                                "answered_by, created_at, updated_at, override_reason) VALUES (:uuid, :case, "
                                ":question, :value, :at, :by, :at, :at, :reason)");
    insert.bind(":uuid", a.uuid)
        .bind(":case", caseId)
        .bind(":question", a.questionId)
        .bind(":value", a.valueJson)
        .bind(":at", toIsoUtc(a.answeredAt))
        .bind(":by", a.answeredBy)
        .bind(":reason", a.overrideReason)
        .run();
    std::vector<audit::FieldChange> changes;
    audit::noteChange(changes, "question_id", std::nullopt, a.questionId);
    audit::noteChange(changes, "value", std::nullopt, std::string(a.valueJson ? "answered" : "withdrawn"), true);
    if (a.overrideReason) {
        audit::noteChange(changes, "override_reason", std::nullopt, *a.overrideReason, true);
    }
    changes.insert(changes.end(), notes.begin(), notes.end());
    audit::append(db, actor, "context_answers", a.uuid, audit::Action::Create, changes);
    const std::string question = a.questionId;
    db.afterCommit([this, caseId, question] { changed(Event{caseId, question}); });
    tx.commit();
}

std::vector<ContextAnswer> ContextRepository::history(std::int64_t caseId,
                                                      const std::string& questionId,
                                                      const nom::QuestionCatalogue& questions) const
{
    store::Statement select(m_connection.db(), std::string("SELECT ") + Columns +
                                                   " FROM context_answers WHERE case_id = :case AND "
                                                   "question_id = :question ORDER BY id");
    select.bind(":case", caseId).bind(":question", questionId);
    std::vector<ContextAnswer> out;
    while (select.step()) {
        if (auto a = readAnswer(select, questions)) {
            out.push_back(std::move(*a));
        }
    }
    return out;
}

nom::Facts ContextRepository::facts(std::int64_t caseId, const nom::QuestionCatalogue& questions) const
{
    // The latest answer per question: the highest id wins.
    store::Statement select(m_connection.db(),
                            std::string("SELECT ") + Columns +
                                " FROM context_answers WHERE id IN (SELECT max(id) FROM context_answers WHERE "
                                "case_id = :case GROUP BY question_id) ORDER BY question_id");
    select.bind(":case", caseId);
    nom::Facts facts;
    while (select.step()) {
        const auto a = readAnswer(select, questions);
        if (a && a->value) {
            facts.emplace(a->questionId, *a->value);
        }
    }
    return facts;
}

nom::CurrentAnswers ContextRepository::currentAnswers(std::int64_t caseId,
                                                      const nom::QuestionCatalogue& questions) const
{
    store::Statement select(m_connection.db(),
                            std::string("SELECT ") + Columns +
                                " FROM context_answers WHERE id IN (SELECT max(id) FROM context_answers WHERE "
                                "case_id = :case GROUP BY question_id) ORDER BY question_id");
    select.bind(":case", caseId);
    nom::CurrentAnswers answers;
    while (select.step()) {
        auto a = readAnswer(select, questions);
        if (a && a->value) {
            answers.emplace(a->questionId, nom::CurrentAnswer{std::move(*a->value), std::move(a->overrideReason)});
        }
    }
    return answers;
}

} // namespace wb::core
