// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QWidget;

namespace wb::ui {

/// The file dialogs of the workbench, without the history Qt's own keep. Qt's
/// file dialog writes the folders it visited, its recent places and sidebar to
/// QtProject.conf in the user's configuration folder when it closes, and a
/// desktop's native dialog may add the chosen file to the desktop's recent files:
/// folder names of workspaces, backups and bundles (often a case's or operation's
/// name) outside the encrypted file. So these always use Qt's own dialog with an
/// empty history, and Qt's "native" user settings (which only Qt itself uses here;
/// the workbench's settings are an INI file, see AppSettings) are pointed at
/// nowhere: nothing of the dialog is written.
class FileChooser final
{
public:
    FileChooser() = delete;

    /// An existing file to open; empty when cancelled.
    static QString openFile(QWidget* parent, const QString& caption, const QString& start, const QString& filter);
    /// A file to write (existing or not: the caller asks before overwriting); empty when cancelled.
    static QString saveFile(QWidget* parent, const QString& caption, const QString& start, const QString& filter);

    /// Stops Qt writing its own user settings (QtProject.conf) anywhere. Called at
    /// start and before every dialog; harmless to repeat.
    static void keepQtHistoryOffDisk();
};

} // namespace wb::ui
