// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/domain/Time.h"

namespace wb::core {

enum class PersonRole { Victim, Suspect, Witness };

std::string_view toString(PersonRole role) noexcept;
std::optional<PersonRole> personRoleFromString(std::string_view text) noexcept;

/// What an officer enters to add a person to a case.
struct PersonDraft {
    std::int64_t caseId = 0;
    PersonRole role = PersonRole::Victim;
    std::string givenName;
    std::string familyName;
    std::optional<std::string> dateOfBirth; ///< "YYYY-MM-DD" when known
    std::optional<int> ageYears;            ///< an age in years when the date of birth is not known
    std::optional<std::string> pronouns;
    std::optional<std::string> language; ///< preferred language
    bool interpreterNeeded = false;
    std::optional<std::string> needs; ///< disability and other needs, in the person's terms
    bool enhancedRights = true;       ///< Victims' Code enhanced rights: yes by default for these offences
    bool firstDisclosure = false;     ///< a witness to whom the victim first disclosed
};

/// A stored person, linked to one case.
struct Person : PersonDraft {
    std::int64_t id = 0;
    std::string uuid;
    Instant createdAt{};
    Instant updatedAt{};
};

} // namespace wb::core
