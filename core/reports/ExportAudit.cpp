// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/reports/ExportAudit.h"

#include <nlohmann/json.hpp>

#include "core/Error.h"
#include "core/Workspace.h"
#include "core/domain/Time.h"
#include "core/domain/Uuid.h"
#include "core/workspace/WorkspaceMeta.h"

namespace wb::core::reports {

void recordExport(Workspace& workspace, const ExportNote& note)
{
    const WorkspaceOwner owner = workspace.info().owner;
    const std::string actor = workspace::actorOf(owner.displayName, owner.staffNumber);
    // A fresh id makes every export a change of the value, so two exports in the same second are two entries.
    const nlohmann::json value{{"export", newUuid()},   {"at", toIsoUtc(workspace.clock().now())},
                               {"by", actor},           {"report", note.report},
                               {"case", note.caseUuid}, {"folder", note.folder.string()}};
    workspace.setSetting(LastExportKey, value.dump());
}

std::filesystem::path exportFolder(const std::filesystem::path& file)
{
    std::error_code ec;
    auto absolute = std::filesystem::absolute(file, ec);
    if (ec) {
        absolute = file;
    }
    return absolute.lexically_normal().parent_path();
}

} // namespace wb::core::reports
