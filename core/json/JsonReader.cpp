// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/json/JsonReader.h"

#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/Error.h"

namespace wb::core::json {

const nlohmann::json* findValue(const nlohmann::json& object, const char* field)
{
    const auto it = object.find(field);
    if (it == object.end() || it->is_null()) {
        return nullptr;
    }
    return &*it;
}

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

int requireWholeNumber(const nlohmann::json& object,
                       const char* field,
                       int min,
                       int max,
                       std::string_view origin,
                       const std::string& where)
{
    const auto* value = findValue(object, field);
    if (value == nullptr || !value->is_number_integer() || value->get<long long>() < min ||
        value->get<long long>() > max) {
        fail(origin, where + ": '" + field + "' must be a whole number from " + std::to_string(min) + " to " +
                         std::to_string(max));
    }
    return static_cast<int>(value->get<long long>());
}

const nlohmann::json&
requireNonEmptyArray(const nlohmann::json& object, const char* field, std::string_view origin, const std::string& where)
{
    const auto* value = findValue(object, field);
    if (value == nullptr || !value->is_array() || value->empty()) {
        fail(origin, where + ": '" + field + "' must be a non-empty array");
    }
    return *value;
}

std::vector<std::string>
requireCodeList(const nlohmann::json& object, const char* field, std::string_view origin, const std::string& where)
{
    const auto* value = findValue(object, field);
    if (value == nullptr || !value->is_array() || value->empty()) {
        fail(origin, where + ": '" + field + "' must be a non-empty array of codes");
    }
    std::vector<std::string> codes;
    for (const auto& code : *value) {
        if (!code.is_string() || code.get_ref<const std::string&>().empty()) {
            fail(origin, where + ": '" + field + "' must hold non-empty strings");
        }
        codes.push_back(code.get<std::string>());
    }
    return codes;
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

} // namespace wb::core::json
