// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>

#include <QString>

class QSettings;

namespace wb::ui {

/// The only things kept outside the encrypted workspace: the path of the last
/// workspace file, the auto-lock delay and whether privacy mode is on. Never names or case data.
class AppSettings
{
public:
    static constexpr int DefaultAutoLockMinutes = 10;
    static constexpr int MinAutoLockMinutes = 1;
    static constexpr int MaxAutoLockMinutes = 240;

    /// The user's settings for this application (organisation/application names).
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

    /// Privacy mode (names shown as initials): a display preference, not case data.
    bool privacyMode() const;
    void setPrivacyMode(bool on);

    /// Where demo workspaces are created: the application data folder unless
    /// overridden (not stored).
    QString demoFolder() const;
    void setDemoFolder(const QString& folder);

private:
    std::unique_ptr<QSettings> m_settings;
    QString m_demoFolder;
};

} // namespace wb::ui
