// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/session/UnlockDialog.h"

#include <exception>
#include <functional>
#include <string_view>
#include <utility>

#include <QCheckBox>
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
#include "core/security/ProcessHardening.h"
#include "ui/session/CapsLockWatcher.h"
#include "ui/session/KeyDerivationTask.h"
#include "ui/session/PassphraseStrength.h"
#include "ui/session/RetryCountdown.h"
#include "ui/session/SecretInput.h"
#include "ui/session/UnlockThrottle.h"
#include "ui/session/WorkspaceJob.h"
#include "ui/text/DisplayText.h"
#include "ui/text/ErrorText.h"
#include "ui/widgets/BusyIndicator.h"
#include "ui/widgets/FileChooser.h"
#include "ui/widgets/InlineMessage.h"
#include "ui/widgets/PassphraseStrengthMeter.h"
#include "ui/widgets/PathChooser.h"

namespace wb::ui {

namespace {

const QString WorkspaceSuffix = QStringLiteral("rwb");

QLabel* wrappedLabel(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    return label;
}

} // namespace

UnlockDialog::UnlockDialog(Mode mode, Catalogues catalogues, QWidget* parent)
    : QDialog(parent)
    , m_mode(mode)
    , m_catalogues(std::move(catalogues))
    , m_task(new KeyDerivationTask(this))
    , m_openJob(new WorkspaceJob(this))
    , m_throttle(&UnlockThrottle::shared())
    , m_capsLock(new CapsLockWatcher(this))
{
    connect(m_capsLock, &CapsLockWatcher::changed, this, &UnlockDialog::setCapsLockWarning);
    setObjectName(mode == Mode::Create ? QStringLiteral("createWorkspaceDialog") : QStringLiteral("unlockDialog"));
    setWindowTitle(mode == Mode::Create ? tr("Create a new workspace") : tr("Unlock workspace"));
    if (mode == Mode::Create) {
        buildCreateForm();
    } else {
        buildUnlockForm();
    }
    connect(m_task, &KeyDerivationTask::finished, this, &UnlockDialog::derivationFinished);
    connect(m_openJob, &WorkspaceJob::finished, this, &UnlockDialog::openFinished);
    setBusy(false);
    updateState();
    updateCountdown(); // a wait still running from an earlier dialog
}

UnlockDialog::~UnlockDialog() = default;

QLineEdit* UnlockDialog::newPassphraseEdit(const QString& objectName, const QString& accessibleName)
{
    auto* edit = new QLineEdit(this);
    edit->setObjectName(objectName);
    edit->setAccessibleName(accessibleName);
    edit->setEchoMode(QLineEdit::Password);
    // No input method, no autocompletion, no drag out: the text goes nowhere but here.
    edit->setAttribute(Qt::WA_InputMethodEnabled, false);
    edit->setDragEnabled(false);
    edit->setContextMenuPolicy(Qt::NoContextMenu);
    m_capsLock->watch(edit);
    connect(edit, &QLineEdit::textChanged, this, &UnlockDialog::updateState);
    return edit;
}

void UnlockDialog::buildCreateForm()
{
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(wrappedLabel(tr("Everything you record is kept in one encrypted file on this computer. "
                                      "Choose a passphrase you can remember: if it is lost, the workspace cannot "
                                      "be opened by anyone."),
                                   this));

    auto* form = new QFormLayout();
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    m_ownerEdit = new QLineEdit(this);
    m_ownerEdit->setObjectName(QStringLiteral("ownerNameLineEdit"));
    m_ownerEdit->setAccessibleName(tr("Owner name"));
    m_ownerEdit->setPlaceholderText(tr("for example, DC Sam Example"));
    m_ownerEdit->setMaxLength(100);
    form->addRow(tr("&Owner name:"), m_ownerEdit);

    m_staffEdit = new QLineEdit(this);
    m_staffEdit->setObjectName(QStringLiteral("staffNumberLineEdit"));
    m_staffEdit->setAccessibleName(tr("Staff or collar number"));
    m_staffEdit->setMaxLength(40);
    form->addRow(tr("&Staff or collar number:"), m_staffEdit);

    m_pathChooser = new PathChooser(PathChooser::Mode::Save, tr("Workspace file"), tr("Browse for the workspace file"),
                                    QStringLiteral("pathLineEdit"), QStringLiteral("browseButton"), this);
    m_pathChooser->setDialog(tr("Choose where to save the new workspace"),
                             tr("Workbench workspaces (*.%1);;All files (*)").arg(WorkspaceSuffix));
    m_pathChooser->setStartFolder(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation));
    m_pathEdit = m_pathChooser->lineEdit();
    auto* pathLabel = new QLabel(tr("Workspace &file:"), this);
    pathLabel->setBuddy(m_pathEdit);
    form->addRow(pathLabel, m_pathChooser);

