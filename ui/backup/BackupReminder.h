// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <optional>

#include <QFrame>
#include <QString>
#include <QTimer>

#include "core/domain/Clock.h"
#include "core/domain/Time.h"

class QLabel;
class QPushButton;

namespace wb::ui {

/// A banner above the case list when the last backup is older than the
/// reminder interval (or there has never been one), with a "Back up now"
/// button. Text says what is wrong, so it does not rely on its colour. Checked
/// on unlock and then daily while the workspace stays open (not while a job
/// holds the workspace: the check waits for it). *Later* hides it for the rest of
/// the day (Europe/London) for that workspace, across locks and unlocks; it
/// comes back the next day.
class BackupReminder final : public QFrame
{
    Q_OBJECT

public:
    /// Returns the time of the last backup (nullopt: never), or throws core::Error.
    using LastBackup = std::function<std::optional<core::Instant>()>;

    explicit BackupReminder(QWidget* parent = nullptr);

    /// Starts watching: checks now and then every day, until stop(). "Now" is `clock`'s (the
    /// workspace's: Workspace::sharedClock(); null: the system's). workspaceKey names the
    /// workspace (its path), so that *Later* on one does not hide the reminder of another.
    void start(LastBackup lastBackup,
               int reminderDays,
               std::shared_ptr<const core::Clock> clock = {},
               const QString& workspaceKey = QString());
    void stop();
    /// Shows or hides the banner for these facts; returns whether it is shown.
    bool check(std::optional<core::Instant> lastBackup, int reminderDays, core::Instant now);
    /// Re-checks with the source given to start().
    void recheck();
    QString text() const;
    /// *Later*: hides the reminder until the end of today (Europe/London) for this workspace.
    void remindLater();
    /// Whether *Later* was chosen today for the workspace being watched.
    bool isSnoozed() const;

Q_SIGNALS:
    void backupRequested();

private:
    LastBackup m_lastBackup;
    std::shared_ptr<const core::Clock> m_clock;
    int m_days = 7;
    QString m_workspaceKey;
    /// Per workspace key: the London date on which *Later* was chosen (kept across stop/start).
    std::map<QString, std::chrono::year_month_day> m_snoozedOn;
    QTimer m_daily;
    QLabel* m_label = nullptr;
    QPushButton* m_backupButton = nullptr;
    QPushButton* m_dismissButton = nullptr;
};

} // namespace wb::ui
