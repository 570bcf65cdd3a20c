// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/backup/RestoreDialog.h"

#include <exception>
#include <utility>

#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include "core/Error.h"
#include "core/Workspace.h"
#include "ui/backup/BackupFiles.h"
#include "ui/session/KeyDerivationTask.h"
#include "ui/session/SecretInput.h"
#include "ui/session/WorkspaceJob.h"
#include "ui/text/DisplayText.h"
#include "ui/text/ErrorText.h"
#include "ui/widgets/BusyIndicator.h"
#include "ui/widgets/InlineMessage.h"
#include "ui/widgets/PathChooser.h"

namespace wb::ui {

RestoreDialog::RestoreDialog(Catalogues catalogues, QWidget* parent)
    : QDialog(parent)
    , m_catalogues(std::move(catalogues))
    , m_task(new KeyDerivationTask(this))
    , m_job(new WorkspaceJob(this))
{
    setObjectName(QStringLiteral("restoreDialog"));
    setWindowTitle(tr("Restore from a backup"));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("Restores a backup into a new workspace file and opens it. The backup itself is "
                                "only read. Enter the passphrase the workspace had when the backup was made."),
                             this);
    intro->setObjectName(QStringLiteral("restoreIntroLabel"));
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto* form = new QFormLayout();
    m_backup =
        new PathChooser(PathChooser::Mode::Open, tr("Backup file"), tr("Choose the backup file"),
                        QStringLiteral("restoreBackupLineEdit"), QStringLiteral("restoreBackupBrowseButton"), this);
    m_backup->setDialog(tr("Choose a backup"), backupfiles::workspaceFilter());
    auto* backupLabel = new QLabel(tr("&Backup:"), this);
    backupLabel->setBuddy(m_backup->lineEdit());
    form->addRow(backupLabel, m_backup);

    m_passphraseEdit = new QLineEdit(this);
    m_passphraseEdit->setObjectName(QStringLiteral("restorePassphraseLineEdit"));
    m_passphraseEdit->setAccessibleName(tr("Passphrase of the backup"));
    m_passphraseEdit->setEchoMode(QLineEdit::Password);
    auto* passLabel = new QLabel(tr("&Passphrase:"), this);
    passLabel->setBuddy(m_passphraseEdit);
    form->addRow(passLabel, m_passphraseEdit);

    m_target =
        new PathChooser(PathChooser::Mode::Save, tr("New workspace file"), tr("Choose the new workspace file"),
                        QStringLiteral("restoreTargetLineEdit"), QStringLiteral("restoreTargetBrowseButton"), this);
    m_target->setDialog(tr("Restore into"), backupfiles::workspaceFilter());
    auto* targetLabel = new QLabel(tr("Restore &into:"), this);
    targetLabel->setBuddy(m_target->lineEdit());
    form->addRow(targetLabel, m_target);
    layout->addLayout(form);

    m_busyIndicator =
        new BusyIndicator(tr("Restoring"), QStringLiteral("restoreBusyBar"), QStringLiteral("restoreBusyLabel"), this);
    layout->addWidget(m_busyIndicator);
    m_message = new InlineMessage(this);
    m_message->setObjectName(QStringLiteral("restoreMessageLabel"));
    layout->addWidget(m_message);
    layout->addStretch(1);

    auto* buttons = new QDialogButtonBox(this);
    m_startButton = buttons->addButton(tr("&Restore"), QDialogButtonBox::AcceptRole);
    m_startButton->setObjectName(QStringLiteral("restoreStartButton"));
    m_startButton->setAccessibleName(tr("Restore the backup"));
    m_startButton->setDefault(true);
    m_cancelButton = buttons->addButton(QDialogButtonBox::Cancel);
    m_cancelButton->setObjectName(QStringLiteral("restoreCancelButton"));
    m_cancelButton->setAccessibleName(tr("Cancel"));
    layout->addWidget(buttons);

    connect(m_backup, &PathChooser::browsed, this, &RestoreDialog::backupChosen);
    connect(m_backup, &PathChooser::pathChanged, this, &RestoreDialog::updateState);
    connect(m_target, &PathChooser::pathChanged, this, &RestoreDialog::updateState);
    connect(m_passphraseEdit, &QLineEdit::textChanged, this, &RestoreDialog::updateState);
    connect(m_startButton, &QPushButton::clicked, this, &RestoreDialog::start);
    connect(m_cancelButton, &QPushButton::clicked, this, &RestoreDialog::reject);
    connect(m_task, &KeyDerivationTask::finished, this, &RestoreDialog::derivationFinished);
    connect(m_job, &WorkspaceJob::finished, this, &RestoreDialog::restoreFinished);

