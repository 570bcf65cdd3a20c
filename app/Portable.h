// SPDX-License-Identifier: GPL-3.0-or-later
// Portable mode (issue 17): the workbench run from a USB stick in a classroom keeps its settings, caches, temporary
// files and workspaces beside the program, and writes nothing to the host's profile or temporary folders.
#pragma once

#include <filesystem>
#include <optional>

namespace wb::app {

/// The folder a portable run keeps everything in: `--portable DIR` (or `--portable=DIR`) on the command line; else
/// "portable-data" beside a file named "portable.txt" in the folder the program is installed in (the one above
/// bin/, where share/ is); else nothing (a normal run).
std::optional<std::filesystem::path> portableRoot(int argc, char** argv);

/// The folders of a portable run under its root.
struct PortableFolders {
    std::filesystem::path root;
    std::filesystem::path home;       ///< HOME: the standard folders (Documents, the configuration) are under it
    std::filesystem::path workspaces; ///< where new workspaces and exercises are proposed
    std::filesystem::path temp;       ///< TMPDIR
};

/// Enters portable mode before anything (Qt included) reads the environment: makes the folders (owner only, 0700)
/// and points HOME, XDG_CONFIG_HOME, XDG_DATA_HOME, XDG_CACHE_HOME, XDG_STATE_HOME and TMPDIR into them, so the
/// settings, Qt's and the system libraries' caches, and every temporary file stay on the stick. Throws
/// std::filesystem::filesystem_error when a folder cannot be made.
PortableFolders enterPortableMode(const std::filesystem::path& root);

} // namespace wb::app
