// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/nom/ReferenceData.h"

#include <array>
#include <charconv>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/Error.h"
#include "core/nom/NomJson.h"

namespace wb::core {

namespace {

using nom::detail::fail;
using nom::detail::requireString;

constexpr std::size_t MaxCodeLength = 40;

// File name = kind + ".json". Keep in step with resources/reference/.
constexpr std::array<std::string_view, 19> RequiredKinds{
    "journey-stages",   "outcome-codes",      "relationship-types", "report-channels",     "location-types",
    "device-types",     "device-owner-roles", "device-legal-bases", "tpm-types",           "withdrawal-reasons",
    "police-ranks",     "bail-extensions",    "order-types",        "identifier-kinds",    "crime-reference-formats",
    "case-event-kinds", "contact-methods",    "contact-purposes",   "victims-code-rights",
};

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

/// A positive whole number written with digits only ("3", "12"); 0 otherwise.
int positiveNumber(std::string_view text) noexcept
{
    if (text.empty() || text.size() > 6) {
        return 0;
    }
    int value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || value <= 0) {
        return 0;
    }
    return value;
}

std::string itemName(const ReferenceItem& item)
{
    return "item " + std::to_string(item.order) + " (" + item.code + ")";
}

std::string fileName(std::string_view kind)
{
    return std::string(kind) + ".json";
}

void checkPoliceRanks(const ReferenceList& ranks)
{
    for (const auto& rank : ranks.items()) {
        if (positiveNumber(rank.extraValue("level")) == 0) {
            fail(fileName(ranks.kind()), itemName(rank) + ": 'level' must be a positive whole number");
        }
    }
}

void checkBailExtensions(const ReferenceList& extensions, const ReferenceList& ranks)
{
    for (const auto& extension : extensions.items()) {
        if (positiveNumber(extension.extraValue("months")) == 0) {
            fail(fileName(extensions.kind()), itemName(extension) + ": 'months' must be a positive whole number");
        }
        const std::string_view authority = extension.extraValue("authority");
        if (authority != "court" && !ranks.contains(authority)) {
            fail(fileName(extensions.kind()),
                 itemName(extension) + ": 'authority' must be \"court\" or a code from " + fileName(ranks.kind()));
        }
    }
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
    const nlohmann::json doc = nom::detail::parseTopLevel(json, origin);
    ReferenceList list;
    list.m_kind = requireString(doc, "kind", origin, "top level");
    if (!expectedKind.empty() && list.m_kind != expectedKind) {
        fail(origin, "'kind' is \"" + list.m_kind + "\" but \"" + std::string(expectedKind) + "\" was expected");
    }
    list.m_version = requireString(doc, "version", origin, "top level");
    list.m_source = requireString(doc, "source", origin, "top level");
    const auto items = doc.find("items");
    if (items == doc.end() || !items->is_array() || items->empty()) {
        fail(origin, "top level: 'items' must be a non-empty array");
    }
    std::set<std::string, std::less<>> seen;
    int index = 0;
    for (const auto& entry : *items) {
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
    return fromJson(nom::detail::readTextFile(path), path.filename().string(), expectedKind);
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

std::span<const std::string_view> ReferenceData::requiredKinds() noexcept
{
    return RequiredKinds;
}

namespace {

/// Every crime-reference format needs a "pattern" that is a valid regular expression.
void checkReferenceFormats(const ReferenceList& formats)
{
    for (const auto& item : formats.items()) {
        const std::string where = "item " + std::to_string(item.order) + " (" + item.code + ")";
        const auto pattern = item.extraValue("pattern");
        if (pattern.empty()) {
            fail(formats.kind() + ".json", where + ": 'pattern' must be a non-empty regular expression");
        }
        try {
            std::regex compiled{std::string(pattern)};
            (void)compiled;
        } catch (const std::regex_error&) {
            fail(formats.kind() + ".json", where + ": 'pattern' is not a valid regular expression");
        }
    }
}

} // namespace

ReferenceData ReferenceData::load(const std::filesystem::path& referenceFolder)
{
    ReferenceData data;
    for (const std::string_view kind : RequiredKinds) {
        data.m_lists.emplace(std::string(kind), ReferenceList::fromFile(referenceFolder / fileName(kind), kind));
    }
    const auto& ranks = data.list("police-ranks");
    checkPoliceRanks(ranks);
    checkBailExtensions(data.list("bail-extensions"), ranks);
    checkReferenceFormats(data.list("crime-reference-formats"));
    return data;
}

const ReferenceList& ReferenceData::list(std::string_view kind) const
{
    const auto it = m_lists.find(kind);
    if (it == m_lists.end()) {
        throw Error(ErrorCode::ReferenceData, "no reference list of kind \"" + std::string(kind) + "\"");
    }
    return it->second;
}

} // namespace wb::core
