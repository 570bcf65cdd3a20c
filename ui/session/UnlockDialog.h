// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>
#include <memory>
#include <optional>

#include <QDialog>
#include <QString>

#include "core/Error.h"
#include "core/store/KeyDerivation.h"
#include "ui/session/Catalogues.h"

class QLabel;
class QLineEdit;
class QPushButton;
class QVBoxLayout;

namespace wb::core {
class Workspace;
}

namespace wb::ui {

class BusyIndicator;
class CapsLockWatcher;
class InlineMessage;
class KeyDerivationTask;
class PassphraseStrengthMeter;
class NewWorkspaceFields;
class RetryCountdown;
class UnlockThrottle;
class OpenWithKeyJob;
class WorkspaceSession;

/// Creates a new workspace or opens/unlocks an existing one. The slow key
/// derivation runs off the GUI thread with a busy indicator; the passphrase is
/// copied into guarded memory and the fields are cleared as soon as it starts.
/// Every step is named as it starts ("Step 2 of 3: …": the key, the file's checks
/// and upgrades, the due list with how many cases are done), never one still
/// "Checking…". Errors are shown in the dialog, which stays open for another try.
class UnlockDialog final : public QDialog
{
    Q_OBJECT

public:
    enum class Mode {
        Create, ///< owner, staff number, file, passphrase twice, training
        Unlock, ///< passphrase only, for a file or a locked workspace
    };

    UnlockDialog(Mode mode, Catalogues catalogues, QWidget* parent = nullptr);
    ~UnlockDialog() override;

    Mode mode() const noexcept { return m_mode; }
    /// Create: the proposed file path. Unlock: the file to open (its name is shown).
    void setWorkspacePath(const QString& path);
    QString workspacePath() const;
    /// Unlock the session's locked workspace instead of opening the file anew (read from the
    /// session when the key is ready).
    void setLockedWorkspace(WorkspaceSession* session);
    /// Argon2id settings for a new workspace (default: KdfParams::defaults()).
    void setKdfParams(const core::store::KdfParams& params);
    /// A line shown above the passphrase (e.g. the demo passphrase).
    void setHint(const QString& hint);
    /// Create mode, Start exercise (issue 17): the new workspace is a TRAINING one (the box ticked and fixed), the
    /// owner is the trainee, and `fill` sets the exercise up in it on the job's thread, right after it is created.
    /// `title` names the exercise in the dialog.
    void setExercise(const QString& title, std::function<void(core::Workspace&)> fill);
    bool isBusy() const noexcept { return m_busy; }
    /// Unlock mode: the throttle that delays tries after wrong passphrases (default:
    /// UnlockThrottle::shared()); for tests.
    void setThrottle(UnlockThrottle* throttle);

    /// After accepted(): the created or opened workspace (null when a locked one was unlocked).
    std::unique_ptr<core::Workspace> takeWorkspace();

Q_SIGNALS:
    /// Unlock mode: the user wants a different workspace instead.
    void otherWorkspaceRequested();

public Q_SLOTS:
    void reject() override;

private:
    /// The Caps Lock warning, the busy indicator (saying busyText) and the error line.
    void addMessages(QVBoxLayout* layout, const QString& busyText);
    void buildCreateForm();
    void buildUnlockForm();
    void updateState();
    void updateStrength();
    void start();
    void derivationFinished();
    void openFinished();
    /// The indicator for a step after the key derivation (OpenWithKeyJob::stepChanged).
    void showStep(int step, int done, int total);
    /// "Step n of N: text".
    QString stepText(int step, const QString& text) const;
    /// The dialog grows to fit the step text, so nothing (the hint, the file name) is squeezed or cut off.
    void fitToContents();
    /// Ends the busy state: shows the error, or accepts.
    void finish(const std::optional<core::Error>& failure);
    void setBusy(bool busy);
    void setCapsLockWarning(bool on);
    void updateCountdown();
    QLineEdit* newPassphraseEdit(const QString& objectName, const QString& accessibleName);

    const Mode m_mode;
    Catalogues m_catalogues;
    core::store::KdfParams m_kdf = core::store::KdfParams::defaults();
    WorkspaceSession* m_lockedSession = nullptr;
    std::unique_ptr<core::Workspace> m_result;
    std::function<void(core::Workspace&)> m_fill; ///< Start exercise: sets the exercise up in the new workspace
    QString m_path;
    bool m_busy = false;

    KeyDerivationTask* m_task = nullptr;
    OpenWithKeyJob* m_openJob = nullptr; ///< create, open or unlock with the derived key
    QString m_busyText;
    UnlockThrottle* m_throttle = nullptr;
    CapsLockWatcher* m_capsLock = nullptr;      ///< on the passphrase fields
    RetryCountdown* m_retryCountdown = nullptr; ///< Unlock mode: the wait after wrong passphrases
    NewWorkspaceFields* m_newFields = nullptr;  ///< Create mode: owner, staff number, file, training
    QLineEdit* m_passphraseEdit = nullptr;
    QLineEdit* m_confirmEdit = nullptr;
    PassphraseStrengthMeter* m_strength = nullptr;
    QLabel* m_fileLabel = nullptr;
    QLabel* m_hintLabel = nullptr;
    InlineMessage* m_mismatchMessage = nullptr;
    InlineMessage* m_capsLockMessage = nullptr;
    InlineMessage* m_errorMessage = nullptr;
    BusyIndicator* m_busyIndicator = nullptr;
    QPushButton* m_acceptButton = nullptr;
    QPushButton* m_otherButton = nullptr;
    QPushButton* m_cancelButton = nullptr;
};

} // namespace wb::ui
