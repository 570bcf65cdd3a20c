// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/Portable.h"

#include <cstdlib>
#include <cstring>
#include <string_view>
#include <system_error>

namespace wb::app {

namespace fs = std::filesystem;

std::optional<fs::path> portableRoot(int argc, char** argv)
{
    constexpr std::string_view Option = "--portable";
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == Option && i + 1 < argc) {
            return fs::absolute(argv[i + 1]);
        }
        if (arg.size() > Option.size() + 1 && arg.substr(0, Option.size() + 1) == "--portable=") {
            return fs::absolute(fs::path(std::string(arg.substr(Option.size() + 1))));
        }
    }
    std::error_code ec;
    const auto exe = fs::read_symlink("/proc/self/exe", ec);
    if (ec) {
        return std::nullopt;
    }
    const auto prefix = exe.parent_path().parent_path();
    if (fs::is_regular_file(prefix / "portable.txt", ec)) {
        return prefix / "portable-data";
    }
    return std::nullopt;
}

PortableFolders enterPortableMode(const fs::path& root)
{
    PortableFolders folders;
    folders.root = root;
    folders.home = root / "home";
    folders.workspaces = root / "workspaces";
    folders.temp = root / "tmp";
    const fs::path config = folders.home / ".config";
    const fs::path data = folders.home / ".local" / "share";
    const fs::path state = folders.home / ".local" / "state";
    const fs::path cache = root / "cache";
    for (const auto& folder : {root, folders.home, folders.workspaces, folders.temp, config, data, state, cache}) {
        fs::create_directories(folder);
        // Owner only where the file system keeps permissions; a FAT or exFAT stick keeps none, and refusing to run
        // there would help no one: the error code is deliberately not acted on.
        std::error_code noPermissions;
        fs::permissions(folder, fs::perms::owner_all, fs::perm_options::replace, noPermissions);
    }
    setenv("HOME", folders.home.c_str(), 1);
    setenv("XDG_CONFIG_HOME", config.c_str(), 1);
    setenv("XDG_DATA_HOME", data.c_str(), 1);
    setenv("XDG_STATE_HOME", state.c_str(), 1);
    setenv("XDG_CACHE_HOME", cache.c_str(), 1);
    setenv("TMPDIR", folders.temp.c_str(), 1);
    return folders;
}

} // namespace wb::app
