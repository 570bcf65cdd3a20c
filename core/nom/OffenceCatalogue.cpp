// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/nom/OffenceCatalogue.h"

#include <set>

#include <nlohmann/json.hpp>

#include "core/Error.h"
#include "core/json/JsonReader.h"

namespace wb::core {

namespace {

using json::fail;
using json::requireString;

} // namespace

OffenceCatalogue OffenceCatalogue::fromJson(std::string_view json, std::string_view origin)
{
    const nlohmann::json doc = json::parseTopLevel(json, origin);
    if (requireString(doc, "kind", origin, "top level") != "offences") {
        fail(origin, "'kind' must be \"offences\"");
    }
    OffenceCatalogue catalogue;
    catalogue.m_version = requireString(doc, "version", origin, "top level");
    const auto& items = json::requireNonEmptyArray(doc, "items", origin, "top level");
    std::set<std::string> seen;
    std::size_t index = 0;
    for (const auto& item : items) {
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
        offence.confirmed = json::requireBool(item, "confirmed", origin, named);
        if (item.contains("retired")) {
            offence.retired = json::requireBool(item, "retired", origin, named);
        }
        if (!seen.insert(offence.code).second) {
            fail(origin, named + ": duplicate code");
        }
        catalogue.m_offences.push_back(std::move(offence));
    }
    return catalogue;
}

OffenceCatalogue OffenceCatalogue::fromFile(const std::filesystem::path& path)
{
    return fromJson(json::readTextFile(path), path.filename().string());
}

std::vector<const Offence*> OffenceCatalogue::selectable() const
{
    std::vector<const Offence*> result;
    for (const auto& offence : m_offences) {
        if (!offence.retired) {
            result.push_back(&offence);
        }
    }
    return result;
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
