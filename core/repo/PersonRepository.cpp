// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/repo/PersonRepository.h"

#include "core/audit/AuditLog.h"
#include "core/domain/Text.h"
#include "core/domain/Uuid.h"

namespace wb::core {

namespace {

constexpr const char* Columns =
    "id, uuid, case_id, role, given_name, family_name, date_of_birth, created_at, updated_at";

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
    return changes;
}

PersonDraft normalised(const PersonDraft& draft)
{
    PersonDraft out = draft;
    out.givenName = checkedText(draft.givenName, "givenName", 100, false);
    out.familyName = checkedText(draft.familyName, "familyName", 100, false);
    out.dateOfBirth = checkedOptionalText(draft.dateOfBirth, "dateOfBirth", 10);
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
        if (*clean.dateOfBirth > toIsoUtc(nowUtc()).substr(0, 10)) {
            throw Error(ErrorCode::Validation, "dateOfBirth cannot be in the future", "dateOfBirth");
        }
    }
}

Person PersonRepository::add(const PersonDraft& draft)
{
    auto& db = m_connection.db();
    validate(draft);
    Person record;
    static_cast<PersonDraft&>(record) = normalised(draft);
    record.uuid = newUuid();
    record.createdAt = record.updatedAt = nowUtc();

    store::Transaction tx(db);
    store::Statement caseExists(db, "SELECT 1 FROM cases WHERE id = :id");
    if (!caseExists.bind(":id", record.caseId).step()) {
        throw Error(ErrorCode::Validation, "the case this person belongs to does not exist", "caseId");
    }
    store::Statement insert(db, "INSERT INTO people (uuid, case_id, role, given_name, family_name, date_of_birth, "
                                "created_at, updated_at) VALUES (:uuid, :case, :role, :given, :family, :dob, "
                                ":created, :updated)");
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
    audit::append(db, m_connection.actor(), "people", record.uuid, audit::Action::Create,
                  changesBetween(std::nullopt, record));
    db.afterCommit([this, record] { changed(Event{ChangeKind::Added, record}); });
    tx.commit();
    return record;
}

Person PersonRepository::update(const Person& input)
{
    auto& db = m_connection.db();
    validate(input);
    store::Transaction tx(db);
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
    record.updatedAt = nowUtc();
    store::Statement update(db, "UPDATE people SET role = :role, given_name = :given, family_name = :family, "
                                "date_of_birth = :dob, updated_at = :updated WHERE id = :id");
    update.bind(":role", toString(record.role))
        .bind(":given", record.givenName)
        .bind(":family", record.familyName)
        .bind(":dob", record.dateOfBirth)
        .bind(":updated", toIsoUtc(record.updatedAt))
        .bind(":id", record.id)
        .run();
    audit::append(db, m_connection.actor(), "people", record.uuid, audit::Action::Update,
                  changesBetween(existing, record));
    db.afterCommit([this, record] { changed(Event{ChangeKind::Updated, record}); });
    tx.commit();
    return record;
}

void PersonRepository::remove(std::int64_t id)
{
    auto& db = m_connection.db();
    store::Transaction tx(db);
    auto existing = find(id);
    if (!existing) {
        throw Error(ErrorCode::NotFound, "no person with id " + std::to_string(id));
    }
    store::Statement del(db, "DELETE FROM people WHERE id = :id");
    del.bind(":id", id).run();
    audit::append(db, m_connection.actor(), "people", existing->uuid, audit::Action::Delete, {});
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

std::vector<Person> PersonRepository::listForCase(std::int64_t caseId) const
{
    auto& db = m_connection.db();
    store::Statement select(db, std::string("SELECT ") + Columns
                                    + " FROM people WHERE case_id = :case ORDER BY CASE role WHEN 'victim' THEN 0 "
                                      "WHEN 'suspect' THEN 1 ELSE 2 END, family_name, given_name, id");
    select.bind(":case", caseId);
    std::vector<Person> out;
    while (select.step()) {
        out.push_back(readPerson(select));
    }
    return out;
}

} // namespace wb::core
