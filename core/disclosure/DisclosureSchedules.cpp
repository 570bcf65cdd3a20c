// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/disclosure/DisclosureSchedules.h"

#include <algorithm>
#include <set>

#include "core/Workspace.h"
#include "core/deadlines/Calendar.h"
#include "core/domain/LondonTime.h"
#include "core/domain/Text.h"
#include "core/records/RecordSpec.h"
#include "core/records/RecordTypes.h"
#include "core/reference/ReferenceData.h"
#include "core/reports/CaseSummary.h"
#include "core/store/WriteScope.h"

namespace wb::core::disclosure {

namespace {

const std::vector<std::string_view>& sourceTypes()
{
    static const std::vector<std::string_view> types{recordtype::kExhibit, recordtype::kDevice,
                                                     recordtype::kTpmRequest};
    return types;
}

/// The London date of a recorded instant ("2026-03-15"), empty when none is recorded.
std::string londonDate(const std::string& isoUtc)
{
    if (isoUtc.empty()) {
        return {};
    }
    if (const auto instant = parseIsoUtc(isoUtc)) {
        return deadlines::toIsoDate(london::date(*instant));
    }
    return isoUtc.substr(0, 10);
}

std::string label(const ReferenceData& lists, std::string_view kind, const std::string& code)
{
    if (lists.has(kind)) {
        if (const auto* item = lists.list(kind).find(code)) {
            return item->label;
        }
    }
    return code;
}

Values draftFrom(Workspace& workspace, const Record& source)
{
    const auto& lists = workspace.lists();
    const std::string_view type = source.spec->type;
    Values values{
        {"sensitivity", "not-sensitive"}, {"disclosure_test", "not-assessed"}, {"source_ref", sourceRef(source)}};
    if (type == recordtype::kExhibit) {
        values["description"] = "Exhibit " + source.get("reference") + ": " + source.get("description");
        values["relevant_date"] = londonDate(source.get("seized_at"));
        std::string location = source.get("storage_location");
        const auto movements = workspace.records().list(recordSpec(recordtype::kExhibitMovement), source.id);
        const auto latest = std::max_element(movements.begin(), movements.end(), [](const Record& a, const Record& b) {
            return a.get("moved_at") < b.get("moved_at");
        });
        if (latest != movements.end()) {
            location = latest->get("to_location");
        }
        values["location"] = location;
    } else if (type == recordtype::kDevice) {
        const std::string& owner = source.get("owner_role");
        std::string description = label(lists, "device-types", source.get("device_type")) + " (" +
                                  label(lists, "device-owner-roles", owner) + ")";
        if (!source.get("description").empty()) {
            description += ": " + source.get("description");
        }
        if (!source.get("extraction_completed").empty()) {
            description += "; extraction completed " + source.get("extraction_completed");
        }
        values["description"] = description;
        values["relevant_date"] = londonDate(source.get("seized_at"));
        if (owner == "victim" || owner == "witness") {
            values["sensitivity"] = "sensitive";
        }
    } else { // third-party material
        std::string description =
            label(lists, "tpm-types", source.get("tpm_type")) + " held by " + source.get("holder");
        if (!source.get("response_on").empty()) {
            description += "; response received " + source.get("response_on");
        }
        values["description"] = description;
        values["relevant_date"] =
            !source.get("response_on").empty() ? source.get("response_on") : source.get("requested_on");
        values["sensitivity"] = "sensitive";
    }
    // The field's limit: a description typed at its own limit, plus the prefix, would be refused.
    values["description"] = clippedUtf8(values["description"], 2000);
    return values;
}

/// The case's exhibits, devices and third-party material requests that none of `items` was drafted from.
std::vector<Record> sourcesNotIn(Workspace& workspace, std::int64_t caseId, const std::vector<Record>& items)
{
    std::set<std::string, std::less<>> scheduled;
    for (const auto& item : items) {
        if (!item.get("source_ref").empty()) {
            scheduled.insert(item.get("source_ref"));
        }
    }
    std::vector<Record> sources;
    for (const auto type : sourceTypes()) {
        for (auto& record : workspace.records().listForCase(recordSpec(type), caseId)) {
            if (scheduled.count(sourceRef(record)) == 0) {
                sources.push_back(std::move(record));
            }
        }
    }
    return sources;
}

} // namespace

std::string_view toString(Schedule schedule) noexcept
{
    return schedule == Schedule::MG6D ? "MG6D" : "MG6C";
}

std::string sourceRef(const Record& source)
{
    return std::string(source.spec != nullptr ? source.spec->type : std::string_view()) + ":" + source.uuid;
}

std::vector<Record> unscheduledSources(Workspace& workspace, std::int64_t caseId)
{
    return sourcesNotIn(workspace, caseId,
                        workspace.records().listForCase(recordSpec(recordtype::kUnusedMaterial), caseId));
}

std::vector<Record> draftUnusedMaterial(Workspace& workspace, std::int64_t caseId)
{
    (void)reports::caseById(workspace, caseId); // NotFound for an unknown case
    const auto sources = unscheduledSources(workspace, caseId);
    std::vector<Record> added;
    added.reserve(sources.size());
    store::WriteScope tx(workspace.connectionForImport()); // all or nothing
    const auto& spec = recordSpec(recordtype::kUnusedMaterial);
    for (const auto& source : sources) {
        added.push_back(workspace.records().add(spec, caseId, draftFrom(workspace, source)));
    }
    tx.commit();
    return added;
}

DisclosureSchedules disclosureSchedules(Workspace& workspace, std::int64_t caseId)
{
    DisclosureSchedules schedules;
    schedules.theCase = reports::caseById(workspace, caseId);
    for (auto& person : workspace.people().listForCase(caseId)) {
        if (person.role == PersonRole::Suspect) {
            schedules.suspects.push_back(std::move(person));
        }
    }
    auto items = workspace.records().listForCase(recordSpec(recordtype::kUnusedMaterial), caseId);
    schedules.notYetScheduled = sourcesNotIn(workspace, caseId, items).size();
    for (auto& record : items) {
        const bool sensitive = record.get("sensitivity") == "sensitive";
        auto& list = sensitive ? schedules.sensitive : schedules.nonSensitive;
        list.push_back(
            {sensitive ? Schedule::MG6D : Schedule::MG6C, static_cast<int>(list.size()) + 1, std::move(record)});
    }
    for (const auto* list : {&schedules.nonSensitive, &schedules.sensitive}) {
        for (const auto& item : *list) {
            if (item.record.get("location").empty()) {
                schedules.gaps.push_back({item.schedule, item.number, Gap::Location});
            }
            if (item.schedule == Schedule::MG6D && item.record.get("sensitivity_reason").empty()) {
                schedules.gaps.push_back({item.schedule, item.number, Gap::SensitivityReason});
            }
            const std::string& test = item.record.get("disclosure_test");
            if (test.empty() || test == "not-assessed") {
                schedules.gaps.push_back({item.schedule, item.number, Gap::NotAssessed});
            } else if (test == "may-meet") {
                schedules.mayMeetTest.push_back(item);
            }
        }
    }
    return schedules;
}

} // namespace wb::core::disclosure
