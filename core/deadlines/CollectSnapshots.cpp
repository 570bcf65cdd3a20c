// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/deadlines/CollectSnapshots.h"

#include <algorithm>
#include <string>
#include <unordered_map>

#include "core/Error.h"
#include "core/domain/Clock.h"
#include "core/domain/Text.h"
#include "core/nom/DerivedFacts.h"
#include "core/nom/QuestionCatalogue.h"
#include "core/store/Database.h"
#include "core/store/Statement.h"
#include "core/suspects/PersonsOfInterest.h"

namespace wb::core::deadlines {

namespace {

using Snapshot = CaseSnapshot;

/// The cases to read, as a WHERE clause over `c` (the cases table): one case is bound as :case; a list
/// of case ids (integers) is written into the SQL as numbers; nothing else from outside goes into the text.
std::string whereClause(const CaseSelection& selection)
{
    if (selection.caseId) {
        return "c.id = :case"; // bound, so the statement is the same text for every case
    }
    std::string clause = "c.status = 'open'";
    if (!selection.caseIds.empty()) {
        clause += " AND c.id IN (";
        for (std::size_t i = 0; i < selection.caseIds.size(); ++i) {
            clause += (i == 0 ? "" : ",") + std::to_string(selection.caseIds[i]);
        }
        clause += ")";
    }
    return clause;
}

std::optional<Date> dateAt(const store::Statement& row, int column)
{
    const auto text = row.columnOptionalText(column);
    return text ? parseIsoDate(*text) : std::nullopt;
}

std::optional<Instant> instantAt(const store::Statement& row, int column)
{
    const auto text = row.columnOptionalText(column);
    return text ? parseIsoUtc(*text) : std::nullopt;
}

class Reader
{
public:
    Reader(store::Database& db, const CaseSelection& selection)
        : m_db(db)
        , m_where(whereClause(selection))
        , m_caseId(selection.caseId)
    {
    }

    /// Runs "SELECT <columns> FROM cases c CROSS JOIN <joins> WHERE <selection> [AND extra] ORDER BY ...";
    /// CROSS JOIN keeps cases as the outer loop, so each table is reached through its case_id index.
    template <typename F>
    void each(const std::string& columns,
              const std::string& joins,
              const std::string& extra,
              const std::string& order,
              F&& onRow)
    {
        std::string sql = "SELECT c.id, " + columns + " FROM cases c";
        if (!joins.empty()) {
            sql += " CROSS JOIN " + joins;
        }
        sql += " WHERE " + m_where;
        if (!extra.empty()) {
            sql += " AND " + extra;
        }
        sql += " ORDER BY " + order;
        store::Statement statement(m_db, sql);
        bindCase(statement);
        while (statement.step()) {
            const auto it = m_index.find(statement.columnInt64(0));
            if (it != m_index.end()) {
                onRow(m_snapshots[it->second], statement);
            }
        }
    }

    void readCases()
    {
        store::Statement statement(m_db, "SELECT c.id, c.uuid, c.reference, c.reported_at, c.status FROM cases c "
                                         "WHERE " +
                                             m_where + " ORDER BY c.id");
        bindCase(statement);
        while (statement.step()) {
            Snapshot s;
            s.caseId = statement.columnInt64(0);
            s.uuid = statement.columnText(1);
            s.reference = statement.columnText(2);
            s.reportedAt = parseIsoUtc(statement.columnText(3)).value_or(Instant{});
            s.open = statement.columnText(4) == "open";
            m_index.emplace(s.caseId, m_snapshots.size());
            m_snapshots.push_back(std::move(s));
        }
    }

    std::vector<Snapshot>& snapshots() { return m_snapshots; }
    store::Database& db() { return m_db; }
    std::vector<Snapshot> take() { return std::move(m_snapshots); }

private:
    void bindCase(store::Statement& statement) const
    {
        if (m_caseId) {
            statement.bind(":case", *m_caseId);
        }
    }