    m_passphraseEdit = newPassphraseEdit(QStringLiteral("passphraseLineEdit"), tr("Passphrase"));
    form->addRow(tr("&Passphrase:"), m_passphraseEdit);

    m_strength = new PassphraseStrengthMeter(tr("Passphrase strength"), QStringLiteral("strengthProgressBar"),
                                             QStringLiteral("strengthLabel"), this);
    form->addRow(tr("Strength:"), m_strength);

    m_confirmEdit = newPassphraseEdit(QStringLiteral("confirmPassphraseLineEdit"), tr("Repeat passphrase"));
    form->addRow(tr("&Repeat passphrase:"), m_confirmEdit);

    m_mismatchMessage = new InlineMessage(this);
    m_mismatchMessage->setObjectName(QStringLiteral("mismatchLabel"));
    form->addRow(static_cast<QWidget*>(nullptr), m_mismatchMessage);

    m_trainingCheck = new QCheckBox(tr("&Training workspace (fictional data only, marked TRAINING)"), this);
    m_trainingCheck->setObjectName(QStringLiteral("trainingCheckBox"));
    m_trainingCheck->setAccessibleName(tr("Training workspace"));
    form->addRow(static_cast<QWidget*>(nullptr), m_trainingCheck);
    layout->addLayout(form);

    m_capsLockMessage = new InlineMessage(this);
    m_capsLockMessage->setObjectName(QStringLiteral("capsLockLabel"));
    layout->addWidget(m_capsLockMessage);

    m_busyText = tr("Protecting the workspace with your passphrase. This takes a moment…");
    m_busyIndicator =
        new BusyIndicator(tr("Working"), QStringLiteral("busyProgressBar"), QStringLiteral("busyLabel"), this);
    layout->addWidget(m_busyIndicator);

    m_errorMessage = new InlineMessage(this);
    m_errorMessage->setObjectName(QStringLiteral("errorLabel"));
    layout->addWidget(m_errorMessage);
    layout->addStretch(1);

    auto* buttons = new QDialogButtonBox(this);
    m_acceptButton = buttons->addButton(tr("&Create workspace"), QDialogButtonBox::AcceptRole);
    m_acceptButton->setObjectName(QStringLiteral("createButton"));
    m_cancelButton = buttons->addButton(QDialogButtonBox::Cancel);
    m_cancelButton->setObjectName(QStringLiteral("cancelButton"));
    layout->addWidget(buttons);

    connect(m_ownerEdit, &QLineEdit::textChanged, this, &UnlockDialog::updateState);
    connect(m_staffEdit, &QLineEdit::textChanged, this, &UnlockDialog::updateState);
    connect(m_pathEdit, &QLineEdit::textChanged, this, &UnlockDialog::updateState);
    connect(m_passphraseEdit, &QLineEdit::textChanged, this, &UnlockDialog::updateStrength);
    connect(m_ownerEdit, &QLineEdit::textChanged, this, &UnlockDialog::updateStrength);
    connect(m_acceptButton, &QPushButton::clicked, this, &UnlockDialog::start);
    connect(m_cancelButton, &QPushButton::clicked, this, &UnlockDialog::reject);
    setMinimumWidth(560);
    updateStrength();
}

