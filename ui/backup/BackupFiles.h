// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace wb::ui::backupfiles {

/// "rwb": what a typed backup or restore path gets when it has no suffix.
QString workspaceSuffix();
/// The file filter of the backup and restore dialogs.
QString workspaceFilter();
/// Why a new file cannot be written at path (it exists, its folder does not, none given), in the
/// user's words; empty when it can.
QString targetProblem(const QString& path);

} // namespace wb::ui::backupfiles
