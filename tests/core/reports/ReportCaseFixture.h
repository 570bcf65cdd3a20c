// SPDX-License-Identifier: GPL-3.0-or-later
// A fictional case for the report tests (core and ui): people, context answers that propose lines of enquiry, one
// accepted and one declined with a rationale, and a decision log with a correction. Fictional data only.
#pragma once

#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <optional>
#include <string>

#include "core/Workspace.h"
#include "core/plan/InvestigationPlan.h"
#include "core/records/RecordSpec.h"
#include "core/records/RecordTypes.h"
#include "support/TestSupport.h"

namespace wb::test {

class ReportCaseFixture : public ::testing::Test
{
protected:
    static constexpr const char* Reference = "FICT/RP/26";
    static constexpr const char* DeclineRationale = "Fictional: the victim has already shown the messages.";

    TempDir dir;
    std::unique_ptr<core::Workspace> ws = createWorkspace(dir / "reports.rwb");
    core::Case theCase = ws->cases().add(caseDraft(Reference));
    const core::nom::EnquiryCatalogue& enquiryCatalogue = *enquiries();
    const core::nom::QuestionCatalogue& questionCatalogue = *questions();
    core::Instant now = core::nowUtc();
    core::Record firstDecision;
    core::Record correction;
    core::Record laterDecision;

    void SetUp() override
    {
        using namespace std::chrono_literals;
        addPerson(core::PersonRole::Victim, "Vivian", "Example");
        addPerson(core::PersonRole::Suspect, "Sidney", "Sample");
        addPerson(core::PersonRole::Witness, "Wynne", "Fictional");
        answer("relationship.category", std::string("acquaintance"));
        answer("suspect.known", true);
        answer("suspect.digitalContact", true);
        answer("victim.wantsInvestigation", std::string("investigation"));
        answer("offence.lastContactAt", now - 48h);
        core::plan::accept(*ws, theCase.id, enquiryCatalogue, questionCatalogue,
                           {"SUS-PRE-001", std::nullopt, std::nullopt, "", "", ""}, now);
        core::plan::decline(*ws, theCase.id, enquiryCatalogue, "DF-001", DeclineRationale, now);
        firstDecision = decision("2026-01-05T09:00:00Z", "Fictional: arrest the suspect on Monday.",
                                 "Fictional: the evidence supports it.");
        laterDecision = decision("2026-01-07T15:30:00Z", "Fictional: seek a search warrant.",
                                 "Fictional: items may be at the address.");
        correction = decision("2026-01-06T10:00:00Z", "Fictional: arrest the suspect on Tuesday instead.",
                              "Fictional: the suspect is away on Monday.", std::to_string(firstDecision.id));
    }

    core::Person addPerson(core::PersonRole role, const char* given, const char* family)
    {
        core::PersonDraft p;
        p.caseId = theCase.id;
        p.role = role;
        p.givenName = given;
        p.familyName = family;
        return ws->people().add(p);
    }

    void answer(const std::string& question, const std::optional<core::nom::FactValue>& value)
    {
        ws->context().answer(theCase.id, question, value, questionCatalogue);
    }

    core::Record
    decision(const std::string& at, const std::string& what, const std::string& why, const std::string& supersedes = {})
    {
        core::Values values{{"decided_at", at}, {"decision", what}, {"rationale", why}, {"decided_by", "DC Fictional"}};
        if (!supersedes.empty()) {
            values["supersedes_id"] = supersedes;
        }
        return ws->records().add(core::recordSpec(core::recordtype::kDecision), theCase.id, values);
    }

    core::plan::PlanView planView()
    {
        return core::plan::build(*ws, theCase.id, enquiryCatalogue, questionCatalogue, now);
    }
};

} // namespace wb::test
