// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/cases/CaseFacts.h"

#include <string>

#include "core/Error.h"
#include "core/Workspace.h"
#include "core/records/RecordSpec.h"
#include "core/records/RecordTypes.h"
#include "core/suspects/RepeatSuspects.h"

namespace wb::core::cases {

namespace {

nom::CaseRecordFacts::PersonFacts personFacts(const Person& p)
{
    const auto blank = [](const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; };
    return {!blank(p.givenName) || !blank(p.familyName), p.dateOfBirth, p.ageYears, p.interpreterNeeded};
}

} // namespace

nom::CaseRecordFacts recordFacts(Workspace& workspace, std::int64_t caseId)
{
    const auto found = workspace.cases().find(caseId);
    if (!found) {
        throw Error(ErrorCode::NotFound, "case " + std::to_string(caseId) + " does not exist");
    }
    nom::CaseRecordFacts facts;
    facts.offenceDate = found->offenceDate;
    for (const auto& person : workspace.people().listForCase(caseId)) {
        if (person.role == PersonRole::Victim) {
            facts.victims.push_back(personFacts(person));
        } else if (person.role == PersonRole::Suspect) {
            facts.suspects.push_back(personFacts(person));
        }
    }
    for (const auto& r : workspace.records().listForCase(recordSpec(recordtype::kRelationship), caseId)) {
        facts.relationshipCategories.push_back(r.get("category"));
    }
    for (const auto& r : workspace.records().listForCase(recordSpec(recordtype::kIsvaReferral), caseId)) {
        facts.isvaAccepted.push_back(r.get("accepted"));
    }
    for (const auto& r : workspace.records().listForCase(recordSpec(recordtype::kBail), caseId)) {
        facts.bails.push_back({r.get("kind"), r.get("start_date"), !r.get("ended_on").empty()});
    }
    if (!facts.suspects.empty()) {
        facts.linkedSuspectCases = static_cast<int>(suspects::linkedSuspectCases(workspace, caseId).size());
    }
    return facts;
}

nom::MergedFacts
caseFacts(Workspace& workspace, std::int64_t caseId, const nom::QuestionCatalogue& questions, Instant now)
{
    const auto derived = nom::deriveFacts(recordFacts(workspace, caseId), questions, now);
    return nom::mergeFacts(workspace.context().currentAnswers(caseId, questions), derived);
}

} // namespace wb::core::cases
