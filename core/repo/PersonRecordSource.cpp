// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/repo/PersonRecordSource.h"

#include <algorithm>
#include <cstdio>
#include <functional>
#include <string>

#include "core/domain/LondonTime.h"
#include "core/store/Statement.h"

namespace wb::core {

namespace {

using matching::PersonRecord;
using Binder = std::function<void(store::Statement&)>;

std::string isoDate(std::chrono::year_month_day day)
{
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(day.year()), static_cast<unsigned>(day.month()),
                  static_cast<unsigned>(day.day()));
    return text;
}

PersonRecord readPerson(const store::Statement& row)
{
    PersonRecord p;
    p.personId = row.columnInt64(0);
    p.personUuid = row.columnText(1);
    p.caseId = row.columnInt64(2);
    p.role = personRoleFromString(row.columnText(3)).value_or(PersonRole::Witness);
    p.givenName = row.columnText(4);
    p.familyName = row.columnText(5);
    p.dateOfBirth = row.columnOptionalText(6);
    const auto age = row.columnOptionalInt64(7);
    if (age) {
        p.ageYears = static_cast<int>(*age);
        // The age was true when the person was last saved: that day in London (the officer's calendar).
        const auto updated = parseIsoUtc(row.columnText(8));
        if (!updated) {
            throw Error(ErrorCode::Corrupted, "a stored person has an unreadable timestamp");
        }
        p.ageOnDate = isoDate(london::date(*updated));
    }
    return p;
}

/// The list of a record an identifier kind goes to; null for a kind matching does not use.
std::vector<std::string>* listFor(PersonRecord& p, const std::string& kind)
{
    if (kind == "alias") {
        return &p.aliases;
    }
    if (kind == "phone") {
        return &p.phones;
    }
    if (kind == "email") {
        return &p.emails;
    }
    if (kind == "handle") {
        return &p.handles;
    }
    if (kind == "vehicle") {
        return &p.vehicles;
    }
    if (kind == "address") {
        return &p.addresses;
    }
    if (kind == "police-id") {
        return &p.policeIds;
    }
    return nullptr;
}

/// The people `where` selects (a condition on `people p`) and their identifiers: two queries, merged by person id.
std::vector<PersonRecord> load(store::Database& db, const std::string& where, const Binder& bind)
{
    store::Statement people(db, "SELECT p.id, p.uuid, p.case_id, p.role, p.given_name, p.family_name, "
                                "p.date_of_birth, p.age_years, p.updated_at FROM people p WHERE " +
                                    where + " ORDER BY p.id");
    bind(people);
    std::vector<PersonRecord> out;
    while (people.step()) {
        out.push_back(readPerson(people));
    }
    if (out.empty()) {
        return out;
    }
    store::Statement identifiers(db, "SELECT i.person_id, i.kind, i.value FROM person_identifiers i WHERE "
                                     "i.person_id IN (SELECT p.id FROM people p WHERE " +
                                         where + ") ORDER BY i.person_id, i.id");
    bind(identifiers);
    auto at = out.begin();
    while (identifiers.step()) {
        const std::int64_t personId = identifiers.columnInt64(0);
        // Both lists are in person id order, so the owner is at or after the previous one.
        at = std::lower_bound(at, out.end(), personId,
                              [](const PersonRecord& p, std::int64_t id) { return p.personId < id; });
        if (at == out.end() || at->personId != personId) {
            throw Error(ErrorCode::Corrupted, "an identifier belongs to a person who cannot be read");
        }
        if (auto* list = listFor(*at, identifiers.columnText(1))) {
            list->push_back(identifiers.columnText(2));
        }
    }
    return out;
}

/// Whether an identifier was removed after `since`. A removed identifier leaves no row, and its audit entry names only
/// the identifier, so whose it was cannot be read back: the caller then reads every person (removals are rare beside
/// saves). The log is appended in time order (each entry's time is the workspace clock when it was written), so it
/// is read from its newest entry back to the first at or before `since`, not whole.
bool identifierRemovedSince(store::Database& db, const std::string& since)
{
    store::Statement entries(db, "SELECT at, entity, action FROM audit_log ORDER BY id DESC");
    while (entries.step()) {
        if (entries.columnText(0) <= since) {
            return false;
        }
        if (entries.columnText(1) == "person_identifiers" && entries.columnText(2) == "delete") {
            return true;
        }
    }
    return false;
}

} // namespace

PersonRecordSource::PersonRecordSource(const Connection& connection)
    : m_connection(connection)
{
}

std::optional<PersonRecord> PersonRecordSource::find(std::int64_t personId) const
{
    auto found = load(m_connection.db(), "p.id = :id", [personId](store::Statement& s) { s.bind(":id", personId); });
    if (found.empty()) {
        return std::nullopt;
    }
    return std::move(found.front());
}

std::vector<PersonRecord> PersonRecordSource::all(std::optional<Instant> changedSince) const
{
    auto& db = m_connection.db();
    if (!changedSince) {
        return load(db, "1", [](store::Statement&) {});
    }
    // Stored timestamps are all in toIsoUtc's fixed-width form, so text order is time order.
    const std::string since = toIsoUtc(*changedSince);
    if (identifierRemovedSince(db, since)) {
        return load(db, "1", [](store::Statement&) {});
    }
    return load(db,
                "(p.updated_at > :since OR EXISTS (SELECT 1 FROM person_identifiers c WHERE c.person_id = p.id "
                "AND c.updated_at > :since))",
                [&since](store::Statement& s) { s.bind(":since", since); });
}

std::vector<PersonRecord> PersonRecordSource::forCase(std::int64_t caseId) const
{
    return load(m_connection.db(), "p.case_id = :case", [caseId](store::Statement& s) { s.bind(":case", caseId); });
}

} // namespace wb::core
