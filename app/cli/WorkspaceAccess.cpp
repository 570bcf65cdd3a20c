// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/WorkspaceAccess.h"

#include <cstdio>

#include <fmt/format.h>

#include "app/DataDir.h"
#include "app/cli/Passphrase.h"
#include "core/Error.h"
#include "core/catalogues/Catalogues.h"

namespace wb::app::cli {

std::unique_ptr<core::Workspace> openWorkspace(const std::string& path, std::optional<int> passphraseFd)
{
    return openWorkspace(path, passphraseFd, core::Catalogues::loadFrom(app::dataDir()));
}

std::unique_ptr<core::Workspace>
openWorkspace(const std::string& path, std::optional<int> passphraseFd, const core::Catalogues& catalogues)
{
    const auto passphrase = app::readPassphrase(passphraseFd, "Passphrase: ");
    auto key = core::Workspace::deriveForOpen(path, passphrase.view());
    auto ws = core::Workspace::open(path, std::move(key), catalogues.offences, catalogues.lists);
    noteUpgrade(*ws);
    return ws;
}

void noteUpgrade(const core::Workspace& ws)
{
    const auto& upgrade = ws.formatUpgrade();
    if (upgrade.fromFormat == 0) {
        return;
    }
    if (upgrade.done) {
        fmt::print(stderr,
                   "note: the workspace file was upgraded from format {} to format {} (4 KiB pages); the same "
                   "passphrase opens it, and older backups still open\n",
                   upgrade.fromFormat, upgrade.toFormat);
    } else {
        fmt::print(stderr, "note: the workspace file could not be upgraded to format {} and is used as it is: {}\n",
                   upgrade.toFormat, upgrade.problem);
    }
}

core::store::SecureBuffer readNewPassphrase(std::optional<int> fd,
                                            const std::string& prompt,
                                            const std::string& repeatPrompt,
                                            const std::string& differ,
                                            const std::string& field)
{
    auto passphrase = app::readPassphrase(fd, prompt);
    if (!fd) {
        const auto again = app::readPassphrase(std::nullopt, repeatPrompt);
        if (again.view() != passphrase.view()) {
            throw core::Error(core::ErrorCode::Validation, differ, field);
        }
    }
    return passphrase;
}

} // namespace wb::app::cli
