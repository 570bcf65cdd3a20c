// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>
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
/// holds the workspace: the check waits for it).
class BackupReminder final : public QFrame
{
    Q_OBJECT

public:
    /// Returns the time of the last backup (nullopt: never), or throws core::Error.
    using LastBackup = std::function<std::optional<core::Instant>()>;

    explicit BackupReminder(QWidget* parent = nullptr);

    /// Starts watching: checks now and then every day, until stop(). "Now" is `clock`'s (the
    /// workspace's: Workspace::sharedClock(); null: the system's).
    void start(LastBackup lastBackup, int reminderDays, std::shared_ptr<const core::Clock> clock = {});
    void stop();
    /// Shows or hides the banner for these facts; returns whether it is shown.
    bool check(std::optional<core::Instant> lastBackup, int reminderDays, core::Instant now);
    /// Re-checks with the source given to start().
    void recheck();
    QString text() const;

Q_SIGNALS:
    void backupRequested();

private:
    LastBackup m_lastBackup;
    std::shared_ptr<const core::Clock> m_clock;
    int m_days = 7;
    QTimer m_daily;
    QLabel* m_label = nullptr;
    QPushButton* m_backupButton = nullptr;
    QPushButton* m_dismissButton = nullptr;
};

} // namespace wb::ui
