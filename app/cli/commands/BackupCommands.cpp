// SPDX-License-Identifier: GPL-3.0-or-later
// backup and restore: a verified encrypted copy under the same passphrase, and a new file from one.
#include <cstdio>
#include <memory>
#include <optional>
#include <string>

#include <fmt/format.h>

#include "app/DataDir.h"
#include "app/cli/CommandLine.h"
#include "app/cli/Options.h"
#include "app/cli/Passphrase.h"
#include "app/cli/TerminalText.h"
#include "app/cli/WorkspaceAccess.h"
#include "app/cli/commands/Commands.h"
#include "core/Workspace.h"
#include "core/catalogues/Catalogues.h"

namespace wb::app::cli {

namespace {

struct CopyArgs {
    std::string from;
    std::string target;
    std::optional<int> passphraseFd;
};

int backup(const CopyArgs& args)
{
    auto ws = openWorkspace(args.from, args.passphraseFd);
    int lastPercent = -1;
    const auto anchor = ws->backupTo(args.target, [&](int done, int total) {
        const int percent = total > 0 ? done * 100 / total : 100;
        if (percent / 10 != lastPercent / 10) {
            fmt::print(stderr, "\rcopying… {}%", percent);
            lastPercent = percent;
        }
    });
    fmt::print(stderr, "\n");
    fmt::print("backup written and verified: {}\n", terminalSafe(args.target));
    fmt::print("anchor: {}\n", core::audit::formatAnchor(anchor));
    return 0;
}

int restore(const CopyArgs& args)
{
    const auto catalogues = core::Catalogues::loadFrom(app::dataDir());
    const auto passphrase = app::readPassphrase(args.passphraseFd, "Backup passphrase: ");
    auto key = core::Workspace::deriveForOpen(args.from, passphrase.view());
    auto ws = core::Workspace::restore(args.from, args.target, std::move(key), catalogues.offences, catalogues.lists);
    noteUpgrade(*ws);
    fmt::print("restored {} cases into {}\n", ws->cases().count(), terminalSafe(args.target));
    return 0;
}

} // namespace

void addBackupCommands(CommandLine& cli)
{
    cli.beginGroup("Backups and bundles");
    {
        auto args = std::make_shared<CopyArgs>();
        auto& command = cli.add("backup", "write a verified encrypted backup (same passphrase); prints its anchor",
                                [args] { return backup(*args); });
        addFile(command, "PATH", args->from, "the workspace file");
        addFile(command, "TARGET", args->target, "the backup file to write (must not exist)");
        addPassphraseFd(command, args->passphraseFd);
    }
    {
        auto args = std::make_shared<CopyArgs>();
        auto& command = cli.add("restore", "restore a backup into a new workspace file (the backup is only read)",
                                [args] { return restore(*args); });
        addFile(command, "BACKUP", args->from, "the backup file");
        addFile(command, "TARGET", args->target, "the new workspace file (must not exist)");
        addFd(command, "--passphrase-fd", args->passphraseFd,
              "read the backup's passphrase (first line) from descriptor FD; without it the terminal is asked");
    }
}

} // namespace wb::app::cli
