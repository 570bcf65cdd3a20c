// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/backup/BackupDialog.h"

#include <exception>
#include <memory>
#include <string>

#include <QDate>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QStandardPaths>
#include <QVBoxLayout>

#include "core/Error.h"
#include "core/Workspace.h"
#include "core/audit/AuditLog.h"
#include "ui/session/KeyDerivationTask.h"
#include "ui/session/SecretInput.h"
#include "ui/session/WorkspaceJob.h"
#include "ui/text/DisplayText.h"
#include "ui/text/ErrorText.h"
#include "ui/widgets/FileChooser.h"
#include "ui/widgets/InlineMessage.h"

namespace wb::ui {

namespace {

const QString WorkspaceSuffix = QStringLiteral("rwb");
QString fileFilter()
{
    return QCoreApplication::translate("wb::ui::BackupDialog", "Workbench workspaces (*.rwb);;All files (*)");
}

/// The path typed, made absolute and given the .rwb suffix when it has none.
QString normalisedPath(QLineEdit* edit)
{
    QString path = QDir::fromNativeSeparators(edit->text().trimmed());
    if (path.isEmpty()) {
        return path;
    }
    if (QFileInfo(path).suffix().isEmpty()) {
        path += QLatin1Char('.') + WorkspaceSuffix;
    }
    path = QFileInfo(path).absoluteFilePath();
    edit->setText(QDir::toNativeSeparators(path));
    return path;
}

/// The message for a target that cannot be used, or empty when it can.
QString targetProblem(const QString& path)
{
    if (path.isEmpty()) {
        return QCoreApplication::translate("wb::ui::BackupDialog", "Choose where to write the file.");
    }
    if (QFileInfo::exists(path)) {
        return ErrorText::message(core::Error(core::ErrorCode::AlreadyExists, "exists"));
    }
    if (!QFileInfo(QFileInfo(path).absolutePath()).isDir()) {
        return ErrorText::message(core::Error(core::ErrorCode::FileNotFound, "no folder"));
    }
    return {};
}

QPushButton* browseButton(QWidget* parent, const QString& objectName, const QString& accessibleName)
{
    auto* button = new QPushButton(QCoreApplication::translate("wb::ui::BackupDialog", "Bro&wse…"), parent);
    button->setObjectName(objectName);
    button->setAccessibleName(accessibleName);
    return button;
}

QLineEdit* pathEdit(QWidget* parent, const QString& objectName, const QString& accessibleName)
{
    auto* edit = new QLineEdit(parent);
    edit->setObjectName(objectName);
    edit->setAccessibleName(accessibleName);
    edit->setMinimumWidth(380);
    return edit;
}

} // namespace

// --- BackupDialog -------------------------------------------------------------

BackupDialog::BackupDialog(core::Workspace& workspace, QWidget* parent)
    : QDialog(parent)
    , m_workspace(workspace)
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
    auto* row = new QHBoxLayout();
    m_pathEdit = pathEdit(this, QStringLiteral("backupPathLineEdit"), tr("Backup file"));
    m_browseButton = browseButton(this, QStringLiteral("backupBrowseButton"), tr("Choose the backup file"));
    row->addWidget(m_pathEdit, 1);
    row->addWidget(m_browseButton);
    auto* pathLabel = new QLabel(tr("Backup &file:"), this);
    pathLabel->setBuddy(m_pathEdit);
    form->addRow(pathLabel, row);
    layout->addLayout(form);

    m_progressBar = new QProgressBar(this);
    m_progressBar->setObjectName(QStringLiteral("backupProgressBar"));
    m_progressBar->setAccessibleName(tr("Backup progress"));
    m_progressBar->setRange(0, 100);
    m_progressBar->setValue(0);
    m_progressBar->setVisible(false);
    layout->addWidget(m_progressBar);
    m_progressLabel = new QLabel(this);
    m_progressLabel->setObjectName(QStringLiteral("backupProgressLabel"));
    m_progressLabel->setVisible(false);
    layout->addWidget(m_progressLabel);

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

