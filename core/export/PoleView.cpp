// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/export/PoleView.h"

#include <algorithm>
#include <cctype>
#include <map>

#include "core/Error.h"
#include "core/Workspace.h"
#include "core/domain/Text.h"
#include "core/nom/OffenceCatalogue.h"
#include "core/records/RecordTypes.h"
#include "core/reference/ReferenceData.h"

namespace wb::core::exports {

namespace {

/// A code's label in a reference list; the code itself when the list does not have it.
std::string labelOf(const Workspace& ws, std::string_view list, const std::string& code)
{
    if (code.empty()) {
        return {};
    }
    const auto* item = ws.lists().list(list).find(code);
    return item != nullptr ? item->label : code;
}

std::string offenceTitle(const Workspace& ws, const std::string& code)
{
    const auto* offence = ws.offences().find(code);
    return offence != nullptr ? offence->title : code;
}

/// An identifier's value as one entity's key: spaces and, except for handles, punctuation between digits kept
/// out of phone numbers; letters in one case. Only for matching the same value written twice in one case.
std::string identityKey(const std::string& kind, const std::string& value)
{
    std::string out;
    for (const char c : value) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isspace(u) != 0) {
            continue;
        }
        if (kind == "phone" && (c == '-' || c == '(' || c == ')' || c == '.')) {
            continue;
        }
        out.push_back(static_cast<char>(std::tolower(u)));
    }
    return kind + ":" + out;
}

std::string personName(const Person& p)
{
    return trimmed(p.givenName + " " + p.familyName);
}

/// The date of a record's DateTime or Date field as an ApproxDate (Unknown when not recorded).
ApproxDate dateOf(const Record& r, std::string_view key)
{
    const auto& value = r.get(key);
    if (value.empty()) {
        return ApproxDate::unknown();
    }
    return value.size() > 10 ? ApproxDate::exact(value) : ApproxDate::day(value);
}

class Builder
{
public:
    Builder(Workspace& ws, const Case& c)
        : m_ws(ws)
        , m_case(c)
    {
        m_view.caseUuid = c.uuid;
        m_view.caseReference = c.reference;
    }

    PoleView build()
    {
        addPeople();
        addIdentifiers();
        addDevicesAndExhibits();
        addOffence();
        addTimeline();
        addCaseEvents();
        addBailAndOrders();
        addRelationships();
        return std::move(m_view);
    }

private:
    std::vector<Record> records(std::string_view type) const
    {
        return m_ws.records().listForCase(recordSpec(type), m_case.id);
    }

    PoleEntity& add(PoleEntity entity)
    {
        m_index[entity.id] = m_view.entities.size();
        m_view.entities.push_back(std::move(entity));
        return m_view.entities.back();
    }

    void link(std::string from, std::string type, std::string to, ApproxDate date, std::string note, std::string uuid)
    {
        m_view.links.push_back(PoleLink{std::move(from), std::move(type), std::move(to), std::move(date),
                                        std::move(note), std::move(uuid)});
    }

    /// The entity of a person of this case by their id as a PersonLink field holds it; empty when none.
    std::string personEntity(const std::string& personId) const
    {
        const auto it = m_personIds.find(personId);
        return it != m_personIds.end() ? it->second : std::string();
    }

    void addPeople()
    {
        for (const auto& p : m_ws.people().listForCase(m_case.id)) {
            PoleEntity e;
            e.id = "person:" + p.uuid;
            e.poleClass = PoleClass::Person;
            e.type = "Person";
            e.label = personName(p);
            e.role = std::string(toString(p.role));
            e.dateOfBirth = p.dateOfBirth.value_or("");
            e.sourceUuid = p.uuid;
            m_personIds[std::to_string(p.id)] = e.id;
            m_uuidEntities[p.uuid] = e.id;
            add(std::move(e));
        }
    }

