// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/backup/BackupReminder.h"

#include <chrono>
#include <exception>

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

#include "core/Error.h"
#include "ui/session/JobMonitor.h"
#include "ui/text/DisplayText.h"

namespace wb::ui {

BackupReminder::BackupReminder(QWidget* parent)
    : QFrame(parent)
    , m_daily(this) // a child, so that tests find it and fire it
{
    setObjectName(QStringLiteral("backupReminder"));
    setFrameShape(QFrame::StyledPanel);
    setAccessibleName(tr("Backup reminder"));
    setStyleSheet(QStringLiteral("#backupReminder { background: #e8f1fb; border: 2px solid #1d5fa8; }"
                                 "#backupReminder QLabel { color: #0b2e55; }"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 4);
    m_label = new QLabel(this);
    m_label->setObjectName(QStringLiteral("backupReminderLabel"));
    m_label->setTextFormat(Qt::PlainText);
    m_label->setWordWrap(true);
    layout->addWidget(m_label, 1);
    m_backupButton = new QPushButton(tr("&Back up now…"), this);
    m_backupButton->setObjectName(QStringLiteral("backupNowButton"));
    m_backupButton->setAccessibleName(tr("Back up now"));
    layout->addWidget(m_backupButton);
    m_dismissButton = new QPushButton(tr("&Later"), this);
    m_dismissButton->setObjectName(QStringLiteral("backupLaterButton"));
    m_dismissButton->setAccessibleName(tr("Remind me later"));
    m_dismissButton->setToolTip(tr("Hide this reminder for the rest of today"));
    layout->addWidget(m_dismissButton);
    connect(m_backupButton, &QPushButton::clicked, this, &BackupReminder::backupRequested);
    connect(m_dismissButton, &QPushButton::clicked, this, &BackupReminder::remindLater);
    m_daily.setObjectName(QStringLiteral("backupReminderDailyTimer"));
    m_daily.setInterval(std::chrono::hours(24));
    connect(&m_daily, &QTimer::timeout, this, &BackupReminder::recheck);
    setVisible(false);
}

void BackupReminder::start(LastBackup lastBackup,
                           int reminderDays,
                           std::shared_ptr<const core::Clock> clock,
                           const QString& workspaceKey)
{
    m_lastBackup = std::move(lastBackup);
    m_workspaceKey = workspaceKey;
    m_clock = clock ? std::move(clock)
                    : std::shared_ptr<const core::Clock>(std::shared_ptr<const core::Clock>(), &core::Clock::system());
    m_days = reminderDays;
    m_daily.start();
    recheck();
}

void BackupReminder::stop()
{
    m_daily.stop();
    m_lastBackup = nullptr;
    m_clock.reset();
    m_workspaceKey.clear(); // the snooze dates stay: Later still holds at the next unlock today
    m_label->clear();
    setVisible(false);
}

void BackupReminder::recheck()
{
    if (!m_lastBackup || !m_clock) {
        return;
    }
    if (JobMonitor::instance().busy()) {
        JobMonitor::instance().whenIdle(this, [this] { recheck(); }); // the workspace is held by a job
        return;
    }
    if (isSnoozed()) {
        setVisible(false); // Later, today: back tomorrow (the daily check)
        return;
    }
    try {
        check(m_lastBackup(), m_days, m_clock->now());
    } catch (const std::exception&) {
        setVisible(false); // locked or unreadable: nothing to remind about now
    }
}

bool BackupReminder::check(std::optional<core::Instant> lastBackup, int reminderDays, core::Instant now)
{
    const auto limit = std::chrono::days(reminderDays);
    if (lastBackup && now - *lastBackup < limit) {
        m_label->clear();
        setVisible(false);
        return false;
    }
    if (!lastBackup) {
        m_label->setText(tr("Backup reminder: this workspace has never been backed up. A backup is the only way "
                            "to get your cases back if this file is lost or damaged."));
    } else {
        const auto days = std::chrono::duration_cast<std::chrono::days>(now - *lastBackup).count();
        const QString when = DisplayText::ukDateTime(*lastBackup);
        m_label->setText(
            days == 1
                ? tr("Backup reminder: the last backup was made 1 day ago (%1).").arg(when)
                : tr("Backup reminder: the last backup was made %1 days ago (%2).").arg(QString::number(days), when));
    }
    setVisible(true);
    return true;
}

void BackupReminder::remindLater()
{
    const core::Instant now = m_clock ? m_clock->now() : core::Clock::system().now();
    try {
        m_snoozedOn.insert_or_assign(m_workspaceKey, DisplayText::londonDate(now));
    } catch (const core::Error&) {
        // No time-zone data: today's date is unknown, so the reminder is only hidden until the next check.
    }
    setVisible(false);
}

bool BackupReminder::isSnoozed() const
{
    const auto found = m_snoozedOn.find(m_workspaceKey);
    if (found == m_snoozedOn.end()) {
        return false;
    }
    const core::Instant now = m_clock ? m_clock->now() : core::Clock::system().now();
    try {
        return found->second == DisplayText::londonDate(now);
    } catch (const core::Error&) {
        return false; // no time-zone data: remind rather than stay silent
    }
}

QString BackupReminder::text() const
{
    return m_label->text();
}

} // namespace wb::ui
