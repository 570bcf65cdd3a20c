// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace wb::core {
class Workspace;
}

/// Writing an export and recording that it left: exported files are plain text and personal by nature.
namespace wb::core::exports {

/// One file of an export: where it goes and what it holds.
struct ExportFile {
    std::filesystem::path target;
    std::string content;
};

/// Writes every file (none may exist yet: AlreadyExists, nothing written), each under a fresh name beside its
/// target (0600 whatever the umask), synced, then renamed into place without replacing anything; on any failure
/// the files already put in place and every temporary copy are removed. Then appends the export's audit entry
/// (ExportAudit's recordExport: who, when, what — `kind`, e.g. "pole-csv", and the case — and the folders, never
/// a file's name or its content). When the audit entry cannot be written the files
/// are removed again and the error is thrown: no export leaves unaudited.
/// `caseId` 0 is an export of no one case (an officer's Today list): its entry names no case. Throws AlreadyExists,
/// PermissionDenied, Io, Error(NotFound, "case") for an unknown case, or Error(Validation, "files") for an empty list
/// or two files with the same target.
void writeAudited(Workspace& workspace,
                  std::string_view kind,
                  std::int64_t caseId,
                  const std::vector<ExportFile>& files);

} // namespace wb::core::exports
