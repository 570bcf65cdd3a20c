// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/reports/ExportAudit.h"

#include <nlohmann/json.hpp>

#include "core/Error.h"
#include "core/Workspace.h"
#include "core/domain/Time.h"
#include "core/domain/Uuid.h"
#include "core/store/Transaction.h"
#include "core/workspace/WorkspaceMeta.h"

namespace wb::core::reports {

void recordExport(Workspace& workspace, const ExportNote& note)
{
    if (workspace.isReadOnly()) {
        throw Error(ErrorCode::PermissionDenied, "the workspace is open only to be verified; nothing is written");
    }
    auto& db = workspace.connectionForImport();
    const std::string actor = workspace::actorOf(db);
    // A fresh id makes every export a change of the value, so two exports in the same second are two entries.
    const nlohmann::json value{{"export", newUuid()},   {"at", toIsoUtc(workspace.clock().now())},
                               {"by", actor},           {"report", note.report},
                               {"case", note.caseUuid}, {"folder", note.folder.string()}};
    store::Transaction transaction(db);
    workspace::setMeta(db, actor, LastExportKey, value.dump());
    transaction.commit();
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
