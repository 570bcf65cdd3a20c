// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <memory>

#include <QMainWindow>
#include <QPointer>

#include "core/deadlines/DeadlineService.h"
#include "core/store/KeyDerivation.h"
#include "ui/session/Catalogues.h"

class QStackedWidget;
class QTabWidget;

namespace wb::core {
class Workspace;
}

namespace wb::ui {

class AppSettings;
class BackupReminder;
class CasesPage;
class CaseWindows;
class LockedPage;
class MatchingService;
class MainStatusBar;
class MainWindowActions;
class CaseListModel;
class ClipboardGuard;
class CaseWorkspace;
class PrivacyMode;
class RepeatSuspectsView;
class ScenarioTimeControl;
class ReportDialog;
class SearchDialog;
class IdleWatcher;
class SignalBridge;
class SystemLockWatcher;
class TodayView;
class UnlockDialog;
class WelcomePage;
class WorkspaceDialogs;
class WorkspaceOpener;
class WorkspaceSession;

/// The application window. Pages: welcome (no workspace), locked, and the case
/// list. The open workspace belongs to its WorkspaceSession: long work runs
/// there off the GUI thread, with a busy indicator in the status bar, and
/// meanwhile the actions that use the workspace are disabled. Locking (Ctrl+L
/// or idle) closes every other window, locks the workspace, empties the models
/// and asks for the passphrase again. The title never carries personal data.
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

    core::Workspace* workspace() const noexcept;
    /// The owner of the open workspace and of every job that uses it.
    WorkspaceSession* session() const noexcept { return m_session; }
    /// Repeat suspects: the matching index of the open workspace and the searches on it.
    MatchingService* matching() const noexcept { return m_matching; }
    CaseListModel* caseModel() const noexcept;
    IdleWatcher* idleWatcher() const noexcept { return m_idle; }
    PrivacyMode* privacyMode() const noexcept { return m_privacy; }
    /// A training exercise's clock in the status bar (shown for a workspace on scenario time).
    ScenarioTimeControl* scenarioTimeControl() const noexcept { return m_scenarioTime; }
    /// Locks at once on system suspend and screen lock (each can be turned off in Settings).
    SystemLockWatcher* systemLockWatcher() const noexcept { return m_systemLock; }
    /// The landing page after unlock: what is due and overdue across every case.
    TodayView* todayView() const noexcept;
    /// "Today", "Cases" and "Repeat suspects" (Ctrl+1 / Ctrl+2 / Ctrl+3).
    QTabWidget* mainTabs() const noexcept;
    /// The Repeat suspects tab: suspects in more than one case and possible matches awaiting a decision.
    RepeatSuspectsView* repeatSuspectsView() const noexcept { return m_repeatSuspects; }
    /// Clears what the workbench put on the clipboard after a while, on lock and on quit.
    ClipboardGuard* clipboardGuard() const noexcept { return m_clipboard; }
    /// The banner above the case list when a backup is due.
    BackupReminder* backupReminder() const noexcept;
    /// Workspace ▸ Back up… (the other Workspace menu dialogs open from their actions: WorkspaceDialogs).
    void showBackup();
    /// Opens (or raises) the case's workspace window; entity, when given, picks
    /// the tab holding that kind of record, and a person's uuid selects them.
    CaseWorkspace*
    openCaseWorkspace(std::int64_t caseId, const QString& entity = QString(), const QString& uuid = QString());
    /// The open workspace window of a case, if any.
    CaseWorkspace* caseWorkspace(std::int64_t caseId) const;
    /// Opens the global search (Ctrl+K).
    SearchDialog* showSearch();
    /// Opens the Today list's printout (Ctrl+P): preview, print or save as a PDF.
    ReportDialog* showTodayReport();
    /// The unlock or create dialog currently open, if any.
    UnlockDialog* unlockDialog() const;

    static QString baseTitle();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void connectActions();

    void showWelcome();
    void showUnlockDialog(const QString& path);
    void unlockDialogOpening();
    void workspaceOpened();

    void workspaceAttached();
    void enterUnlockedState();
    void enterLockedState();
    void sessionLocked();
    void closeWorkspace();
    void clearWorkspaceViews();
    void closeTransientWindows();
    void privacyToggled(bool on);
    void bridgeLockChanged(bool locked);
    void sessionBusyChanged(bool busy);

    void newCase();
    void openSelectedCase();
    void openDueItem(const core::deadlines::DueItem& item);
    void showRestore();
    /// Unlocked, and no job holds the workspace: the GUI thread may use it.
    bool ready() const;
    void updateActions();
    void updateTitle();

    Catalogues m_catalogues;
    AppSettings& m_settings;
    core::store::KdfParams m_kdf = core::store::KdfParams::defaults();
    WorkspaceSession* m_session = nullptr;
    CaseWindows* m_caseWindows = nullptr;
    MatchingService* m_matching = nullptr;
    MainWindowActions* m_actions = nullptr;
    WorkspaceDialogs* m_dialogs = nullptr;
    WorkspaceOpener* m_opener = nullptr; ///< the open and unlock flow: start(), the unlock and create dialogs
    bool m_training = false;

    IdleWatcher* m_idle = nullptr;
    PrivacyMode* m_privacy = nullptr;
    ScenarioTimeControl* m_scenarioTime = nullptr;
    SystemLockWatcher* m_systemLock = nullptr;
    ClipboardGuard* m_clipboard = nullptr;

    QStackedWidget* m_stack = nullptr;
    WelcomePage* m_welcomePage = nullptr;
    LockedPage* m_lockedPage = nullptr;
    CasesPage* m_casesPage = nullptr;
    RepeatSuspectsView* m_repeatSuspects = nullptr;
    MainStatusBar* m_statusBar = nullptr; ///< owner, privacy mode, busy indicator, messages
};

} // namespace wb::ui
