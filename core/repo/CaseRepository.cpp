// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/repo/CaseRepository.h"

#include <algorithm>
#include <cctype>
#include <regex>

#include "core/audit/AuditLog.h"
#include "core/domain/Text.h"
#include "core/domain/Uuid.h"
#include "core/nom/OffenceCatalogue.h"
#include "core/reference/ReferenceData.h"
#include "core/repo/RecordRepository.h"
#include "core/repo/SearchIndex.h"
#include "core/store/Statement.h"
#include "core/store/WriteScope.h"

namespace wb::core {

namespace {

constexpr const char* Columns =
    "id, uuid, reference, operation_name, primary_offence, reported_at, status, created_at, updated_at, "
    "other_offences, offence_precision, offence_from, offence_to, location_type, location_description, "
    "report_channel, journey_stage, outcome_code, outcome_date, outcome_reason";

std::string joinCodes(const std::vector<std::string>& codes)
{
    std::string out;
    for (const auto& c : codes) {
        out += (out.empty() ? "" : ",") + c;
    }
    return out;
}

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
    c.otherOffences = splitList(row.columnText(9));
    c.offenceDate = ApproxDate{precisionFromString(row.columnText(10)).value_or(ApproxDate::Precision::Unknown),
                               row.columnText(11), row.columnText(12)};
    c.locationType = row.columnOptionalText(13);
    c.locationDescription = row.columnOptionalText(14);
    c.reportChannel = row.columnOptionalText(15);
    c.journeyStage = row.columnOptionalText(16);
    c.outcomeCode = row.columnOptionalText(17);
    c.outcomeDate = row.columnOptionalText(18);
    c.outcomeReason = row.columnOptionalText(19);
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
    const auto nonEmpty = [](const std::string& v) { return v.empty() ? std::nullopt : std::optional(v); };
    audit::noteChange(changes, "other_offences", before ? nonEmpty(joinCodes(before->otherOffences)) : std::nullopt,
                      nonEmpty(joinCodes(after.otherOffences)));
    const auto date = [](const ApproxDate& d) {
        return d.precision == ApproxDate::Precision::Unknown ? std::nullopt : std::optional(d.encode());
    };
    audit::noteChange(changes, "offence_date", before ? date(before->offenceDate) : std::nullopt,
                      date(after.offenceDate));
    audit::noteChange(changes, "location_type", before ? before->locationType : std::nullopt, after.locationType);
    audit::noteChange(changes, "location_description", before ? before->locationDescription : std::nullopt,
                      after.locationDescription, true);
    audit::noteChange(changes, "report_channel", before ? before->reportChannel : std::nullopt, after.reportChannel);
    audit::noteChange(changes, "journey_stage", before ? before->journeyStage : std::nullopt, after.journeyStage);
    audit::noteChange(changes, "outcome_code", before ? before->outcomeCode : std::nullopt, after.outcomeCode);
    audit::noteChange(changes, "outcome_date", before ? before->outcomeDate : std::nullopt, after.outcomeDate);
    audit::noteChange(changes, "outcome_reason", before ? before->outcomeReason : std::nullopt, after.outcomeReason,
                      true);
    return changes;
}

constexpr const char* DetailColumns =
    "other_offences, offence_precision, offence_from, offence_to, location_type, location_description, "
    "report_channel, journey_stage, outcome_code, outcome_date, outcome_reason";
constexpr const char* DetailParams =
    ":other, :precision, :from, :to, :loctype, :locdesc, :channel, :stage, :outcome, :outdate, :outreason";
constexpr const char* DetailAssignments =
    "other_offences = :other, offence_precision = :precision, offence_from = :from, offence_to = :to, "
    "location_type = :loctype, location_description = :locdesc, report_channel = :channel, journey_stage = :stage, "
    "outcome_code = :outcome, outcome_date = :outdate, outcome_reason = :outreason";

void bindDetails(store::Statement& statement, const Case& c)
{
    statement.bind(":other", joinCodes(c.otherOffences))
        .bind(":precision", toString(c.offenceDate.precision))
        .bind(":from", c.offenceDate.from)
        .bind(":to", c.offenceDate.to)
        .bind(":loctype", c.locationType)
        .bind(":locdesc", c.locationDescription)
        .bind(":channel", c.reportChannel)
        .bind(":stage", c.journeyStage)
        .bind(":outcome", c.outcomeCode)
        .bind(":outdate", c.outcomeDate)
        .bind(":outreason", c.outcomeReason);
}

void indexCase(store::Database& db, const Case& c)
{
    search::index(db, "case", c.uuid, c.id, c.reference + (c.operationName ? " " + *c.operationName : ""));
}

CaseDraft normalised(const CaseDraft& draft)
{
    CaseDraft out = draft;
    out.reference = checkedText(draft.reference, "reference", 40, true);
    out.operationName = checkedOptionalText(draft.operationName, "operationName", 80);
    out.locationType = checkedOptionalText(draft.locationType, "locationType", 40);
    out.locationDescription = checkedOptionalText(draft.locationDescription, "locationDescription", 400);
    out.reportChannel = checkedOptionalText(draft.reportChannel, "reportChannel", 40);
    out.journeyStage = checkedOptionalText(draft.journeyStage, "journeyStage", 40);
    out.outcomeCode = checkedOptionalText(draft.outcomeCode, "outcomeCode", 40);
    out.outcomeDate = checkedOptionalText(draft.outcomeDate, "outcomeDate", 10);
    out.outcomeReason = checkedOptionalText(draft.outcomeReason, "outcomeReason", 2000);
    return out;
}

} // namespace

