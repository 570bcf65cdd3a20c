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
};

/// A stored person, linked to one case.
struct Person : PersonDraft {
    std::int64_t id = 0;
    std::string uuid;
    Instant createdAt{};
    Instant updatedAt{};
};

} // namespace wb::core
