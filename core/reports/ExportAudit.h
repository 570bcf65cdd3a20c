// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace wb::core {
class Workspace;
}

namespace wb::core::reports {

/// The workspace metadata key whose audited changes record each report written out of the workspace: the audit
/// log keeps every value it held (audit::setMeta), so each export is one entry, as a backup's "last_backup_at" is.
inline constexpr std::string_view LastExportKey = "last_report_export";

/// What an export's audit entry says: never the report's content.
struct ExportNote {
    std::string report;           ///< what was written: a ReportKind's name ("plan")
    std::string caseUuid;         ///< the case it was about (its UUID, not its reference)
    std::filesystem::path folder; ///< where to: the folder of the file written, never the file's name
};

/// Appends the audit entry of an export made now: who (the workspace owner), what (`note.report`, the case),
/// when (the workspace clock) and where to (`note.folder`). Each call makes one entry, however quick the next.
/// Throws Locked or PermissionDenied (a workspace opened only to verify), and what the store throws.
void recordExport(Workspace& workspace, const ExportNote& note);

/// The folder an exported file's audit entry names: its parent, made absolute (the current directory for a bare
/// file name). Pure but for reading the current directory.
std::filesystem::path exportFolder(const std::filesystem::path& file);

} // namespace wb::core::reports
