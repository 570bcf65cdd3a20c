// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace wb::core {

/// One entry of a reference list (an outcome code, a journey stage, a police rank...).
struct ReferenceItem {
    std::string code;       ///< stable id stored in the workspace, e.g. "16"; matches [A-Za-z0-9._/-]{1,40}
    std::string label;      ///< English display text, e.g. "Evidential difficulties: victim does not support action"
    bool confirmed = false; ///< the brief's [C] tag: confirmed against a primary source
    std::string source;     ///< where the entry comes from, e.g. "nom-brief §7.1 [C]"
    int order = 0;          ///< the item's position in the file, from 0 (the "item N" of error messages)
    /// Any further fields of the item, all strings: "group", "guidance", "level", "months", "authority"...
    std::map<std::string, std::string> extra;

    /// The extra field's value, or an empty view when the item has no such field.
    std::string_view extraValue(std::string_view name) const noexcept;
};

/// One reference list, read from resources/reference/<kind>.json:
///   {"kind": "...", "version": "2026.11-1", "source": "...",
///    "items": [{"code": "...", "label": "...", "confirmed": true, "source": "...", ...extra string fields}]}
/// Data, not code, so a force can correct or extend it without recompiling.
class ReferenceList
{
public:
    /// Parses the JSON text; origin names it in error messages (usually the file name). When expectedKind
    /// is not empty the list's "kind" must equal it. Throws Error(ReferenceData) naming the item and field.
    static ReferenceList fromJson(std::string_view json, std::string_view origin, std::string_view expectedKind = {});
    /// Reads and parses a file (errors name the file). Throws Error(ReferenceData) when it is missing or malformed.
    static ReferenceList fromFile(const std::filesystem::path& path, std::string_view expectedKind = {});

    const std::string& kind() const noexcept { return m_kind; }
    const std::string& version() const noexcept { return m_version; }
    const std::string& source() const noexcept { return m_source; }
    /// In file order: items()[i].order == i.
    const std::vector<ReferenceItem>& items() const noexcept { return m_items; }
    /// nullptr when the code is not in the list. Codes are case-sensitive.
    const ReferenceItem* find(std::string_view code) const noexcept;
    bool contains(std::string_view code) const noexcept { return find(code) != nullptr; }

private:
    std::string m_kind;
    std::string m_version;
    std::string m_source;
    std::vector<ReferenceItem> m_items;
};

} // namespace wb::core