    store::Database& m_db;
    std::string m_where;
    std::optional<std::int64_t> m_caseId;
    std::vector<Snapshot> m_snapshots;
    std::unordered_map<std::int64_t, std::size_t> m_index;
};

void readRecords(Reader& r)
{
    r.each("p.id, p.enhanced_rights", "people p ON p.case_id = c.id", "p.role = 'victim'", "c.id, p.id",
           [](Snapshot& s, const store::Statement& row) {
               s.victims.push_back({row.columnInt64(1), row.columnInt64(2) != 0});
           });
    r.each("e.id, e.uuid, e.kind, e.occurred_at", "case_events e ON e.case_id = c.id", {}, "c.id, e.occurred_at, e.id",
           [](Snapshot& s, const store::Statement& row) {
               if (const auto at = instantAt(row, 4)) {
                   s.events.push_back({row.columnInt64(1), row.columnText(2), row.columnText(3), *at});
               }
           });
    r.each("b.id, b.uuid, b.kind, b.start_date, b.abp_end, b.ended_on, b.arrested_on",
           "bail_records b ON b.case_id = c.id", {}, "c.id, b.id", [](Snapshot& s, const store::Statement& row) {
               if (const auto start = dateAt(row, 4)) {
                   s.bails.push_back({row.columnInt64(1),
                                      row.columnText(2),
                                      row.columnText(3),
                                      *start,
                                      dateAt(row, 5),
                                      dateAt(row, 6),
                                      {},
                                      dateAt(row, 7),
                                      {}});
               }
           });
    r.each("b.id, p.id, p.from_date, p.to_date",
           "bail_records b ON b.case_id = c.id CROSS JOIN bail_pauses p ON p.bail_id = b.id", {},
           "c.id, p.from_date, p.id", [](Snapshot& s, const store::Statement& row) {
               const auto from = dateAt(row, 3);
               const auto bail = std::find_if(s.bails.begin(), s.bails.end(),
                                              [&](const Snapshot::Bail& b) { return b.id == row.columnInt64(1); });
               if (from && bail != s.bails.end()) {
                   bail->pauses.push_back({row.columnInt64(2), *from, dateAt(row, 4)});
               }
           });
    r.each("b.id, x.id, x.uuid, x.new_end, x.authorised_on",
           "bail_records b ON b.case_id = c.id CROSS JOIN bail_extensions x ON x.bail_id = b.id", {},
           "c.id, x.authorised_on, x.id", [](Snapshot& s, const store::Statement& row) {
               const auto newEnd = dateAt(row, 4);
               const auto on = dateAt(row, 5);
               const auto bail = std::find_if(s.bails.begin(), s.bails.end(),
                                              [&](const Snapshot::Bail& b) { return b.id == row.columnInt64(1); });
               if (newEnd && on && bail != s.bails.end()) {
                   bail->extensions.push_back({row.columnInt64(2), row.columnText(3), *newEnd, *on});
               }
           });
    r.each("b.id, v.id, v.uuid, v.due_on, v.reviewed_on",
           "bail_records b ON b.case_id = c.id CROSS JOIN rui_reviews v ON v.bail_id = b.id", {},
           "c.id, v.due_on, v.id", [](Snapshot& s, const store::Statement& row) {
               if (const auto due = dateAt(row, 4)) {
                   s.ruiReviews.push_back(
                       {row.columnInt64(2), row.columnText(3), row.columnInt64(1), *due, dateAt(row, 5)});
               }
           });
    r.each("p.id, p.uuid, p.victim_id, p.agreed_on, p.frequency_days, p.method, p.do_not_contact, p.supersedes_id",
           "contact_plans p ON p.case_id = c.id", {}, "c.id, p.id", [](Snapshot& s, const store::Statement& row) {
               if (const auto agreed = dateAt(row, 4)) {
                   Snapshot::ContactPlan plan{
                       row.columnInt64(1), row.columnText(2), row.columnInt64(3),      *agreed,
                       std::nullopt,       row.columnText(6), row.columnInt64(7) != 0, row.columnOptionalInt64(8)};
                   if (const auto f = row.columnOptionalInt64(5)) {
                       plan.frequencyDays = static_cast<int>(*f);
                   }
                   s.plans.push_back(std::move(plan));
               }
           });
    r.each("k.id, k.uuid, k.victim_id, k.contacted_at, k.purpose, k.explained_events, k.events_unrecorded",
           "contacts k ON k.case_id = c.id", {}, "c.id, k.contacted_at, k.id",
           [](Snapshot& s, const store::Statement& row) {
               if (const auto at = instantAt(row, 4)) {
                   s.contacts.push_back({row.columnInt64(1), row.columnText(2), row.columnInt64(3), *at,
                                         row.columnText(5), splitList(row.columnOptionalText(6).value_or("")),
                                         row.columnOptionalInt64(7).value_or(0) != 0});
               }
           });
    r.each("i.id, i.victim_id, i.offered_on", "isva_referrals i ON i.case_id = c.id", {}, "c.id, i.id",
           [](Snapshot& s, const store::Statement& row) {
               if (const auto on = dateAt(row, 3)) {
                   s.isvaReferrals.push_back({row.columnInt64(1), row.columnInt64(2), *on});
               }
           });
    r.each("d.id, d.uuid, d.person_id, d.seized_at, d.returned_at, d.swap_given, d.updated_at",
           "devices d ON d.case_id = c.id", "d.owner_role = 'victim'", "c.id, d.id",
           [](Snapshot& s, const store::Statement& row) {
               s.victimDevices.push_back({row.columnInt64(1), row.columnText(2), row.columnOptionalInt64(3).value_or(0),
                                          instantAt(row, 4), instantAt(row, 5),
                                          row.columnOptionalInt64(6).value_or(0) != 0,
                                          instantAt(row, 7).value_or(Instant{})});
           });
    r.each("o.id, o.uuid, o.order_type, o.served_at, o.hearing_at, o.made_on, o.expires_on, o.ended_on",
           "orders o ON o.case_id = c.id", {}, "c.id, o.id", [](Snapshot& s, const store::Statement& row) {
               s.orders.push_back({row.columnInt64(1), row.columnText(2), row.columnText(3), instantAt(row, 4),
                                   instantAt(row, 5), dateAt(row, 6), dateAt(row, 7), dateAt(row, 8)});
           });
    r.each("v.id, v.uuid, v.reviewed_at", "reviews v ON v.case_id = c.id", {}, "c.id, v.reviewed_at, v.id",
           [](Snapshot& s, const store::Statement& row) {
               if (const auto at = instantAt(row, 3)) {
                   s.reviews.push_back({row.columnInt64(1), row.columnText(2), *at});
               }
           });
    r.each("q.id, q.uuid, q.catalogue_id, q.status, q.due_on, q.accepted_at, q.updated_at, q.title",
           "enquiries q ON q.case_id = c.id", "(q.due_on IS NOT NULL OR q.catalogue_id IS NOT NULL)", "c.id, q.id",
           [](Snapshot& s, const store::Statement& row) {
               s.enquiries.push_back({row.columnInt64(1), row.columnText(2),
                                      row.columnOptionalText(3).value_or(std::string()), row.columnText(4),
                                      dateAt(row, 5), instantAt(row, 6).value_or(Instant{}),
                                      instantAt(row, 7).value_or(Instant{}), row.columnText(8)});
           });
}

/// The current context answers per case (the latest per question, withdrawn ones left out), with their override
/// reasons: as ContextRepository::currentAnswers, for many cases in one pass.
std::unordered_map<std::int64_t, nom::CurrentAnswers> readAnswers(Reader& r, const nom::QuestionCatalogue& questions)
{
    // Every answer in (case, question, id) order: the last one per question is the current one.
    struct Last {
        std::string question;
        std::optional<std::string> value;
        std::optional<std::string> reason;
    };
    std::unordered_map<std::int64_t, nom::CurrentAnswers> out;
    std::int64_t currentCase = 0;
    Last last;
    auto flush = [&]() {
        if (currentCase != 0 && !last.question.empty() && last.value && questions.find(last.question) != nullptr) {
            try {
                out[currentCase].insert_or_assign(
                    last.question,
                    nom::CurrentAnswer{questions.answerFromJson(last.question, *last.value), last.reason});
            } catch (const Error&) {
                // an answer the reworded question no longer accepts: not a fact (as ContextRepository::facts)
            }
        }
        last = {};
    };
    r.each("a.question_id, a.value, a.override_reason", "context_answers a ON a.case_id = c.id", {},
           "c.id, a.question_id, a.id", [&](Snapshot& s, const store::Statement& row) {
               const std::string question = row.columnText(1);
               if (s.caseId != currentCase || question != last.question) {
                   flush();
                   currentCase = s.caseId;
               }
               last.question = question;
               last.value = row.columnOptionalText(2);
               last.reason = row.columnOptionalText(3);
           });
    flush();
    return out;
}

/// What the records say about the facts, per case: the same inputs as cases::recordFacts, read in SQL.
std::unordered_map<std::int64_t, nom::CaseRecordFacts> readRecordFacts(Reader& r)
{
    std::unordered_map<std::int64_t, nom::CaseRecordFacts> out;
    r.each("c.offence_precision, c.offence_from, c.offence_to", {}, {}, "c.id",
           [&](Snapshot& s, const store::Statement& row) {
               auto& date = out[s.caseId].offenceDate;
               date.precision = precisionFromString(row.columnText(1)).value_or(ApproxDate::Precision::Unknown);
               date.from = row.columnText(2);
               date.to = row.columnText(3);
           });
    r.each("p.role, p.given_name, p.family_name, p.date_of_birth, p.age_years, p.interpreter_needed",
           "people p ON p.case_id = c.id", "p.role IN ('victim', 'suspect')", "c.id, p.id",
           [&](Snapshot& s, const store::Statement& row) {
               const auto blank = [](const std::string& t) {
                   return t.find_first_not_of(" \t\r\n") == std::string::npos;
               };
               nom::CaseRecordFacts::PersonFacts person;
               person.named = !blank(row.columnText(2)) || !blank(row.columnText(3));
               person.dateOfBirth = row.columnOptionalText(4);
               if (const auto age = row.columnOptionalInt64(5)) {
                   person.ageYears = static_cast<int>(*age);
               }
               person.interpreterNeeded = row.columnOptionalInt64(6).value_or(0) != 0;
               auto& facts = out[s.caseId];
               (row.columnText(1) == "victim" ? facts.victims : facts.suspects).push_back(std::move(person));
           });
    r.each("l.category", "relationships l ON l.case_id = c.id", {}, "c.id, l.id",
           [&](Snapshot& s, const store::Statement& row) {
               out[s.caseId].relationshipCategories.push_back(row.columnText(1));
           });
    r.each("i.accepted", "isva_referrals i ON i.case_id = c.id", {}, "c.id, i.id",
           [&](Snapshot& s, const store::Statement& row) {
               out[s.caseId].isvaAccepted.push_back(row.columnOptionalText(1).value_or(std::string()));
           });
    r.each("b.kind, b.start_date, b.ended_on", "bail_records b ON b.case_id = c.id", {}, "c.id, b.id",
           [&](Snapshot& s, const store::Statement& row) {
               out[s.caseId].bails.push_back(
                   {row.columnText(1), row.columnText(2), !row.columnOptionalText(3).value_or(std::string()).empty()});
           });
    // Repeat suspects: the other cases linked through a suspect confirmed the same (suspect.linkedRassoReports).
    for (const auto& [caseId, count] : suspects::linkedSuspectCaseCounts(r.db())) {
        out[caseId].linkedSuspectCases = count;
    }
    return out;
}

/// The facts of every snapshot: the context answers merged with what the records hold, through the one merge
/// (nom::mergeFacts) the plan, the journey and Context use.
void readFacts(Reader& r, const nom::QuestionCatalogue& questions, Instant now)
{
    auto answers = readAnswers(r, questions);
    auto records = readRecordFacts(r);
    const nom::CurrentAnswers none;
    const nom::CaseRecordFacts nothing;
    for (auto& s : r.snapshots()) {
        const auto a = answers.find(s.caseId);
        const auto f = records.find(s.caseId);
        const auto derived = nom::deriveFacts(f == records.end() ? nothing : f->second, questions, now);
        s.facts = nom::mergeFacts(a == answers.end() ? none : a->second, derived).facts;
    }
}

} // namespace

std::vector<CaseSnapshot> collectSnapshots(store::Database& db,
                                           const CaseSelection& selection,
                                           const nom::QuestionCatalogue* questions,
                                           bool withFacts)
{
    Reader reader(db, selection);
    reader.readCases();
    readRecords(reader);
    if (withFacts && questions != nullptr) {
        readFacts(reader, *questions, db.clock().now());
    }
    return reader.take();
}

} // namespace wb::core::deadlines
