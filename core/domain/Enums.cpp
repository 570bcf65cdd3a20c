// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/domain/Case.h"
#include "core/domain/Person.h"

namespace wb::core {

std::string_view toString(CaseStatus status) noexcept
{
    return status == CaseStatus::Open ? "open" : "closed";
}

std::optional<CaseStatus> caseStatusFromString(std::string_view text) noexcept
{
    if (text == "open") {
        return CaseStatus::Open;
    }
    if (text == "closed") {
        return CaseStatus::Closed;
    }
    return std::nullopt;
}

std::string_view toString(PersonRole role) noexcept
{
    switch (role) {
    case PersonRole::Victim: return "victim";
    case PersonRole::Suspect: return "suspect";
    case PersonRole::Witness: return "witness";
    }
    return "victim";
}

std::optional<PersonRole> personRoleFromString(std::string_view text) noexcept
{
    if (text == "victim") {
        return PersonRole::Victim;
    }
    if (text == "suspect") {
        return PersonRole::Suspect;
    }
    if (text == "witness") {
        return PersonRole::Witness;
    }
    return std::nullopt;
}

} // namespace wb::core