void UnlockDialog::buildUnlockForm()
{
    auto* layout = new QVBoxLayout(this);
    m_fileLabel = new QLabel(this);
    m_fileLabel->setObjectName(QStringLiteral("fileLabel"));
    m_fileLabel->setTextFormat(Qt::PlainText);
    m_fileLabel->setWordWrap(true);
    layout->addWidget(m_fileLabel);

    m_hintLabel = wrappedLabel(QString(), this);
    m_hintLabel->setObjectName(QStringLiteral("hintLabel"));
    m_hintLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_hintLabel->hide();
    layout->addWidget(m_hintLabel);

    auto* form = new QFormLayout();
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    m_passphraseEdit = newPassphraseEdit(QStringLiteral("passphraseLineEdit"), tr("Passphrase"));
    form->addRow(tr("&Passphrase:"), m_passphraseEdit);
    layout->addLayout(form);

    m_capsLockMessage = new InlineMessage(this);
    m_capsLockMessage->setObjectName(QStringLiteral("capsLockLabel"));
    layout->addWidget(m_capsLockMessage);

    m_busyText = tr("Checking the passphrase…");
    m_busyIndicator =
        new BusyIndicator(tr("Working"), QStringLiteral("busyProgressBar"), QStringLiteral("busyLabel"), this);
    layout->addWidget(m_busyIndicator);

    m_errorMessage = new InlineMessage(this);
    m_errorMessage->setObjectName(QStringLiteral("errorLabel"));
    layout->addWidget(m_errorMessage);

    // After wrong passphrases: the wait before the next try, counted down in words.
    m_retryCountdown = new RetryCountdown(m_throttle, this);
    layout->addWidget(m_retryCountdown);
    connect(m_retryCountdown, &RetryCountdown::ticked, this, &UnlockDialog::updateState);
    layout->addStretch(1);

    auto* buttons = new QDialogButtonBox(this);
    m_acceptButton = buttons->addButton(tr("&Unlock"), QDialogButtonBox::AcceptRole);
    m_acceptButton->setObjectName(QStringLiteral("unlockButton"));
    m_otherButton = buttons->addButton(tr("&Other workspace…"), QDialogButtonBox::ActionRole);
    m_otherButton->setObjectName(QStringLiteral("otherWorkspaceButton"));
    m_otherButton->setAccessibleName(tr("Open or create a different workspace"));
    m_cancelButton = buttons->addButton(QDialogButtonBox::Cancel);
    m_cancelButton->setObjectName(QStringLiteral("cancelButton"));
    layout->addWidget(buttons);

    connect(m_acceptButton, &QPushButton::clicked, this, &UnlockDialog::start);
    connect(m_otherButton, &QPushButton::clicked, this, [this] {
        Q_EMIT otherWorkspaceRequested();
        reject();
    });
    connect(m_cancelButton, &QPushButton::clicked, this, &UnlockDialog::reject);
    setMinimumWidth(460);
}

void UnlockDialog::setWorkspacePath(const QString& path)
{
    m_path = path;
    if (m_pathEdit != nullptr) {
        m_pathEdit->setText(path);
    }
    if (m_fileLabel != nullptr) {
        // The file name only: the folder path may say more than it needs to.
        m_fileLabel->setText(tr("Enter the passphrase for the workspace “%1”.").arg(QFileInfo(path).fileName()));
        m_fileLabel->setToolTip(QDir::toNativeSeparators(path));
    }
}

QString UnlockDialog::workspacePath() const
{
    return m_pathEdit != nullptr ? m_pathEdit->text().trimmed() : m_path;
}

void UnlockDialog::setLockedWorkspace(core::Workspace* workspace)
{
    m_lockedWorkspace = workspace;
    if (workspace != nullptr) {
        setWorkspacePath(DisplayText::fromPath(workspace->path()));
    }
}

void UnlockDialog::setKdfParams(const core::store::KdfParams& params)
{
    m_kdf = params;
}

void UnlockDialog::setThrottle(UnlockThrottle* throttle)
{
    m_throttle = throttle != nullptr ? throttle : &UnlockThrottle::shared();
    if (m_retryCountdown != nullptr) {
        m_retryCountdown->setThrottle(m_throttle);
    }
    updateCountdown();
}

