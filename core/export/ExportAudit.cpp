// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/export/ExportAudit.h"

#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "core/Workspace.h"
#include "core/domain/Case.h"
#include "core/domain/Time.h"
#include "core/workspace/WorkspaceMeta.h"

namespace wb::core::exports {

namespace fs = std::filesystem;

void recordExport(Workspace& workspace, std::string_view kind, const Case& exported, const std::vector<fs::path>& files)
{
    const WorkspaceOwner owner = workspace.info().owner;
    nlohmann::ordered_json what;
    what["kind"] = kind;
    what["case"] = exported.uuid;
    what["reference"] = exported.reference;
    nlohmann::ordered_json folders = nlohmann::ordered_json::array();
    std::set<std::string> seen;
    for (const auto& file : files) {
        const std::string folder = exportFolder(file).string();
        if (seen.insert(folder).second) {
            folders.push_back(folder);
        }
    }
    what["folders"] = folders;
    what["at"] = toIsoUtc(workspace.clock().now());
    what["by"] = workspace::actorOf(owner.displayName, owner.staffNumber);
    // The chain's length before this entry: two exports alike in every other way are still two entries.
    what["afterEntry"] = workspace.auditAnchor().sequence;
    workspace.setSetting(ExportAuditKey, what.dump());
}

fs::path exportFolder(const fs::path& file)
{
    std::error_code ec;
    fs::path absolute = fs::absolute(file, ec);
    if (ec) {
        absolute = file;
    }
    fs::path folder = absolute.lexically_normal().parent_path();
    const fs::path resolved = fs::weakly_canonical(folder, ec);
    return ec ? folder : resolved;
}

} // namespace wb::core::exports
