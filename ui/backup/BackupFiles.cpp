// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/backup/BackupFiles.h"

#include <QCoreApplication>
#include <QFileInfo>

#include "core/Error.h"
#include "ui/text/ErrorText.h"

namespace wb::ui::backupfiles {

QString workspaceSuffix()
{
    return QStringLiteral("rwb");
}

QString workspaceFilter()
{
    return QCoreApplication::translate("wb::ui::BackupDialog", "Workbench workspaces (*.rwb);;All files (*)");
}

QString targetProblem(const QString& path)
{
    if (path.isEmpty()) {
        return QCoreApplication::translate("wb::ui::BackupDialog", "Choose where to write the file.");
    }
    if (QFileInfo::exists(path)) {
        return ErrorText::message(core::Error(core::ErrorCode::AlreadyExists, "exists"));
    }
    if (!QFileInfo(QFileInfo(path).absolutePath()).isDir()) {
        return ErrorText::message(core::Error(core::ErrorCode::FileNotFound, "no folder"));
    }
    return {};
}

} // namespace wb::ui::backupfiles
