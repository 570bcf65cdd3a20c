// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/export/ExportFile.h"

#include <cerrno>
#include <optional>
#include <set>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/Error.h"
#include "core/Workspace.h"
#include "core/export/ExportAudit.h"
#include "core/store/FileAccess.h"
#include "core/workspace/WorkspaceFile.h"

namespace wb::core::exports {

namespace fs = std::filesystem;
using workspace::removeQuietly;

namespace {

/// Creates `partial` (which must not exist, no symlink followed, 0600 whatever the umask), writes `content`,
/// syncs and closes it. Removes it on failure.
void writePartial(const fs::path& partial, const std::string& content)
{
    if (store::files::heldInThisProcess(partial)) {
        throw Error(ErrorCode::AlreadyExists, "the export's temporary name is an open workspace; choose another name");
    }
    const int fd = ::open(partial.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0) {
        const int error = errno;
        throw Error(error == EACCES || error == EPERM ? ErrorCode::PermissionDenied
                    : error == EEXIST                 ? ErrorCode::AlreadyExists
                                                      : ErrorCode::Io,
                    "the export file cannot be written there");
    }
    bool ok = ::fchmod(fd, 0600) == 0;
    const char* data = content.data();
    std::size_t left = content.size();
    while (ok && left > 0) {
        const ssize_t n = ::write(fd, data, left);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            ok = false;
            break;
        }
        data += n;
        left -= static_cast<std::size_t>(n);
    }
    ok = ok && ::fsync(fd) == 0;
    ok = (::close(fd) == 0) && ok;
    if (!ok) {
        removeQuietly(partial);
        throw Error(ErrorCode::Io, "the export file could not be written completely");
    }
}

} // namespace

void writeAudited(Workspace& workspace,
                  std::string_view kind,
                  std::int64_t caseId,
                  const std::vector<ExportFile>& files)
{
    if (files.empty()) {
        throw Error(ErrorCode::Validation, "an export needs at least one file", "files");
    }
    // caseId 0: an export of no one case (an officer's Today list).
    const auto c = caseId != 0 ? workspace.cases().find(caseId) : std::nullopt;
    if (caseId != 0 && !c) {
        throw Error(ErrorCode::NotFound, "no case with id " + std::to_string(caseId), "case");
    }
    std::set<fs::path> targets;
    for (const auto& f : files) {
        std::error_code ec;
        if (!targets.insert(fs::absolute(f.target).lexically_normal()).second) {
            throw Error(ErrorCode::Validation, "two files of the export have the same name", "files");
        }
        if (fs::exists(f.target, ec) || fs::is_symlink(f.target, ec)) {
            throw Error(ErrorCode::AlreadyExists,
                        "a file already exists at the export path; it will not be overwritten");
        }
    }

    std::vector<fs::path> partials;
    std::vector<fs::path> placed;
    try {
        for (const auto& f : files) {
            partials.push_back(store::files::partialNameFor(f.target));
            writePartial(partials.back(), f.content);
        }
        for (std::size_t i = 0; i < files.size(); ++i) {
            store::files::renameNoReplace(partials[i], files[i].target);
            placed.push_back(files[i].target);
        }

        std::vector<fs::path> targetsWritten;
        targetsWritten.reserve(files.size());
        for (const auto& f : files) {
            targetsWritten.push_back(f.target);
        }
        if (c) {
            recordExport(workspace, kind, *c, targetsWritten);
        } else {
            recordExport(workspace, kind, targetsWritten);
        }
    } catch (...) {
        for (const auto& p : partials) {
            removeQuietly(p);
        }
        for (const auto& p : placed) {
            removeQuietly(p);
        }
        throw;
    }
}

} // namespace wb::core::exports
