// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace wb::core {

/// One offence an officer can record against a case.
struct Offence {
    std::string code;        ///< stable id stored in the workspace, e.g. "SOA2003-s1"
    std::string title;       ///< "Rape"
    std::string legislation; ///< "Sexual Offences Act 2003"
    std::string section;     ///< "s.1"
    bool confirmed = false;  ///< the brief's [C] tag: confirmed against a primary source
    std::string source;      ///< where the entry comes from
    /// Optional "retired" in the JSON: kept so that cases recorded with the code still show its title, but not
    /// offered for a new case (for example the old intimate-image placeholder, replaced by the real offences).
    bool retired = false;
};

/// The offences reference list (resources/reference/offences.json): data, not
/// code, so a force can extend it without recompiling.
class OffenceCatalogue
{
public:
    /// Parses the JSON text. Throws Error(ReferenceData) naming the item and field at fault.
    static OffenceCatalogue fromJson(std::string_view json, std::string_view origin = "offences.json");
    /// Reads and parses a file. Throws Error(ReferenceData) when it is missing or malformed.
    static OffenceCatalogue fromFile(const std::filesystem::path& path);

    const std::string& version() const noexcept { return m_version; }
    const std::vector<Offence>& offences() const noexcept { return m_offences; }
    /// The offences that may be chosen for a new case: every offence except the retired ones, in list order.
    std::vector<const Offence*> selectable() const;
    /// nullptr when the code is not in the list.
    const Offence* find(std::string_view code) const noexcept;

private:
    std::string m_version;
    std::vector<Offence> m_offences;
};

} // namespace wb::core
