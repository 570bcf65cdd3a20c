// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QStringList>

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace wb::core {
class Workspace;
}

namespace wb::ui {

class BusyIndicator;
class InlineMessage;
class PassphraseStrengthMeter;
class WorkspaceJob;
class WorkspaceSession;

/// Workspace ▸ Change passphrase…: the current passphrase, the new one twice (with the strength
/// meter), then Workspace::changePassphrase off the GUI thread with a busy bar: the whole file is
/// re-encrypted into a new file beside it and renamed over it, so the old passphrase stops
/// working and nothing is lost if it fails. Application-modal while it runs; it cannot be closed
/// then. Backups made earlier keep the passphrase they were made with.
class ChangePassphraseDialog final : public QDialog
{
    Q_OBJECT

public:
    /// Works on the session's workspace, read when the change starts (a locked one is refused).
    explicit ChangePassphraseDialog(WorkspaceSession& session, QWidget* parent = nullptr);
    ~ChangePassphraseDialog() override;

    bool isBusy() const noexcept;

Q_SIGNALS:
    /// The passphrase was changed; the workspace is open under the new one.
    void passphraseChanged();

public Q_SLOTS:
    void reject() override;

private:
    void start();
    void jobFinished();
    void updateStrength();
    void updateState();

    WorkspaceSession& m_session;
    QStringList m_ownerWords; ///< the owner's name and staff number, for the strength meter
    WorkspaceJob* m_job = nullptr;
    QLineEdit* m_currentEdit = nullptr;
    QLineEdit* m_newEdit = nullptr;
    QLineEdit* m_confirmEdit = nullptr;
    PassphraseStrengthMeter* m_strength = nullptr;
    BusyIndicator* m_busyIndicator = nullptr;
    InlineMessage* m_mismatchMessage = nullptr;
    InlineMessage* m_message = nullptr;
    QPushButton* m_startButton = nullptr;
    QPushButton* m_closeButton = nullptr;
    bool m_done = false;
};

} // namespace wb::ui