    connect(m_browseButton, &QPushButton::clicked, this, &BackupDialog::browse);
    connect(m_pathEdit, &QLineEdit::textChanged, this, &BackupDialog::updateState);
    connect(m_startButton, &QPushButton::clicked, this, &BackupDialog::start);
    connect(m_closeButton, &QPushButton::clicked, this, &BackupDialog::reject);
    connect(m_job, &WorkspaceJob::finished, this, &BackupDialog::jobFinished);

    m_pathEdit->setText(QDir::toNativeSeparators(suggestedPath(workspace)));
    setTabOrder(m_pathEdit, m_browseButton);
    setTabOrder(m_browseButton, m_startButton);
    setTabOrder(m_startButton, m_closeButton);
    updateState();
}

BackupDialog::~BackupDialog() = default;

QString BackupDialog::suggestedPath(const core::Workspace& workspace)
{
    const QFileInfo file(DisplayText::fromPath(workspace.path()));
    const QString date = DisplayText::toUkDateTime(core::nowUtc()).date().toString(Qt::ISODate);
    return file.dir().absoluteFilePath(
        QStringLiteral("%1-backup-%2.%3").arg(file.completeBaseName(), date, WorkspaceSuffix));
}

void BackupDialog::setTargetPath(const QString& path)
{
    m_pathEdit->setText(QDir::toNativeSeparators(path));
}

QString BackupDialog::targetPath() const
{
    return QDir::fromNativeSeparators(m_pathEdit->text().trimmed());
}

bool BackupDialog::isBusy() const noexcept
{
    return m_job->isRunning();
}

void BackupDialog::browse()
{
    const QString path = FileChooser::saveFile(this, tr("Back up to"), targetPath(), fileFilter());
    if (!path.isEmpty()) {
        setTargetPath(path);
    }
}

void BackupDialog::updateState()
{
    const bool busy = isBusy();
    m_pathEdit->setEnabled(!busy);
    m_browseButton->setEnabled(!busy);
    m_startButton->setEnabled(!busy && !m_pathEdit->text().trimmed().isEmpty());
    m_closeButton->setEnabled(!busy);
}

void BackupDialog::start()
{
    if (isBusy()) {
        return;
    }
    m_message->clearMessage();
    const QString path = normalisedPath(m_pathEdit);
    if (const QString problem = targetProblem(path); !problem.isEmpty()) {
        m_message->showMessage(problem);
        m_pathEdit->setFocus();
        return;
    }
    m_progressBar->setValue(0);
    m_progressBar->setVisible(true);
    m_progressLabel->setText(tr("Copying…"));
    m_progressLabel->setVisible(true);
    core::Workspace* workspace = &m_workspace;
    const auto target = DisplayText::toPath(path);
    auto anchor = std::make_shared<std::string>();
    m_anchor = anchor;
    m_job->start([workspace, target, anchor, this] {
        const auto written = workspace->backupTo(target, [this](int done, int total) {
            // The job's owner waits for it, so `this` outlives every call.
            QMetaObject::invokeMethod(
                this, [this, done, total] { progress(done, total); }, Qt::QueuedConnection);
        });
        *anchor = core::audit::formatAnchor(written);
    });
    updateState();
}

void BackupDialog::progress(int done, int total)
{
    if (total <= 0) {
        return;
    }
    const int percent = static_cast<int>(100LL * done / total);
    m_progressBar->setValue(percent);
    m_progressLabel->setText(percent >= 100 ? tr("Checking the copy…") : tr("Copying… %1%").arg(percent));
}

