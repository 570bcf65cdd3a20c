// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/nom/NomJson.h"

#include <nlohmann/json.hpp>

#include "core/Error.h"

namespace wb::core::nom::detail {

std::chrono::seconds
readDuration(const nlohmann::json& object, std::string_view origin, const std::string& where, const std::string& path)
{
    const std::string lead = where.empty() ? std::string() : where + ": ";
    const auto hours = object.find("hours");
    const auto days = object.find("days");
    if ((hours == object.end()) == (days == object.end())) {
        fail(origin, lead + "'" + path + "' needs exactly one of 'hours' or 'days'");
    }
    const bool inHours = hours != object.end();
    const auto& amount = inHours ? *hours : *days;
    const std::string field = path + (inHours ? ".hours" : ".days");
    // 100 years is far beyond any time limit in the brief and keeps the arithmetic safe.
    constexpr long long MaxHours = 24LL * 366 * 100;
    if (!amount.is_number_integer() || amount.get<long long>() <= 0 ||
        amount.get<long long>() > (inHours ? MaxHours : MaxHours / 24)) {
        fail(origin, lead + "'" + field + "' must be a positive whole number");
    }
    const long long value = amount.get<long long>();
    return inHours ? std::chrono::hours{value} : std::chrono::hours{value * 24};
}

} // namespace wb::core::nom::detail
