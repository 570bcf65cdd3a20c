// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/reference/ReferenceList.h"

#include <set>

#include <nlohmann/json.hpp>

#include "core/Error.h"
#include "core/json/JsonReader.h"

namespace wb::core {

namespace {

using json::fail;
using json::requireString;

constexpr std::size_t MaxCodeLength = 40;

bool isCodeChar(char c) noexcept
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
           c == '/' || c == '-';
}

bool isValidCode(std::string_view code) noexcept
{
    if (code.empty() || code.size() > MaxCodeLength) {
        return false;
    }
    for (const char c : code) {
        if (!isCodeChar(c)) {
            return false;
        }
    }
    return true;
}

bool isStandardField(std::string_view key) noexcept
{
    return key == "code" || key == "label" || key == "confirmed" || key == "source";
}

} // namespace

std::string_view ReferenceItem::extraValue(std::string_view name) const noexcept
{
    for (const auto& [key, value] : extra) {
        if (key == name) {
            return value;
        }
    }
    return {};
}

ReferenceList ReferenceList::fromJson(std::string_view json, std::string_view origin, std::string_view expectedKind)
{
    const nlohmann::json doc = json::parseTopLevel(json, origin);
    ReferenceList list;
    list.m_kind = requireString(doc, "kind", origin, "top level");
    if (!expectedKind.empty() && list.m_kind != expectedKind) {
        fail(origin, "'kind' is \"" + list.m_kind + "\" but \"" + std::string(expectedKind) + "\" was expected");
    }
    list.m_version = requireString(doc, "version", origin, "top level");
    list.m_source = requireString(doc, "source", origin, "top level");
    const auto& items = json::requireNonEmptyArray(doc, "items", origin, "top level");
    std::set<std::string, std::less<>> seen;
    int index = 0;
    for (const auto& entry : items) {
        const std::string where = "item " + std::to_string(index);
        if (!entry.is_object()) {
            fail(origin, where + " must be an object");
        }
        ReferenceItem item;
        item.order = index++;
        item.code = requireString(entry, "code", origin, where);
        const std::string named = where + " (" + item.code + ")";
        if (!isValidCode(item.code)) {
            fail(origin, named + ": 'code' must be 1 to " + std::to_string(MaxCodeLength) +
                             " characters from A-Z a-z 0-9 . _ / -");
        }
        item.label = requireString(entry, "label", origin, named);
        item.source = requireString(entry, "source", origin, named);
        const auto confirmed = entry.find("confirmed");
        if (confirmed == entry.end() || !confirmed->is_boolean()) {
            fail(origin, named + ": 'confirmed' must be true or false");
        }
        item.confirmed = confirmed->get<bool>();
        if (!seen.insert(item.code).second) {
            fail(origin, named + ": duplicate code");
        }
        for (const auto& [key, value] : entry.items()) {
            if (isStandardField(key)) {
                continue;
            }
            if (key == "order") {
                fail(origin, named + ": 'order' is reserved (an item's order is its position in 'items')");
            }
            if (!value.is_string()) {
                fail(origin, named + ": '" + key + "' must be a string");
            }
            item.extra.emplace(key, value.get<std::string>());
        }
        list.m_items.push_back(std::move(item));
    }
    return list;
}

ReferenceList ReferenceList::fromFile(const std::filesystem::path& path, std::string_view expectedKind)
{
    return fromJson(json::readTextFile(path), path.filename().string(), expectedKind);
}

const ReferenceItem* ReferenceList::find(std::string_view code) const noexcept
{
    for (const auto& item : m_items) {
        if (item.code == code) {
            return &item;
        }
    }
    return nullptr;
}

} // namespace wb::core