void BackupDialog::jobFinished()
{
    updateState();
    if (const auto& error = m_job->error()) {
        m_progressBar->setVisible(false);
        m_progressLabel->setVisible(false);
        m_message->showMessage(
            tr("The backup was not made, and no file was left behind. %1").arg(ErrorText::message(*error)));
        m_pathEdit->setFocus();
        return;
    }
    m_progressBar->setValue(100);
    m_progressLabel->setText(tr("Done."));
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

// --- RestoreDialog ------------------------------------------------------------

RestoreDialog::RestoreDialog(Catalogues catalogues, QWidget* parent)
    : QDialog(parent)
    , m_catalogues(std::move(catalogues))
    , m_task(new KeyDerivationTask(this))
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
    m_backupEdit = pathEdit(this, QStringLiteral("restoreBackupLineEdit"), tr("Backup file"));
    m_backupBrowse = browseButton(this, QStringLiteral("restoreBackupBrowseButton"), tr("Choose the backup file"));
    auto* backupRow = new QHBoxLayout();
    backupRow->addWidget(m_backupEdit, 1);
    backupRow->addWidget(m_backupBrowse);
    auto* backupLabel = new QLabel(tr("&Backup:"), this);
    backupLabel->setBuddy(m_backupEdit);
    form->addRow(backupLabel, backupRow);

    m_passphraseEdit = new QLineEdit(this);
    m_passphraseEdit->setObjectName(QStringLiteral("restorePassphraseLineEdit"));
    m_passphraseEdit->setAccessibleName(tr("Passphrase of the backup"));
    m_passphraseEdit->setEchoMode(QLineEdit::Password);
    auto* passLabel = new QLabel(tr("&Passphrase:"), this);
    passLabel->setBuddy(m_passphraseEdit);
    form->addRow(passLabel, m_passphraseEdit);

    m_targetEdit = pathEdit(this, QStringLiteral("restoreTargetLineEdit"), tr("New workspace file"));
    m_targetBrowse =
        browseButton(this, QStringLiteral("restoreTargetBrowseButton"), tr("Choose the new workspace file"));
    auto* targetRow = new QHBoxLayout();
    targetRow->addWidget(m_targetEdit, 1);
    targetRow->addWidget(m_targetBrowse);
    auto* targetLabel = new QLabel(tr("Restore &into:"), this);
    targetLabel->setBuddy(m_targetEdit);
    form->addRow(targetLabel, targetRow);
    layout->addLayout(form);

    m_busyBar = new QProgressBar(this);
    m_busyBar->setObjectName(QStringLiteral("restoreBusyBar"));
    m_busyBar->setAccessibleName(tr("Restoring"));
    m_busyBar->setRange(0, 0);
    m_busyBar->setVisible(false);
    layout->addWidget(m_busyBar);
    m_busyLabel = new QLabel(tr("Checking the passphrase and restoring…"), this);
    m_busyLabel->setObjectName(QStringLiteral("restoreBusyLabel"));
    m_busyLabel->setVisible(false);
    layout->addWidget(m_busyLabel);
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

    connect(m_backupBrowse, &QPushButton::clicked, this, &RestoreDialog::browseBackup);
    connect(m_targetBrowse, &QPushButton::clicked, this, &RestoreDialog::browseTarget);
    connect(m_backupEdit, &QLineEdit::textChanged, this, &RestoreDialog::updateState);
    connect(m_targetEdit, &QLineEdit::textChanged, this, &RestoreDialog::updateState);
    connect(m_passphraseEdit, &QLineEdit::textChanged, this, &RestoreDialog::updateState);
    connect(m_startButton, &QPushButton::clicked, this, &RestoreDialog::start);
    connect(m_cancelButton, &QPushButton::clicked, this, &RestoreDialog::reject);
    connect(m_task, &KeyDerivationTask::finished, this, &RestoreDialog::derivationFinished);

    setTabOrder(m_backupEdit, m_backupBrowse);
    setTabOrder(m_backupBrowse, m_passphraseEdit);
    setTabOrder(m_passphraseEdit, m_targetEdit);
    setTabOrder(m_targetEdit, m_targetBrowse);
    setTabOrder(m_targetBrowse, m_startButton);
    setTabOrder(m_startButton, m_cancelButton);
    updateState();
}

RestoreDialog::~RestoreDialog() = default;

void RestoreDialog::setBackupPath(const QString& path)
{
    m_backupEdit->setText(QDir::toNativeSeparators(path));
}

void RestoreDialog::setTargetPath(const QString& path)
{
    m_targetEdit->setText(QDir::toNativeSeparators(path));
}

std::unique_ptr<core::Workspace> RestoreDialog::takeWorkspace()
{
    return std::move(m_result);
}

