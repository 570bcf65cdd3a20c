// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>

#include <QDialog>
#include <QString>

#include "ui/session/Catalogues.h"

class QLineEdit;
class QPushButton;

namespace wb::core {
class Workspace;
}

namespace wb::ui {

class BusyIndicator;
class InlineMessage;
class KeyDerivationTask;
class PathChooser;
class WorkspaceJob;

/// Workspace ▸ Restore from backup…: a backup file, its passphrase (checked with
/// the same off-thread key derivation as unlocking) and a new file to restore
/// into (Workspace::restore, which verifies the result; also off the GUI thread).
/// After accept(), takeWorkspace() hands over the restored workspace, open.
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
    void backupChosen();
    void start();
    void derivationFinished();
    void restoreFinished();
    void setBusy(bool busy);
    void updateState();

    Catalogues m_catalogues;
    std::unique_ptr<core::Workspace> m_result;
    std::shared_ptr<std::unique_ptr<core::Workspace>> m_restored; ///< filled by the restore job
    bool m_busy = false;
    KeyDerivationTask* m_task = nullptr;
    WorkspaceJob* m_job = nullptr;
    PathChooser* m_backup = nullptr;
    QLineEdit* m_passphraseEdit = nullptr;
    PathChooser* m_target = nullptr;
    BusyIndicator* m_busyIndicator = nullptr;
    InlineMessage* m_message = nullptr;
    QPushButton* m_startButton = nullptr;
    QPushButton* m_cancelButton = nullptr;
};

} // namespace wb::ui