void UnlockDialog::updateCountdown()
{
    if (m_retryCountdown == nullptr) {
        return;
    }
    m_retryCountdown->refresh();
    updateState();
}

void UnlockDialog::setHint(const QString& hint)
{
    if (m_hintLabel != nullptr) {
        m_hintLabel->setText(hint);
        m_hintLabel->setVisible(!hint.isEmpty());
    }
}

std::unique_ptr<core::Workspace> UnlockDialog::takeWorkspace()
{
    return std::move(m_result);
}

void UnlockDialog::reject()
{
    // The derivation cannot be interrupted; closing now would look like a
    // cancel that did not happen.
    if (m_busy) {
        return;
    }
    m_passphraseEdit->clear();
    if (m_confirmEdit != nullptr) {
        m_confirmEdit->clear();
    }
    QDialog::reject();
}

void UnlockDialog::setCapsLockWarning(bool on)
{
    if (on) {
        m_capsLockMessage->showMessage(tr("Caps Lock appears to be on."), InlineMessage::Kind::Warning);
    } else {
        m_capsLockMessage->clearMessage();
    }
}

void UnlockDialog::updateStrength()
{
    if (m_strength == nullptr) {
        return;
    }
    m_strength->rate(m_passphraseEdit->text(), m_ownerEdit->text().split(QLatin1Char(' ')) << m_staffEdit->text());
}

void UnlockDialog::updateState()
{
    if (m_busy) {
        return;
    }
    bool ready = !m_passphraseEdit->text().isEmpty();
    if (m_mode == Mode::Create) {
        const bool mismatch = !m_confirmEdit->text().isEmpty() && m_confirmEdit->text() != m_passphraseEdit->text();
        if (mismatch) {
            m_mismatchMessage->showMessage(tr("Passphrases do not match"), InlineMessage::Kind::Warning);
        } else {
            m_mismatchMessage->clearMessage();
        }
        ready = ready && m_confirmEdit->text() == m_passphraseEdit->text() &&
                !m_ownerEdit->text().trimmed().isEmpty() && !m_pathEdit->text().trimmed().isEmpty();
    } else if (m_throttle->remaining().count() > 0) {
        ready = false; // the countdown (updateCountdown) says how long
    }
    m_acceptButton->setEnabled(ready);
}

void UnlockDialog::setBusy(bool busy)
{
    m_busy = busy;
    if (busy) {
        m_busyIndicator->start(m_busyText);
    } else {
        m_busyIndicator->stop();
    }
    for (QWidget* widget :
         std::initializer_list<QWidget*>{m_ownerEdit, m_staffEdit, m_pathChooser, m_passphraseEdit, m_confirmEdit,
                                         m_trainingCheck, m_otherButton, m_cancelButton, m_acceptButton}) {
        if (widget != nullptr) {
            widget->setEnabled(!busy);
        }
    }
    if (!busy) {
        updateState();
    }
}

