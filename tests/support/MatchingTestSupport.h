// SPDX-License-Identifier: GPL-3.0-or-later
// For the repeat-suspect tests: the shipped matching model, loaded once, and fictional persons added to a case.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "core/Workspace.h"
#include "core/matching/MatchModel.h"
#include "core/people/People.h"

namespace wb::test {

inline const core::matching::MatchModel& shippedMatchModel()
{
    static const core::matching::MatchModel model =
        core::matching::MatchModel::load(std::filesystem::path(WB_RESOURCES_DIR) / "matching" / "match-model.json");
    return model;
}

/// Adds a fictional person to a case through core's use case (people::add), with a date of birth and a phone
/// number (an identifier) when given.
inline core::Person addPerson(core::Workspace& workspace,
                              const core::Case& inCase,
                              core::PersonRole role,
                              const std::string& given,
                              const std::string& family,
                              std::optional<std::string> dateOfBirth = std::nullopt,
                              const std::optional<std::string>& phone = std::nullopt)
{
    core::PersonDraft draft;
    draft.caseId = inCase.id;
    draft.role = role;
    draft.givenName = given;
    draft.familyName = family;
    draft.dateOfBirth = std::move(dateOfBirth);
    const core::Person stored = core::people::add(workspace.people(), draft);
    if (phone) {
        core::people::addIdentifier(workspace, stored.id, {"phone", *phone, ""});
    }
    return stored;
}

} // namespace wb::test
