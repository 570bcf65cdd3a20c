// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/demo/DemoData.h"

#include <array>
#include <string>

#include "core/Workspace.h"
#include "core/nom/OffenceCatalogue.h"

namespace wb::core {

namespace {

struct DemoPerson {
    PersonRole role;
    const char* given;
    const char* family;
    const char* dateOfBirth; // nullptr when unknown
};

struct DemoCase {
    const char* reference;
    const char* operation;
    const char* offence;
    int daysAgo;
    CaseStatus status;
    std::array<DemoPerson, 3> people;
};

// All names are invented and marked as such by their surnames.
constexpr std::array<DemoCase, 5> Cases{{
    {"DEMO/0001/26", "Operation Larkspur", "SOA2003-s1", 3, CaseStatus::Open,
     {{{PersonRole::Victim, "Alex", "Example", "1998-04-12"},
       {PersonRole::Suspect, "Jordan", "Sample", "1995-09-30"},
       {PersonRole::Witness, "Casey", "Fictional", nullptr}}}},
    {"DEMO/0002/26", "Operation Foxglove", "SOA2003-s2", 12, CaseStatus::Open,
     {{{PersonRole::Victim, "Morgan", "Testcase", "2001-01-05"},
       {PersonRole::Suspect, "Unknown", "", nullptr},
       {PersonRole::Witness, "Riley", "Placeholder", "1990-07-21"}}}},
    {"DEMO/0003/26", "", "SOA2003-s3", 40, CaseStatus::Open,
     {{{PersonRole::Victim, "Sam", "Democase", "1987-11-02"},
       {PersonRole::Suspect, "Taylor", "Madeup", "1984-03-17"},
       {PersonRole::Witness, "Jamie", "Invented", nullptr}}}},
    {"DEMO/0004/25", "Operation Hawthorn", "NONRECENT-pre2004", 200, CaseStatus::Open,
     {{{PersonRole::Victim, "Charlie", "Example", "1975-06-09"},
       {PersonRole::Suspect, "Drew", "Sample", "1950-02-14"},
       {PersonRole::Witness, "Robin", "Fictional", "1974-12-01"}}}},
    {"DEMO/0005/25", "Operation Yarrow", "SOA2003-s4", 330, CaseStatus::Closed,
     {{{PersonRole::Victim, "Avery", "Testcase", "1993-08-25"},
       {PersonRole::Suspect, "Quinn", "Madeup", "1991-10-10"},
       {PersonRole::Witness, "Rowan", "Placeholder", nullptr}}}},
}};

} // namespace

std::size_t addDemoCases(Workspace& workspace)
{
    std::size_t added = 0;
    for (const auto& demo : Cases) {
        if (workspace.offences().find(demo.offence) == nullptr) {
            continue; // a force's own offences list may not carry every demo offence
        }
        CaseDraft draft;
        draft.reference = demo.reference;
        if (*demo.operation != '\0') {
            draft.operationName = demo.operation;
        }
        draft.primaryOffence = demo.offence;
        draft.reportedAt = nowUtc() - std::chrono::days(demo.daysAgo) - std::chrono::hours(5);
        draft.status = demo.status;
        const Case stored = workspace.cases().add(draft);
        for (const auto& p : demo.people) {
            PersonDraft person;
            person.caseId = stored.id;
            person.role = p.role;
            person.givenName = p.given;
            person.familyName = p.family;
            if (p.dateOfBirth != nullptr) {
                person.dateOfBirth = p.dateOfBirth;
            }
            workspace.people().add(person);
        }
        ++added;
    }
    return added;
}

} // namespace wb::core
