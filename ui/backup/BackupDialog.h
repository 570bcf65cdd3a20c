// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>
#include <string>

#include <QDialog>
#include <QString>

class QPushButton;

namespace wb::core {
class Workspace;
}

namespace wb::ui {

class BusyIndicator;
class InlineMessage;
class PathChooser;
class WorkspaceJob;
class WorkspaceSession;

/// Workspace ▸ Back up…: writes a verified copy of the open workspace to a new
/// file (Workspace::backupTo). The copy runs off the GUI thread with a progress
/// bar; while it runs the dialog is application-modal and cannot be closed.
/// A backup that fails leaves no file and says why. The workspace is the
/// session's, read when the copy starts (a locked or closed one is refused).
class BackupDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit BackupDialog(WorkspaceSession& session, QWidget* parent = nullptr);
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
    void start();
    void progress(int done, int total);
    void jobFinished();
    void updateState();

    WorkspaceSession& m_session;
    WorkspaceJob* m_job = nullptr;
    PathChooser* m_path = nullptr;
    BusyIndicator* m_progress = nullptr;
    InlineMessage* m_message = nullptr;
    QPushButton* m_startButton = nullptr;
    QPushButton* m_closeButton = nullptr;
    std::shared_ptr<std::string> m_anchor; ///< the written backup's audit anchor, set by the job
};

} // namespace wb::ui
