// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/nom/OffenceCatalogue.h"

#include <fstream>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/Error.h"
#include "core/nom/NomJson.h"

namespace wb::core {

namespace {

using nom::detail::fail;
using nom::detail::requireString;

} // namespace

OffenceCatalogue OffenceCatalogue::fromJson(std::string_view json, std::string_view origin)
{
    const nlohmann::json doc = nom::detail::parseTopLevel(json, origin);
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
    return fromJson(nom::detail::readTextFile(path), path.filename().string());
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