void RestoreDialog::browseBackup()
{
    const QString path = FileChooser::openFile(this, tr("Choose a backup"), m_backupEdit->text(), fileFilter());
    if (!path.isEmpty()) {
        setBackupPath(path);
        if (m_targetEdit->text().trimmed().isEmpty()) {
            const QFileInfo info(path);
            setTargetPath(info.dir().absoluteFilePath(info.completeBaseName() + QStringLiteral("-restored.rwb")));
        }
    }
}

void RestoreDialog::browseTarget()
{
    const QString path = FileChooser::saveFile(this, tr("Restore into"), m_targetEdit->text(), fileFilter());
    if (!path.isEmpty()) {
        setTargetPath(path);
    }
}

void RestoreDialog::updateState()
{
    m_startButton->setEnabled(!m_busy && !m_backupEdit->text().trimmed().isEmpty() &&
                              !m_targetEdit->text().trimmed().isEmpty() && !m_passphraseEdit->text().isEmpty());
}

void RestoreDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_busyBar->setVisible(busy);
    m_busyLabel->setVisible(busy);
    for (QWidget* w : {static_cast<QWidget*>(m_backupEdit), static_cast<QWidget*>(m_backupBrowse),
                       static_cast<QWidget*>(m_passphraseEdit), static_cast<QWidget*>(m_targetEdit),
                       static_cast<QWidget*>(m_targetBrowse), static_cast<QWidget*>(m_cancelButton)}) {
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
    const QString backup = QFileInfo(QDir::fromNativeSeparators(m_backupEdit->text().trimmed())).absoluteFilePath();
    const QString target = normalisedPath(m_targetEdit);
    if (!QFileInfo(backup).isFile()) {
        m_message->showMessage(ErrorText::message(core::Error(core::ErrorCode::FileNotFound, "no backup")));
        m_backupEdit->setFocus();
        return;
    }
    if (const QString problem = targetProblem(target); !problem.isEmpty()) {
        m_message->showMessage(problem);
        m_targetEdit->setFocus();
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
    QString error;
    try {
        if (result.error) {
            throw *result.error;
        }
        if (!result.key) {
            throw core::Error(core::ErrorCode::Storage, "no key");
        }
        const auto backup = DisplayText::toPath(QDir::fromNativeSeparators(m_backupEdit->text().trimmed()));
        const auto target = DisplayText::toPath(QDir::fromNativeSeparators(m_targetEdit->text().trimmed()));
        m_result =
            core::Workspace::restore(backup, target, std::move(*result.key), m_catalogues.offences, m_catalogues.lists);
    } catch (const core::Error& e) {
        error = ErrorText::message(e);
    } catch (const std::exception&) {
        error = ErrorText::unexpected();
    }
    result.key.reset();
    setBusy(false);
    if (!error.isEmpty()) {
        m_message->showMessage(tr("Nothing was restored. %1").arg(error));
        m_passphraseEdit->setFocus();
        return;
    }
    accept();
}

void RestoreDialog::reject()
{
    if (m_busy) {
        return;
    }
    QDialog::reject();
}

// --- BackupReminder -----------------------------------------------------------

BackupReminder::BackupReminder(QWidget* parent)
    : QFrame(parent)
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
    m_dismissButton->setToolTip(tr("Hide this reminder until tomorrow or the next unlock"));
    layout->addWidget(m_dismissButton);
    connect(m_backupButton, &QPushButton::clicked, this, &BackupReminder::backupRequested);
    connect(m_dismissButton, &QPushButton::clicked, this, &QWidget::hide);
    m_daily.setInterval(std::chrono::hours(24));
    connect(&m_daily, &QTimer::timeout, this, &BackupReminder::recheck);
    setVisible(false);
}

void BackupReminder::start(LastBackup lastBackup, int reminderDays)
{
    m_lastBackup = std::move(lastBackup);
    m_days = reminderDays;
    m_daily.start();
    recheck();
}

void BackupReminder::stop()
{
    m_daily.stop();
    m_lastBackup = nullptr;
    m_label->clear();
    setVisible(false);
}

void BackupReminder::recheck()
{
    if (!m_lastBackup) {
        return;
    }
    try {
        check(m_lastBackup(), m_days, core::nowUtc());
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

QString BackupReminder::text() const
{
    return m_label->text();
}

} // namespace wb::ui