    void addIdentifiers()
    {
        static const std::map<std::string, std::pair<PoleClass, std::string>, std::less<>> kinds = {
            {"phone", {PoleClass::Object, "Phone"}},          {"email", {PoleClass::Object, "Email"}},
            {"handle", {PoleClass::Object, "Online handle"}}, {"vehicle", {PoleClass::Object, "Vehicle"}},
            {"address", {PoleClass::Location, "Address"}},
        };
        for (const auto& r : records(recordtype::kIdentifier)) {
            const std::string person = personEntity(std::to_string(r.parentId));
            const auto& kind = r.get("kind");
            const auto& value = r.get("value");
            const auto it = kinds.find(kind);
            if (it == kinds.end()) {
                // An alias or a police identifier describes the person: it is not a thing of its own.
                if (const auto at = m_index.find(person); at != m_index.end()) {
                    auto& d = m_view.entities[at->second].description;
                    d += (d.empty() ? "" : "; ") + labelOf(m_ws, "identifier-kinds", kind) + ": " + value;
                }
                continue;
            }
            const std::string id = identityKey(kind, value);
            if (m_index.find(id) == m_index.end()) {
                PoleEntity e;
                e.id = id;
                e.poleClass = it->second.first;
                e.type = it->second.second;
                e.label = value;
                e.sourceUuid = r.uuid;
                add(std::move(e));
            }
            m_uuidEntities[r.uuid] = id;
            if (!person.empty()) {
                link(person,
                     kind == "address"   ? "linked to address"
                     : kind == "vehicle" ? "associated with"
                                         : "uses",
                     id, ApproxDate::unknown(), r.get("note"), r.uuid);
            }
        }
    }

    void addDevicesAndExhibits()
    {
        for (const auto& r : records(recordtype::kDevice)) {
            PoleEntity e;
            e.id = "device:" + r.uuid;
            e.poleClass = PoleClass::Object;
            e.type = "Device";
            e.label = labelOf(m_ws, "device-types", r.get("device_type"));
            e.description = r.get("description");
            e.sourceUuid = r.uuid;
            const std::string owner = personEntity(r.get("person_id"));
            m_uuidEntities[r.uuid] = e.id;
            const std::string id = e.id;
            add(std::move(e));
            if (!owner.empty()) {
                link(owner, "owns or uses", id, ApproxDate::unknown(),
                     labelOf(m_ws, "device-owner-roles", r.get("owner_role")), r.uuid);
            }
        }
        for (const auto& r : records(recordtype::kExhibit)) {
            PoleEntity e;
            e.id = "exhibit:" + r.uuid;
            e.poleClass = PoleClass::Object;
            e.type = "Exhibit";
            e.label = r.get("reference");
            e.description = r.get("description");
            e.date = dateOf(r, "seized_at");
            e.sourceUuid = r.uuid;
            m_uuidEntities[r.uuid] = e.id;
            add(std::move(e));
        }
    }

    void addOffence()
    {
        PoleEntity offence;
        offence.id = "offence:" + m_case.uuid;
        offence.poleClass = PoleClass::Event;
        offence.type = "Offence";
        offence.label = offenceTitle(m_ws, m_case.primaryOffence);
        for (const auto& other : m_case.otherOffences) {
            offence.description += (offence.description.empty() ? "also: " : "; ") + offenceTitle(m_ws, other);
        }
        offence.date = m_case.offenceDate;
        offence.sourceUuid = m_case.uuid;
        m_offence = offence.id;
        add(std::move(offence));
        for (const auto& e : std::vector<PoleEntity>(m_view.entities)) {
            if (e.poleClass == PoleClass::Person) {
                const std::string type = e.role == "victim"    ? "victim of"
                                         : e.role == "suspect" ? "suspect in"
                                                               : "witness to";
                link(e.id, type, m_offence, ApproxDate::unknown(), {}, m_case.uuid);
            }
        }
        if (m_case.locationType || m_case.locationDescription) {
            PoleEntity place;
            place.id = "offence-location:" + m_case.uuid;
            place.poleClass = PoleClass::Location;
            place.type = "Offence location";
            place.label =
                m_case.locationDescription.value_or(labelOf(m_ws, "location-types", m_case.locationType.value_or("")));
            place.description = labelOf(m_ws, "location-types", m_case.locationType.value_or(""));
            place.sourceUuid = m_case.uuid;
            const std::string id = place.id;
            add(std::move(place));
            link(m_offence, "occurred at", id, ApproxDate::unknown(), {}, m_case.uuid);
        }
    }

    void addTimeline()
    {
        for (const auto& r : records(recordtype::kTimelineEvent)) {
            PoleEntity e;
            e.id = "timeline:" + r.uuid;
            e.poleClass = PoleClass::Event;
            e.type = "Timeline event";
            e.label = r.get("title");
            e.date = ApproxDate::parse(r.get("occurred")).value_or(ApproxDate::unknown());
            e.sourceUuid = r.uuid;
            const std::string id = e.id;
            add(std::move(e));
            for (const auto& uuid : splitList(r.get("links"))) {
                if (const auto it = m_uuidEntities.find(uuid); it != m_uuidEntities.end()) {
                    link(it->second, "involved in", id, ApproxDate::unknown(), {}, r.uuid);
                }
            }
        }
    }

