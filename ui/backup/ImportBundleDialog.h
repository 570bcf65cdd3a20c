// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>
#include <optional>
#include <set>
#include <string>

#include <QDialog>
#include <QString>

#include "core/io/CaseBundle.h"

class QLabel;
class QLineEdit;
class QListWidget;
class QListWidgetItem;
class QPlainTextEdit;
class QPushButton;

namespace wb::core {
class Workspace;
}

namespace wb::ui {

class BusyIndicator;
class InlineMessage;
class PathChooser;
class WorkspaceJob;
class WorkspaceSession;
struct ImportBundleWork;

/// Workspace ▸ Import handover bundle…: the bundle file and its passphrase.
/// Decryption (with its Argon2id step) and the check of the import
/// (core::bundle::planImport) run off the GUI thread, as does applying it; the
/// dialog is application-modal meanwhile. When the
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
    /// Works on the session's workspace, read when the check and the import start.
    explicit ImportBundleDialog(WorkspaceSession& session, QWidget* parent = nullptr);
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
    void updateState();
    void start();
    void jobFinished();
    void planned(const std::shared_ptr<ImportBundleWork>& work);
    void applied(const std::shared_ptr<ImportBundleWork>& work);
    void setBusy(bool busy, const QString& text = QString());
    void showReport(const core::bundle::ImportReport& report);
    void showProposed(const core::bundle::ImportPlan& plan);
    void proposedItemChanged(QListWidgetItem* item);
    void complete();
    void apply(const std::set<std::string>& accepted);
    void discardPending();

    WorkspaceSession& m_session;
    std::shared_ptr<ImportBundleWork> m_work; ///< what the running job reads and fills
    WorkspaceJob* m_job = nullptr;
    bool m_busy = false;
    bool m_applying = false; ///< the running job applies the import (else it decrypts and plans)
    std::optional<core::bundle::ImportReport> m_report;
    std::shared_ptr<ImportBundleWork> m_pending; ///< the document while its proposed records are reviewed
    std::optional<core::bundle::ImportPlan> m_plan;
    bool m_syncingTicks = false;
    PathChooser* m_path = nullptr;
    QLineEdit* m_passphraseEdit = nullptr;
    BusyIndicator* m_busyIndicator = nullptr;
    InlineMessage* m_message = nullptr;
    QPlainTextEdit* m_reportView = nullptr;
    QLabel* m_proposedLabel = nullptr;
    QListWidget* m_proposedList = nullptr;
    QPushButton* m_startButton = nullptr;
    QPushButton* m_completeButton = nullptr;
    QPushButton* m_closeButton = nullptr;
};

} // namespace wb::ui
