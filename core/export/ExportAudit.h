// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <filesystem>
#include <string_view>
#include <vector>

namespace wb::core {
class Workspace;
struct Case;
} // namespace wb::core

/// Recording that something left the workspace: every export (a report's PDF, the POLE CSV, the case JSON) is one
/// audited entry, made the same way whatever was exported.
namespace wb::core::exports {

/// The workspace metadata key whose audited changes record the exports: the audit log keeps every value it held
/// (audit::setMeta), so each export is one entry, as a backup's "last_backup_at" is.
inline constexpr const char* ExportAuditKey = "last_export";

/// Appends the audit entry of an export made now, as the key's new value: who ("by", the workspace owner), what
/// ("kind": "pole-csv", "case-json", "report-plan"…, and the case's UUID and crime reference), when ("at", the
/// workspace clock) and where to ("folders": the folder of each file, each once, never a file's name or content).
/// "afterEntry" (the chain's length before it) makes every export its own entry, however quick the next.
/// Throws Locked, PermissionDenied (a workspace opened only to verify), and what the store throws.
void recordExport(Workspace& workspace,
                  std::string_view kind,
                  const Case& exported,
                  const std::vector<std::filesystem::path>& files);

/// Appends the audit entry of a printout sent to a printer now, as recordExport does for files: who, what ("kind":
/// "print-plan"…, the case), when, and where to ("printer": the printer's name as the system knows it).
/// Throws as recordExport.
void recordPrint(Workspace& workspace, std::string_view kind, const Case& printed, std::string_view printer);

/// The same for an export or a printout of no one case (an officer's Today list across their open cases): the entry
/// has no case and says "scope": "open-cases" instead.
void recordExport(Workspace& workspace, std::string_view kind, const std::vector<std::filesystem::path>& files);
void recordPrint(Workspace& workspace, std::string_view kind, std::string_view printer);

/// The folder an exported file's entry names: its parent, made absolute (the current directory for a bare file
/// name), without "." or "..", and with symbolic links resolved as far as the folders exist.
std::filesystem::path exportFolder(const std::filesystem::path& file);

} // namespace wb::core::exports
