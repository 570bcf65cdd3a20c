// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/backup/BackupDialog.h"

#include <algorithm>

#include <QDate>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScreen>
#include <QVBoxLayout>

#include "core/Error.h"
#include "core/Workspace.h"
#include "core/audit/AuditLog.h"
#include "ui/backup/BackupFiles.h"
#include "ui/session/WorkspaceJob.h"
#include "ui/session/WorkspaceNow.h"
#include "ui/session/WorkspaceSession.h"
#include "ui/text/DisplayText.h"
#include "ui/text/ErrorText.h"
#include "ui/widgets/BusyIndicator.h"
#include "ui/widgets/InlineMessage.h"
#include "ui/widgets/PathChooser.h"

namespace wb::ui {

BackupDialog::BackupDialog(WorkspaceSession& session, QWidget* parent)
    : QDialog(parent)
    , m_session(session)
    , m_job(new WorkspaceJob(this))
{
    setObjectName(QStringLiteral("backupDialog"));
    // Nothing else may use the workspace while the copy runs on the other thread:
    // modal to the whole application (case windows too). Show with show(), not open().
    setWindowModality(Qt::ApplicationModal);
    setWindowTitle(tr("Back up the workspace"));
    auto* layout = new QVBoxLayout(this);

    auto* intro = new QLabel(tr("Writes a copy of the whole workspace to a new file and checks it. The copy is "
                                "encrypted exactly like the workspace: the same passphrase opens it. Keep it "
                                "on storage your force approves for case data."),
                             this);
    intro->setObjectName(QStringLiteral("backupIntroLabel"));
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto* form = new QFormLayout();
    m_path = new PathChooser(PathChooser::Mode::Save, tr("Backup file"), tr("Choose the backup file"),
                             QStringLiteral("backupPathLineEdit"), QStringLiteral("backupBrowseButton"), this);
    m_path->setDialog(tr("Back up to"), backupfiles::workspaceFilter());
    auto* pathLabel = new QLabel(tr("Backup &file:"), this);
    pathLabel->setBuddy(m_path->lineEdit());
    form->addRow(pathLabel, m_path);
    layout->addLayout(form);

    m_progress = new BusyIndicator(tr("Backup progress"), QStringLiteral("backupProgressBar"),
                                   QStringLiteral("backupProgressLabel"), this);
    layout->addWidget(m_progress);

    m_message = new InlineMessage(this);
    m_message->setObjectName(QStringLiteral("backupMessageLabel"));
    layout->addWidget(m_message);
    layout->addStretch(1);

    auto* buttons = new QDialogButtonBox(this);
    m_startButton = buttons->addButton(tr("&Back up"), QDialogButtonBox::AcceptRole);
    m_startButton->setObjectName(QStringLiteral("backupStartButton"));
    m_startButton->setAccessibleName(tr("Write the backup"));
    m_startButton->setDefault(true);
    m_closeButton = buttons->addButton(QDialogButtonBox::Close);
    m_closeButton->setObjectName(QStringLiteral("backupCloseButton"));
    m_closeButton->setAccessibleName(tr("Close"));
    layout->addWidget(buttons);

    connect(m_path, &PathChooser::pathChanged, this, &BackupDialog::updateState);
    connect(m_startButton, &QPushButton::clicked, this, &BackupDialog::start);
    connect(m_closeButton, &QPushButton::clicked, this, &BackupDialog::reject);
    connect(m_job, &WorkspaceJob::finished, this, &BackupDialog::jobFinished);

    // Issue 15: the path is shown whole. The box is as wide as the suggested path (within the screen); a path too
    // long even for that is in the box's tooltip.
    connect(m_path, &PathChooser::pathChanged, this, [this] { m_path->lineEdit()->setToolTip(m_path->path()); });
    if (const core::Workspace* workspace = m_session.workspace(); workspace != nullptr) {
        m_path->setPath(suggestedPath(*workspace));
        QLineEdit* edit = m_path->lineEdit();
        const int wanted =
            edit->fontMetrics().horizontalAdvance(edit->text()) + 4 * edit->fontMetrics().averageCharWidth();
        const int screenWidth = screen() != nullptr ? screen()->availableGeometry().width() : 1280;
        edit->setMinimumWidth(std::clamp(wanted, edit->minimumWidth(), screenWidth * 3 / 5));
    }
    setTabOrder(m_path->lineEdit(), m_path->browseButton());
    setTabOrder(m_path->browseButton(), m_startButton);
    setTabOrder(m_startButton, m_closeButton);
    updateState();
}

BackupDialog::~BackupDialog() = default;

QString BackupDialog::suggestedPath(const core::Workspace& workspace)
{
    const QFileInfo file(DisplayText::fromPath(workspace.path()));
    const QString date = DisplayText::toUkDateTime(workspaceNow(&workspace)).date().toString(Qt::ISODate);
    return file.dir().absoluteFilePath(
        QStringLiteral("%1-backup-%2.%3").arg(file.completeBaseName(), date, backupfiles::workspaceSuffix()));
}

void BackupDialog::setTargetPath(const QString& path)
{
    m_path->setPath(path);
}

QString BackupDialog::targetPath() const
{
    return m_path->path();
}

bool BackupDialog::isBusy() const noexcept
{
    return m_job->isRunning();
}

void BackupDialog::updateState()
{
    const bool busy = isBusy();
    m_path->setEnabled(!busy);
    m_startButton->setEnabled(!busy && !m_path->path().isEmpty());
    m_closeButton->setEnabled(!busy);
}

void BackupDialog::start()
{
    if (isBusy()) {
        return;
    }
    m_message->clearMessage();
    const QString path = m_path->normalisedPath(backupfiles::workspaceSuffix());
    if (const QString problem = backupfiles::targetProblem(path); !problem.isEmpty()) {
        m_message->showMessage(problem);
        m_path->lineEdit()->setFocus();
        return;
    }
    core::Workspace* const workspace = m_session.unlockedWorkspaceOrShow(*m_message);
    if (workspace == nullptr) {
        return; // locked or closed since the dialog opened: the message says so
    }
    m_progress->setProgress(0, tr("Copying…"));
    const auto target = DisplayText::toPath(path);
    auto anchor = std::make_shared<std::string>();
    m_anchor = anchor;
    m_job->start(
        [workspace, target, anchor, this] {
            const auto written = workspace->backupTo(target, [this](int done, int total) {
                // The job's owner waits for it, so `this` outlives every call.
                QMetaObject::invokeMethod(
                    this, [this, done, total] { progress(done, total); }, Qt::QueuedConnection);
            });
            *anchor = core::audit::formatAnchor(written);
        },
        tr("Backing up…"));
    updateState();
}

void BackupDialog::progress(int done, int total)
{
    if (total <= 0 || !isBusy()) {
        return;
    }
    const int percent = static_cast<int>(100LL * done / total);
    m_progress->setProgress(percent, percent >= 100 ? tr("Checking the copy…") : tr("Copying… %1%").arg(percent));
}

void BackupDialog::jobFinished()
{
    updateState();
    if (const auto& error = m_job->error()) {
        m_progress->stop();
        m_message->showMessage(
            tr("The backup was not made, and no file was left behind. %1").arg(ErrorText::message(*error)));
        m_path->lineEdit()->setFocus();
        return;
    }
    m_progress->setProgress(100, tr("Done."));
    // The backup's chain head, to note outside the file: `verify --against` or `--anchor` later shows
    // whether the workspace's history up to this point is still the same.
    m_message->showMessage(
        tr("Backup written and verified: %1. The same passphrase opens it.\n"
           "Its audit anchor (note it in the case file to check this history later): %2")
            .arg(QFileInfo(targetPath()).fileName(), m_anchor ? QString::fromStdString(*m_anchor) : QString()),
        InlineMessage::Kind::Information);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_startButton->setEnabled(false);
    m_closeButton->setFocus();
    m_closeButton->setDefault(true);
    Q_EMIT backupWritten();
}

void BackupDialog::reject()
{
    if (isBusy()) {
        return; // the copy finishes (or fails and removes itself) first
    }
    QDialog::reject();
}

} // namespace wb::ui
