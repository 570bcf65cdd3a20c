// SPDX-License-Identifier: GPL-3.0-or-later
// rasso-workbench-cli: administration and verification without the GUI (no Qt).
// Passphrases come from a file descriptor or the terminal, never from arguments.

#include "app/cli/CommandLine.h"
#include "app/cli/commands/Commands.h"
#include "app/cli/commands/ExportCommands.h"
#include "core/security/ProcessHardening.h"
#ifdef WB_CLI_REPORTS
#include "app/cli/commands/ReportCommands.h" // report: only in a build with the user interface (it draws with Qt)
#endif

int main(int argc, char** argv)
{
    // Before anything reads a passphrase or a key: no core dumps, no ptrace attach.
    wb::core::security::hardenProcess();
    wb::app::cli::CommandLine cli;
    wb::app::cli::addWorkspaceCommands(cli);
    wb::app::cli::addIntegrityCommands(cli);
    wb::app::cli::addBackupCommands(cli);
    wb::app::cli::addBundleCommands(cli);
    wb::app::cli::addExportCommands(cli);
    wb::app::cli::addMatchCommands(cli);
    wb::app::cli::addTrainingAndSystemCommands(cli);
    wb::app::cli::addExerciseCommands(cli);
#ifdef WB_CLI_REPORTS
    wb::app::cli::addReportCommands(cli);
#endif
    return cli.run(argc, argv);
}
