// SPDX-License-Identifier: GPL-3.0-or-later
// The commands, grouped by concern; each function adds its group's commands with their options.
#pragma once

namespace wb::app::cli {

class CommandLine;

/// create, info, cases, change-passphrase
void addWorkspaceCommands(CommandLine& cli);
/// verify, repair
void addIntegrityCommands(CommandLine& cli);
/// backup, restore
void addBackupCommands(CommandLine& cli);
/// export, import
void addBundleCommands(CommandLine& cli);
/// match-eval, match-estimate (repeat-suspect matching, issue 16)
void addMatchCommands(CommandLine& cli);
/// exercise-start, exercise-status, exercise-release, pack-codes (classroom exercises, issue 17)
void addExerciseCommands(CommandLine& cli);
/// generate, pack (validate a scenario pack), kdf-time, self-check
void addTrainingAndSystemCommands(CommandLine& cli);

} // namespace wb::app::cli
