// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/matching/MatchCodes.h"

#include <array>
#include <utility>

namespace wb::core::matching {

namespace {

constexpr std::array<std::pair<Field, std::string_view>, 10> kFields = {{
    {Field::FamilyName, "familyName"},
    {Field::GivenName, "givenName"},
    {Field::BirthDate, "birthDate"},
    {Field::Phone, "phone"},
    {Field::Email, "email"},
    {Field::Handle, "handle"},
    {Field::Vehicle, "vehicle"},
    {Field::Address, "address"},
    {Field::Postcode, "postcode"},
    {Field::PoliceId, "policeId"},
}};

constexpr std::array<std::pair<Level, std::string_view>, 14> kLevels = {{
    {Level::NotCompared, "notCompared"},
    {Level::Exact, "exact"},
    {Level::Alias, "alias"},
    {Level::Nickname, "nickname"},
    {Level::Swapped, "swapped"},
    {Level::SimilarHigh, "similarHigh"},
    {Level::SimilarMedium, "similarMedium"},
    {Level::Phonetic, "phonetic"},
    {Level::Initial, "initial"},
    {Level::DayMonthSwapped, "dayMonthSwapped"},
    {Level::WithinAYear, "withinAYear"},
    {Level::AgeConsistent, "ageConsistent"},
    {Level::SameArea, "sameArea"},
    {Level::Different, "different"},
}};

constexpr std::array<Field, 10> kAllFields = {Field::FamilyName, Field::GivenName, Field::BirthDate, Field::Phone,
                                              Field::Email,      Field::Handle,    Field::Vehicle,   Field::Address,
                                              Field::Postcode,   Field::PoliceId};

constexpr std::array<Level, 7> kFamilyLevels = {Level::Exact,       Level::Swapped,  Level::Alias,
                                                Level::SimilarHigh, Level::Phonetic, Level::SimilarMedium,
                                                Level::Different};
constexpr std::array<Level, 9> kGivenLevels = {Level::Exact,       Level::Swapped,  Level::Alias,
                                               Level::SimilarHigh, Level::Phonetic, Level::SimilarMedium,
                                               Level::Nickname,    Level::Initial,  Level::Different};
constexpr std::array<Level, 5> kBirthLevels = {Level::Exact, Level::DayMonthSwapped, Level::WithinAYear,
                                               Level::AgeConsistent, Level::Different};
constexpr std::array<Level, 2> kExactLevels = {Level::Exact, Level::Different};
constexpr std::array<Level, 3> kAddressLevels = {Level::Exact, Level::SimilarHigh, Level::Different};
constexpr std::array<Level, 3> kPostcodeLevels = {Level::Exact, Level::SameArea, Level::Different};

} // namespace

std::string_view fieldCode(Field field) noexcept
{
    for (const auto& [f, code] : kFields) {
        if (f == field) {
            return code;
        }
    }
    return {};
}

std::optional<Field> fieldFromCode(std::string_view code) noexcept
{
    for (const auto& [f, c] : kFields) {
        if (c == code) {
            return f;
        }
    }
    return std::nullopt;
}

std::string_view levelCode(Level level) noexcept
{
    for (const auto& [l, code] : kLevels) {
        if (l == level) {
            return code;
        }
    }
    return {};
}

std::optional<Level> levelFromCode(std::string_view code) noexcept
{
    for (const auto& [l, c] : kLevels) {
        if (c == code) {
            return l;
        }
    }
    return std::nullopt;
}

std::span<const Field> allFields() noexcept
{
    return kAllFields;
}

std::span<const Level> levelsOf(Field field) noexcept
{
    switch (field) {
    case Field::FamilyName: return kFamilyLevels;
    case Field::GivenName: return kGivenLevels;
    case Field::BirthDate: return kBirthLevels;
    case Field::Address: return kAddressLevels;
    case Field::Postcode: return kPostcodeLevels;
    case Field::Phone:
    case Field::Email:
    case Field::Handle:
    case Field::Vehicle:
    case Field::PoliceId: return kExactLevels;
    }
    return kExactLevels;
}

} // namespace wb::core::matching
