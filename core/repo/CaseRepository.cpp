// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/repo/CaseRepository.h"

#include "core/audit/AuditLog.h"
#include "core/domain/Text.h"
#include "core/domain/Uuid.h"
#include "core/nom/OffenceCatalogue.h"

namespace wb::core {

namespace {

constexpr const char* Columns =
    "id, uuid, reference, operation_name, primary_offence, reported_at, status, created_at, updated_at";

Instant instantColumn(const store::Statement& row, int column)
{
    const auto value = parseIsoUtc(row.columnText(column));
    if (!value) {
        throw Error(ErrorCode::Corrupted, "a stored case has an unreadable timestamp");
    }
    return *value;
}

Case readCase(const store::Statement& row)
{
    Case c;
    c.id = row.columnInt64(0);
    c.uuid = row.columnText(1);
    c.reference = row.columnText(2);
    c.operationName = row.columnOptionalText(3);
    c.primaryOffence = row.columnText(4);
    c.reportedAt = instantColumn(row, 5);
    c.status = caseStatusFromString(row.columnText(6)).value_or(CaseStatus::Open);
    c.createdAt = instantColumn(row, 7);
    c.updatedAt = instantColumn(row, 8);
    return c;
}

std::vector<audit::FieldChange> changesBetween(const std::optional<Case>& before, const Case& after)
{
    std::vector<audit::FieldChange> changes;
    const auto opt = [](const std::string& v) { return std::optional<std::string>(v); };
    audit::noteChange(changes, "reference", before ? opt(before->reference) : std::nullopt, opt(after.reference));
    audit::noteChange(changes, "operation_name", before ? before->operationName : std::nullopt, after.operationName,
                      true);
    audit::noteChange(changes, "primary_offence", before ? opt(before->primaryOffence) : std::nullopt,
                      opt(after.primaryOffence));
    audit::noteChange(changes, "reported_at", before ? opt(toIsoUtc(before->reportedAt)) : std::nullopt,
                      opt(toIsoUtc(after.reportedAt)));
    audit::noteChange(changes, "status", before ? opt(std::string(toString(before->status))) : std::nullopt,
                      opt(std::string(toString(after.status))));
    return changes;
}

CaseDraft normalised(const CaseDraft& draft)
{
    CaseDraft out = draft;
    out.reference = checkedText(draft.reference, "reference", 40, true);
    out.operationName = checkedOptionalText(draft.operationName, "operationName", 80);
    return out;
}

} // namespace

CaseRepository::CaseRepository(const Connection& connection, std::shared_ptr<const OffenceCatalogue> offences)
    : m_connection(connection)
    , m_offences(std::move(offences))
{
}

void CaseRepository::validate(const CaseDraft& draft) const
{
    const CaseDraft clean = normalised(draft);
    if (m_offences->find(clean.primaryOffence) == nullptr) {
        throw Error(ErrorCode::Validation, "primaryOffence is not in the offences list", "primaryOffence");
    }
    if (clean.reportedAt.time_since_epoch().count() <= 0 || clean.reportedAt > nowUtc() + std::chrono::hours(24)) {
        throw Error(ErrorCode::Validation, "reportedAt must be a real date, not in the future", "reportedAt");
    }
}

Case CaseRepository::add(const CaseDraft& draft)
{
    auto& db = m_connection.db();
    validate(draft);
    Case record;
    static_cast<CaseDraft&>(record) = normalised(draft);
    record.uuid = newUuid();
    record.createdAt = record.updatedAt = nowUtc();

    store::Transaction tx(db);
    store::Statement insert(db, "INSERT INTO cases (uuid, reference, operation_name, primary_offence, reported_at, "
                                "status, created_at, updated_at) VALUES (:uuid, :reference, :operation, :offence, "
                                ":reported, :status, :created, :updated)");
    insert.bind(":uuid", record.uuid)
        .bind(":reference", record.reference)
        .bind(":operation", record.operationName)
        .bind(":offence", record.primaryOffence)
        .bind(":reported", toIsoUtc(record.reportedAt))
        .bind(":status", toString(record.status))
        .bind(":created", toIsoUtc(record.createdAt))
        .bind(":updated", toIsoUtc(record.updatedAt));
    try {
        insert.run();
    } catch (const Error& e) {
        if (e.code() == ErrorCode::Conflict) {
            throw Error(ErrorCode::Conflict, "a case with this reference already exists", "reference");
        }
        throw;
    }
    record.id = db.lastInsertRowId();
    audit::append(db, m_connection.actor(), "cases", record.uuid, audit::Action::Create,
                  changesBetween(std::nullopt, record));
    db.afterCommit([this, record] { changed(Event{ChangeKind::Added, record}); });
    tx.commit();
    return record;
}

Case CaseRepository::update(const Case& input)
{
    auto& db = m_connection.db();
    validate(input);
    store::Transaction tx(db);
    auto existing = find(input.id);
    if (!existing) {
        throw Error(ErrorCode::NotFound, "no case with id " + std::to_string(input.id));
    }
    Case record = *existing;
    static_cast<CaseDraft&>(record) = normalised(input);
    record.updatedAt = nowUtc();
    store::Statement update(db, "UPDATE cases SET reference = :reference, operation_name = :operation, "
                                "primary_offence = :offence, reported_at = :reported, status = :status, "
                                "updated_at = :updated WHERE id = :id");
    update.bind(":reference", record.reference)
        .bind(":operation", record.operationName)
        .bind(":offence", record.primaryOffence)
        .bind(":reported", toIsoUtc(record.reportedAt))
        .bind(":status", toString(record.status))
        .bind(":updated", toIsoUtc(record.updatedAt))
        .bind(":id", record.id);
    try {
        update.run();
    } catch (const Error& e) {
        if (e.code() == ErrorCode::Conflict) {
            throw Error(ErrorCode::Conflict, "a case with this reference already exists", "reference");
        }
        throw;
    }
    audit::append(db, m_connection.actor(), "cases", record.uuid, audit::Action::Update,
                  changesBetween(existing, record));
    db.afterCommit([this, record] { changed(Event{ChangeKind::Updated, record}); });
    tx.commit();
    return record;
}

void CaseRepository::remove(std::int64_t id)
{
    auto& db = m_connection.db();
    store::Transaction tx(db);
    auto existing = find(id);
    if (!existing) {
        throw Error(ErrorCode::NotFound, "no case with id " + std::to_string(id));
    }
    // The people go with the case (ON DELETE CASCADE): each removal is audited.
    std::vector<std::string> peopleUuids;
    store::Statement people(db, "SELECT uuid FROM people WHERE case_id = :id ORDER BY id");
    people.bind(":id", id);
    while (people.step()) {
        peopleUuids.push_back(people.columnText(0));
    }
    store::Statement del(db, "DELETE FROM cases WHERE id = :id");
    del.bind(":id", id).run();
    for (const auto& uuid : peopleUuids) {
        audit::append(db, m_connection.actor(), "people", uuid, audit::Action::Delete, {});
    }
    audit::append(db, m_connection.actor(), "cases", existing->uuid, audit::Action::Delete, {});
    Case removed;
    removed.id = existing->id;
    removed.uuid = existing->uuid;
    db.afterCommit([this, removed] { changed(Event{ChangeKind::Removed, removed}); });
    tx.commit();
}

std::optional<Case> CaseRepository::find(std::int64_t id) const
{
    auto& db = m_connection.db();
    store::Statement select(db, std::string("SELECT ") + Columns + " FROM cases WHERE id = :id");
    select.bind(":id", id);
    if (!select.step()) {
        return std::nullopt;
    }
    return readCase(select);
}

std::vector<Case> CaseRepository::list() const
{
    auto& db = m_connection.db();
    store::Statement select(db, std::string("SELECT ") + Columns + " FROM cases ORDER BY reported_at DESC, id DESC");
    std::vector<Case> out;
    while (select.step()) {
        out.push_back(readCase(select));
    }
    return out;
}

std::int64_t CaseRepository::count() const
{
    return m_connection.db().queryInt("SELECT count(*) FROM cases");
}

} // namespace wb::core
