// SPDX-License-Identifier: GPL-3.0-or-later
// People of a case (victims, suspects, witnesses), their identifiers and the case's victim–suspect relationships:
// what the People tab does, as typed drafts in and typed results out. Validation is the repositories' and the
// record types' (core/records); nothing is written when refused.
#pragma once

#include <cstdint>
#include <string>

#include "core/domain/Person.h"
#include "core/repo/RecordRepository.h"

namespace wb::core {
class PersonRepository;
class Workspace;
} // namespace wb::core

namespace wb::core::people {

/// Adds a person to the case the draft names. Throws Error(Validation) naming the field.
Person add(PersonRepository& people, const PersonDraft& draft);
/// Saves the editable fields of an existing person (`record.id`). Throws Error(Validation), Error(NotFound).
Person update(PersonRepository& people, const Person& record);
/// Removes a person with their identifiers and relationships (audited).
void remove(PersonRepository& people, std::int64_t personId);

/// An alias, phone, email, handle, vehicle, address or police id of one person.
struct IdentifierDraft {
    std::string kind; ///< an identifier-kinds code
    std::string value;
    std::string note;
};

/// Adds an identifier to a person; value and note are trimmed. Throws Error(Validation, field "value") when the
/// value is blank, Error(Validation, "kind") for an unknown kind.
Record addIdentifier(Workspace& workspace, std::int64_t personId, const IdentifierDraft& draft);
void removeIdentifier(Workspace& workspace, std::int64_t identifierId);

/// A victim–suspect relationship in a case.
struct RelationshipDraft {
    std::int64_t victimId = 0;
    std::int64_t suspectId = 0;
    std::string category; ///< a relationship-types code
    std::string description;
};

/// Links a victim and a suspect of the case; the description is trimmed. Throws Error(Validation) naming the field
/// ("victim_id" and "suspect_id" must be a victim and a suspect of this case).
Record link(Workspace& workspace, std::int64_t caseId, const RelationshipDraft& draft);
void unlink(Workspace& workspace, std::int64_t relationshipId);

} // namespace wb::core::people
