// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/session/UnlockDialog.h"

#include <algorithm>
#include <exception>
#include <string_view>
#include <utility>

#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

#include "core/Error.h"
#include "core/Workspace.h"
#include "ui/session/CapsLockWatcher.h"
#include "ui/session/KeyDerivationTask.h"
#include "ui/session/NewWorkspaceFields.h"
#include "ui/session/OpenWithKeyJob.h"
#include "ui/session/PassphraseStrength.h"
#include "ui/session/RetryCountdown.h"
#include "ui/session/SecretInput.h"
#include "ui/session/UnlockThrottle.h"
#include "ui/session/WorkspaceSession.h"
#include "ui/text/DisplayText.h"
#include "ui/text/ErrorText.h"
#include "ui/widgets/BusyIndicator.h"
#include "ui/widgets/InlineMessage.h"
#include "ui/widgets/PassphraseStrengthMeter.h"

namespace wb::ui {

namespace {

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
    , m_openJob(new OpenWithKeyJob(this))
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
    connect(m_openJob, &OpenWithKeyJob::finished, this, &UnlockDialog::openFinished);
    connect(m_openJob, &OpenWithKeyJob::stepChanged, this, [this](OpenWithKeyJob::Step step, int done, int total) {
        showStep(step == OpenWithKeyJob::Step::Opening ? 2 : 3, done, total);
    });
    setBusy(false);
    updateState();
    updateCountdown(); // a wait still running from an earlier dialog
}

UnlockDialog::~UnlockDialog() = default;

QLineEdit* UnlockDialog::newPassphraseEdit(const QString& objectName, const QString& accessibleName)
{
    auto* edit = newSecretEdit(this, objectName, accessibleName);
    m_capsLock->watch(edit);
    connect(edit, &QLineEdit::textChanged, this, &UnlockDialog::updateState);
    return edit;
}

void UnlockDialog::addMessages(QVBoxLayout* layout, const QString& busyText)
{
    m_capsLockMessage = new InlineMessage(this);
    m_capsLockMessage->setObjectName(QStringLiteral("capsLockLabel"));
    layout->addWidget(m_capsLockMessage);
    m_busyText = busyText;
    m_busyIndicator =
        new BusyIndicator(tr("Working"), QStringLiteral("busyProgressBar"), QStringLiteral("busyLabel"), this);
    layout->addWidget(m_busyIndicator);
    m_errorMessage = new InlineMessage(this);
    m_errorMessage->setObjectName(QStringLiteral("errorLabel"));
    layout->addWidget(m_errorMessage);
}

void UnlockDialog::buildCreateForm()
{
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(wrappedLabel(tr("Everything you record is kept in one encrypted file on this computer. "
                                      "Choose a passphrase you can remember: if it is lost, the workspace cannot "
                                      "be opened by anyone."),
                                   this));
    m_hintLabel = wrappedLabel(QString(), this);
    m_hintLabel->setObjectName(QStringLiteral("hintLabel"));
    m_hintLabel->hide();
    layout->addWidget(m_hintLabel);

    auto* form = new QFormLayout();
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    m_newFields = new NewWorkspaceFields(this);
    m_newFields->addIdentityRows(form);

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

    m_newFields->addTrainingRow(form);
    layout->addLayout(form);

    addMessages(layout, tr("Deriving the key from your passphrase. This is slow on purpose (it makes guessing "
                           "slow) and takes a few seconds…"));
    layout->addStretch(1);

    auto* buttons = new QDialogButtonBox(this);
    m_acceptButton = buttons->addButton(tr("&Create workspace"), QDialogButtonBox::AcceptRole);
    m_acceptButton->setObjectName(QStringLiteral("createButton"));
    m_cancelButton = buttons->addButton(QDialogButtonBox::Cancel);
    m_cancelButton->setObjectName(QStringLiteral("cancelButton"));
    layout->addWidget(buttons);

    connect(m_newFields, &NewWorkspaceFields::changed, this, &UnlockDialog::updateState);
    connect(m_passphraseEdit, &QLineEdit::textChanged, this, &UnlockDialog::updateStrength);
    connect(m_newFields, &NewWorkspaceFields::changed, this, &UnlockDialog::updateStrength);
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

    addMessages(layout, tr("Deriving the key from your passphrase and checking it. This is slow on purpose (it "
                           "makes guessing slow) and takes a few seconds…"));

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
    if (m_newFields != nullptr) {
        m_newFields->setPath(path);
    }
    if (m_fileLabel != nullptr) {
        // The file name only: the folder path may say more than it needs to.
        m_fileLabel->setText(tr("Enter the passphrase for the workspace “%1”.").arg(QFileInfo(path).fileName()));
        m_fileLabel->setToolTip(QDir::toNativeSeparators(path));
    }
}

QString UnlockDialog::workspacePath() const
{
    return m_newFields != nullptr ? m_newFields->pathEdit()->text().trimmed() : m_path;
}

void UnlockDialog::setLockedWorkspace(WorkspaceSession* session)
{
    m_lockedSession = session;
    if (session != nullptr && session->workspace() != nullptr) {
        setWorkspacePath(DisplayText::fromPath(session->workspace()->path()));
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

void UnlockDialog::setExercise(const QString& title, std::function<void(core::Workspace&)> fill)
{
    if (m_newFields == nullptr) {
        return; // only a new workspace runs an exercise
    }
    m_fill = std::move(fill);
    m_newFields->setTrainingOnly();
    setWindowTitle(tr("Start an exercise – TRAINING"));
    m_acceptButton->setText(tr("Start e&xercise"));
    setHint(tr("Exercise: %1. Type your own name as the trainee; the workspace is marked TRAINING and holds this "
               "exercise only.")
                .arg(title));
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
    m_strength->rate(m_passphraseEdit->text(), m_newFields->ownerWords());
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
        ready = ready && m_confirmEdit->text() == m_passphraseEdit->text() && m_newFields->complete();
    } else if (m_throttle->remaining().count() > 0) {
        ready = false; // the countdown (updateCountdown) says how long
    }
    m_acceptButton->setEnabled(ready);
}

QString UnlockDialog::stepText(int step, const QString& text) const
{
    // Create: the key, then the file. Open and unlock: the key, the file, the due list.
    const int steps = m_mode == Mode::Create ? 2 : 3;
    return tr("Step %1 of %2: %3").arg(QString::number(step), QString::number(steps), text);
}

void UnlockDialog::showStep(int step, int done, int total)
{
    if (!m_busy) {
        return;
    }
    if (step == 2) {
        m_busyIndicator->start(stepText(
            2, m_mode == Mode::Create
                   ? tr("Creating the workspace file…")
                   : tr("Checking the workspace file and opening it (a file from an older version is brought up to "
                        "date now, which can take a while)…")));
    } else if (total > 0) {
        const QLocale locale;
        m_busyIndicator->setProgress(static_cast<int>(static_cast<qint64>(done) * 100 / total),
                                     stepText(3, tr("Bringing the due list up to date: %1 of %2 cases…")
                                                     .arg(locale.toString(done), locale.toString(total))));
    } else {
        m_busyIndicator->start(stepText(3, tr("Bringing the due list up to date…")));
    }
    fitToContents();
}

void UnlockDialog::fitToContents()
{
    if (QLayout* box = layout()) {
        box->activate();
    }
    const int needed = std::max(hasHeightForWidth() ? heightForWidth(width()) : 0, sizeHint().height());
    if (needed > height()) {
        resize(width(), needed);
    }
}

void UnlockDialog::setBusy(bool busy)
{
    m_busy = busy;
    if (busy) {
        m_busyIndicator->start(stepText(1, m_busyText));
        fitToContents();
    } else {
        m_busyIndicator->stop();
    }
    for (QWidget* widget : std::initializer_list<QWidget*>{m_passphraseEdit, m_confirmEdit, m_otherButton,
                                                           m_cancelButton, m_acceptButton}) {
        if (widget != nullptr) {
            widget->setEnabled(!busy);
        }
    }
    if (m_newFields != nullptr) {
        m_newFields->setEnabled(!busy);
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
        // Cheap checks first, so that nobody waits for the key only to be told this.
        if (const QString problem = m_newFields->preparePath(m_path); !problem.isEmpty()) {
            m_errorMessage->showMessage(problem);
            m_newFields->pathEdit()->setFocus();
            return;
        }
    }

    // The policy of core::security::PassphrasePolicy, as the CLI applies it: over-long input
    // is refused (never cut short) in both modes; a new live workspace needs a strong one.
    const QString refused = PassphraseStrength::problemText(
        m_passphraseEdit->text(),
        m_mode == Mode::Create && !m_newFields->training() ? core::security::PassphraseUse::LiveWorkspace
                                                           : core::security::PassphraseUse::TrainingWorkspace,
        m_mode == Mode::Create ? m_newFields->ownerWords() : QStringList());
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
    const QString label = tr("Opening the workspace…");
    showStep(2, 0, 0); // the job says so too, a moment later
    if (m_mode == Mode::Create) {
        m_openJob->create(DisplayText::toPath(m_path), std::move(result.key), m_newFields->options(m_kdf), m_catalogues,
                          label, m_fill);
    } else if (m_lockedSession != nullptr) {
        core::Workspace* locked = m_lockedSession->workspace();
        if (locked == nullptr) {
            finish(core::Error(core::ErrorCode::FileNotFound, "closed meanwhile"));
            return;
        }
        m_openJob->unlock(*locked, std::move(result.key), label, m_catalogues.deadlines);
    } else {
        m_openJob->open(DisplayText::toPath(m_path), std::move(result.key), m_catalogues, label);
    }
}

void UnlockDialog::openFinished()
{
    if (const auto& error = m_openJob->error()) {
        finish(*error);
        return;
    }
    m_result = m_openJob->takeWorkspace();
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
