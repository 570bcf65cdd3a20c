// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/nom/NomJson.h"

#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/Error.h"

namespace wb::core::nom::detail {

void fail(std::string_view origin, const std::string& what)
{
    throw Error(ErrorCode::ReferenceData, std::string(origin) + ": " + what);
}

std::string readTextFile(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw Error(ErrorCode::ReferenceData, "cannot read reference data file " + path.string());
    }
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

nlohmann::json parseTopLevel(std::string_view json, std::string_view origin)
{
    nlohmann::json doc;
    try {
        doc = nlohmann::json::parse(json);
    } catch (const nlohmann::json::exception& e) { // parse_error, and out_of_range for a number too large
        fail(origin, std::string("not valid JSON (") + e.what() + ")");
    }
    if (!doc.is_object()) {
        fail(origin, "the top level must be an object");
    }
    return doc;
}

std::string checkHeader(const nlohmann::json& doc, std::string_view origin, std::string_view kind)
{
    if (requireString(doc, "kind", origin, "top level") != kind) {
        fail(origin, "top level: 'kind' must be \"" + std::string(kind) + "\"");
    }
    const auto format = doc.find("format");
    if (format == doc.end() || !format->is_number_integer() || format->get<long long>() != 1) {
        fail(origin, "top level: 'format' must be 1 (the only format this version of the workbench reads)");
    }
    return requireString(doc, "version", origin, "top level");
}

std::string
requireString(const nlohmann::json& object, const char* field, std::string_view origin, const std::string& where)
{
    const auto it = object.find(field);
    if (it == object.end() || !it->is_string() || it->get_ref<const std::string&>().empty()) {
        fail(origin, where + ": '" + field + "' must be a non-empty string");
    }
    return it->get<std::string>();
}

bool requireBool(const nlohmann::json& object, const char* field, std::string_view origin, const std::string& where)
{
    const auto it = object.find(field);
    if (it == object.end() || !it->is_boolean()) {
        fail(origin, where + ": '" + field + "' must be true or false");
    }
    return it->get<bool>();
}

void rejectUnknownKeys(const nlohmann::json& object,
                       std::initializer_list<std::string_view> allowed,
                       std::string_view origin,
                       const std::string& where)
{
    for (const auto& [key, value] : object.items()) {
        bool known = false;
        for (const auto name : allowed) {
            known = known || key == name;
        }
        if (!known) {
            fail(origin, where + ": '" + key + "' is not a known field");
        }
    }
}

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
