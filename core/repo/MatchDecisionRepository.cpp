// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/repo/MatchDecisionRepository.h"

#include <utility>

#include "core/Error.h"
#include "core/audit/AuditLog.h"
#include "core/domain/Text.h"
#include "core/domain/Uuid.h"
#include "core/store/Statement.h"
#include "core/store/WriteScope.h"

namespace wb::core {

namespace {

constexpr const char* Table = "match_decisions";
constexpr const char* Columns =
    "id, uuid, person_a, person_b, decision, rationale, decided_by, decided_at, fingerprint_a, fingerprint_b";
constexpr std::size_t RationaleMaxChars = 4000;

MatchDecision readDecision(const store::Statement& row)
{
    MatchDecision d;
    d.id = row.columnInt64(0);
    d.uuid = row.columnText(1);
    d.pair.first = row.columnText(2);
    d.pair.second = row.columnText(3);
    const auto verdict = matchVerdictFromString(row.columnText(4));
    const auto at = parseIsoUtc(row.columnText(7));
    if (!verdict || !at) {
        throw Error(ErrorCode::Corrupted, "a stored match decision has an unreadable decision or timestamp");
    }
    d.verdict = *verdict;
    d.rationale = row.columnText(5);
    d.decidedBy = row.columnText(6);
    d.decidedAt = *at;
    d.fingerprintFirst = row.columnText(8);
    d.fingerprintSecond = row.columnText(9);
    return d;
}

std::vector<MatchDecision> readAll(store::Statement& select)
{
    std::vector<MatchDecision> out;
    while (select.step()) {
        out.push_back(readDecision(select));
    }
    return out;
}

/// Several lines allowed: like checkedText, with line breaks and tabs read as spaces for the check.
std::string checkedRationale(const std::string& text)
{
    std::string flattened = text;
    for (char& c : flattened) {
        if (c == '\n' || c == '\t' || c == '\r') {
            c = ' ';
        }
    }
    (void)checkedText(flattened, "rationale", RationaleMaxChars, true);
    return trimmed(text);
}

std::string checkedFingerprint(const std::string& value, const char* field)
{
    std::string clean = checkedText(value, field, 200, true);
    return clean;
}

} // namespace

std::string_view toString(MatchVerdict verdict) noexcept
{
    switch (verdict) {
    case MatchVerdict::Same: return "same";
    case MatchVerdict::Different: return "different";
    case MatchVerdict::Undecided: return "undecided";
    }
    return "undecided";
}

std::optional<MatchVerdict> matchVerdictFromString(std::string_view text) noexcept
{
    for (const auto verdict : {MatchVerdict::Same, MatchVerdict::Different, MatchVerdict::Undecided}) {
        if (toString(verdict) == text) {
            return verdict;
        }
    }
    return std::nullopt;
}

PersonPair PersonPair::of(std::string a, std::string b)
{
    if (b < a) {
        std::swap(a, b);
    }
    return PersonPair{std::move(a), std::move(b)};
}

const std::string& MatchDecision::fingerprintOf(std::string_view personUuid) const noexcept
{
    static const std::string none;
    if (personUuid == pair.first) {
        return fingerprintFirst;
    }
    if (personUuid == pair.second) {
        return fingerprintSecond;
    }
    return none;
}

MatchDecisionRepository::MatchDecisionRepository(const Connection& connection)
    : m_connection(connection)
{
}

MatchDecision MatchDecisionRepository::record(const MatchDecisionDraft& draft)
{
    m_connection.db(); // a locked workspace says so before any validation message
    checkPersons(draft.personA, draft.personB);
    MatchDecision d;
    d.rationale = checkedRationale(draft.rationale);
    const std::string fingerprintA = checkedFingerprint(draft.fingerprintA, "fingerprintA");
    const std::string fingerprintB = checkedFingerprint(draft.fingerprintB, "fingerprintB");
    d.uuid = newUuid();
    d.pair = PersonPair::of(draft.personA, draft.personB);
    const bool inOrder = d.pair.first == draft.personA;
    d.fingerprintFirst = inOrder ? fingerprintA : fingerprintB;
    d.fingerprintSecond = inOrder ? fingerprintB : fingerprintA;
    d.verdict = draft.verdict;
    d.decidedBy = m_connection.actor();
    d.decidedAt = m_connection.now();
    return insert(d, m_connection.actor(), {});
}

MatchDecision MatchDecisionRepository::import(const MatchDecision& incoming,
                                              const std::string& actor,
                                              const std::vector<audit::FieldChange>& notes)
{
    auto& db = m_connection.db(); // a locked workspace says so before any validation message
    if (!isUuid(incoming.uuid)) {
        throw Error(ErrorCode::Validation, "uuid is not a valid identifier", "uuid");
    }
    checkPersons(incoming.pair.first, incoming.pair.second);
    MatchDecision d = incoming;
    d.id = 0;
    d.rationale = checkedRationale(incoming.rationale);
    d.decidedBy = checkedText(incoming.decidedBy, "decidedBy", 300, true);
    const std::string fingerprintA = checkedFingerprint(incoming.fingerprintFirst, "fingerprintA");
    const std::string fingerprintB = checkedFingerprint(incoming.fingerprintSecond, "fingerprintB");
    d.pair = PersonPair::of(incoming.pair.first, incoming.pair.second);
    const bool inOrder = d.pair.first == incoming.pair.first;
    d.fingerprintFirst = inOrder ? fingerprintA : fingerprintB;
    d.fingerprintSecond = inOrder ? fingerprintB : fingerprintA;
    store::Statement used(db, "SELECT 1 FROM match_decisions WHERE uuid = :uuid");
    if (used.bind(":uuid", d.uuid).step()) {
        throw Error(ErrorCode::Validation, "a decision here already has uuid " + d.uuid, "uuid");
    }
    // Who decided and when are the bundle's: noted in the entry, whose actor is the importing officer.
    std::vector<audit::FieldChange> changes;
    audit::noteChange(changes, "decided_by", std::nullopt, d.decidedBy);
    audit::noteChange(changes, "decided_at", std::nullopt, toIsoUtc(d.decidedAt));
    changes.insert(changes.end(), notes.begin(), notes.end());
    return insert(d, actor, changes);
}

void MatchDecisionRepository::checkPersons(const std::string& personA, const std::string& personB)
{
    if (!isUuid(personA)) {
        throw Error(ErrorCode::Validation, "personA is not a person's uuid", "personA");
    }
    if (!isUuid(personB)) {
        throw Error(ErrorCode::Validation, "personB is not a person's uuid", "personB");
    }
    if (personA == personB) {
        throw Error(ErrorCode::Validation, "a decision is about two different persons", "personB");
    }
}

namespace {

/// A decision changes the linked reports (suspect.linkedRassoReports) of every case of the people joined to either
/// person by "same" decisions, as they are now: their due items are evaluated again (due_dirty, as the tables'
/// triggers do). A link just undone leaves the two groups either side of it, both reached from the pair.
void markLinkedCasesDue(store::Database& db, const PersonPair& pair)
{
    store::Statement mark(
        db, "WITH RECURSIVE "
            "same(a, b) AS (SELECT m.person_a, m.person_b FROM match_decisions m WHERE m.decision = 'same' AND "
            "m.id = (SELECT max(x.id) FROM match_decisions x WHERE x.person_a = m.person_a AND "
            "x.person_b = m.person_b)), "
            "reach(uuid) AS (VALUES (:a), (:b) UNION SELECT CASE WHEN s.a = r.uuid THEN s.b ELSE s.a END "
            "FROM same s JOIN reach r ON s.a = r.uuid OR s.b = r.uuid) "
            "INSERT OR IGNORE INTO due_dirty (case_id) SELECT p.case_id FROM people p JOIN reach r ON p.uuid = r.uuid");
    mark.bind(":a", pair.first).bind(":b", pair.second).run();
}

} // namespace

MatchDecision
MatchDecisionRepository::insert(MatchDecision d, const std::string& actor, const std::vector<audit::FieldChange>& notes)
{
    auto& db = m_connection.db();
    store::WriteScope tx(db);
    store::Statement insert(db, "INSERT INTO match_decisions (uuid, person_a, person_b, decision, rationale, "
                                "decided_by, decided_at, fingerprint_a, fingerprint_b) VALUES (:uuid, :a, :b, "
                                ":decision, :rationale, :by, :at, :fa, :fb)");
    insert.bind(":uuid", d.uuid)
        .bind(":a", d.pair.first)
        .bind(":b", d.pair.second)
        .bind(":decision", toString(d.verdict))
        .bind(":rationale", d.rationale)
        .bind(":by", d.decidedBy)
        .bind(":at", toIsoUtc(d.decidedAt))
        .bind(":fa", d.fingerprintFirst)
        .bind(":fb", d.fingerprintSecond)
        .run();
    d.id = db.lastInsertRowId();
    // The persons by uuid and the decision are structured; the rationale is free text (the log says it was
    // written, not what), and the fingerprints are hashes of personal details: the row's hash vouches for them.
    std::vector<audit::FieldChange> changes;
    const auto opt = [](std::string_view v) { return std::optional<std::string>(std::string(v)); };
    audit::noteChange(changes, "person_a", std::nullopt, opt(d.pair.first));
    audit::noteChange(changes, "person_b", std::nullopt, opt(d.pair.second));
    audit::noteChange(changes, "decision", std::nullopt, opt(toString(d.verdict)));
    audit::noteChange(changes, "rationale", std::nullopt, opt(d.rationale), true);
    changes.insert(changes.end(), notes.begin(), notes.end());
    audit::append(db, actor, Table, d.uuid, audit::Action::Create, changes);
    markLinkedCasesDue(db, d.pair);
    db.afterCommit([this, d] { changed(Event{ChangeKind::Added, d}); });
    tx.commit();
    return d;
}

std::optional<MatchDecision> MatchDecisionRepository::current(const PersonPair& pair) const
{
    store::Statement select(m_connection.db(), std::string("SELECT ") + Columns +
                                                   " FROM match_decisions WHERE person_a = :a AND person_b = :b "
                                                   "ORDER BY id DESC LIMIT 1");
    select.bind(":a", pair.first).bind(":b", pair.second);
    if (!select.step()) {
        return std::nullopt;
    }
    return readDecision(select);
}

std::vector<MatchDecision> MatchDecisionRepository::history(const PersonPair& pair) const
{
    store::Statement select(m_connection.db(), std::string("SELECT ") + Columns +
                                                   " FROM match_decisions WHERE person_a = :a AND person_b = :b "
                                                   "ORDER BY id");
    select.bind(":a", pair.first).bind(":b", pair.second);
    return readAll(select);
}

std::vector<MatchDecision> MatchDecisionRepository::allCurrent() const
{
    store::Statement select(m_connection.db(),
                            std::string("SELECT ") + Columns +
                                " FROM match_decisions WHERE id IN (SELECT max(id) FROM match_decisions "
                                "GROUP BY person_a, person_b) ORDER BY id");
    return readAll(select);
}

std::vector<MatchDecision> MatchDecisionRepository::currentFor(std::string_view personUuid) const
{
    store::Statement select(m_connection.db(),
                            std::string("SELECT ") + Columns +
                                " FROM match_decisions WHERE id IN (SELECT max(id) FROM match_decisions "
                                "WHERE person_a = :p OR person_b = :p GROUP BY person_a, person_b) ORDER BY id");
    select.bind(":p", personUuid);
    return readAll(select);
}

std::vector<SameLink> MatchDecisionRepository::sameLinks() const
{
    return readSameLinks(m_connection.db());
}

std::vector<SameLink> MatchDecisionRepository::readSameLinks(store::Database& db)
{
    store::Statement select(db, "SELECT a.uuid, a.case_id, a.role, b.uuid, b.case_id, b.role FROM match_decisions m "
                                "JOIN people a ON a.uuid = m.person_a JOIN people b ON b.uuid = m.person_b "
                                "WHERE m.decision = 'same' AND m.id = (SELECT max(x.id) FROM match_decisions x "
                                "WHERE x.person_a = m.person_a AND x.person_b = m.person_b) ORDER BY m.id");
    std::vector<SameLink> out;
    while (select.step()) {
        out.push_back({{select.columnText(0), select.columnInt64(1), select.columnText(2)},
                       {select.columnText(3), select.columnInt64(4), select.columnText(5)}});
    }
    return out;
}

} // namespace wb::core
