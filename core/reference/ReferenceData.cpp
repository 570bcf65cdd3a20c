// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/reference/ReferenceData.h"

#include <array>
#include <charconv>
#include <regex>

#include "core/Error.h"
#include "core/json/JsonReader.h"

namespace wb::core {

namespace {

using json::fail;

// File name = kind + ".json". Keep in step with resources/reference/.
constexpr std::array<std::string_view, 19> RequiredKinds{
    "journey-stages",   "outcome-codes",      "relationship-types", "report-channels",     "location-types",
    "device-types",     "device-owner-roles", "device-legal-bases", "tpm-types",           "withdrawal-reasons",
    "police-ranks",     "bail-extensions",    "order-types",        "identifier-kinds",    "crime-reference-formats",
    "case-event-kinds", "contact-methods",    "contact-purposes",   "victims-code-rights",
};

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
