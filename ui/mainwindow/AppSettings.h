// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>

#include <QString>
#include <QStringList>

class QSettings;

namespace wb::ui {

/// The only things kept outside the encrypted workspace: the path of the last
/// workspace file, the auto-lock delay, whether privacy mode is on and the backup
/// reminder interval. Never names or case data.
class AppSettings
{
public:
    static constexpr int DefaultAutoLockMinutes = 10;
    static constexpr int MinAutoLockMinutes = 1;
    static constexpr int MaxAutoLockMinutes = 240;

    /// The user's settings for this application (organisation/application names),
    /// in an INI file in the user's configuration folder. Never Qt's "native"
    /// settings: those are switched off (see FileChooser) so Qt's own dialogs
    /// keep no history.
    AppSettings();
    /// Settings in an INI file at this path (tests).
    explicit AppSettings(const QString& iniFile);
    ~AppSettings();
    AppSettings(const AppSettings&) = delete;
    AppSettings& operator=(const AppSettings&) = delete;

    QString lastWorkspace() const;
    void setLastWorkspace(const QString& path);

    int autoLockMinutes() const;
    void setAutoLockMinutes(int minutes);

    /// Lock at once when the computer is about to sleep / when the desktop locks
    /// its screen (ui/SystemLockWatcher). Both on unless turned off.
    bool lockOnSuspend() const;
    void setLockOnSuspend(bool on);
    bool lockOnScreenLock() const;
    void setLockOnScreenLock(bool on);

    /// Privacy mode (names shown as initials): a display preference, not case data.
    bool privacyMode() const;
    void setPrivacyMode(bool on);

    /// Days after the last backup before the workbench reminds the user to make
    /// one (a number, not personal).
    static constexpr int DefaultBackupReminderDays = 7;
    static constexpr int MinBackupReminderDays = 1;
    static constexpr int MaxBackupReminderDays = 365;
    int backupReminderDays() const;
    void setBackupReminderDays(int days);

    /// Where demo workspaces are created: the application's data folder, named once
    /// (~/.local/share/RassoWorkbench on Linux; Qt's AppDataLocation would name it twice,
    /// organisation then application), unless overridden (not stored).
    QString demoFolder() const;
    void setDemoFolder(const QString& folder);
    /// Folders earlier versions put demo workspaces in (the doubled
    /// …/RassoWorkbench/RassoWorkbench), so that a demo made there is still found and
    /// recognised; empty when demoFolder() is overridden or when there is no such folder.
    QStringList earlierDemoFolders() const;

    /// Where new workspaces (and exercises) are proposed and files are first looked for: the documents folder, or
    /// in portable mode the stick's workspaces folder.
    QString workspaceFolder() const;
    void setWorkspaceFolder(const QString& folder);

private:
    std::unique_ptr<QSettings> m_settings;
    QString m_workspaceFolder;
    QString m_demoFolder;
};

} // namespace wb::ui