CaseRepository::CaseRepository(const Connection& connection,
                               std::shared_ptr<const OffenceCatalogue> offences,
                               std::shared_ptr<const ReferenceData> lists)
    : m_connection(connection)
    , m_offences(std::move(offences))
    , m_lists(std::move(lists))
{
}

void CaseRepository::validate(const CaseDraft& draft) const
{
    const CaseDraft clean = normalised(draft);
    checkReferenceFormat(clean.reference);
    if (m_offences->find(clean.primaryOffence) == nullptr) {
        throw Error(ErrorCode::Validation, "primaryOffence is not in the offences list", "primaryOffence");
    }
    if (clean.reportedAt.time_since_epoch().count() <= 0 ||
        clean.reportedAt > m_connection.now() + std::chrono::hours(24)) {
        throw Error(ErrorCode::Validation, "reportedAt must be a real date, not in the future", "reportedAt");
    }
    for (std::size_t i = 0; i < clean.otherOffences.size(); ++i) {
        const auto& code = clean.otherOffences[i];
        if (m_offences->find(code) == nullptr) {
            throw Error(ErrorCode::Validation, "otherOffences: '" + code + "' is not in the offences list",
                        "otherOffences");
        }
        if (code == clean.primaryOffence ||
            std::find(clean.otherOffences.begin(), clean.otherOffences.begin() + static_cast<long>(i), code) !=
                clean.otherOffences.begin() + static_cast<long>(i)) {
            throw Error(ErrorCode::Validation, "otherOffences: each offence is listed once", "otherOffences");
        }
    }
    clean.offenceDate.validate("offenceDate");
    const std::string today = toIsoUtc(m_connection.now()).substr(0, 10);
    if (clean.offenceDate.earliestDay() > today) {
        throw Error(ErrorCode::Validation, "offenceDate cannot be in the future", "offenceDate");
    }
    if (clean.offenceDate.earliestDay() > toIsoUtc(clean.reportedAt).substr(0, 10)) {
        throw Error(ErrorCode::Validation, "offenceDate cannot be after the report", "offenceDate");
    }
    const auto checkCode = [&](const std::optional<std::string>& code, std::string_view list, const char* field) {
        if (code && !m_lists->list(list).contains(*code)) {
            throw Error(ErrorCode::Validation, std::string(field) + ": '" + *code + "' is not in " + std::string(list),
                        field);
        }
    };
    checkCode(clean.locationType, "location-types", "locationType");
    checkCode(clean.reportChannel, "report-channels", "reportChannel");
    checkCode(clean.journeyStage, "journey-stages", "journeyStage");
    checkCode(clean.outcomeCode, "outcome-codes", "outcomeCode");
    if (clean.outcomeCode) {
        if (!clean.outcomeDate) {
            throw Error(ErrorCode::Validation, "outcomeDate is required with an outcome", "outcomeDate");
        }
        if (!clean.outcomeReason) {
            throw Error(ErrorCode::Validation, "outcomeReason is required with an outcome", "outcomeReason");
        }
    }
    if (clean.outcomeDate && (!isValidIsoDate(*clean.outcomeDate) || *clean.outcomeDate > today)) {
        throw Error(ErrorCode::Validation, "outcomeDate must be a date, not in the future", "outcomeDate");
    }
    if (!clean.outcomeCode && (clean.outcomeDate || clean.outcomeReason)) {
        throw Error(ErrorCode::Validation, "outcomeCode is required for an outcome date or reason", "outcomeCode");
    }
}

