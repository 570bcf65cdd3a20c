// SPDX-License-Identifier: GPL-3.0-or-later
// The exports a workspace's audit log records (core/export/ExportAudit), oldest first, as the JSON each entry holds.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/Workspace.h"
#include "core/audit/AuditLog.h"
#include "core/export/ExportAudit.h"

namespace wb::test {

/// Every value the workspace metadata key "last_export" held, oldest first: one per export or printout.
inline std::vector<nlohmann::json> exportEntries(core::Workspace& workspace)
{
    std::vector<nlohmann::json> out;
    for (const auto& e :
         core::audit::entriesFor(workspace.connectionForImport(), core::exports::ExportAuditKey, "meta")) {
        const auto changes = nlohmann::json::parse(e.changes);
        out.push_back(nlohmann::json::parse(changes.at("value").at("new").get<std::string>()));
    }
    return out;
}

} // namespace wb::test
