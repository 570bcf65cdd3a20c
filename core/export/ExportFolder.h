// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

/// Where a plain export may go: a report's PDF, a CSV or a JSON file leaves the encrypted workspace, and a folder
/// that a sync client copies to the cloud, or one on a network share, takes it off the laptop as well.
namespace wb::core::exports {

/// Why a folder is not a good place for a plain export.
enum class FolderRisk {
    None,    ///< nothing known against it
    Synced,  ///< inside a folder a sync client copies elsewhere (OneDrive, Dropbox, Google Drive, Nextcloud…)
    Network, ///< on a network or remote file system (NFS, SMB/CIFS, a FUSE mount such as sshfs, rclone or gvfs)
};

/// What checkFolder found: the risk, and what it saw (the sync service's folder name, or the kind of file system).
struct FolderCheck {
    FolderRisk risk = FolderRisk::None;
    std::string seen;
};

/// Looks at `folder` (which need not exist yet: its nearest existing parent is examined for the file system) and
/// says whether an export there would leave the laptop. A folder whose name, or a parent's, is one a sync client
/// makes ("OneDrive", "OneDrive - Fictional Police", "Dropbox", "Google Drive", "Nextcloud", "ownCloud", "iCloud
/// Drive", "Box Sync", "pCloud Drive", "MEGA") is Synced; a folder on NFS, SMB/CIFS, AFS, Coda, Ceph or FUSE (sshfs,
/// rclone and gvfs mounts are FUSE; so is a local NTFS disk, for which the warning errs on the safe side) is Network.
/// Never throws: what cannot be examined counts as None.
FolderCheck checkFolder(const std::filesystem::path& folder);

/// `folder` made absolute (against the current directory), without "." or "..", and with symbolic links resolved as far
/// as the folders exist: the one reading of a destination folder, for checkFolder and for the audit entry
/// (ExportAudit's exportFolder).
std::filesystem::path resolvedFolder(const std::filesystem::path& folder);

/// The name of a risk for messages and logs ("synced", "network"); "" for None.
std::string_view toString(FolderRisk risk);

} // namespace wb::core::exports
