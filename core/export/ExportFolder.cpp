// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/export/ExportFolder.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <system_error>

#include <sys/vfs.h>

namespace wb::core::exports {

namespace fs = std::filesystem;

namespace {

/// The folder names sync clients make, lower case; a folder matches when its name is one of them or starts with one
/// followed by " - " or " (" (OneDrive for Business: "OneDrive - Force Name"; a second Dropbox: "Dropbox (Personal)").
constexpr std::array<std::string_view, 13> SyncedFolderNames = {
    "onedrive",     "dropbox",     "google drive", "googledrive",  "my drive", "nextcloud", "owncloud",
    "icloud drive", "iclouddrive", "box sync",     "pcloud drive", "mega",     "seadrive",
};

std::string lower(std::string_view text)
{
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

bool isSyncFolderName(std::string_view name)
{
    const std::string folder = lower(name);
    for (const std::string_view known : SyncedFolderNames) {
        if (folder == known) {
            return true;
        }
        if (folder.size() > known.size() && folder.compare(0, known.size(), known) == 0) {
            const std::string_view rest = std::string_view(folder).substr(known.size());
            if (rest.rfind(" - ", 0) == 0 || rest.rfind(" (", 0) == 0) {
                return true;
            }
        }
    }
    return false;
}

/// The file system kinds (statfs f_type) that keep their files on another machine.
std::string_view networkFileSystem(long type)
{
    switch (static_cast<unsigned long>(type)) {
    case 0x6969UL: return "NFS";
    case 0x517BUL: return "SMB";
    case 0xFF534D42UL: return "CIFS";
    case 0xFE534D42UL: return "SMB2";
    case 0x5346414FUL: return "AFS";
    case 0x73757245UL: return "Coda";
    case 0x65735546UL: return "FUSE";
    case 0x00C36400UL: return "Ceph";
    default: return {};
    }
}

/// The nearest folder at or above `folder` that exists (for statfs), or empty.
fs::path nearestExisting(const fs::path& folder)
{
    std::error_code ec;
    fs::path at = folder;
    while (!at.empty()) {
        if (fs::exists(at, ec)) {
            return at;
        }
        const fs::path parent = at.parent_path();
        if (parent == at) {
            break;
        }
        at = parent;
    }
    return {};
}

} // namespace

fs::path resolvedFolder(const fs::path& folder)
{
    std::error_code ec;
    fs::path absolute = fs::absolute(folder, ec);
    if (ec) {
        absolute = folder;
    }
    absolute = absolute.lexically_normal();
    const fs::path resolved = fs::weakly_canonical(absolute, ec);
    return ec ? absolute : resolved;
}

FolderCheck checkFolder(const fs::path& folder)
{
    const fs::path absolute = resolvedFolder(folder);
    for (const auto& part : absolute) {
        const std::string name = part.string();
        if (isSyncFolderName(name)) {
            return {FolderRisk::Synced, name};
        }
    }
    const fs::path existing = nearestExisting(absolute);
    struct statfs info {
    };
    if (!existing.empty() && ::statfs(existing.c_str(), &info) == 0) {
        const std::string_view kind = networkFileSystem(static_cast<long>(info.f_type));
        if (!kind.empty()) {
            return {FolderRisk::Network, std::string(kind)};
        }
    }
    return {};
}

std::string_view toString(FolderRisk risk)
{
    switch (risk) {
    case FolderRisk::None: return "";
    case FolderRisk::Synced: return "synced";
    case FolderRisk::Network: return "network";
    }
    return "";
}

} // namespace wb::core::exports
