// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/BundleJson.h"

#include "core/Error.h"
#include "core/io/BundleIdMap.h"
#include "core/json/JsonReader.h"
#include "core/store/Database.h"
#include "core/store/Statement.h"

namespace wb::core::bundle {

using nlohmann::json;

json optionalText(const std::optional<std::string>& v)
{
    return v ? json(*v) : json(nullptr);
}

std::optional<std::string> textOrNull(const json& object, const char* key)
{
    const json* value = core::json::findValue(object, key);
    if (value == nullptr) {
        return std::nullopt;
    }
    if (!value->is_string()) {
        throw Error(ErrorCode::Validation, std::string("bundle: '") + key + "' must be text", key);
    }
    return value->get<std::string>();
}

std::string text(const json& object, const char* key)
{
    const auto value = textOrNull(object, key);
    if (!value) {
        throw Error(ErrorCode::Validation, std::string("bundle: '") + key + "' is missing", key);
    }
    return *value;
}

bool flag(const json& object, const char* key, bool fallback)
{
    const json* value = core::json::findValue(object, key);
    if (value == nullptr) {
        return fallback;
    }
    if (!value->is_boolean()) {
        throw Error(ErrorCode::Validation, std::string("bundle: '") + key + "' must be true or false", key);
    }
    return value->get<bool>();
}

Instant instant(const json& object, const char* key)
{
    const auto value = parseIsoUtc(text(object, key));
    if (!value) {
        throw Error(ErrorCode::Validation, std::string("bundle: '") + key + "' is not a UTC date and time", key);
    }
    return *value;
}

json caseToJson(const Case& c)
{
    return json{{"uuid", c.uuid},
                {"reference", c.reference},
                {"operationName", optionalText(c.operationName)},
                {"primaryOffence", c.primaryOffence},
                {"reportedAt", toIsoUtc(c.reportedAt)},
                {"status", std::string(toString(c.status))},
                {"otherOffences", c.otherOffences},
                {"offenceDate", c.offenceDate.encode()},
                {"locationType", optionalText(c.locationType)},
                {"locationDescription", optionalText(c.locationDescription)},
                {"reportChannel", optionalText(c.reportChannel)},
                {"journeyStage", optionalText(c.journeyStage)},
                {"outcomeCode", optionalText(c.outcomeCode)},
                {"outcomeDate", optionalText(c.outcomeDate)},
                {"outcomeReason", optionalText(c.outcomeReason)},
                {"createdAt", toIsoUtc(c.createdAt)},
                {"updatedAt", toIsoUtc(c.updatedAt)}};
}

Case caseFromJson(const json& j)
{
    if (!j.is_object()) {
        throw Error(ErrorCode::Validation, "bundle: a case must be an object", "case");
    }
    Case c;
    c.uuid = text(j, "uuid");
    c.reference = text(j, "reference");
    c.operationName = textOrNull(j, "operationName");
    c.primaryOffence = text(j, "primaryOffence");
    c.reportedAt = instant(j, "reportedAt");
    const auto status = caseStatusFromString(text(j, "status"));
    if (!status) {
        throw Error(ErrorCode::Validation, "bundle: unknown case status", "status");
    }
    c.status = *status;
    if (const json* others = core::json::findValue(j, "otherOffences"); others != nullptr) {
        if (!others->is_array()) {
            throw Error(ErrorCode::Validation, "bundle: 'otherOffences' must be a list", "otherOffences");
        }
        for (const auto& code : *others) {
            if (!code.is_string()) {
                throw Error(ErrorCode::Validation, "bundle: 'otherOffences' must list codes", "otherOffences");
            }
            c.otherOffences.push_back(code.get<std::string>());
        }
    }
    const auto date = ApproxDate::parse(textOrNull(j, "offenceDate").value_or("unknown||"));
    if (!date) {
        throw Error(ErrorCode::Validation, "bundle: 'offenceDate' is malformed", "offenceDate");
    }
    c.offenceDate = *date;
    c.locationType = textOrNull(j, "locationType");
    c.locationDescription = textOrNull(j, "locationDescription");
    c.reportChannel = textOrNull(j, "reportChannel");
    c.journeyStage = textOrNull(j, "journeyStage");
    c.outcomeCode = textOrNull(j, "outcomeCode");
    c.outcomeDate = textOrNull(j, "outcomeDate");
    c.outcomeReason = textOrNull(j, "outcomeReason");
    c.createdAt = instant(j, "createdAt");
    c.updatedAt = instant(j, "updatedAt");
    return c;
}

json personToJson(const Person& p)
{
    return json{{"uuid", p.uuid},
                {"role", std::string(toString(p.role))},
                {"givenName", p.givenName},
                {"familyName", p.familyName},
                {"dateOfBirth", optionalText(p.dateOfBirth)},
                {"ageYears", p.ageYears ? json(*p.ageYears) : json(nullptr)},
                {"pronouns", optionalText(p.pronouns)},
                {"language", optionalText(p.language)},
                {"interpreterNeeded", p.interpreterNeeded},
                {"needs", optionalText(p.needs)},
                {"enhancedRights", p.enhancedRights},
                {"firstDisclosure", p.firstDisclosure},
                {"createdAt", toIsoUtc(p.createdAt)},
                {"updatedAt", toIsoUtc(p.updatedAt)}};
}

Person personFromJson(const json& j, std::int64_t caseId)
{
    if (!j.is_object()) {
        throw Error(ErrorCode::Validation, "bundle: a person must be an object", "person");
    }
    Person p;
    p.caseId = caseId;
    p.uuid = text(j, "uuid");
    const auto role = personRoleFromString(text(j, "role"));
    if (!role) {
        throw Error(ErrorCode::Validation, "bundle: unknown role", "role");
    }
    p.role = *role;
    p.givenName = text(j, "givenName");
    p.familyName = text(j, "familyName");
    p.dateOfBirth = textOrNull(j, "dateOfBirth");
    if (const json* age = core::json::findValue(j, "ageYears"); age != nullptr) {
        if (!age->is_number_integer()) {
            throw Error(ErrorCode::Validation, "bundle: 'ageYears' must be a whole number", "ageYears");
        }
        const auto years = age->get<long long>();
        if (years < 0 || years > 150) {
            throw Error(ErrorCode::Validation, "bundle: 'ageYears' is out of range", "ageYears");
        }
        p.ageYears = static_cast<int>(years);
    }
    p.pronouns = textOrNull(j, "pronouns");
    p.language = textOrNull(j, "language");
    p.interpreterNeeded = flag(j, "interpreterNeeded", false);
    p.needs = textOrNull(j, "needs");
    p.enhancedRights = flag(j, "enhancedRights", true);
    p.firstDisclosure = flag(j, "firstDisclosure", false);
    p.createdAt = instant(j, "createdAt");
    p.updatedAt = instant(j, "updatedAt");
    return p;
}

std::string linkTable(const FieldSpec& f)
{
    return f.kind == FieldKind::PersonLink ? std::string("people") : std::string(f.linkTable);
}

/// A record's values with local ids replaced by UUIDs.
json valuesToJson(const Record& r, const IdMap& ids)
{
    json values = json::object();
    for (const auto& f : r.spec->fields) {
        const std::string& v = r.get(f.key);
        if (v.empty()) {
            continue;
        }
        if (f.kind == FieldKind::PersonLink || f.kind == FieldKind::RecordLink) {
            values[std::string(f.key)] = ids.uuid(linkTable(f), std::stoll(v));
        } else {
            values[std::string(f.key)] = v;
        }
    }
    return values;
}

json recordToJson(const Record& r, const IdMap& ids)
{
    return json{{"type", std::string(r.spec->type)},
                {"uuid", r.uuid},
                {"parent", ids.uuid(std::string(r.spec->parentTable), r.parentId)},
                {"values", valuesToJson(r, ids)},
                {"createdAt", toIsoUtc(r.createdAt)},
                {"updatedAt", toIsoUtc(r.updatedAt)}};
}

json localValuesAsUuids(store::Database& db, const Record& r)
{
    json values = json::object();
    for (const auto& f : r.spec->fields) {
        const std::string& v = r.get(f.key);
        if (v.empty()) {
            continue;
        }
        if (f.kind == FieldKind::PersonLink || f.kind == FieldKind::RecordLink) {
            store::Statement select(db, "SELECT uuid FROM " + linkTable(f) + " WHERE id = :id");
            select.bind(":id", static_cast<std::int64_t>(std::stoll(v)));
            values[std::string(f.key)] = select.step() ? select.columnText(0) : std::string();
        } else {
            values[std::string(f.key)] = v;
        }
    }
    return values;
}

} // namespace wb::core::bundle
