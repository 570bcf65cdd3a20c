// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/repo/PersonRepository.h"

#include "core/audit/AuditLog.h"
#include "core/domain/Text.h"
#include "core/domain/Uuid.h"
#include "core/repo/RecordRepository.h"
#include "core/repo/SearchIndex.h"
#include "core/store/Statement.h"
#include "core/store/WriteScope.h"

namespace wb::core {

namespace {

constexpr const char* Columns =
    "id, uuid, case_id, role, given_name, family_name, date_of_birth, created_at, updated_at, age_years, pronouns, "
    "language, interpreter_needed, needs, enhanced_rights, first_disclosure";
constexpr const char* DetailAssignments =
    "age_years = :age, pronouns = :pronouns, language = :language, interpreter_needed = :interpreter, "
    "needs = :needs, enhanced_rights = :enhanced, first_disclosure = :first";

void bindDetails(store::Statement& statement, const Person& p)
{
    statement.bind(":age", p.ageYears ? std::optional<std::int64_t>(*p.ageYears) : std::nullopt)
        .bind(":pronouns", p.pronouns)
        .bind(":language", p.language)
        .bind(":interpreter", p.interpreterNeeded ? 1 : 0)
        .bind(":needs", p.needs)
        .bind(":enhanced", p.enhancedRights ? 1 : 0)
        .bind(":first", p.firstDisclosure ? 1 : 0);
}

void indexPerson(store::Database& db, const Person& p)
{
    search::index(db, "person", p.uuid, p.caseId, trimmed(p.givenName + " " + p.familyName));
}

Person readPerson(const store::Statement& row)
{
    Person p;
    p.id = row.columnInt64(0);
    p.uuid = row.columnText(1);
    p.caseId = row.columnInt64(2);
    p.role = personRoleFromString(row.columnText(3)).value_or(PersonRole::Witness);
    p.givenName = row.columnText(4);
    p.familyName = row.columnText(5);
    p.dateOfBirth = row.columnOptionalText(6);
    const auto created = parseIsoUtc(row.columnText(7));
    const auto updated = parseIsoUtc(row.columnText(8));
    if (!created || !updated) {
        throw Error(ErrorCode::Corrupted, "a stored person has an unreadable timestamp");
    }
    p.createdAt = *created;
    p.updatedAt = *updated;
    const auto age = row.columnOptionalInt64(9);
    p.ageYears = age ? std::optional<int>(static_cast<int>(*age)) : std::nullopt;
    p.pronouns = row.columnOptionalText(10);
    p.language = row.columnOptionalText(11);
    p.interpreterNeeded = row.columnInt64(12) != 0;
    p.needs = row.columnOptionalText(13);
    p.enhancedRights = row.columnInt64(14) != 0;
    p.firstDisclosure = row.columnInt64(15) != 0;
    return p;
}

std::vector<audit::FieldChange> changesBetween(const std::optional<Person>& before, const Person& after)
{
    std::vector<audit::FieldChange> changes;
    const auto opt = [](const std::string& v) { return std::optional<std::string>(v); };
    audit::noteChange(changes, "case_id", before ? opt(std::to_string(before->caseId)) : std::nullopt,
                      opt(std::to_string(after.caseId)));
    audit::noteChange(changes, "role", before ? opt(std::string(toString(before->role))) : std::nullopt,
                      opt(std::string(toString(after.role))));
    // Names and dates of birth are identifying: the log notes that they changed, not what to.
    audit::noteChange(changes, "given_name", before ? opt(before->givenName) : std::nullopt, opt(after.givenName),
                      true);
    audit::noteChange(changes, "family_name", before ? opt(before->familyName) : std::nullopt, opt(after.familyName),
                      true);
    audit::noteChange(changes, "date_of_birth", before ? before->dateOfBirth : std::nullopt, after.dateOfBirth, true);
    const auto number = [](const std::optional<int>& v) {
        return v ? std::optional(std::to_string(*v)) : std::nullopt;
    };
    const auto flag = [](bool v) { return std::optional<std::string>(v ? "1" : "0"); };
    audit::noteChange(changes, "age_years", before ? number(before->ageYears) : std::nullopt, number(after.ageYears),
                      true);
    audit::noteChange(changes, "pronouns", before ? before->pronouns : std::nullopt, after.pronouns, true);
    audit::noteChange(changes, "language", before ? before->language : std::nullopt, after.language);
    audit::noteChange(changes, "interpreter_needed", before ? flag(before->interpreterNeeded) : std::nullopt,
                      flag(after.interpreterNeeded));
    audit::noteChange(changes, "needs", before ? before->needs : std::nullopt, after.needs, true);
    audit::noteChange(changes, "enhanced_rights", before ? flag(before->enhancedRights) : std::nullopt,
                      flag(after.enhancedRights));
    audit::noteChange(changes, "first_disclosure", before ? flag(before->firstDisclosure) : std::nullopt,
                      flag(after.firstDisclosure));
    return changes;
}

PersonDraft normalised(const PersonDraft& draft)
{
    PersonDraft out = draft;
    out.givenName = checkedText(draft.givenName, "givenName", 100, false);
    out.familyName = checkedText(draft.familyName, "familyName", 100, false);
    out.dateOfBirth = checkedOptionalText(draft.dateOfBirth, "dateOfBirth", 10);
    out.pronouns = checkedOptionalText(draft.pronouns, "pronouns", 40);
    out.language = checkedOptionalText(draft.language, "language", 60);
    out.needs = checkedOptionalText(draft.needs, "needs", 2000);
    return out;
}

} // namespace

PersonRepository::PersonRepository(const Connection& connection)
    : m_connection(connection)
{
}

void PersonRepository::validate(const PersonDraft& draft) const
{
    const PersonDraft clean = normalised(draft);
    if (clean.givenName.empty() && clean.familyName.empty()) {
        throw Error(ErrorCode::Validation, "a person needs a given or family name (or 'Unknown')", "givenName");
    }
    if (clean.dateOfBirth) {
        if (!isValidIsoDate(*clean.dateOfBirth)) {
            throw Error(ErrorCode::Validation, "dateOfBirth must be a date as YYYY-MM-DD", "dateOfBirth");
        }
        if (*clean.dateOfBirth > toIsoUtc(m_connection.now()).substr(0, 10)) {
            throw Error(ErrorCode::Validation, "dateOfBirth cannot be in the future", "dateOfBirth");
        }
    }
    if (clean.ageYears && (*clean.ageYears < 0 || *clean.ageYears > 120)) {
        throw Error(ErrorCode::Validation, "ageYears must be between 0 and 120", "ageYears");
    }
    if (clean.firstDisclosure && clean.role != PersonRole::Witness) {
        throw Error(ErrorCode::Validation, "only a witness can be the first-disclosure witness", "firstDisclosure");
    }
}

Person PersonRepository::add(const PersonDraft& draft)
{
    m_connection.db(); // a locked workspace says so before any validation message
    validate(draft);
    Person record;
    static_cast<PersonDraft&>(record) = normalised(draft);
    record.uuid = newUuid();
    record.createdAt = record.updatedAt = m_connection.now();
    return insert(record, m_connection.actor());
}

Person
PersonRepository::import(const Person& incoming, const std::string& actor, const std::vector<audit::FieldChange>& notes)
{
    m_connection.db(); // a locked workspace says so before any validation message
    validate(incoming);
    if (!isUuid(incoming.uuid)) {
        throw Error(ErrorCode::Validation, "uuid is not a valid identifier", "uuid");
    }
    Person record = incoming;
    static_cast<PersonDraft&>(record) = normalised(incoming);
    return insert(record, actor, notes);
}

std::optional<Person> PersonRepository::findByUuid(std::string_view uuid) const
{
    auto& db = m_connection.db();
    store::Statement select(db, std::string("SELECT ") + Columns + " FROM people WHERE uuid = :uuid");
    select.bind(":uuid", uuid);
    if (!select.step()) {
        return std::nullopt;
    }
    return readPerson(select);
}

Person PersonRepository::insert(Person record, const std::string& actor, const std::vector<audit::FieldChange>& notes)
{
    auto& db = m_connection.db();
    store::WriteScope tx(db);
    store::Statement caseExists(db, "SELECT 1 FROM cases WHERE id = :id");
    if (!caseExists.bind(":id", record.caseId).step()) {
        throw Error(ErrorCode::Validation, "the case this person belongs to does not exist", "caseId");
    }
    store::Statement insert(db, "INSERT INTO people (uuid, case_id, role, given_name, family_name, date_of_birth, "
                                "created_at, updated_at, age_years, pronouns, language, interpreter_needed, needs, "
                                "enhanced_rights, first_disclosure) VALUES (:uuid, :case, :role, :given, :family, "
                                ":dob, :created, :updated, :age, :pronouns, :language, :interpreter, :needs, "
                                ":enhanced, :first)");
    bindDetails(insert, record);
    insert.bind(":uuid", record.uuid)
        .bind(":case", record.caseId)
        .bind(":role", toString(record.role))
        .bind(":given", record.givenName)
        .bind(":family", record.familyName)
        .bind(":dob", record.dateOfBirth)
        .bind(":created", toIsoUtc(record.createdAt))
        .bind(":updated", toIsoUtc(record.updatedAt))
        .run();
    record.id = db.lastInsertRowId();
    auto changes = changesBetween(std::nullopt, record);
    changes.insert(changes.end(), notes.begin(), notes.end());
    audit::append(db, actor, "people", record.uuid, audit::Action::Create, changes);
    indexPerson(db, record);
    db.afterCommit([this, record] { changed(Event{ChangeKind::Added, record}); });
    tx.commit();
    return record;
}

Person PersonRepository::update(const Person& input)
{
    auto& db = m_connection.db();
    validate(input);
    store::WriteScope tx(db);
    auto existing = find(input.id);
    if (!existing) {
        throw Error(ErrorCode::NotFound, "no person with id " + std::to_string(input.id));
    }
    Person record = *existing;
    const PersonDraft clean = normalised(input);
    record.role = clean.role;
    record.givenName = clean.givenName;
    record.familyName = clean.familyName;
    record.dateOfBirth = clean.dateOfBirth;
    record.ageYears = clean.ageYears;
    record.pronouns = clean.pronouns;
    record.language = clean.language;
    record.interpreterNeeded = clean.interpreterNeeded;
    record.needs = clean.needs;
    record.enhancedRights = clean.enhancedRights;
    record.firstDisclosure = clean.firstDisclosure;
    record.updatedAt = m_connection.now();
    store::Statement update(db, "UPDATE people SET role = :role, given_name = :given, family_name = :family, "
                                "date_of_birth = :dob, updated_at = :updated, " +
                                    std::string(DetailAssignments) + " WHERE id = :id");
    bindDetails(update, record);
    update.bind(":role", toString(record.role))
        .bind(":given", record.givenName)
        .bind(":family", record.familyName)
        .bind(":dob", record.dateOfBirth)
        .bind(":updated", toIsoUtc(record.updatedAt))
        .bind(":id", record.id)
        .run();
    audit::append(db, m_connection.actor(), "people", record.uuid, audit::Action::Update,
                  changesBetween(existing, record));
    indexPerson(db, record);
    db.afterCommit([this, record] { changed(Event{ChangeKind::Updated, record}); });
    tx.commit();
    return record;
}

void PersonRepository::remove(std::int64_t id)
{
    auto& db = m_connection.db();
    store::WriteScope tx(db);
    auto existing = find(id);
    if (!existing) {
        throw Error(ErrorCode::NotFound, "no person with id " + std::to_string(id));
    }
    noteCascadedRemoval(db, m_connection.actor(), "people", id);
    store::Statement del(db, "DELETE FROM people WHERE id = :id");
    try {
        del.bind(":id", id).run();
    } catch (const Error& e) {
        if (e.code() == ErrorCode::Conflict) {
            throw Error(ErrorCode::Conflict, "this person is linked to other records (relationships, bail, devices or "
                                             "third-party material); remove those links first");
        }
        throw;
    }
    audit::append(db, m_connection.actor(), "people", existing->uuid, audit::Action::Delete, {});
    search::unindex(db, existing->uuid);
    Person removed;
    removed.id = existing->id;
    removed.uuid = existing->uuid;
    removed.caseId = existing->caseId;
    db.afterCommit([this, removed] { changed(Event{ChangeKind::Removed, removed}); });
    tx.commit();
}

std::optional<Person> PersonRepository::find(std::int64_t id) const
{
    auto& db = m_connection.db();
    store::Statement select(db, std::string("SELECT ") + Columns + " FROM people WHERE id = :id");
    select.bind(":id", id);
    if (!select.step()) {
        return std::nullopt;
    }
    return readPerson(select);
}

std::vector<Person> PersonRepository::lookup(const Lookup& q) const
{
    if (q.familyName.empty() && q.givenName.empty() && q.dateOfBirth.empty() && q.phone.empty()) {
        throw Error(ErrorCode::Validation, "give a name, a date of birth or a phone number to look for", "lookup");
    }
    auto& db = m_connection.db();
    std::string sql = std::string("SELECT ") + Columns + " FROM people WHERE 1";
    if (!q.familyName.empty()) {
        sql += " AND family_name = :family COLLATE NOCASE";
    }
    if (!q.givenName.empty()) {
        sql += " AND given_name = :given COLLATE NOCASE";
    }
    if (!q.dateOfBirth.empty()) {
        sql += " AND date_of_birth = :dob";
    }
    if (!q.phone.empty()) {
        sql += " AND id IN (SELECT person_id FROM person_identifiers WHERE kind = 'phone' AND value = :phone)";
    }
    sql += " ORDER BY id DESC LIMIT :limit";
    store::Statement select(db, sql);
    if (!q.familyName.empty()) {
        select.bind(":family", q.familyName);
    }
    if (!q.givenName.empty()) {
        select.bind(":given", q.givenName);
    }
    if (!q.dateOfBirth.empty()) {
        select.bind(":dob", q.dateOfBirth);
    }
    if (!q.phone.empty()) {
        select.bind(":phone", q.phone);
    }
    select.bind(":limit", static_cast<std::int64_t>(std::max(0, q.limit)));
    std::vector<Person> out;
    while (select.step()) {
        out.push_back(readPerson(select));
    }
    return out;
}

std::vector<Person> PersonRepository::listForCase(std::int64_t caseId) const
{
    auto& db = m_connection.db();
    store::Statement select(db, std::string("SELECT ") + Columns +
                                    " FROM people WHERE case_id = :case ORDER BY CASE role WHEN 'victim' THEN 0 "
                                    "WHEN 'suspect' THEN 1 ELSE 2 END, family_name, given_name, id");
    select.bind(":case", caseId);
    std::vector<Person> out;
    while (select.step()) {
        out.push_back(readPerson(select));
    }
    return out;
}

} // namespace wb::core
