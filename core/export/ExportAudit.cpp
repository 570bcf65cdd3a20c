// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/export/ExportAudit.h"

#include <set>
#include <string>
#include <utility>

#include <nlohmann/json.hpp>

#include "core/Workspace.h"
#include "core/domain/Case.h"
#include "core/domain/Time.h"
#include "core/export/ExportFolder.h"
#include "core/workspace/WorkspaceMeta.h"

namespace wb::core::exports {

namespace fs = std::filesystem;

namespace {

/// The entry's "kind", and "case" and "reference" (or, for no one case, "scope"); the caller adds where it went.
nlohmann::ordered_json entryFor(std::string_view kind, const Case* exported)
{
    nlohmann::ordered_json what;
    what["kind"] = kind;
    if (exported != nullptr) {
        what["case"] = exported->uuid;
        what["reference"] = exported->reference;
    } else {
        what["scope"] = "open-cases";
    }
    return what;
}

/// Adds who and when, and appends the entry.
void append(Workspace& workspace, nlohmann::ordered_json what)
{
    const WorkspaceOwner owner = workspace.info().owner;
    what["at"] = toIsoUtc(workspace.clock().now());
    what["by"] = workspace::actorOf(owner.displayName, owner.staffNumber);
    // The chain's length before this entry: two exports alike in every other way are still two entries.
    what["afterEntry"] = workspace.auditAnchor().sequence;
    workspace.setSetting(ExportAuditKey, what.dump());
}

void exportEntry(Workspace& workspace, std::string_view kind, const Case* exported, const std::vector<fs::path>& files)
{
    nlohmann::ordered_json what = entryFor(kind, exported);
    nlohmann::ordered_json folders = nlohmann::ordered_json::array();
    std::set<std::string> seen;
    for (const auto& file : files) {
        const std::string folder = exportFolder(file).string();
        if (seen.insert(folder).second) {
            folders.push_back(folder);
        }
    }
    what["folders"] = folders;
    append(workspace, std::move(what));
}

} // namespace

void recordExport(Workspace& workspace, std::string_view kind, const Case& exported, const std::vector<fs::path>& files)
{
    exportEntry(workspace, kind, &exported, files);
}

void recordExport(Workspace& workspace, std::string_view kind, const std::vector<fs::path>& files)
{
    exportEntry(workspace, kind, nullptr, files);
}

void recordPrint(Workspace& workspace, std::string_view kind, const Case& printed, std::string_view printer)
{
    nlohmann::ordered_json what = entryFor(kind, &printed);
    what["printer"] = printer;
    append(workspace, std::move(what));
}

void recordPrint(Workspace& workspace, std::string_view kind, std::string_view printer)
{
    nlohmann::ordered_json what = entryFor(kind, nullptr);
    what["printer"] = printer;
    append(workspace, std::move(what));
}

fs::path exportFolder(const fs::path& file)
{
    // The file's parent, once the file's own path is absolute (a bare name's folder is the current one).
    std::error_code ec;
    fs::path absolute = fs::absolute(file, ec);
    if (ec) {
        absolute = file;
    }
    return resolvedFolder(absolute.lexically_normal().parent_path());
}

} // namespace wb::core::exports