struct CaseRepository::Patterns {
    std::vector<std::regex> compiled;
};

void CaseRepository::checkReferenceFormat(const std::string& reference) const
{
    if (!m_lists->has("crime-reference-formats")) {
        return;
    }
    const auto& formats = m_lists->list("crime-reference-formats");
    if (!m_referencePatterns) {
        m_referencePatterns = std::make_shared<Patterns>();
        for (const auto& item : formats.items()) {
            m_referencePatterns->compiled.emplace_back(std::string(item.extraValue("pattern")));
        }
    }
    for (const auto& pattern : m_referencePatterns->compiled) {
        if (std::regex_match(reference, pattern)) {
            return;
        }
    }
    std::string expected;
    for (const auto& item : formats.items()) {
        expected += (expected.empty() ? "" : "; or ") + item.label;
        if (!item.extraValue("example").empty()) {
            expected += " (e.g. " + std::string(item.extraValue("example")) + ")";
        }
    }
    throw Error(ErrorCode::Validation, "reference does not match this force's format: " + expected, "reference");
}

Case CaseRepository::add(const CaseDraft& draft)
{
    m_connection.db(); // a locked workspace says so before any validation message
    validate(draft);
    Case record;
    static_cast<CaseDraft&>(record) = normalised(draft);
    record.uuid = newUuid();
    record.createdAt = record.updatedAt = m_connection.now();
    return insert(record, m_connection.actor());
}

Case CaseRepository::import(const Case& incoming,
                            const std::string& actor,
                            const std::vector<audit::FieldChange>& notes)
{
    m_connection.db(); // a locked workspace says so before any validation message
    validate(incoming);
    if (!isUuid(incoming.uuid)) {
        throw Error(ErrorCode::Validation, "uuid is not a valid identifier", "uuid");
    }
    Case record = incoming;
    static_cast<CaseDraft&>(record) = normalised(incoming);
    return insert(record, actor, notes);
}

Case CaseRepository::insert(Case record, const std::string& actor, const std::vector<audit::FieldChange>& notes)
{
    auto& db = m_connection.db();
    store::WriteScope tx(db);
    store::Statement insert(db, "INSERT INTO cases (uuid, reference, operation_name, primary_offence, reported_at, "
                                "status, created_at, updated_at, " +
                                    std::string(DetailColumns) +
                                    ") VALUES (:uuid, "
                                    ":reference, :operation, :offence, :reported, :status, :created, :updated, " +
                                    std::string(DetailParams) + ")");
    insert.bind(":uuid", record.uuid)
        .bind(":reference", record.reference)
        .bind(":operation", record.operationName)
        .bind(":offence", record.primaryOffence)
        .bind(":reported", toIsoUtc(record.reportedAt))
        .bind(":status", toString(record.status))
        .bind(":created", toIsoUtc(record.createdAt))
        .bind(":updated", toIsoUtc(record.updatedAt));
    bindDetails(insert, record);
    try {
        insert.run();
    } catch (const Error& e) {
        if (e.code() == ErrorCode::Conflict) {
            throw Error(ErrorCode::Conflict, "a case with this reference already exists", "reference");
        }
        throw;
    }
    record.id = db.lastInsertRowId();
    auto changes = changesBetween(std::nullopt, record);
    changes.insert(changes.end(), notes.begin(), notes.end());
    audit::append(db, actor, "cases", record.uuid, audit::Action::Create, changes);
    indexCase(db, record);
    db.afterCommit([this, record] { changed(Event{ChangeKind::Added, record}); });
    tx.commit();
    return record;
}

