// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/DataDir.h"

#include <cstdlib>
#include <system_error>

namespace wb::app {

std::filesystem::path dataDir()
{
    if (const char* env = std::getenv("RASSO_WORKBENCH_DATA_DIR"); env != nullptr && *env != '\0') {
        return env;
    }
    std::error_code ec;
    const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (ec) {
        return std::filesystem::path("share") / "rasso-workbench";
    }
    return exe.parent_path().parent_path() / "share" / "rasso-workbench";
}

std::filesystem::path nomDir()
{
    return dataDir() / "nom";
}

std::filesystem::path referenceDir()
{
    return dataDir() / "reference";
}

std::filesystem::path offencesFile()
{
    return referenceDir() / "offences.json";
}

} // namespace wb::app
