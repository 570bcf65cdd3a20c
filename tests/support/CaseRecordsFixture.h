// SPDX-License-Identifier: GPL-3.0-or-later
// A fixture for tests of a case's records: a new workspace with one fictional case and its victim, suspect and
// witness, and ways to add a record or learn why one was refused.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "core/Error.h"
#include "core/records/RecordSpec.h"
#include "support/TestSupport.h"

namespace wb::test {

class CaseRecordsFixture : public ::testing::Test
{
protected:
    TempDir dir;
    std::unique_ptr<core::Workspace> ws = createWorkspace(dir / "records.rwb");
    core::Case theCase;
    core::Person victim;
    core::Person suspect;
    core::Person witness;

    void SetUp() override
    {
        theCase = ws->cases().add(caseDraft("FICT/R1/26"));
        victim = addPerson(core::PersonRole::Victim, "Vivian", "Example");
        suspect = addPerson(core::PersonRole::Suspect, "Sidney", "Sample");
        witness = addPerson(core::PersonRole::Witness, "Wynne", "Fictional");
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

    static const core::RecordSpec& spec(std::string_view type) { return core::recordSpec(type); }
    static std::string id(std::int64_t value) { return std::to_string(value); }

    /// Adds a record to the case, or under `parent` (a child record type).
    core::Record add(std::string_view type, const core::Values& values, std::int64_t parent = 0)
    {
        return ws->records().add(spec(type), parent == 0 ? theCase.id : parent, values);
    }

    /// The error's code and field when the record is refused; {Storage, ""} when it was stored.
    std::pair<core::ErrorCode, std::string>
    refusal(std::string_view type, const core::Values& values, std::int64_t parent = 0)
    {
        try {
            add(type, values, parent);
        } catch (const core::Error& e) {
            return {e.code(), e.field()};
        }
        return {core::ErrorCode::Storage, ""};
    }

    /// The field named by a validation error, or "" when the record was stored.
    std::string rejectedField(std::string_view type, const core::Values& values, std::int64_t parent = 0)
    {
        const auto [code, field] = refusal(type, values, parent);
        if (!field.empty() || code != core::ErrorCode::Storage) {
            EXPECT_EQ(code, core::ErrorCode::Validation) << field;
        }
        return field;
    }
};

} // namespace wb::test