Case CaseRepository::update(const Case& input)
{
    auto& db = m_connection.db();
    validate(input);
    store::WriteScope tx(db);
    auto existing = find(input.id);
    if (!existing) {
        throw Error(ErrorCode::NotFound, "no case with id " + std::to_string(input.id));
    }
    Case record = *existing;
    static_cast<CaseDraft&>(record) = normalised(input);
    record.updatedAt = m_connection.now();
    store::Statement update(db, "UPDATE cases SET reference = :reference, operation_name = :operation, "
                                "primary_offence = :offence, reported_at = :reported, status = :status, "
                                "updated_at = :updated, " +
                                    std::string(DetailAssignments) + " WHERE id = :id");
    bindDetails(update, record);
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
    indexCase(db, record);
    db.afterCommit([this, record] { changed(Event{ChangeKind::Updated, record}); });
    tx.commit();
    return record;
}

void CaseRepository::remove(std::int64_t id)
{
    auto& db = m_connection.db();
    store::WriteScope tx(db);
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
    noteCascadedRemoval(db, m_connection.actor(), "cases", id);
    store::Statement del(db, "DELETE FROM cases WHERE id = :id");
    del.bind(":id", id).run();
    for (const auto& uuid : peopleUuids) {
        audit::append(db, m_connection.actor(), "people", uuid, audit::Action::Delete, {});
    }
    audit::append(db, m_connection.actor(), "cases", existing->uuid, audit::Action::Delete, {});
    search::unindexCase(db, id);
    Case removed;
    removed.id = existing->id;
    removed.uuid = existing->uuid;
    db.afterCommit([this, removed] { changed(Event{ChangeKind::Removed, removed}); });
    tx.commit();
}

