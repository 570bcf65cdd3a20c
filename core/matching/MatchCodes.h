// SPDX-License-Identifier: GPL-3.0-or-later
// Repeat-suspect matching: the codes that name fields and levels in resources/matching/match-model.json, and which
// levels each field's comparison can land on (issue 16).
#pragma once

#include <optional>
#include <span>
#include <string_view>

#include "core/matching/MatchTypes.h"

namespace wb::core::matching {

/// "familyName", "givenName", "birthDate", "phone", "email", "handle", "vehicle", "address", "postcode", "policeId".
std::string_view fieldCode(Field field) noexcept;
std::optional<Field> fieldFromCode(std::string_view code) noexcept;

/// "notCompared", "exact", "alias", "swapped", "similarHigh", "similarMedium", "phonetic", "initial",
/// "dayMonthSwapped", "withinAYear", "ageConsistent", "sameArea", "different".
std::string_view levelCode(Level level) noexcept;
std::optional<Level> levelFromCode(std::string_view code) noexcept;

/// Every field, in Field order (the order of an explanation).
std::span<const Field> allFields() noexcept;

/// The levels a field's comparison can land on when both sides have something recorded (NotCompared aside), in the
/// order the comparison tries them: the first that holds is the level.
std::span<const Level> levelsOf(Field field) noexcept;

} // namespace wb::core::matching