void UnlockDialog::start()
{
    if (m_busy || !m_acceptButton->isEnabled()) {
        return;
    }
    m_errorMessage->clearMessage();
    if (m_mode == Mode::Create) {
        QString path = QDir::fromNativeSeparators(m_pathEdit->text().trimmed());
        if (QFileInfo(path).suffix().isEmpty()) {
            path += QLatin1Char('.') + WorkspaceSuffix;
        }
        path = QFileInfo(path).absoluteFilePath();
        m_pathEdit->setText(QDir::toNativeSeparators(path));
        m_path = path;
        // Cheap checks first, so that nobody waits for the key only to be told this.
        if (QFileInfo::exists(path)) {
            m_errorMessage->showMessage(ErrorText::message(core::Error(core::ErrorCode::AlreadyExists, "exists")));
            m_pathEdit->setFocus();
            return;
        }
        if (!QFileInfo(QFileInfo(path).absolutePath()).isDir()) {
            m_errorMessage->showMessage(ErrorText::message(core::Error(core::ErrorCode::FileNotFound, "no folder")));
            m_pathEdit->setFocus();
            return;
        }
    }

    // The policy of core::security::PassphrasePolicy, as the CLI applies it: over-long input
    // is refused (never cut short) in both modes; a new live workspace needs a strong one.
    const QString refused = PassphraseStrength::problemText(
        m_passphraseEdit->text(),
        m_mode == Mode::Create && !m_trainingCheck->isChecked() ? core::security::PassphraseUse::LiveWorkspace
                                                                : core::security::PassphraseUse::TrainingWorkspace,
        m_mode == Mode::Create ? m_ownerEdit->text().split(QLatin1Char(' ')) << m_staffEdit->text() : QStringList());
    if (!refused.isEmpty()) {
        m_errorMessage->showMessage(refused);
        m_passphraseEdit->setFocus();
        return;
    }

    core::store::SecureBuffer secret;
    try {
        secret = secretFrom(m_passphraseEdit);
    } catch (const std::exception&) {
        m_errorMessage->showMessage(ErrorText::unexpected());
        return;
    }
    m_passphraseEdit->clear();
    if (m_confirmEdit != nullptr) {
        m_confirmEdit->clear();
    }
    setBusy(true);
    if (m_mode == Mode::Create) {
        m_task->startCreate(std::move(secret), m_kdf);
    } else {
        m_task->startOpen(DisplayText::toPath(m_path), std::move(secret));
    }
}

void UnlockDialog::derivationFinished()
{
    auto result = m_task->takeResult();
    if (result.error || !result.key) {
        finish(result.error ? *result.error : core::Error(core::ErrorCode::Storage, "no key"));
        return;
    }
    // Creating, opening (migrations, the format upgrade) or unlocking: off the GUI thread too.
    auto opened = std::make_shared<std::unique_ptr<core::Workspace>>();
    m_opened = opened;
    std::function<void()> work;
    const auto path = DisplayText::toPath(m_path);
    if (m_mode == Mode::Create) {
        core::CreateOptions options;
        options.owner.displayName = DisplayText::toStd(m_ownerEdit->text().trimmed());
        options.owner.staffNumber = DisplayText::toStd(m_staffEdit->text().trimmed());
        options.training = m_trainingCheck->isChecked();
        options.kdf = m_kdf;
        work = [path, key = result.key, options, opened, offences = m_catalogues.offences, lists = m_catalogues.lists] {
            *opened = core::Workspace::create(path, std::move(*key), options, offences, lists);
            core::security::scrubStack(); // what the key left on this pool thread's stack
        };
    } else if (m_lockedWorkspace != nullptr) {
        core::Workspace* locked = m_lockedWorkspace;
        work = [locked, key = result.key] {
            locked->unlock(std::move(*key));
            core::security::scrubStack();
        };
    } else {
        work = [path, key = result.key, opened, offences = m_catalogues.offences, lists = m_catalogues.lists] {
            *opened = core::Workspace::open(path, std::move(*key), offences, lists);
            core::security::scrubStack();
        };
    }
    result.key.reset(); // the job holds the only reference; its copy is wiped when the job is done
    m_busyIndicator->start(m_mode == Mode::Create ? m_busyText : tr("Opening the workspace…"));
    m_openJob->start(std::move(work), tr("Opening the workspace…"));
}

void UnlockDialog::openFinished()
{
    const auto opened = std::exchange(m_opened, nullptr);
    if (const auto& error = m_openJob->error()) {
        finish(*error);
        return;
    }
    if (opened != nullptr) {
        m_result = std::move(*opened);
    }
    finish(std::nullopt);
}

void UnlockDialog::finish(const std::optional<core::Error>& failure)
{
    QString error;
    if (failure) {
        error = ErrorText::message(*failure);
        if (m_mode == Mode::Unlock && failure->code() == core::ErrorCode::WrongPassphrase) {
            m_throttle->recordFailure();
        }
    }
    if (m_mode == Mode::Unlock && error.isEmpty()) {
        m_throttle->recordSuccess();
    }
    setBusy(false);
    if (!error.isEmpty()) {
        m_errorMessage->showMessage(error);
        updateCountdown();
        m_passphraseEdit->setFocus();
        return;
    }
    accept();
}

} // namespace wb::ui
