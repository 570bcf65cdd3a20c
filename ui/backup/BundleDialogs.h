// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <QDialog>
#include <QString>

#include "core/io/CaseBundle.h"
#include "core/store/KeyDerivation.h"

class QLabel;
class QLineEdit;
class QListWidget;
class QListWidgetItem;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;

namespace wb::core {
class Workspace;
}

namespace wb::ui {

class InlineMessage;
class WorkspaceJob;

/// Workspace ▸ Export cases for handover…: the cases to hand over (several may
/// be ticked), a separate bundle passphrase typed twice with its strength shown,
/// and the file to write. Argon2id and the writing run off the GUI thread; the
/// dialog is application-modal meanwhile. A weak passphrase is refused: the
/// file is meant to travel.
class ExportBundleDialog final : public QDialog
{
    Q_OBJECT

public:
    ExportBundleDialog(core::Workspace& workspace, QWidget* parent = nullptr);
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
    void browse();
    void updateState();
    void updateStrength();
    void start();
    void jobFinished();

    core::Workspace& m_workspace;
    core::store::KdfParams m_kdf = core::store::KdfParams::defaults();
    WorkspaceJob* m_job = nullptr;
    int m_exportedCount = 0;
    QListWidget* m_caseList = nullptr;
    QLineEdit* m_passphraseEdit = nullptr;
    QLineEdit* m_confirmEdit = nullptr;
    QProgressBar* m_strengthBar = nullptr;
    QLabel* m_strengthLabel = nullptr;
    InlineMessage* m_mismatchMessage = nullptr;
    QLineEdit* m_pathEdit = nullptr;
    QPushButton* m_browseButton = nullptr;
    QProgressBar* m_busyBar = nullptr;
    QLabel* m_busyLabel = nullptr;
    InlineMessage* m_message = nullptr;
    QPushButton* m_startButton = nullptr;
    QPushButton* m_closeButton = nullptr;
};

/// Workspace ▸ Import handover bundle…: the bundle file and its passphrase.
/// Decryption (with its Argon2id step) runs off the GUI thread and touches no
/// workspace; the import is then checked (core::bundle::planImport). When the
/// bundle brings records into cases already in this workspace, nothing is
/// imported yet: those records are listed, each with a check box (unticked), with
/// the bundle's unverified "exported by" claim, and only the ticked ones are added
/// when the officer completes the import (one transaction). Ticking a record ticks
/// what it needs; unticking one unticks what needs it. The result lists what was
/// added and every conflict (this workspace's copy kept); a wrong passphrase, an
/// altered, truncated or over-limit bundle gives a clear error and imports nothing.
class ImportBundleDialog final : public QDialog
{
    Q_OBJECT

public:
    ImportBundleDialog(core::Workspace& workspace, QWidget* parent = nullptr);
    ~ImportBundleDialog() override;

    void setBundlePath(const QString& path);
    bool isBusy() const noexcept { return m_busy; }
    /// After a successful import: its report.
    const std::optional<core::bundle::ImportReport>& report() const noexcept { return m_report; }
    /// While the records proposed for cases already here wait for the officer: the plan.
    const std::optional<core::bundle::ImportPlan>& pendingPlan() const noexcept { return m_plan; }

Q_SIGNALS:
    void imported();

public Q_SLOTS:
    void reject() override;

private:
    void browse();
    void updateState();
    void start();
    void decryptionFinished();
    void setBusy(bool busy);
    void showReport(const core::bundle::ImportReport& report);
    void showProposed(const core::bundle::ImportPlan& plan);
    void proposedItemChanged(QListWidgetItem* item);
    void complete();
    void apply(const std::set<std::string>& accepted);
    void discardPending();

    struct Decrypted;
    core::Workspace& m_workspace;
    std::shared_ptr<Decrypted> m_decrypted;
    WorkspaceJob* m_job = nullptr;
    bool m_busy = false;
    std::optional<core::bundle::ImportReport> m_report;
    std::shared_ptr<Decrypted> m_pending; ///< the document while its proposed records are reviewed
    std::optional<core::bundle::ImportPlan> m_plan;
    bool m_syncingTicks = false;
    QLineEdit* m_pathEdit = nullptr;
    QPushButton* m_browseButton = nullptr;
    QLineEdit* m_passphraseEdit = nullptr;
    QProgressBar* m_busyBar = nullptr;
    QLabel* m_busyLabel = nullptr;
    InlineMessage* m_message = nullptr;
    QPlainTextEdit* m_reportView = nullptr;
    QLabel* m_proposedLabel = nullptr;
    QListWidget* m_proposedList = nullptr;
    QPushButton* m_startButton = nullptr;
    QPushButton* m_completeButton = nullptr;
    QPushButton* m_closeButton = nullptr;
};

} // namespace wb::ui
