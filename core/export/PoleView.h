// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/domain/ApproxDate.h"

namespace wb::core {
class Workspace;
}

/// One case seen the way an analyst charts it: persons, objects, locations and events (POLE) and the
/// links between them, built from what the case records (core/repo's readers) and nothing else.
namespace wb::core::exports {

enum class PoleClass { Person, Object, Location, Event };

/// "person", "object", "location", "event"
std::string_view toString(PoleClass poleClass) noexcept;

struct PoleEntity {
    /// Unique in the view and stable across exports: the record's UUID ("person:<uuid>", "device:<uuid>"), or for
    /// an identifier the kind and the value as written without spaces or case ("phone:07700900123"), so that one
    /// phone recorded for two people is one entity.
    std::string id;
    PoleClass poleClass = PoleClass::Person;
    std::string type;  ///< "Person", "Phone", "Email", "Online handle", "Vehicle", "Device", "Exhibit", "Address"…
    std::string label; ///< what a chart shows under the icon
    std::string role;  ///< a person's role in the case: "victim", "suspect", "witness"; empty for others
    std::string dateOfBirth; ///< a person's, "YYYY-MM-DD", when recorded
    std::string description; ///< further recorded detail (aliases, a device's description, an exhibit's)
    ApproxDate date;         ///< events: when, as recorded; Unknown for others
    std::string sourceUuid;  ///< the record it comes from (the first, for an identifier recorded more than once)
};

struct PoleLink {
    std::string fromId; ///< PoleEntity::id; the link reads from → to ("Sidney Sample" uses "07700 900123")
    std::string type;   ///< "uses", "associated with", "lives at or linked to", "victim of", "suspect in"…
    std::string toId;
    ApproxDate date;        ///< when the link held, as recorded; Unknown when not recorded
    std::string note;       ///< the recorded qualifier (a relationship's category, an identifier's note)
    std::string sourceUuid; ///< the record the link comes from
};

struct PoleView {
    std::string caseUuid;
    std::string caseReference;
    std::vector<PoleEntity> entities; ///< persons, then objects, locations and events, in the case's order
    std::vector<PoleLink> links;

    const PoleEntity* find(std::string_view id) const noexcept;
};

/// The POLE view of one case. Throws Error(NotFound) for an unknown case id.
///
/// What goes in: the people and their role; their phones, emails, online handles and vehicles (objects) and
/// addresses (locations) from their identifiers, with aliases and police identifiers as a person's description;
/// devices (linked to the person recorded as owner) and exhibits; the offence location; the offence, timeline
/// events (linked to the people and records they list), case events, bail and released-under-investigation
/// records and orders (linked to their suspect, subject and protected person); victim–suspect relationships.
/// What stays out: decisions, reviews, the plan, third-party material requests and every victim-care record
/// (contact plans, contacts, Victims' Code rights, ISVA referrals, wishes): they are not an analyst's link chart.
PoleView buildPoleView(Workspace& workspace, std::int64_t caseId);

} // namespace wb::core::exports
