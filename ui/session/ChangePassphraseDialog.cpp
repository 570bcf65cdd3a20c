// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/session/ChangePassphraseDialog.h"

#include <memory>

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

#include "core/Error.h"
#include "core/Workspace.h"
#include "core/store/SecureBuffer.h"
#include "ui/session/PassphraseStrength.h"
#include "ui/session/SecretInput.h"
#include "ui/session/WorkspaceJob.h"
#include "ui/session/WorkspaceSession.h"
#include "ui/text/ErrorText.h"
#include "ui/widgets/BusyIndicator.h"
#include "ui/widgets/InlineMessage.h"
#include "ui/widgets/PassphraseStrengthMeter.h"

namespace wb::ui {

namespace {

/// The owner's name and staff number: words the core rule counts as guessable, so the meter
/// rates the new passphrase as the change itself will (as the create dialog does).
QStringList ownerWords(const WorkspaceSession& session)
{
    if (!session.isUnlocked()) {
        return {}; // nothing to read: start() refuses a locked workspace anyway
    }
    try {
        const auto info = session.workspace()->info();
        return QString::fromStdString(info.owner.displayName).split(QLatin1Char(' '), Qt::SkipEmptyParts)
               << QString::fromStdString(info.owner.staffNumber);
    } catch (const core::Error&) {
        // Safe to leave out: the words only tune the meter's hint. Core applies the owner rule itself
        // when the passphrase is changed, and a workspace that cannot be read fails there with its reason.
        return {};
    }
}

QLineEdit* passphraseEdit(QWidget* parent, const QString& objectName, const QString& accessibleName)
{
    auto* edit = new QLineEdit(parent);
    edit->setObjectName(objectName);
    edit->setAccessibleName(accessibleName);
    edit->setEchoMode(QLineEdit::Password);
    edit->setMinimumWidth(320);
    return edit;
}

} // namespace

ChangePassphraseDialog::ChangePassphraseDialog(WorkspaceSession& session, QWidget* parent)
    : QDialog(parent)
    , m_session(session)
    , m_ownerWords(ownerWords(session))
    , m_job(new WorkspaceJob(this))
{
    setObjectName(QStringLiteral("changePassphraseDialog"));
    // Nothing else may use the workspace while it is re-encrypted on the other thread.
    setWindowModality(Qt::ApplicationModal);
    setWindowTitle(tr("Change the workspace passphrase"));
    auto* layout = new QVBoxLayout(this);
    // Grows when the busy bar and messages appear, rather than squeezing the fields.
    layout->setSizeConstraint(QLayout::SetMinimumSize);
    auto* intro = new QLabel(tr("Re-encrypts the whole workspace under a new passphrase. Afterwards only the new "
                                "passphrase opens it. Backups made earlier still open with the passphrase they "
                                "were made with."),
                             this);
    intro->setObjectName(QStringLiteral("changePassphraseIntroLabel"));
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto* form = new QFormLayout();
    m_currentEdit = passphraseEdit(this, QStringLiteral("currentPassphraseLineEdit"), tr("Current passphrase"));
    auto* currentLabel = new QLabel(tr("C&urrent passphrase:"), this);
    currentLabel->setBuddy(m_currentEdit);
    form->addRow(currentLabel, m_currentEdit);
    m_newEdit = passphraseEdit(this, QStringLiteral("newPassphraseLineEdit"), tr("New passphrase"));
    auto* newLabel = new QLabel(tr("&New passphrase:"), this);
    newLabel->setBuddy(m_newEdit);
    form->addRow(newLabel, m_newEdit);

    m_strength =
        new PassphraseStrengthMeter(tr("Strength of the new passphrase"), QStringLiteral("strengthProgressBar"),
                                    QStringLiteral("strengthLabel"), this);
    form->addRow(tr("Strength:"), m_strength);

    m_confirmEdit = passphraseEdit(this, QStringLiteral("confirmPassphraseLineEdit"), tr("Repeat the new passphrase"));
    auto* confirmLabel = new QLabel(tr("&Repeat new passphrase:"), this);
    confirmLabel->setBuddy(m_confirmEdit);
    form->addRow(confirmLabel, m_confirmEdit);
    layout->addLayout(form);

    m_mismatchMessage = new InlineMessage(this);
    m_mismatchMessage->setObjectName(QStringLiteral("mismatchMessageLabel"));
    layout->addWidget(m_mismatchMessage);

    // One pass over the whole file: shown as busy, not as a percentage.
    m_busyIndicator = new BusyIndicator(tr("Re-encrypting the workspace"), QStringLiteral("changePassphraseBusyBar"),
                                        QStringLiteral("changePassphraseBusyLabel"), this);
    layout->addWidget(m_busyIndicator);

    m_message = new InlineMessage(this);
    m_message->setObjectName(QStringLiteral("changePassphraseMessageLabel"));
    layout->addWidget(m_message);
    layout->addStretch(1);

    auto* buttons = new QDialogButtonBox(this);
    m_startButton = buttons->addButton(tr("&Change passphrase"), QDialogButtonBox::AcceptRole);
    m_startButton->setObjectName(QStringLiteral("changePassphraseStartButton"));
    m_startButton->setAccessibleName(tr("Change the passphrase"));
    m_startButton->setDefault(true);
    m_closeButton = buttons->addButton(QDialogButtonBox::Cancel);
    m_closeButton->setObjectName(QStringLiteral("changePassphraseCloseButton"));
    m_closeButton->setAccessibleName(tr("Close without changing"));
    layout->addWidget(buttons);

    connect(m_currentEdit, &QLineEdit::textChanged, this, &ChangePassphraseDialog::updateState);
    connect(m_newEdit, &QLineEdit::textChanged, this, &ChangePassphraseDialog::updateStrength);
    connect(m_newEdit, &QLineEdit::textChanged, this, &ChangePassphraseDialog::updateState);
    connect(m_confirmEdit, &QLineEdit::textChanged, this, &ChangePassphraseDialog::updateState);
    connect(m_startButton, &QPushButton::clicked, this, &ChangePassphraseDialog::start);
    connect(m_closeButton, &QPushButton::clicked, this, &ChangePassphraseDialog::reject);
    connect(m_job, &WorkspaceJob::finished, this, &ChangePassphraseDialog::jobFinished);

    setTabOrder(m_currentEdit, m_newEdit);
    setTabOrder(m_newEdit, m_confirmEdit);
    setTabOrder(m_confirmEdit, m_startButton);
    setTabOrder(m_startButton, m_closeButton);
    m_currentEdit->setFocus();
    updateStrength();
    updateState();
}

ChangePassphraseDialog::~ChangePassphraseDialog() = default;

bool ChangePassphraseDialog::isBusy() const noexcept
{
    return m_job->isRunning();
}

void ChangePassphraseDialog::updateStrength()
{
    m_strength->rate(m_newEdit->text(), m_ownerWords);
}

void ChangePassphraseDialog::updateState()
{
    const bool busy = isBusy();
    const bool mismatch = !m_confirmEdit->text().isEmpty() && m_confirmEdit->text() != m_newEdit->text();
    if (mismatch) {
        m_mismatchMessage->showMessage(tr("The new passphrases do not match"), InlineMessage::Kind::Warning);
    } else {
        m_mismatchMessage->clearMessage();
    }
    for (QLineEdit* edit : {m_currentEdit, m_newEdit, m_confirmEdit}) {
        edit->setEnabled(!busy && !m_done);
    }
    m_startButton->setEnabled(!busy && !m_done && !m_currentEdit->text().isEmpty() && !m_newEdit->text().isEmpty() &&
                              m_confirmEdit->text() == m_newEdit->text());
    m_closeButton->setEnabled(!busy);
}

void ChangePassphraseDialog::start()
{
    if (isBusy() || m_done || m_newEdit->text().isEmpty() || m_confirmEdit->text() != m_newEdit->text()) {
        return;
    }
    m_message->clearMessage();
    core::Workspace* const workspace = m_session.unlockedWorkspaceOrShow(*m_message);
    if (workspace == nullptr) {
        return; // locked or closed since the dialog opened: the message says so
    }
    std::shared_ptr<core::store::SecureBuffer> current;
    std::shared_ptr<core::store::SecureBuffer> fresh;
    try {
        current = std::make_shared<core::store::SecureBuffer>(secretFrom(m_currentEdit));
        fresh = std::make_shared<core::store::SecureBuffer>(secretFrom(m_newEdit));
    } catch (const std::exception&) {
        m_message->showMessage(ErrorText::unexpected());
        return;
    }
    m_currentEdit->clear();
    m_newEdit->clear();
    m_confirmEdit->clear();
    m_busyIndicator->start(tr("Checking the current passphrase and re-encrypting the workspace. This takes a few "
                              "seconds, longer for a large workspace…"));
    adjustSize(); // room for the busy bar and its words now, not at the next layout pass
    m_job->start(
        [workspace, current, fresh] {
            try {
                workspace->changePassphrase(current->view(), fresh->view());
            } catch (...) {
                current->wipe();
                fresh->wipe();
                throw;
            }
            current->wipe();
            fresh->wipe();
        },
        tr("Changing the passphrase…"));
    updateState();
}

void ChangePassphraseDialog::jobFinished()
{
    m_busyIndicator->stop();
    if (const auto& error = m_job->error()) {
        QString text;
        switch (error->code()) {
        case core::ErrorCode::WrongPassphrase:
            text = tr("The current passphrase is not correct. Nothing was changed.");
            m_currentEdit->setFocus();
            break;
        case core::ErrorCode::Validation:
            text = tr("The new passphrase cannot be used: %1 Nothing was changed.").arg(ErrorText::message(*error));
            break;
        default:
            if (m_session.isOpen() && !m_session.isUnlocked()) {
                // The re-encrypted file was in place but could not be reopened.
                text = tr("The workspace could not be reopened after the change. Unlock it with the new "
                          "passphrase. %1")
                           .arg(ErrorText::message(*error));
                break;
            }
            text = tr("The passphrase was not changed, and the workspace is as it was: the current passphrase "
                      "still opens it. %1")
                       .arg(ErrorText::message(*error));
            break;
        }
        m_message->showMessage(text);
        updateState();
        if (!m_currentEdit->hasFocus()) {
            m_currentEdit->setFocus();
        }
        return;
    }
    m_done = true;
    updateState();
    m_message->showMessage(tr("Passphrase changed. From now on only the new passphrase opens this workspace. "
                              "Make a new backup: earlier backups still open with the old passphrase."),
                           InlineMessage::Kind::Information);
    m_closeButton->setText(tr("Close"));
    m_closeButton->setAccessibleName(tr("Close"));
    m_closeButton->setFocus();
    m_closeButton->setDefault(true);
    Q_EMIT passphraseChanged();
}

void ChangePassphraseDialog::reject()
{
    if (isBusy()) {
        return; // the change finishes (or fails and leaves the old file) first
    }
    QDialog::reject();
}

} // namespace wb::ui
