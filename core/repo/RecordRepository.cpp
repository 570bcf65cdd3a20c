// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/repo/RecordRepository.h"

#include <charconv>

#include "core/audit/AuditLog.h"
#include "core/domain/ApproxDate.h"
#include "core/domain/Text.h"
#include "core/domain/Uuid.h"
#include "core/reference/ReferenceData.h"
#include "core/repo/SearchIndex.h"
#include "core/store/Statement.h"
#include "core/store/WriteScope.h"

namespace wb::core {

namespace {

[[noreturn]] void invalid(const FieldSpec& f, const std::string& what)
{
    const std::string key(f.key);
    throw Error(ErrorCode::Validation, key + ": " + what, key);
}

/// The stored columns of a spec, in order: ApproxDate fields take three.
std::vector<std::string> columns(const RecordSpec& spec)
{
    std::vector<std::string> out;
    for (const auto& f : spec.fields) {
        if (f.kind == FieldKind::ApproxDate) {
            const std::string k(f.key);
            out.insert(out.end(), {k + "_precision", k + "_from", k + "_to"});
        } else {
            out.emplace_back(f.key);
        }
    }
    return out;
}

std::string selectSql(const RecordSpec& spec)
{
    std::string sql = "SELECT id, uuid, case_id, " + std::string(spec.parentColumn) + ", created_at, updated_at";
    for (const auto& c : columns(spec)) {
        sql += ", " + c;
    }
    return sql + " FROM " + std::string(spec.table);
}

Record readRecord(const RecordSpec& spec, const store::Statement& row)
{
    Record r;
    r.spec = &spec;
    r.id = row.columnInt64(0);
    r.uuid = row.columnText(1);
    r.caseId = row.columnInt64(2);
    r.parentId = row.columnInt64(3);
    r.createdAt = parseIsoUtc(row.columnText(4)).value_or(Instant{});
    r.updatedAt = parseIsoUtc(row.columnText(5)).value_or(Instant{});
    int column = 6;
    for (const auto& f : spec.fields) {
        std::string value;
        if (f.kind == FieldKind::ApproxDate) {
            const auto precision = precisionFromString(row.columnText(column)).value_or(ApproxDate::Precision::Unknown);
            value = ApproxDate{precision, row.columnText(column + 1), row.columnText(column + 2)}.encode();
            column += 3;
        } else if (f.kind == FieldKind::Boolean || f.kind == FieldKind::Integer || f.kind == FieldKind::PersonLink ||
                   f.kind == FieldKind::RecordLink) {
            value = row.isNull(column) ? std::string() : std::to_string(row.columnInt64(column));
            ++column;
        } else {
            value = row.columnText(column);
            ++column;
        }
        if (!value.empty()) {
            r.values.emplace(std::string(f.key), std::move(value));
        }
    }
    return r;
}

void bindValues(store::Statement& statement, const RecordSpec& spec, const Values& values)
{
    for (const auto& f : spec.fields) {
        const std::string key(f.key);
        const auto it = values.find(key);
        const std::string value = it == values.end() ? std::string() : it->second;
        if (f.kind == FieldKind::ApproxDate) {
            const auto date = value.empty() ? ApproxDate() : ApproxDate::parse(value).value_or(ApproxDate());
            statement.bind(":" + key + "_precision", toString(date.precision))
                .bind(":" + key + "_from", date.from)
                .bind(":" + key + "_to", date.to);
        } else if (value.empty()) {
            statement.bindNull(":" + key);
        } else if (f.kind == FieldKind::Boolean || f.kind == FieldKind::Integer || f.kind == FieldKind::PersonLink ||
                   f.kind == FieldKind::RecordLink) {
            statement.bind(":" + key, static_cast<std::int64_t>(std::stoll(value)));
        } else {
            statement.bind(":" + key, value);
        }
    }
}

std::optional<long long> toInteger(const std::string& text)
{
    long long value = 0;
    const auto* end = text.data() + text.size();
    const auto result = std::from_chars(text.data(), end, value);
    if (result.ec != std::errc{} || result.ptr != end) {
        return std::nullopt;
    }
    return value;
}

bool contains(std::string_view options, std::string_view code)
{
    std::size_t start = 0;
    while (start <= options.size()) {
        const auto end = options.find('|', start);
        const auto part = options.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
        if (part == code) {
            return true;
        }
        if (end == std::string_view::npos) {
            break;
        }
        start = end + 1;
    }
    return false;
}

std::string todayUtc(Instant now)
{
    return toIsoUtc(now).substr(0, 10);
}

/// Text of several lines: like checkedText, but newlines and tabs are allowed.
std::string checkedLongText(const FieldSpec& f, const std::string& text)
{
    std::string flattened = text;
    for (char& c : flattened) {
        if (c == '\n' || c == '\t' || c == '\r') {
            c = ' ';
        }
    }
    (void)checkedText(flattened, std::string(f.key).c_str(), f.maxChars, false);
    return trimmed(text);
}

} // namespace

void noteCascadedRemoval(store::Database& db,
                         const std::string& actor,
                         std::string_view parentTable,
                         std::int64_t parentId)
{
    if (parentTable == "cases") {
        std::vector<std::string> answers;
        store::Statement select(db, "SELECT uuid FROM context_answers WHERE case_id = :case ORDER BY id");
        select.bind(":case", parentId);
        while (select.step()) {
            answers.push_back(select.columnText(0));
        }
        for (const auto& uuid : answers) {
            audit::append(db, actor, "context_answers", uuid, audit::Action::Delete, {});
        }
    }
    for (const auto& child : recordSpecs()) {
        // Every record table carries case_id, so a case's records are found directly.
        const std::string_view column = parentTable == "cases" ? std::string_view("case_id") : child.parentColumn;
        if (parentTable != "cases" && child.parentTable != parentTable) {
            continue;
        }
        std::vector<std::pair<std::int64_t, std::string>> children;
        store::Statement select(db, "SELECT id, uuid FROM " + std::string(child.table) + " WHERE " +
                                        std::string(column) + " = :parent ORDER BY id");
        select.bind(":parent", parentId);
        while (select.step()) {
            children.emplace_back(select.columnInt64(0), select.columnText(1));
        }
        for (const auto& [id, uuid] : children) {
            if (parentTable != "cases") {
                noteCascadedRemoval(db, actor, child.table, id);
            }
            audit::append(db, actor, child.table, uuid, audit::Action::Delete, {});
            search::unindex(db, uuid);
        }
    }
}

const std::string& Record::get(std::string_view key) const
{
    static const std::string empty;
    const auto it = values.find(key);
    return it == values.end() ? empty : it->second;
}

RecordRepository::RecordRepository(const Connection& connection, std::shared_ptr<const ReferenceData> lists)
    : m_connection(connection)
    , m_lists(std::move(lists))
{
}

Values RecordRepository::validate(const RecordSpec& spec,
                                  std::int64_t caseId,
                                  const Values& input,
                                  std::int64_t recordId,
                                  std::int64_t parentId) const
{
    auto& db = m_connection.db();
    for (const auto& [key, value] : input) {
        if (spec.field(key) == nullptr) {
            throw Error(ErrorCode::Validation, "unknown field " + key + " for " + std::string(spec.type), key);
        }
    }
    Values values;
    for (const auto& f : spec.fields) {
        const auto it = input.find(f.key);
        std::string value = it == input.end() ? std::string() : trimmed(it->second);
        if (value.empty() && recordId == 0 && !f.defaultValue.empty()) {
            value = std::string(f.defaultValue);
        }
        if (!value.empty()) {
            values.emplace(std::string(f.key), value);
        }
    }
    if (spec.derive != nullptr) {
        spec.derive(values);
    }
    const auto valueOf = [&](std::string_view key) {
        const auto it = values.find(key);
        return it == values.end() ? std::string() : it->second;
    };

    for (const auto& f : spec.fields) {
        const std::string key(f.key);
        std::string value = valueOf(key);
        bool required = f.required;
        for (const auto& rule : f.requiredWhen) {
            for (const auto& v : rule.values) {
                required = required || valueOf(rule.field) == v;
            }
        }
        if (value.empty()) {
            if (required) {
                invalid(f, "is required");
            }
            continue;
        }
        switch (f.kind) {
        case FieldKind::Text: value = checkedText(value, key.c_str(), f.maxChars, false); break;
        case FieldKind::LongText: value = checkedLongText(f, value); break;
        case FieldKind::Boolean:
            if (value == "true" || value == "yes") {
                value = "1";
            } else if (value == "false" || value == "no") {
                value = "0";
            }
            if (value != "0" && value != "1") {
                invalid(f, "must be yes or no");
            }
            break;
        case FieldKind::Integer: {
            const auto number = toInteger(value);
            if (!number || *number < f.minValue || *number > f.maxValue) {
                invalid(f, "must be a whole number from " + std::to_string(f.minValue) + " to " +
                               std::to_string(f.maxValue));
            }
            break;
        }
        case FieldKind::Date:
            if (!isValidIsoDate(value)) {
                invalid(f, "must be a date (YYYY-MM-DD)");
            }
            if (f.notFuture && value > todayUtc(m_connection.now())) {
                invalid(f, "cannot be in the future");
            }
            break;
        case FieldKind::DateTime: {
            const auto instant = parseIsoUtc(value);
            if (!instant) {
                invalid(f, "must be a date and time");
            }
            if (f.notFuture && *instant > m_connection.now() + std::chrono::minutes(5)) {
                invalid(f, "cannot be in the future");
            }
            break;
        }
        case FieldKind::ApproxDate: {
            const auto date = ApproxDate::parse(value);
            if (!date) {
                invalid(f, "is not a date with a precision");
            }
            date->validate(key.c_str());
            if (date->precision == ApproxDate::Precision::Unknown) {
                if (required) {
                    invalid(f, "is required");
                }
                values.erase(key);
                continue;
            }
            if (f.notFuture && date->earliestDay() > todayUtc(m_connection.now())) {
                invalid(f, "cannot be in the future");
            }
            value = date->encode();
            break;
        }
        case FieldKind::Choice:
            if (!f.list.empty() ? !m_lists->list(f.list).contains(value) : !contains(f.options, value)) {
                invalid(f, "'" + value + "' is not one of the allowed codes");
            }
            break;
        case FieldKind::PersonLink: {
            const auto id = toInteger(value);
            store::Statement person(db, "SELECT role FROM people WHERE id = :id AND case_id = :case");
            if (!id || !person.bind(":id", static_cast<std::int64_t>(*id)).bind(":case", caseId).step()) {
                invalid(f, "must be a person in this case");
            }
            if (!f.roles.empty() && !contains(f.roles, person.columnText(0))) {
                invalid(f, "must be a person with the role " + std::string(f.roles));
            }
            break;
        }
        case FieldKind::RecordLink: {
            const auto id = toInteger(value);
            store::Statement link(db,
                                  "SELECT 1 FROM " + std::string(f.linkTable) + " WHERE id = :id AND case_id = :case");
            if (!id || *id == recordId ||
                !link.bind(":id", static_cast<std::int64_t>(*id)).bind(":case", caseId).step()) {
                invalid(f, "must be another record of this case");
            }
            break;
        }
        case FieldKind::UuidList: {
            std::size_t start = 0;
            while (start < value.size()) {
                auto end = value.find(',', start);
                if (end == std::string::npos) {
                    end = value.size();
                }
                if (!isUuid(trimmed(std::string_view(value).substr(start, end - start)))) {
                    invalid(f, "must list record identifiers separated by commas");
                }
                start = end + 1;
            }
            break;
        }
        }
        values[key] = value;
    }
    for (const auto& f : spec.fields) {
        if (f.notBefore.empty()) {
            continue;
        }
        const std::string mine = valueOf(f.key);
        const std::string other = valueOf(f.notBefore);
        if (!mine.empty() && !other.empty() && mine.substr(0, 10) < other.substr(0, 10)) {
            invalid(f, "is before " + std::string(f.notBefore));
        }
    }
    if (spec.check != nullptr) {
        spec.check(
            CheckContext{spec, values, *m_lists, db, caseId, recordId, spec.parentTable == "cases" ? 0 : parentId});
    }
    return values;
}

std::int64_t RecordRepository::caseOf(const RecordSpec& spec, std::int64_t parentId) const
{
    auto& db = m_connection.db();
    const std::string sql = spec.parentTable == "cases"
                                ? std::string("SELECT id FROM cases WHERE id = :id")
                                : "SELECT case_id FROM " + std::string(spec.parentTable) + " WHERE id = :id";
    store::Statement select(db, sql);
    if (!select.bind(":id", parentId).step()) {
        throw Error(ErrorCode::NotFound, "the record this " + std::string(spec.type) + " belongs to does not exist");
    }
    return select.columnInt64(0);
}

void RecordRepository::indexForSearch(const Record& record) const
{
    std::string body;
    for (const auto& f : record.spec->fields) {
        if (f.searchable && !record.get(f.key).empty()) {
            body += (body.empty() ? "" : " ") + record.get(f.key);
        }
    }
    search::index(m_connection.db(), record.spec->type, record.uuid, record.caseId, body);
}

Record RecordRepository::add(const RecordSpec& spec, std::int64_t parentId, const Values& input)
{
    Record record;
    record.spec = &spec;
    record.parentId = parentId;
    record.uuid = newUuid();
    record.createdAt = record.updatedAt = m_connection.now();
    record.values = input;
    return insert(std::move(record), std::nullopt);
}

Record
RecordRepository::import(const Record& incoming, const std::string& actor, const std::vector<audit::FieldChange>& notes)
{
    if (incoming.spec == nullptr || !isUuid(incoming.uuid)) {
        throw Error(ErrorCode::Validation, "an imported record needs a type and a valid uuid", "uuid");
    }
    return insert(incoming, actor, notes);
}

std::optional<Record> RecordRepository::findByUuid(const RecordSpec& spec, std::string_view uuid) const
{
    store::Statement select(m_connection.db(), selectSql(spec) + " WHERE uuid = :uuid");
    if (!select.bind(":uuid", uuid).step()) {
        return std::nullopt;
    }
    return readRecord(spec, select);
}

Record RecordRepository::insert(Record record,
                                const std::optional<std::string>& importActor,
                                const std::vector<audit::FieldChange>& notes)
{
    const RecordSpec& spec = *record.spec;
    auto& db = m_connection.db();
    store::WriteScope tx(db);
    record.caseId = caseOf(spec, record.parentId);
    record.values = validate(spec, record.caseId, record.values, 0, record.parentId);

    const auto cols = columns(spec);
    const bool childOfRecord = spec.parentColumn != "case_id";
    std::string names = "uuid, case_id, created_at, updated_at";
    std::string params = ":uuid, :case_id, :created_at, :updated_at";
    if (childOfRecord) {
        names += ", " + std::string(spec.parentColumn);
        params += ", :parent";
    }
    for (const auto& c : cols) {
        names += ", " + c;
        params += ", :" + c;
    }
    store::Statement insert(db, "INSERT INTO " + std::string(spec.table) + " (" + names + ") VALUES (" + params + ")");
    insert.bind(":uuid", record.uuid)
        .bind(":case_id", record.caseId)
        .bind(":created_at", toIsoUtc(record.createdAt))
        .bind(":updated_at", toIsoUtc(record.updatedAt));
    if (childOfRecord) {
        insert.bind(":parent", record.parentId);
    }
    bindValues(insert, spec, record.values);
    insert.run();
    record.id = db.lastInsertRowId();

    std::vector<audit::FieldChange> changes;
    for (const auto& f : spec.fields) {
        audit::noteChange(changes, std::string(f.key), std::nullopt,
                          record.get(f.key).empty() ? std::nullopt : std::optional(record.get(f.key)), f.sensitive);
    }
    const std::string actor = importActor ? *importActor
                              : !spec.actorField.empty() && !record.get(spec.actorField).empty()
                                  ? record.get(spec.actorField)
                                  : m_connection.actor();
    changes.insert(changes.end(), notes.begin(), notes.end());
    audit::append(db, actor, spec.table, record.uuid, audit::Action::Create, changes);
    indexForSearch(record);
    db.afterCommit([this, record] { changed(Event{ChangeKind::Added, record}); });
    tx.commit();
    return record;
}

Record RecordRepository::update(const RecordSpec& spec, std::int64_t id, const Values& input)
{
    auto& db = m_connection.db();
    if (spec.immutable) {
        throw Error(ErrorCode::Immutable, std::string(spec.type) + " entries cannot be changed; add a new entry "
                                                                   "that supersedes it");
    }
    store::WriteScope tx(db);
    const auto existing = find(spec, id);
    if (!existing) {
        throw Error(ErrorCode::NotFound, "no " + std::string(spec.type) + " with id " + std::to_string(id));
    }
    Record record = *existing;
    record.values = validate(spec, record.caseId, input, id, existing->parentId);
    record.updatedAt = m_connection.now();

    std::string assignments = "updated_at = :updated_at";
    for (const auto& c : columns(spec)) {
        assignments += ", " + c + " = :" + c;
    }
    store::Statement update(db, "UPDATE " + std::string(spec.table) + " SET " + assignments + " WHERE id = :id");
    update.bind(":updated_at", toIsoUtc(record.updatedAt)).bind(":id", id);
    bindValues(update, spec, record.values);
    update.run();

    std::vector<audit::FieldChange> changes;
    for (const auto& f : spec.fields) {
        const auto opt = [](const std::string& v) { return v.empty() ? std::nullopt : std::optional(v); };
        audit::noteChange(changes, std::string(f.key), opt(existing->get(f.key)), opt(record.get(f.key)), f.sensitive);
    }
    const std::string actor = !spec.actorField.empty() && !record.get(spec.actorField).empty()
                                  ? record.get(spec.actorField)
                                  : m_connection.actor();
    audit::append(db, actor, spec.table, record.uuid, audit::Action::Update, changes);
    indexForSearch(record);
    db.afterCommit([this, record] { changed(Event{ChangeKind::Updated, record}); });
    tx.commit();
    return record;
}

void RecordRepository::remove(const RecordSpec& spec, std::int64_t id)
{
    auto& db = m_connection.db();
    if (spec.immutable) {
        throw Error(ErrorCode::Immutable, std::string(spec.type) + " entries cannot be removed");
    }
    store::WriteScope tx(db);
    const auto existing = find(spec, id);
    if (!existing) {
        throw Error(ErrorCode::NotFound, "no " + std::string(spec.type) + " with id " + std::to_string(id));
    }
    noteCascadedRemoval(db, m_connection.actor(), spec.table, id);
    store::Statement del(db, "DELETE FROM " + std::string(spec.table) + " WHERE id = :id");
    del.bind(":id", id).run();
    audit::append(db, m_connection.actor(), spec.table, existing->uuid, audit::Action::Delete, {});
    search::unindex(db, existing->uuid);
    Record removed;
    removed.spec = &spec;
    removed.id = existing->id;
    removed.uuid = existing->uuid;
    removed.caseId = existing->caseId;
    removed.parentId = existing->parentId;
    db.afterCommit([this, removed] { changed(Event{ChangeKind::Removed, removed}); });
    tx.commit();
}

std::optional<Record> RecordRepository::find(const RecordSpec& spec, std::int64_t id) const
{
    store::Statement select(m_connection.db(), selectSql(spec) + " WHERE id = :id");
    if (!select.bind(":id", id).step()) {
        return std::nullopt;
    }
    return readRecord(spec, select);
}

std::vector<Record> RecordRepository::list(const RecordSpec& spec, std::int64_t parentId) const
{
    store::Statement select(m_connection.db(), selectSql(spec) + " WHERE " + std::string(spec.parentColumn) +
                                                   " = :parent ORDER BY " + std::string(spec.orderBy));
    select.bind(":parent", parentId);
    std::vector<Record> out;
    while (select.step()) {
        out.push_back(readRecord(spec, select));
    }
    return out;
}

std::vector<Record> RecordRepository::listForCase(const RecordSpec& spec, std::int64_t caseId) const
{
    store::Statement select(m_connection.db(),
                            selectSql(spec) + " WHERE case_id = :case ORDER BY " + std::string(spec.orderBy));
    select.bind(":case", caseId);
    std::vector<Record> out;
    while (select.step()) {
        out.push_back(readRecord(spec, select));
    }
    return out;
}

} // namespace wb::core
