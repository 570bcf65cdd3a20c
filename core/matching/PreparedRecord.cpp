// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/matching/PreparedRecord.h"

#include <algorithm>
#include <cctype>

#include "core/matching/Similarity.h"

namespace wb::core::matching {

namespace {

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
long daysFromCivil(int y, int m, int d)
{
    y -= m <= 2 ? 1 : 0;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const int yoe = y - era * 400;
    const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return static_cast<long>(era) * 146097L + static_cast<long>(doe) - 719468L;
}

int daysInMonth(int y, int m)
{
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : kDays[m - 1];
}

template <typename Normaliser>
std::vector<std::string> normaliseAll(const std::vector<std::string>& values, Normaliser normalise)
{
    std::vector<std::string> out;
    for (const auto& v : values) {
        std::string n = normalise(v);
        if (!n.empty()) {
            out.push_back(std::move(n));
        }
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

} // namespace

std::optional<BirthDate> parseDate(const std::string& text)
{
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
        return std::nullopt;
    }
    for (const std::size_t i : {0U, 1U, 2U, 3U, 5U, 6U, 8U, 9U}) {
        if (std::isdigit(static_cast<unsigned char>(text[i])) == 0) {
            return std::nullopt;
        }
    }
    BirthDate date;
    date.year = std::stoi(text.substr(0, 4));
    date.month = std::stoi(text.substr(5, 2));
    date.day = std::stoi(text.substr(8, 2));
    if (date.month < 1 || date.month > 12 || date.day < 1 || date.day > daysInMonth(date.year, date.month)) {
        return std::nullopt;
    }
    date.days = daysFromCivil(date.year, date.month, date.day);
    return date;
}

PreparedRecord PreparedRecord::from(const PersonRecord& record)
{
    PreparedRecord p;
    p.given = normaliseName(record.givenName);
    p.family = normaliseName(record.familyName);
    p.givenCode = metaphone(p.given);
    p.familyCode = metaphone(p.family);
    for (const auto& alias : record.aliases) {
        const std::string name = normaliseName(alias);
        if (name.empty()) {
            continue;
        }
        const auto space = name.rfind(' ');
        if (space == std::string::npos) {
            p.aliases.push_back(NameParts{name, {}});
        } else {
            p.aliases.push_back(NameParts{name.substr(0, space), name.substr(space + 1)});
        }
    }
    if (record.dateOfBirth) {
        p.birthDate = parseDate(*record.dateOfBirth);
    }
    p.ageYears = record.ageYears;
    if (record.ageOnDate) {
        p.ageOn = parseDate(*record.ageOnDate);
    }
    p.phones = normaliseAll(record.phones, normalisePhone);
    p.emails = normaliseAll(record.emails, normaliseEmail);
    p.handles = normaliseAll(record.handles, normaliseHandle);
    p.vehicles = normaliseAll(record.vehicles, normaliseVehicle);
    p.policeIds = normaliseAll(record.policeIds, normalisePoliceId);
    p.addresses = normaliseAll(record.addresses, normaliseAddress);
    for (const auto& address : record.addresses) {
        if (auto code = findPostcode(address)) {
            p.postcodes.push_back(std::move(*code));
        }
    }
    const auto mark = [&p](Field field, bool present) {
        if (present) {
            p.recorded |= 1U << static_cast<unsigned>(field);
        }
    };
    mark(Field::FamilyName, !p.family.empty());
    mark(Field::GivenName, !p.given.empty());
    mark(Field::BirthDate, p.birthDate || p.ageYears);
    mark(Field::Phone, !p.phones.empty());
    mark(Field::Email, !p.emails.empty());
    mark(Field::Handle, !p.handles.empty());
    mark(Field::Vehicle, !p.vehicles.empty());
    mark(Field::Address, !p.addresses.empty());
    mark(Field::Postcode, !p.postcodes.empty());
    mark(Field::PoliceId, !p.policeIds.empty());
    return p;
}

} // namespace wb::core::matching
