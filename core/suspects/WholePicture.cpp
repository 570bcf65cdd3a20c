// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/suspects/WholePicture.h"

#include <string>

#include "core/Error.h"
#include "core/Workspace.h"
#include "core/records/RecordSpec.h"
#include "core/records/RecordTypes.h"
#include "core/suspects/PersonsOfInterest.h"

namespace wb::core::suspects {

namespace {

PictureCase pictureCase(const Case& c, const Person& person)
{
    return PictureCase{c.id, c.reference, c.operationName, c.primaryOffence, c.status, c.outcomeCode, person};
}

/// The records of a type in the case whose `personField` names the person.
void recordsNaming(Workspace& workspace,
                   std::string_view type,
                   const char* personField,
                   const PictureCase& pc,
                   std::vector<Record>& out)
{
    const std::string id = std::to_string(pc.person.id);
    for (auto& r : workspace.records().listForCase(recordSpec(type), pc.caseId)) {
        if (r.get(personField) == id) {
            out.push_back(std::move(r));
        }
    }
}

} // namespace

WholePicture wholePicture(Workspace& workspace, std::int64_t personId)
{
    WholePicture picture;
    if (auto poi = personOfInterestFor(workspace, personId)) {
        for (const auto& member : poi->members) {
            picture.cases.push_back(pictureCase(member.caseRecord, member.person));
        }
        picture.links = std::move(poi->links);
        picture.conflicts = std::move(poi->conflicts);
    } else {
        const auto person = workspace.people().find(personId);
        if (!person) {
            throw Error(ErrorCode::NotFound, "no person with id " + std::to_string(personId));
        }
        const auto c = workspace.cases().find(person->caseId);
        if (!c) {
            throw Error(ErrorCode::NotFound, "no case with id " + std::to_string(person->caseId));
        }
        picture.cases.push_back(pictureCase(*c, *person));
    }
    const RecordSpec& identifiers = recordSpec(recordtype::kIdentifier);
    for (const auto& pc : picture.cases) {
        for (const auto& r : workspace.records().list(identifiers, pc.person.id)) {
            picture.identifiers.push_back(PictureIdentifier{pc.caseId, pc.person.id, r.get("kind"), r.get("value")});
        }
        recordsNaming(workspace, recordtype::kOrder, "subject_id", pc, picture.orders);
        recordsNaming(workspace, recordtype::kBail, "suspect_id", pc, picture.bail);
    }
    return picture;
}

} // namespace wb::core::suspects
