// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/export/CaseJson.h"

#include <algorithm>
#include <map>

#include <nlohmann/json.hpp>

#include "core/Error.h"
#include "core/Workspace.h"
#include "core/domain/Text.h"
#include "core/export/RecordedDate.h"
#include "core/nom/OffenceCatalogue.h"
#include "core/reference/ReferenceData.h"

namespace wb::core::exports {

namespace {

using Json = nlohmann::ordered_json; // keys in the order written: the same document every time

Json textOrNull(const std::string& value)
{
    return value.empty() ? Json(nullptr) : Json(value);
}

Json textOrNull(const std::optional<std::string>& value)
{
    return value ? textOrNull(*value) : Json(nullptr);
}

Json approxDate(const ApproxDate& date)
{
    Json j;
    j["precision"] = toString(date.precision);
    j["from"] = textOrNull(date.from);
    j["to"] = textOrNull(date.to);
    j["asRecorded"] = asRecorded(date);
    return j;
}

Json coded(const Workspace& ws, std::string_view list, const std::string& code)
{
    if (code.empty()) {
        return nullptr;
    }
    Json j;
    j["code"] = code;
    const auto* item = list.empty() ? nullptr : ws.lists().list(list).find(code);
    j["label"] = item != nullptr ? Json(item->label) : Json(nullptr);
    return j;
}

Json offence(const Workspace& ws, const std::string& code)
{
    Json j;
    j["code"] = code;
    const auto* o = ws.offences().find(code);
    j["title"] = o != nullptr ? Json(o->title) : Json(nullptr);
    return j;
}

class Document
{
public:
    Document(Workspace& ws, const Case& c)
        : m_ws(ws)
        , m_case(c)
    {
    }

    Json build()
    {
        const auto info = m_ws.info();
        Json doc;
        doc["schemaVersion"] = CaseJsonSchemaVersion;
        doc["format"] = "rasso-workbench-case";
        doc["exportedAt"] = toIsoUtc(m_ws.clock().now());
        doc["exportedBy"] =
            info.owner.displayName + (info.owner.staffNumber.empty() ? "" : " (" + info.owner.staffNumber + ")");
        doc["training"] = info.training;
        doc["case"] = caseJson();
        Json people = Json::array();
        for (const auto& p : m_ws.people().listForCase(m_case.id)) {
            m_people[p.id] = p.uuid;
            people.push_back(personJson(p));
        }
        doc["people"] = std::move(people);
        collectRecords();
        Json records = Json::array();
        for (const auto& r : m_records) {
            records.push_back(recordJson(r));
        }
        doc["records"] = std::move(records);
        return doc;
    }

private:
    Json caseJson() const
    {
        const Case& c = m_case;
        Json j;
        j["uuid"] = c.uuid;
        j["reference"] = c.reference;
        j["operationName"] = textOrNull(c.operationName);
        j["status"] = toString(c.status);
        j["primaryOffence"] = offence(m_ws, c.primaryOffence);
        Json others = Json::array();
        for (const auto& o : c.otherOffences) {
            others.push_back(offence(m_ws, o));
        }
        j["otherOffences"] = std::move(others);
        j["reportedAt"] = toIsoUtc(c.reportedAt);
        j["offenceDate"] = approxDate(c.offenceDate);
        j["locationType"] = coded(m_ws, "location-types", c.locationType.value_or(""));
        j["locationDescription"] = textOrNull(c.locationDescription);
        j["reportChannel"] = coded(m_ws, "report-channels", c.reportChannel.value_or(""));
        j["journeyStage"] = coded(m_ws, "journey-stages", c.journeyStage.value_or(""));
        j["outcomeCode"] = coded(m_ws, "outcome-codes", c.outcomeCode.value_or(""));
        j["outcomeDate"] = textOrNull(c.outcomeDate);
        j["outcomeReason"] = textOrNull(c.outcomeReason);
        j["createdAt"] = toIsoUtc(c.createdAt);
        j["updatedAt"] = toIsoUtc(c.updatedAt);
        return j;
    }

