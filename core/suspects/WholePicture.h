// SPDX-License-Identifier: GPL-3.0-or-later
// Repeat suspects (issue 16): the whole picture of one person across the workspace: the person and everyone
// confirmed the same (core/suspects/PersonsOfInterest), each case they appear in and what those cases record about
// them. Read only; each case's records stay as they are. Plain structs for the screens.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/domain/Case.h"
#include "core/domain/Person.h"
#include "core/repo/MatchDecisionRepository.h"
#include "core/repo/RecordRepository.h"

namespace wb::core {
class Workspace;
} // namespace wb::core

namespace wb::core::suspects {

/// One case the person appears in, and as whom.
struct PictureCase {
    std::int64_t caseId = 0;
    std::string reference;
    std::optional<std::string> operationName;
    std::string primaryOffence; ///< offence code (reference/offences.json)
    CaseStatus status = CaseStatus::Open;
    std::optional<std::string> outcomeCode; ///< Home Office outcome code, when recorded
    Person person;                          ///< the person as this case records them (role, names, details)
};

/// One identifier recorded for the person in one case.
struct PictureIdentifier {
    std::int64_t caseId = 0;
    std::int64_t personId = 0;
    std::string kind; ///< identifier-kinds code: "phone", "email", "alias", ...
    std::string value;
};

/// The person and everyone confirmed the same.
struct WholePicture {
    std::vector<PictureCase> cases;             ///< one per person record, by case reference then person id
    std::vector<PictureIdentifier> identifiers; ///< in the order of `cases`, then the identifier's order
    std::vector<Record> orders;                 ///< orders and notices (recordtype "order") naming one of them
    std::vector<Record> bail;                   ///< bail and RUI records ("bail") of one of them as suspect
    std::vector<MatchDecision> links;           ///< the current "same" decisions joining them, oldest first
    std::vector<MatchDecision> conflicts;       ///< current other decisions between members (PersonOfInterest)
};

/// The whole picture of `personId`: the person alone when nobody is confirmed the same. Throws Error(NotFound)
/// when there is no such person.
WholePicture wholePicture(Workspace& workspace, std::int64_t personId);

} // namespace wb::core::suspects