    void addCaseEvents()
    {
        for (const auto& r : records(recordtype::kCaseEvent)) {
            PoleEntity e;
            e.id = "case-event:" + r.uuid;
            e.poleClass = PoleClass::Event;
            e.type = "Case event";
            e.label = labelOf(m_ws, "case-event-kinds", r.get("kind"));
            e.date = dateOf(r, "occurred_at");
            e.sourceUuid = r.uuid;
            const std::string id = e.id;
            add(std::move(e));
            if (const auto suspect = personEntity(r.get("suspect_id")); !suspect.empty()) {
                link(suspect, "subject of", id, dateOf(r, "occurred_at"), {}, r.uuid);
            }
        }
    }

    void addBailAndOrders()
    {
        for (const auto& r : records(recordtype::kBail)) {
            const bool rui = r.get("kind") == "rui";
            PoleEntity e;
            e.id = "bail:" + r.uuid;
            e.poleClass = PoleClass::Event;
            e.type = rui ? "Released under investigation" : "Pre-charge bail";
            e.label = e.type;
            e.date = dateOf(r, "start_date");
            e.sourceUuid = r.uuid;
            const std::string id = e.id;
            add(std::move(e));
            if (const auto suspect = personEntity(r.get("suspect_id")); !suspect.empty()) {
                link(suspect, "subject of", id, dateOf(r, "start_date"), {}, r.uuid);
            }
        }
        for (const auto& r : records(recordtype::kOrder)) {
            PoleEntity e;
            e.id = "order:" + r.uuid;
            e.poleClass = PoleClass::Event;
            e.type = "Order or notice";
            e.label = labelOf(m_ws, "order-types", r.get("order_type"));
            const auto& made = r.get("made_on");
            e.date = !made.empty() ? ApproxDate::day(made) : dateOf(r, "served_at");
            e.sourceUuid = r.uuid;
            const std::string id = e.id;
            const ApproxDate when = e.date;
            add(std::move(e));
            if (const auto subject = personEntity(r.get("subject_id")); !subject.empty()) {
                link(subject, "subject of", id, when, {}, r.uuid);
            }
            if (const auto protectedPerson = personEntity(r.get("protected_id")); !protectedPerson.empty()) {
                link(protectedPerson, "protected by", id, when, {}, r.uuid);
            }
        }
    }

    void addRelationships()
    {
        for (const auto& r : records(recordtype::kRelationship)) {
            const auto victim = personEntity(r.get("victim_id"));
            const auto suspect = personEntity(r.get("suspect_id"));
            if (!victim.empty() && !suspect.empty()) {
                link(victim, "relationship", suspect, ApproxDate::unknown(),
                     labelOf(m_ws, "relationship-types", r.get("category")), r.uuid);
            }
        }
    }

    Workspace& m_ws;
    const Case& m_case;
    PoleView m_view;
    std::string m_offence;
    std::map<std::string, std::size_t, std::less<>> m_index;        ///< entity id → position
    std::map<std::string, std::string, std::less<>> m_personIds;    ///< person id (as text) → entity id
    std::map<std::string, std::string, std::less<>> m_uuidEntities; ///< record or person uuid → entity id
};

} // namespace

std::string_view toString(PoleClass poleClass) noexcept
{
    switch (poleClass) {
    case PoleClass::Person: return "person";
    case PoleClass::Object: return "object";
    case PoleClass::Location: return "location";
    case PoleClass::Event: return "event";
    }
    return "person";
}

const PoleEntity* PoleView::find(std::string_view id) const noexcept
{
    const auto it = std::find_if(entities.begin(), entities.end(), [id](const PoleEntity& e) { return e.id == id; });
    return it != entities.end() ? &*it : nullptr;
}

PoleView buildPoleView(Workspace& workspace, std::int64_t caseId)
{
    const auto c = workspace.cases().find(caseId);
    if (!c) {
        throw Error(ErrorCode::NotFound, "no case with id " + std::to_string(caseId), "case");
    }
    return Builder(workspace, *c).build();
}

} // namespace wb::core::exports