std::optional<Case> CaseRepository::findByUuid(std::string_view uuid) const
{
    auto& db = m_connection.db();
    store::Statement select(db, std::string("SELECT ") + Columns + " FROM cases WHERE uuid = :uuid");
    select.bind(":uuid", uuid);
    if (!select.step()) {
        return std::nullopt;
    }
    return readCase(select);
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

namespace {

/// Text as an SQL string literal. Only for our own catalogue codes, which are not typed by anyone,
/// but quoted properly all the same.
std::string literal(std::string_view text)
{
    std::string out = "'";
    for (const char ch : text) {
        out += ch == '\'' ? std::string("''") : std::string(1, ch);
    }
    return out + "'";
}

std::string lowerAscii(std::string text)
{
    for (auto& ch : text) {
        ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    }
    return text;
}

/// The catalogue codes whose offence title contains `text` (ASCII case-insensitive, as LIKE is).
std::vector<std::string> offencesTitled(const OffenceCatalogue& offences, const std::string& text)
{
    const std::string wanted = lowerAscii(text);
    std::vector<std::string> codes;
    for (const auto& offence : offences.offences()) {
        if (lowerAscii(offence.title).find(wanted) != std::string::npos) {
            codes.push_back(offence.code);
        }
    }
    return codes;
}

std::string whereFor(const CaseRepository::Query& q, const OffenceCatalogue& offences)
{
    std::string where = " WHERE 1";
    if (q.status) {
        where += " AND status = :status";
    }
    if (!q.text.empty()) {
        where += " AND (reference LIKE :text ESCAPE '\\' OR operation_name LIKE :text ESCAPE '\\'";
        std::string codes;
        for (const auto& code : offencesTitled(offences, q.text)) {
            codes += (codes.empty() ? "" : ",") + literal(code);
        }
        if (!codes.empty()) {
            where += " OR primary_offence IN (" + codes + ")";
        }
        std::string statuses;
        for (const auto status : q.statusesMatchingText) {
            statuses += (statuses.empty() ? "" : ",") + literal(toString(status));
        }
        if (!statuses.empty()) {
            where += " OR status IN (" + statuses + ")";
        }
        where += ")";
    }
    return where;
}

/// The offence column sorts by the title shown, not the code: each code's place among the
/// catalogue's titles. A code not in the catalogue sorts after every title, by its code.
std::string offenceRank(const OffenceCatalogue& offences)
{
    std::vector<const Offence*> byTitle;
    for (const auto& offence : offences.offences()) {
        byTitle.push_back(&offence);
    }
    std::stable_sort(byTitle.begin(), byTitle.end(),
                     [](const Offence* a, const Offence* b) { return a->title < b->title; });
    std::string rank = "CASE primary_offence";
    for (std::size_t i = 0; i < byTitle.size(); ++i) {
        rank += " WHEN " + literal(byTitle[i]->code) + " THEN " + std::to_string(i);
    }
    return rank + " ELSE " + std::to_string(byTitle.size()) + " END";
}

std::string orderFor(const CaseRepository::Query& q, const OffenceCatalogue& offences)
{
    using Key = CaseRepository::Query::SortKey;
    const std::string dir = q.descending ? " DESC" : "";
    const std::string ties = ", reported_at DESC, id DESC";
    switch (q.sortBy) {
    case Key::Reference: return " ORDER BY reference" + dir + ", id" + dir;
    case Key::Operation: return " ORDER BY operation_name" + dir + ties;
    case Key::Offence: return " ORDER BY " + offenceRank(offences) + dir + ", primary_offence" + dir + ties;
    case Key::Status: return " ORDER BY status" + dir + ties;
    case Key::NextDue:
        // Cases with no open item (closed ones, or nothing due) come last both ways.
        return " ORDER BY next_due IS NULL, next_due" + dir + ties;
    case Key::Reported: break;
    }
    return " ORDER BY reported_at" + dir + ", id" + dir;
}

std::string pageSql(const CaseRepository::Query& q, const OffenceCatalogue& offences)
{
    std::string columns = Columns;
    if (q.sortBy == CaseRepository::Query::SortKey::NextDue) {
        // One lookup a case in due_items_by_case (case_id, due).
        columns += ", (SELECT min(due) FROM due_items WHERE due_items.case_id = cases.id) AS next_due";
    }
    return "SELECT " + columns + " FROM cases" + whereFor(q, offences) + orderFor(q, offences) +
           " LIMIT :limit OFFSET :offset";
}

void bindQuery(store::Statement& s, const CaseRepository::Query& q)
{
    if (q.status) {
        s.bind(":status", toString(*q.status));
    }
    if (!q.text.empty()) {
        std::string pattern = "%";
        for (const char ch : q.text) {
            if (ch == '%' || ch == '_' || ch == '\\') {
                pattern += '\\';
            }
            pattern += ch;
        }
        s.bind(":text", pattern + "%");
    }
}

void bindPage(store::Statement& s, const CaseRepository::Query& q)
{
    bindQuery(s, q);
    s.bind(":limit", static_cast<std::int64_t>(std::max(0, q.limit)))
        .bind(":offset", std::max<std::int64_t>(0, q.offset));
}

} // namespace

std::vector<Case> CaseRepository::page(const Query& q) const
{
    store::Statement select(m_connection.db(), pageSql(q, *m_offences));
    bindPage(select, q);
    std::vector<Case> out;
    out.reserve(static_cast<std::size_t>(std::max(0, q.limit)));
    while (select.step()) {
        out.push_back(readCase(select));
    }
    return out;
}

std::string CaseRepository::pagePlan(const Query& q) const
{
    store::Statement plan(m_connection.db(), "EXPLAIN QUERY PLAN " + pageSql(q, *m_offences));
    bindPage(plan, q);
    std::string detail;
    while (plan.step()) {
        detail += plan.columnText(3) + "\n";
    }
    return detail;
}

std::int64_t CaseRepository::count(const Query& q) const
{
    store::Statement select(m_connection.db(), "SELECT count(*) FROM cases" + whereFor(q, *m_offences));
    bindQuery(select, q);
    return select.step() ? select.columnInt64(0) : 0;
}

std::int64_t CaseRepository::count() const
{
    return m_connection.db().queryInt("SELECT count(*) FROM cases");
}

} // namespace wb::core
