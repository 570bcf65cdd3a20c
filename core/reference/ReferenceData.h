// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <filesystem>
#include <map>
#include <span>
#include <string>
#include <string_view>

#include "core/reference/ReferenceList.h"

namespace wb::core {

/// Every reference list the workbench needs, loaded from one folder (resources/reference).
/// The offences list is not part of it: it keeps its own loader (OffenceCatalogue).
class ReferenceData
{
public:
    /// The kinds load() requires, each read from "<kind>.json".
    static std::span<const std::string_view> requiredKinds() noexcept;

    /// Reads every required list. Throws Error(ReferenceData) naming a missing or malformed file, a file
    /// whose "kind" is not its name, or a cross-list inconsistency: police-ranks items need a "level" that
    /// is a positive whole number, bail-extensions items need whole-number "months" and an "authority"
    /// that is a police-ranks code or "court".
    static ReferenceData load(const std::filesystem::path& referenceFolder);

    /// Throws Error(ReferenceData) for a kind that is not one of requiredKinds().
    const ReferenceList& list(std::string_view kind) const;
    bool has(std::string_view kind) const noexcept { return m_lists.find(kind) != m_lists.end(); }

private:
    std::map<std::string, ReferenceList, std::less<>> m_lists;
};

} // namespace wb::core