    setTabOrder(m_backup->lineEdit(), m_backup->browseButton());
    setTabOrder(m_backup->browseButton(), m_passphraseEdit);
    setTabOrder(m_passphraseEdit, m_target->lineEdit());
    setTabOrder(m_target->lineEdit(), m_target->browseButton());
    setTabOrder(m_target->browseButton(), m_startButton);
    setTabOrder(m_startButton, m_cancelButton);
    updateState();
}

RestoreDialog::~RestoreDialog() = default;

void RestoreDialog::setBackupPath(const QString& path)
{
    m_backup->setPath(path);
}

void RestoreDialog::setTargetPath(const QString& path)
{
    m_target->setPath(path);
}

std::unique_ptr<core::Workspace> RestoreDialog::takeWorkspace()
{
    return std::move(m_result);
}

void RestoreDialog::backupChosen()
{
    if (m_target->path().isEmpty()) {
        const QFileInfo info(m_backup->path());
        setTargetPath(info.dir().absoluteFilePath(info.completeBaseName() + QStringLiteral("-restored.rwb")));
    }
}

void RestoreDialog::updateState()
{
    m_startButton->setEnabled(!m_busy && !m_backup->path().isEmpty() && !m_target->path().isEmpty() &&
                              !m_passphraseEdit->text().isEmpty());
}

void RestoreDialog::setBusy(bool busy)
{
    m_busy = busy;
    if (busy) {
        m_busyIndicator->start(tr("Checking the passphrase and restoring…"));
    } else {
        m_busyIndicator->stop();
    }
    for (QWidget* w : {static_cast<QWidget*>(m_backup), static_cast<QWidget*>(m_passphraseEdit),
                       static_cast<QWidget*>(m_target), static_cast<QWidget*>(m_cancelButton)}) {
        w->setEnabled(!busy);
    }
    updateState();
}

void RestoreDialog::start()
{
    if (m_busy || !m_startButton->isEnabled()) {
        return;
    }
    m_message->clearMessage();
    const QString backup = QFileInfo(m_backup->path()).absoluteFilePath();
    const QString target = m_target->normalisedPath(backupfiles::workspaceSuffix());
    if (!QFileInfo(backup).isFile()) {
        m_message->showMessage(ErrorText::message(core::Error(core::ErrorCode::FileNotFound, "no backup")));
        m_backup->lineEdit()->setFocus();
        return;
    }
    if (const QString problem = backupfiles::targetProblem(target); !problem.isEmpty()) {
        m_message->showMessage(problem);
        m_target->lineEdit()->setFocus();
        return;
    }
    core::store::SecureBuffer secret;
    try {
        secret = secretFrom(m_passphraseEdit);
    } catch (const std::exception&) {
        m_message->showMessage(ErrorText::unexpected());
        return;
    }
    m_passphraseEdit->clear();
    setBusy(true);
    m_task->startOpen(DisplayText::toPath(backup), std::move(secret));
}

void RestoreDialog::derivationFinished()
{
    auto result = m_task->takeResult();
    if (result.error || !result.key) {
        setBusy(false);
        m_message->showMessage(tr("Nothing was restored. %1")
                                   .arg(result.error ? ErrorText::message(*result.error) : ErrorText::unexpected()));
        m_passphraseEdit->setFocus();
        return;
    }
    // The copy and its verification read every page: off the GUI thread, as a job.
    const auto backup = DisplayText::toPath(m_backup->path());
    const auto target = DisplayText::toPath(m_target->path());
    auto restored = std::make_shared<std::unique_ptr<core::Workspace>>();
    m_restored = restored;
    m_job->start(
        [backup, target, key = std::move(result.key), restored, offences = m_catalogues.offences,
         lists = m_catalogues.lists] {
            *restored = core::Workspace::restore(backup, target, std::move(*key), offences, lists);
        },
        tr("Restoring…"));
}

void RestoreDialog::restoreFinished()
{
    const auto restored = std::exchange(m_restored, nullptr);
    setBusy(false);
    if (const auto& error = m_job->error()) {
        m_message->showMessage(tr("Nothing was restored. %1").arg(ErrorText::message(*error)));
        m_passphraseEdit->setFocus();
        return;
    }
    if (restored == nullptr || *restored == nullptr) {
        m_message->showMessage(tr("Nothing was restored. %1").arg(ErrorText::unexpected()));
        return;
    }
    m_result = std::move(*restored);
    accept();
}

void RestoreDialog::reject()
{
    if (m_busy) {
        return;
    }
    QDialog::reject();
}

} // namespace wb::ui
