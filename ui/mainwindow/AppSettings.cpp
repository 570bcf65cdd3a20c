// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/mainwindow/AppSettings.h"

#include <algorithm>

#include <QCoreApplication>
#include <QDir>
#include <QSettings>
#include <QStandardPaths>

namespace wb::ui {

namespace {

const QString LastWorkspaceKey = QStringLiteral("workspace/lastPath");
const QString AutoLockKey = QStringLiteral("security/autoLockMinutes");
const QString PrivacyModeKey = QStringLiteral("display/privacyMode");
const QString BackupReminderKey = QStringLiteral("backup/reminderDays");
const QString LockOnSuspendKey = QStringLiteral("security/lockOnSuspend");
const QString LockOnScreenLockKey = QStringLiteral("security/lockOnScreenLock");

} // namespace

AppSettings::AppSettings()
    // The file Qt's native format would use on Linux ($XDG_CONFIG_HOME/<organisation>/<application>.conf),
    // named explicitly: Qt's native-format settings are switched off (see FileChooser).
    : m_settings(std::make_unique<QSettings>(QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) +
                                                 QLatin1Char('/') + QCoreApplication::organizationName() +
                                                 QLatin1Char('/') + QCoreApplication::applicationName() +
                                                 QStringLiteral(".conf"),
                                             QSettings::IniFormat))
{
}

AppSettings::AppSettings(const QString& iniFile)
    : m_settings(std::make_unique<QSettings>(iniFile, QSettings::IniFormat))
{
}

AppSettings::~AppSettings() = default;

QString AppSettings::lastWorkspace() const
{
    return m_settings->value(LastWorkspaceKey).toString();
}

void AppSettings::setLastWorkspace(const QString& path)
{
    m_settings->setValue(LastWorkspaceKey, path);
    m_settings->sync();
}

bool AppSettings::lockOnSuspend() const
{
    return m_settings->value(LockOnSuspendKey, true).toBool();
}

void AppSettings::setLockOnSuspend(bool on)
{
    m_settings->setValue(LockOnSuspendKey, on);
    m_settings->sync();
}

bool AppSettings::lockOnScreenLock() const
{
    return m_settings->value(LockOnScreenLockKey, true).toBool();
}

void AppSettings::setLockOnScreenLock(bool on)
{
    m_settings->setValue(LockOnScreenLockKey, on);
    m_settings->sync();
}

bool AppSettings::privacyMode() const
{
    return m_settings->value(PrivacyModeKey, false).toBool();
}

void AppSettings::setPrivacyMode(bool on)
{
    m_settings->setValue(PrivacyModeKey, on);
}

int AppSettings::autoLockMinutes() const
{
    bool ok = false;
    const int minutes = m_settings->value(AutoLockKey, DefaultAutoLockMinutes).toInt(&ok);
    return ok ? std::clamp(minutes, MinAutoLockMinutes, MaxAutoLockMinutes) : DefaultAutoLockMinutes;
}

void AppSettings::setAutoLockMinutes(int minutes)
{
    m_settings->setValue(AutoLockKey, std::clamp(minutes, MinAutoLockMinutes, MaxAutoLockMinutes));
    m_settings->sync();
}

int AppSettings::backupReminderDays() const
{
    bool ok = false;
    const int days = m_settings->value(BackupReminderKey, DefaultBackupReminderDays).toInt(&ok);
    return ok ? std::clamp(days, MinBackupReminderDays, MaxBackupReminderDays) : DefaultBackupReminderDays;
}

void AppSettings::setBackupReminderDays(int days)
{
    m_settings->setValue(BackupReminderKey, std::clamp(days, MinBackupReminderDays, MaxBackupReminderDays));
    m_settings->sync();
}

QString AppSettings::demoFolder() const
{
    if (!m_demoFolder.isEmpty()) {
        return m_demoFolder;
    }
    const QString data = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    if (data.isEmpty()) {
        return {};
    }
    return QDir(data).absoluteFilePath(QCoreApplication::applicationName());
}

QStringList AppSettings::earlierDemoFolders() const
{
    if (!m_demoFolder.isEmpty()) {
        return {};
    }
    const QString earlier = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    if (earlier.isEmpty() || QDir(earlier) == QDir(demoFolder())) {
        return {};
    }
    return {earlier};
}

QString AppSettings::workspaceFolder() const
{
    return m_workspaceFolder.isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)
                                       : m_workspaceFolder;
}

void AppSettings::setWorkspaceFolder(const QString& folder)
{
    m_workspaceFolder = folder;
}

void AppSettings::setDemoFolder(const QString& folder)
{
    m_demoFolder = folder;
}

} // namespace wb::ui
