// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <memory>

#include <QMainWindow>
#include <QPointer>

#include "core/store/KeyDerivation.h"
#include "ui/session/Catalogues.h"

class QAction;
class QLabel;
class QLineEdit;
class QModelIndex;
class QStackedWidget;
class QTabWidget;
class QTableView;

class QTimer;

namespace wb::core {
class Workspace;
}

namespace wb::ui {

class AppSettings;
class BackupReminder;
class CaseListModel;
class ClipboardGuard;
class CaseWorkspace;
class PrivacyMode;
class SearchDialog;
class IdleWatcher;
class SignalBridge;
class SystemLockWatcher;
class TodayView;
class UnlockDialog;
class WelcomePage;

/// The application window and the owner of the open workspace. Pages: welcome
/// (no workspace), locked, and the case list. Locking (Ctrl+L or idle) closes
/// every other window, locks the workspace, empties the models and asks for
/// the passphrase again. The title never carries personal data.
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    MainWindow(Catalogues catalogues, AppSettings& settings, QWidget* parent = nullptr);
    ~MainWindow() override;

    /// Shows the unlock dialog for preselectedPath, else for the last workspace,
    /// else the welcome page.
    void start(const QString& preselectedPath = QString());
    /// Takes an open workspace and shows its cases.
    void attachWorkspace(std::unique_ptr<core::Workspace> workspace);
    /// Closes every dialog, locks the workspace, clears the models, asks to unlock.
    void lockWorkspace();
    /// Argon2id settings for new and demo workspaces (default: KdfParams::defaults()).
    void setKdfParams(const core::store::KdfParams& params);

    core::Workspace* workspace() const noexcept { return m_workspace.get(); }
    CaseListModel* caseModel() const noexcept { return m_caseModel; }
    IdleWatcher* idleWatcher() const noexcept { return m_idle; }
    PrivacyMode* privacyMode() const noexcept { return m_privacy; }
    /// Locks at once on system suspend and screen lock (each can be turned off in Settings).
    SystemLockWatcher* systemLockWatcher() const noexcept { return m_systemLock; }
    /// The landing page after unlock: what is due and overdue across every case.
    TodayView* todayView() const noexcept { return m_today; }
    /// "Today" and "Cases" (Ctrl+1 / Ctrl+2).
    QTabWidget* mainTabs() const noexcept { return m_mainTabs; }
    /// Clears what the workbench put on the clipboard after a while, on lock and on quit.
    ClipboardGuard* clipboardGuard() const noexcept { return m_clipboard; }
    /// The banner above the case list when a backup is due.
    BackupReminder* backupReminder() const noexcept { return m_backupReminder; }
    /// Workspace menu: back up, restore, export and import handover bundles.
    void showBackup();
    /// Workspace ▸ Change passphrase….
    void showChangePassphrase();
    void showRestore();
    void showExportBundle();
    void showImportBundle();
    /// Opens (or raises) the case's workspace window; entity, when given, picks
    /// the tab holding that kind of record, and a person's uuid selects them.
    CaseWorkspace*
    openCaseWorkspace(std::int64_t caseId, const QString& entity = QString(), const QString& uuid = QString());
    /// The open workspace window of a case, if any.
    CaseWorkspace* caseWorkspace(std::int64_t caseId) const;
    /// Opens the global search (Ctrl+K).
    SearchDialog* showSearch();
    /// The unlock or create dialog currently open, if any.
    UnlockDialog* unlockDialog() const;

    static QString baseTitle();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createActions();
    QWidget* createLockedPage();
    QWidget* createCasesPage();

    void showWelcome();
    void showCreateDialog();
    void chooseWorkspaceFile();
    void showUnlockDialog(const QString& path);
    void openUnlockDialog(UnlockDialog* dialog);
    void demoWorkspaceReady();

    void enterUnlockedState();
    void enterLockedState();
    void closeWorkspace();
    void closeTransientWindows();
    void closeCaseWorkspaces();
    void privacyToggled(bool on);
    void bridgeLockChanged(bool locked);

    void newCase();
    void openSelectedCase();
    void openCase(const QModelIndex& proxyIndex);
    void selectCase(std::int64_t id);
    void showSettings();
    void checkpointWorkspace();
    void updateActions();
    void updateTitle();
    void updateEmptyHint();

    Catalogues m_catalogues;
    AppSettings& m_settings;
    core::store::KdfParams m_kdf = core::store::KdfParams::defaults();
    std::unique_ptr<core::Workspace> m_workspace;
    bool m_training = false;
    std::int64_t m_pendingSelection = 0;

    QPointer<SignalBridge> m_bridge;
    QPointer<UnlockDialog> m_unlockDialog;
    CaseListModel* m_caseModel = nullptr;
    IdleWatcher* m_idle = nullptr;
    PrivacyMode* m_privacy = nullptr;
    SystemLockWatcher* m_systemLock = nullptr;
    ClipboardGuard* m_clipboard = nullptr;
    QTimer* m_checkpoint = nullptr; ///< copies the write-ahead log into the file once saves pause
    BackupReminder* m_backupReminder = nullptr;

    QStackedWidget* m_stack = nullptr;
    WelcomePage* m_welcomePage = nullptr;
    QWidget* m_lockedPage = nullptr;
    QWidget* m_casesPage = nullptr;
    QTabWidget* m_mainTabs = nullptr;
    TodayView* m_today = nullptr;
    QLabel* m_trainingBanner = nullptr;
    QLineEdit* m_filterEdit = nullptr;
    QTableView* m_caseView = nullptr;
    QLabel* m_emptyHint = nullptr;
    QLabel* m_ownerLabel = nullptr;
    QLabel* m_privacyLabel = nullptr;

    QAction* m_newCaseAction = nullptr;
    QAction* m_openCaseAction = nullptr;
    QAction* m_lockAction = nullptr;
    QAction* m_settingsAction = nullptr;
    QAction* m_privacyAction = nullptr;
    QAction* m_searchAction = nullptr;
    QAction* m_quitAction = nullptr;
    QAction* m_backupAction = nullptr;
    QAction* m_changePassphraseAction = nullptr;
    QAction* m_restoreAction = nullptr;
    QAction* m_exportBundleAction = nullptr;
    QAction* m_importBundleAction = nullptr;
};

} // namespace wb::ui
