// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <vector>

#include <QDialog>
#include <QString>

#include "core/store/KeyDerivation.h"

class QLineEdit;
class QListWidget;
class QPushButton;

namespace wb::core {
class Workspace;
}

namespace wb::ui {

class BusyIndicator;
class InlineMessage;
class PassphraseStrengthMeter;
class PathChooser;
class WorkspaceJob;
class WorkspaceSession;

/// Workspace ▸ Export cases for handover…: the cases to hand over (several may
/// be ticked), a separate bundle passphrase typed twice with its strength shown,
/// and the file to write. Argon2id and the writing run off the GUI thread; the
/// dialog is application-modal meanwhile. A weak passphrase is refused: the
/// file is meant to travel.
class ExportBundleDialog final : public QDialog
{
    Q_OBJECT

public:
    /// Works on the session's workspace, read when the cases load and when the export starts.
    explicit ExportBundleDialog(WorkspaceSession& session, QWidget* parent = nullptr);
    ~ExportBundleDialog() override;

    /// Argon2id settings for the bundle (default: KdfParams::defaults()).
    void setKdfParams(const core::store::KdfParams& params);
    /// Ticks exactly these cases.
    void selectCases(const std::vector<std::int64_t>& caseIds);
    std::vector<std::int64_t> selectedCases() const;
    void setTargetPath(const QString& path);
    bool isBusy() const noexcept;

public Q_SLOTS:
    void reject() override;

private:
    void loadCases();
    void fitCaseListToItsText();
    void updateState();
    void updateStrength();
    void start();
    void jobFinished();

    WorkspaceSession& m_session;
    core::store::KdfParams m_kdf = core::store::KdfParams::defaults();
    WorkspaceJob* m_job = nullptr;
    int m_exportedCount = 0;
    QListWidget* m_caseList = nullptr;
    QLineEdit* m_passphraseEdit = nullptr;
    QLineEdit* m_confirmEdit = nullptr;
    PassphraseStrengthMeter* m_strength = nullptr;
    InlineMessage* m_mismatchMessage = nullptr;
    PathChooser* m_path = nullptr;
    BusyIndicator* m_busy = nullptr;
    InlineMessage* m_message = nullptr;
    QPushButton* m_startButton = nullptr;
    QPushButton* m_closeButton = nullptr;
};

} // namespace wb::ui