    static Json personJson(const Person& p)
    {
        Json j;
        j["uuid"] = p.uuid;
        j["role"] = toString(p.role);
        j["givenName"] = p.givenName;
        j["familyName"] = p.familyName;
        j["dateOfBirth"] = textOrNull(p.dateOfBirth);
        j["ageYears"] = p.ageYears ? Json(*p.ageYears) : Json(nullptr);
        j["pronouns"] = textOrNull(p.pronouns);
        j["language"] = textOrNull(p.language);
        j["interpreterNeeded"] = p.interpreterNeeded;
        j["needs"] = textOrNull(p.needs);
        j["enhancedRights"] = p.enhancedRights;
        j["firstDisclosure"] = p.firstDisclosure;
        j["createdAt"] = toIsoUtc(p.createdAt);
        j["updatedAt"] = toIsoUtc(p.updatedAt);
        return j;
    }

    /// Every record of the case, type by type in the workbench's order, each type by id (the order they were
    /// added); the uuid of each by table and id, for parents and links.
    void collectRecords()
    {
        for (const auto& spec : recordSpecs()) {
            auto list = m_ws.records().listForCase(spec, m_case.id);
            std::sort(list.begin(), list.end(), [](const Record& a, const Record& b) { return a.id < b.id; });
            for (const auto& r : list) {
                m_uuids[std::string(spec.table)][r.id] = r.uuid;
            }
            m_records.insert(m_records.end(), list.begin(), list.end());
        }
    }

    std::string uuidOf(std::string_view table, const std::string& idText) const
    {
        const auto id = std::stoll(idText);
        if (table == "people") {
            const auto it = m_people.find(id);
            return it != m_people.end() ? it->second : std::string();
        }
        const auto t = m_uuids.find(std::string(table));
        if (t == m_uuids.end()) {
            return {};
        }
        const auto it = t->second.find(id);
        return it != t->second.end() ? it->second : std::string();
    }

    Json fieldValue(const FieldSpec& f, const std::string& value) const
    {
        if (value.empty()) {
            return nullptr;
        }
        switch (f.kind) {
        case FieldKind::Text:
        case FieldKind::LongText:
        case FieldKind::Date:
        case FieldKind::DateTime: return value;
        case FieldKind::Boolean: return value == "1";
        case FieldKind::Integer: return std::stoll(value);
        case FieldKind::ApproxDate: return approxDate(ApproxDate::parse(value).value_or(ApproxDate::unknown()));
        case FieldKind::Choice: return coded(m_ws, f.list, value);
        case FieldKind::PersonLink: return textOrNull(uuidOf("people", value));
        case FieldKind::RecordLink: return textOrNull(uuidOf(f.linkTable, value));
        case FieldKind::UuidList: {
            Json list = Json::array();
            for (const auto& uuid : splitList(value)) {
                list.push_back(uuid);
            }
            return list;
        }
        }
        return value;
    }

    Json recordJson(const Record& r) const
    {
        const RecordSpec& spec = *r.spec;
        Json j;
        j["type"] = spec.type;
        j["uuid"] = r.uuid;
        if (spec.parentTable == "cases") {
            j["parent"] = nullptr;
        } else {
            Json parent;
            parent["table"] = spec.parentTable;
            parent["uuid"] = uuidOf(spec.parentTable, std::to_string(r.parentId));
            j["parent"] = std::move(parent);
        }
        j["createdAt"] = toIsoUtc(r.createdAt);
        j["updatedAt"] = toIsoUtc(r.updatedAt);
        Json fields;
        for (const auto& f : spec.fields) {
            fields[std::string(f.key)] = fieldValue(f, r.get(f.key));
        }
        j["fields"] = std::move(fields);
        return j;
    }

    Workspace& m_ws;
    const Case& m_case;
    std::map<std::int64_t, std::string> m_people;
    std::map<std::string, std::map<std::int64_t, std::string>> m_uuids;
    std::vector<Record> m_records;
};

} // namespace

std::string caseToJson(Workspace& workspace, std::int64_t caseId)
{
    const auto c = workspace.cases().find(caseId);
    if (!c) {
        throw Error(ErrorCode::NotFound, "no case with id " + std::to_string(caseId), "case");
    }
    return Document(workspace, *c).build().dump(2) + "\n";
}

} // namespace wb::core::exports
