// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include <QDialog>
#include <QFrame>
#include <QString>
#include <QTimer>

#include "core/domain/Time.h"
#include "ui/session/Catalogues.h"

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace wb::core {
class Workspace;
}

namespace wb::ui {

class InlineMessage;
class KeyDerivationTask;
class WorkspaceJob;

/// Workspace ▸ Back up…: writes a verified copy of the open workspace to a new
/// file (Workspace::backupTo). The copy runs off the GUI thread with a progress
/// bar; while it runs the dialog is application-modal and cannot be closed.
/// A backup that fails leaves no file and says why.
class BackupDialog final : public QDialog
{
    Q_OBJECT

public:
    BackupDialog(core::Workspace& workspace, QWidget* parent = nullptr);
    ~BackupDialog() override;

    void setTargetPath(const QString& path);
    QString targetPath() const;
    bool isBusy() const noexcept;
    /// A suggested file name beside the workspace: "<name>-backup-YYYY-MM-DD.rwb".
    static QString suggestedPath(const core::Workspace& workspace);

Q_SIGNALS:
    /// A backup was written and verified.
    void backupWritten();

public Q_SLOTS:
    void reject() override;

private:
    void browse();
    void start();
    void progress(int done, int total);
    void jobFinished();
    void updateState();

    core::Workspace& m_workspace;
    WorkspaceJob* m_job = nullptr;
    QLineEdit* m_pathEdit = nullptr;
    QPushButton* m_browseButton = nullptr;
    QProgressBar* m_progressBar = nullptr;
    QLabel* m_progressLabel = nullptr;
    InlineMessage* m_message = nullptr;
    QPushButton* m_startButton = nullptr;
    QPushButton* m_closeButton = nullptr;
    std::shared_ptr<std::string> m_anchor; ///< the written backup's audit anchor, set by the job
};

/// Workspace ▸ Restore from backup…: a backup file, its passphrase (checked with
/// the same off-thread key derivation as unlocking) and a new file to restore
/// into (Workspace::restore, which verifies the result). After accept(),
/// takeWorkspace() hands over the restored workspace, open.
class RestoreDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit RestoreDialog(Catalogues catalogues, QWidget* parent = nullptr);
    ~RestoreDialog() override;

    void setBackupPath(const QString& path);
    void setTargetPath(const QString& path);
    bool isBusy() const noexcept { return m_busy; }
    std::unique_ptr<core::Workspace> takeWorkspace();

public Q_SLOTS:
    void reject() override;

private:
    void browseBackup();
    void browseTarget();
    void start();
    void derivationFinished();
    void setBusy(bool busy);
    void updateState();

    Catalogues m_catalogues;
    std::unique_ptr<core::Workspace> m_result;
    bool m_busy = false;
    KeyDerivationTask* m_task = nullptr;
    QLineEdit* m_backupEdit = nullptr;
    QLineEdit* m_passphraseEdit = nullptr;
    QLineEdit* m_targetEdit = nullptr;
    QPushButton* m_backupBrowse = nullptr;
    QPushButton* m_targetBrowse = nullptr;
    QProgressBar* m_busyBar = nullptr;
    QLabel* m_busyLabel = nullptr;
    InlineMessage* m_message = nullptr;
    QPushButton* m_startButton = nullptr;
    QPushButton* m_cancelButton = nullptr;
};

/// A banner above the case list when the last backup is older than the
/// reminder interval (or there has never been one), with a "Back up now"
/// button. Text says what is wrong, so it does not rely on its colour. Checked
/// on unlock and then daily while the workspace stays open.
class BackupReminder final : public QFrame
{
    Q_OBJECT

public:
    /// Returns the time of the last backup (nullopt: never), or throws core::Error.
    using LastBackup = std::function<std::optional<core::Instant>()>;

    explicit BackupReminder(QWidget* parent = nullptr);

    /// Starts watching: checks now and then every day, until stop().
    void start(LastBackup lastBackup, int reminderDays);
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
    int m_days = 7;
    QTimer m_daily;
    QLabel* m_label = nullptr;
    QPushButton* m_backupButton = nullptr;
    QPushButton* m_dismissButton = nullptr;
};

} // namespace wb::ui
