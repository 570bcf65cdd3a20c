// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/people/People.h"

#include "core/Workspace.h"
#include "core/domain/Text.h"
#include "core/records/RecordSpec.h"
#include "core/repo/PersonRepository.h"

namespace wb::core::people {

namespace {

const RecordSpec& identifierSpec()
{
    return recordSpec("identifier");
}

const RecordSpec& relationshipSpec()
{
    return recordSpec("relationship");
}

} // namespace

Person add(PersonRepository& people, const PersonDraft& draft)
{
    return people.add(draft);
}

Person update(PersonRepository& people, const Person& record)
{
    return people.update(record);
}

void remove(PersonRepository& people, std::int64_t personId)
{
    people.remove(personId);
}

Record addIdentifier(Workspace& workspace, std::int64_t personId, const IdentifierDraft& draft)
{
    const Values values{{"kind", draft.kind}, {"value", trimmed(draft.value)}, {"note", trimmed(draft.note)}};
    return workspace.records().add(identifierSpec(), personId, values);
}

void removeIdentifier(Workspace& workspace, std::int64_t identifierId)
{
    workspace.records().remove(identifierSpec(), identifierId);
}

Record link(Workspace& workspace, std::int64_t caseId, const RelationshipDraft& draft)
{
    const Values values{
        {"victim_id", draft.victimId == 0 ? std::string() : std::to_string(draft.victimId)},
        {"suspect_id", draft.suspectId == 0 ? std::string() : std::to_string(draft.suspectId)},
        {"category", draft.category},
        {"description", trimmed(draft.description)},
    };
    return workspace.records().add(relationshipSpec(), caseId, values);
}

void unlink(Workspace& workspace, std::int64_t relationshipId)
{
    workspace.records().remove(relationshipSpec(), relationshipId);
}

} // namespace wb::core::people
