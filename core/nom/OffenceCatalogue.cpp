// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/nom/OffenceCatalogue.h"

#include <fstream>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/Error.h"

namespace wb::core {

namespace {

[[noreturn]] void fail(std::string_view origin, const std::string& what)
{
    throw Error(ErrorCode::ReferenceData, std::string(origin) + ": " + what);
}

std::string requireString(const nlohmann::json& object, const char* field, std::string_view origin,
                          const std::string& where)
{
    const auto it = object.find(field);
    if (it == object.end() || !it->is_string() || it->get_ref<const std::string&>().empty()) {
        fail(origin, where + ": '" + field + "' must be a non-empty string");
    }
    return it->get<std::string>();
}

} // namespace

OffenceCatalogue OffenceCatalogue::fromJson(std::string_view json, std::string_view origin)
{
    nlohmann::json doc;
    try {
        doc = nlohmann::json::parse(json);
    } catch (const nlohmann::json::parse_error& e) {
        fail(origin, std::string("not valid JSON (") + e.what() + ")");
    }
    if (!doc.is_object()) {
        fail(origin, "the top level must be an object");
    }
    if (requireString(doc, "kind", origin, "top level") != "offences") {
        fail(origin, "'kind' must be \"offences\"");
    }
    OffenceCatalogue catalogue;
    catalogue.m_version = requireString(doc, "version", origin, "top level");
    const auto items = doc.find("items");
    if (items == doc.end() || !items->is_array() || items->empty()) {
        fail(origin, "'items' must be a non-empty array");
    }
    std::set<std::string> seen;
    std::size_t index = 0;
    for (const auto& item : *items) {
        const std::string where = "item " + std::to_string(index++);
        if (!item.is_object()) {
            fail(origin, where + " must be an object");
        }
        Offence offence;
        offence.code = requireString(item, "code", origin, where);
        const std::string named = where + " (" + offence.code + ")";
        offence.title = requireString(item, "title", origin, named);
        offence.legislation = requireString(item, "legislation", origin, named);
        offence.section = requireString(item, "section", origin, named);
        offence.source = requireString(item, "source", origin, named);
        const auto confirmed = item.find("confirmed");
        if (confirmed == item.end() || !confirmed->is_boolean()) {
            fail(origin, named + ": 'confirmed' must be true or false");
        }
        offence.confirmed = confirmed->get<bool>();
        if (!seen.insert(offence.code).second) {
            fail(origin, named + ": duplicate code");
        }
        catalogue.m_offences.push_back(std::move(offence));
    }
    return catalogue;
}

OffenceCatalogue OffenceCatalogue::fromFile(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw Error(ErrorCode::ReferenceData, "cannot read reference data file " + path.string());
    }
    std::ostringstream text;
    text << in.rdbuf();
    return fromJson(text.str(), path.filename().string());
}

const Offence* OffenceCatalogue::find(std::string_view code) const noexcept
{
    for (const auto& offence : m_offences) {
        if (offence.code == code) {
            return &offence;
        }
    }
    return nullptr;
}

} // namespace wb::core
