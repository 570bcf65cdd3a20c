// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/mainwindow/MainWindow.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>

#include "core/Error.h"
#include "core/Workspace.h"
#include "ui/backup/BackupReminder.h"
#include "ui/cases/CaseListModel.h"
#include "ui/cases/CaseWorkspace.h"
#include "ui/cases/NewCaseDialog.h"
#include "ui/mainwindow/AppSettings.h"
#include "ui/mainwindow/CaseWindows.h"
#include "ui/mainwindow/CasesPage.h"
#include "ui/mainwindow/LockedPage.h"
#include "ui/mainwindow/MainStatusBar.h"
#include "ui/mainwindow/MainWindowActions.h"
#include "ui/mainwindow/SearchDialog.h"
#include "ui/mainwindow/WelcomePage.h"
#include "ui/mainwindow/WorkspaceDialogs.h"
#include "ui/mainwindow/WorkspaceOpener.h"
#include "ui/privacy/ClipboardGuard.h"
#include "ui/privacy/PrivacyMode.h"
#include "ui/session/IdleWatcher.h"
#include "ui/session/ScenarioTimeControl.h"
#include "ui/session/SignalBridge.h"
#include "ui/session/SystemLockWatcher.h"
#include "ui/session/UnlockDialog.h"
#include "ui/session/WorkspaceNow.h"
#include "ui/session/WorkspaceSession.h"
#include "ui/sources/SourcesDialog.h"
#include "ui/suspects/MatchDecisionDialog.h"
#include "ui/suspects/MatchingService.h"
#include "ui/suspects/RepeatSuspectsView.h"
#include "ui/suspects/WholePictureDialog.h"
#include "ui/text/DisplayText.h"
#include "ui/text/ErrorText.h"
#include "ui/today/NewInformationPanel.h"
#include "ui/today/TodayModel.h"
#include "ui/today/TodayView.h"
#include "ui/widgets/DialogFit.h"

namespace wb::ui {

MainWindow::MainWindow(Catalogues catalogues, AppSettings& settings, QWidget* parent)
    : QMainWindow(parent)
    , m_catalogues(std::move(catalogues))
    , m_settings(settings)
    , m_idle(new IdleWatcher(this))
    , m_privacy(new PrivacyMode(this))
    , m_clipboard(new ClipboardGuard(this))
{
    m_statusBar = new MainStatusBar(this);
    setStatusBar(m_statusBar);
    m_session = new WorkspaceSession(this);
    // A training exercise's clock, "+1 hour" and "+1 day" (issue 17): shown for a workspace on scenario time only.
    m_scenarioTime = new ScenarioTimeControl(m_session, m_statusBar);
    m_statusBar->addPermanentWidget(m_scenarioTime);
    connect(m_scenarioTime, &ScenarioTimeControl::message, this,
            [this](const QString& text) { m_statusBar->showMessage(text); });
    connect(m_scenarioTime, &ScenarioTimeControl::advanced, this, [this] {
        m_casesPage->newInformation()->checkDue(); // what falls due in the time moved on arrives first
        todayView()->model()->refresh();
    });
    m_matching = new MatchingService(*m_session, m_catalogues.matchModel, this);
    m_caseWindows = new CaseWindows(this, *m_session, m_privacy, m_catalogues, m_matching);
    connect(
        m_matching, &MatchingService::openCaseRequested, this, [this](std::int64_t caseId, const QString& personUuid) {
            (void)openCaseWorkspace(caseId, personUuid.isEmpty() ? QString() : QStringLiteral("person"), personUuid);
        });
    // The repeat-suspect dialogs open here, whichever screen asked; a lock closes them (closeTransientWindows).
    connect(m_matching, &MatchingService::decisionRequested, this, [this](const core::suspects::PairProposal& pair) {
        // Once no job holds the workspace (a search may be running), and only while it is unlocked.
        m_session->whenIdle(this, [this, pair] {
            if (m_session->isUnlocked()) {
                auto* dialog = new MatchDecisionDialog(*m_matching, m_catalogues, m_privacy, pair, this);
                dialog->setAttribute(Qt::WA_DeleteOnClose);
                dialog->show();
            }
        });
    });
    connect(m_matching, &MatchingService::wholePictureRequested, this, [this](std::int64_t personId) {
        m_session->whenIdle(this, [this, personId] {
            if (m_session->isUnlocked()) {
                auto* dialog = new WholePictureDialog(*m_matching, m_catalogues, m_privacy, personId, this);
                dialog->setAttribute(Qt::WA_DeleteOnClose);
                dialog->show();
            }
        });
    });
    m_privacy->setOn(m_settings.privacyMode());
    setObjectName(QStringLiteral("mainWindow"));

    m_actions = new MainWindowActions(this, m_privacy);
    m_stack = new QStackedWidget(this);
    m_welcomePage = new WelcomePage(m_catalogues, m_stack);
    m_welcomePage->setDemoFolder(m_settings.demoFolder());
    m_welcomePage->setEarlierDemoFolders(m_settings.earlierDemoFolders());
    m_lockedPage = new LockedPage(m_stack);
    connect(m_lockedPage, &LockedPage::unlockRequested, this, [this] { showUnlockDialog(QString()); });
    m_casesPage = new CasesPage(m_catalogues, m_stack);
    connect(m_casesPage->backupReminder(), &BackupReminder::backupRequested, this, &MainWindow::showBackup);
    connect(m_casesPage, &CasesPage::caseRequested, this, [this](std::int64_t id) { openCaseWorkspace(id); });
    connect(m_casesPage, &CasesPage::dueItemRequested, this, &MainWindow::openDueItem);
    connect(m_casesPage, &CasesPage::selectionChanged, this, &MainWindow::updateActions);
    m_repeatSuspects = new RepeatSuspectsView(*m_matching, m_privacy, mainTabs());
    mainTabs()->addTab(m_repeatSuspects, tr("Repeat suspects (Ctrl+3)"));
    m_systemLock = new SystemLockWatcher(this);
    m_dialogs = new WorkspaceDialogs(
        {this, m_session, &m_settings, &m_catalogues, m_privacy, m_idle, m_systemLock, m_casesPage, &m_kdf});
    connect(m_dialogs, &WorkspaceDialogs::openRequested, this,
            [this](std::int64_t caseId, const QString& entity, const QString& uuid) {
                openCaseWorkspace(caseId, entity, uuid);
            });
    connect(m_dialogs, &WorkspaceDialogs::message, this,
            [this](const QString& text) { m_statusBar->showMessage(text); });
    connectActions();
    m_opener = new WorkspaceOpener({this, m_session, &m_settings, &m_catalogues, &m_kdf, m_welcomePage});
    connect(m_opener, &WorkspaceOpener::opened, this, &MainWindow::workspaceOpened);
    connect(m_opener, &WorkspaceOpener::dialogOpening, this, &MainWindow::unlockDialogOpening);
    connect(m_opener, &WorkspaceOpener::closeRequested, this, &MainWindow::closeWorkspace);
    connect(m_opener, &WorkspaceOpener::welcomeRequested, this, &MainWindow::showWelcome);
    connect(m_opener, &WorkspaceOpener::message, this, [this](const QString& text) { m_statusBar->showMessage(text); });
    m_stack->addWidget(m_welcomePage);
    m_stack->addWidget(m_lockedPage);
    m_stack->addWidget(m_casesPage);
    setCentralWidget(m_stack);

    privacyToggled(m_privacy->isOn());

    connect(m_session, &WorkspaceSession::attached, this, &MainWindow::workspaceAttached);
    connect(m_session, &WorkspaceSession::aboutToLock, this, [this] {
        // A modal dialog may be running its own event loop (lock is then called from inside it), and
        // none may keep case data on screen. Case windows keep their unsaved edits in the workspace.
        m_caseWindows->keepAndCloseAll();
        closeTransientWindows();
    });
    connect(m_session, &WorkspaceSession::locked, this, &MainWindow::sessionLocked);
    connect(m_session, &WorkspaceSession::aboutToClose, this, &MainWindow::clearWorkspaceViews);
    connect(m_session, &WorkspaceSession::busyChanged, this, &MainWindow::sessionBusyChanged);
    connect(m_caseWindows, &CaseWindows::failed, this,
            [this](const QString& message) { m_statusBar->showMessage(message); });
    connect(m_casesPage->caseModel(), &CaseListModel::failed, this,
            [this](const QString& message) { m_statusBar->showMessage(message); });

    m_idle->setLockShortcut(m_actions->lockAction->shortcut());
    connect(m_idle, &IdleWatcher::idle, this, &MainWindow::lockWorkspace);
    connect(m_idle, &IdleWatcher::lockRequested, this, &MainWindow::lockWorkspace);
    m_systemLock->setSuspendEnabled(m_settings.lockOnSuspend());
    m_systemLock->setScreenLockEnabled(m_settings.lockOnScreenLock());
    connect(m_systemLock, &SystemLockWatcher::lockRequested, this, &MainWindow::lockWorkspace);

    DialogFit::fitWindow(*this, QSize(1000, 640));
    m_stack->setCurrentWidget(m_welcomePage);
    updateTitle();
    updateActions();
}

MainWindow::~MainWindow()
{
    // Dialogs and case windows hold references into the workspace and the
    // bridge watches it: all go before the session closes the workspace.
    m_caseWindows->deleteAll();
    const auto dialogs = findChildren<QDialog*>(Qt::FindDirectChildrenOnly);
    for (QDialog* dialog : dialogs) {
        delete dialog;
    }
    m_casesPage->today()->setWorkspace(nullptr, nullptr);
    delete m_session; // waits for a running job, then closes the workspace
}

core::Workspace* MainWindow::workspace() const noexcept
{
    return m_session->workspace();
}

CaseListModel* MainWindow::caseModel() const noexcept
{
    return m_casesPage->caseModel();
}

TodayView* MainWindow::todayView() const noexcept
{
    return m_casesPage->today();
}

QTabWidget* MainWindow::mainTabs() const noexcept
{
    return m_casesPage->mainTabs();
}

BackupReminder* MainWindow::backupReminder() const noexcept
{
    return m_casesPage->backupReminder();
}

bool MainWindow::ready() const
{
    return m_session->isUnlocked() && !m_session->busy();
}

UnlockDialog* MainWindow::unlockDialog() const
{
    return m_opener->unlockDialog();
}

QString MainWindow::baseTitle()
{
    return tr("RASSO Investigator Workbench");
}

void MainWindow::setKdfParams(const core::store::KdfParams& params)
{
    m_kdf = params;
    m_welcomePage->setDemoKdfParams(params);
}

// --- construction -------------------------------------------------------------

void MainWindow::connectActions()
{
    connect(m_actions->newCaseAction, &QAction::triggered, this, &MainWindow::newCase);
    connect(m_actions->openCaseAction, &QAction::triggered, this, &MainWindow::openSelectedCase);
    connect(m_actions->lockAction, &QAction::triggered, this, &MainWindow::lockWorkspace);
    connect(m_actions->settingsAction, &QAction::triggered, m_dialogs, &WorkspaceDialogs::showSettings);
    connect(m_actions->quitAction, &QAction::triggered, this, &MainWindow::close);
    connect(m_actions->searchAction, &QAction::triggered, this, [this] { showSearch(); });
    connect(m_privacy, &PrivacyMode::changed, this, &MainWindow::privacyToggled);
    connect(m_actions->backupAction, &QAction::triggered, this, &MainWindow::showBackup);
    connect(m_actions->changePassphraseAction, &QAction::triggered, m_dialogs, &WorkspaceDialogs::showChangePassphrase);
    connect(m_actions->restoreAction, &QAction::triggered, this, &MainWindow::showRestore);
    connect(m_actions->exportBundleAction, &QAction::triggered, m_dialogs, &WorkspaceDialogs::showExportBundle);
    connect(m_actions->importBundleAction, &QAction::triggered, m_dialogs, &WorkspaceDialogs::showImportBundle);
    connect(m_actions->printTodayAction, &QAction::triggered, this, [this] { showTodayReport(); });
    connect(m_actions->sourcesAction, &QAction::triggered, this,
            [this] { SourcesDialog::showFor(m_catalogues, this); });
    m_casesPage->addAction(m_actions->showRepeatSuspectsAction); // a shortcut of the cases page, as Ctrl+1 and 2
    connect(m_actions->showRepeatSuspectsAction, &QAction::triggered, this, [this] {
        mainTabs()->setCurrentWidget(m_repeatSuspects);
        m_repeatSuspects->suspectsView()->setFocus();
    });
}

// --- getting a workspace ------------------------------------------------------

void MainWindow::start(const QString& preselectedPath)
{
    m_opener->start(preselectedPath);
}

void MainWindow::showWelcome()
{
    closeWorkspace();
    m_stack->setCurrentWidget(m_welcomePage);
    updateActions();
}

void MainWindow::showUnlockDialog(const QString& path)
{
    m_opener->showUnlockDialog(path); // with an empty path: unlock the session's locked workspace
}

void MainWindow::unlockDialogOpening()
{
    if (m_stack->currentWidget() == m_casesPage) {
        m_stack->setCurrentWidget(workspace() != nullptr ? static_cast<QWidget*>(m_lockedPage)
                                                         : static_cast<QWidget*>(m_welcomePage));
    }
}

void MainWindow::workspaceOpened()
{
    if (auto workspace = m_opener->takeWorkspace()) {
        attachWorkspace(std::move(workspace));
    } else if (m_session->isUnlocked()) {
        enterUnlockedState();
    }
    if (m_session->isUnlocked()) {
        m_statusBar->showFormatUpgrade(workspace()->formatUpgrade());
    }
}

void MainWindow::attachWorkspace(std::unique_ptr<core::Workspace> workspace)
{
    m_session->attach(std::move(workspace)); // closes the one held before: see clearWorkspaceViews()
}

void MainWindow::workspaceAttached()
{
    SignalBridge* bridge = m_session->bridge();
    connect(bridge, &SignalBridge::caseChanged, caseModel(), &CaseListModel::applyChange);
    connect(bridge, &SignalBridge::lockChanged, this, &MainWindow::bridgeLockChanged);
    m_settings.setLastWorkspace(DisplayText::fromPath(workspace()->path()));
    try {
        m_training = workspace()->info().training;
    } catch (const core::Error&) {
        m_training = false; // shown as a live workspace: the stricter of the two
    }
    enterUnlockedState(); // starts the due-list job: Today waits for it
    todayView()->setWorkspace(workspace(), bridge);
    m_casesPage->newInformation()->setWorkspace(workspace(), bridge);
}

// --- states -------------------------------------------------------------------

void MainWindow::enterUnlockedState()
{
    if (!m_session->isUnlocked()) {
        return;
    }
    m_statusBar->clearMessage();
    try {
        caseModel()->load(workspace()->cases());
        m_statusBar->showOwner(workspace()->info());
    } catch (const core::Error& e) {
        m_statusBar->showMessage(ErrorText::message(e));
    }
    m_casesPage->setTraining(m_training);
    m_scenarioTime->refresh();
    m_stack->setCurrentWidget(m_casesPage);
    m_idle->setTimeout(std::chrono::minutes(m_settings.autoLockMinutes()));
    // Real time (the test's clock when one is set), never scenario time: "+1 day" in an exercise is not a day away
    // from the keyboard.
    m_idle->start(workspace()->sharedRealClock());
    core::Workspace* open = workspace();
    backupReminder()->start([open] { return open->lastBackupAt(); }, m_settings.backupReminderDays(),
                            open->sharedClock(), DisplayText::fromPath(open->path()));
    updateTitle();
    updateActions();
    activateWindow(); // back from the unlock dialog: shortcuts (Ctrl+N, Ctrl+L) need an active window
    m_casesPage->showLanding();
    // After an update of the rules or the workbench every case is re-evaluated (12 s at 10,000 cases):
    // off the GUI thread, with the busy indicator; Today and its minute tick wait for it.
    m_session->refreshDueList(m_catalogues.deadlines);
    m_caseWindows->restoreKept(); // the windows open at the last lock, once the due list is done
}

void MainWindow::enterLockedState()
{
    m_idle->stop();
    m_clipboard->clearNow();
    m_casesPage->clear();
    m_statusBar->clearOwner();
    m_scenarioTime->refresh();
    m_stack->setCurrentWidget(m_lockedPage);
    m_statusBar->showMessage(tr("Locked"));
    updateActions();
}

void MainWindow::lockWorkspace()
{
    // Waits for a running job; closes the windows (aboutToLock), locks, then sessionLocked().
    m_session->lock();
}

void MainWindow::sessionLocked()
{
    enterLockedState();
    showUnlockDialog(QString());
}

void MainWindow::bridgeLockChanged(bool locked)
{
    // Normally lockWorkspace() did all this already; this catches a lock that
    // came from elsewhere.
    if (locked) {
        m_caseWindows->closeAll();
    }
    if (locked && m_stack->currentWidget() == m_casesPage) {
        closeTransientWindows();
        enterLockedState();
        showUnlockDialog(QString());
    }
}

void MainWindow::closeWorkspace()
{
    if (workspace() == nullptr || !m_session->close()) {
        return; // nothing open, or a job still holds it (closing the window waits for jobs too)
    }
    m_training = false;
    m_stack->setCurrentWidget(m_welcomePage);
    updateTitle();
    updateActions();
}

void MainWindow::clearWorkspaceViews()
{
    m_caseWindows->closeAll();
    closeTransientWindows();
    m_idle->stop();
    m_clipboard->clearNow();
    m_casesPage->clear();
    m_statusBar->clearOwner();
    m_statusBar->clearMessage();
    todayView()->setWorkspace(nullptr, nullptr);
    m_casesPage->newInformation()->setWorkspace(nullptr, nullptr);
}

void MainWindow::sessionBusyChanged(bool busy)
{
    // Today's minute tick and live updates pause while a job holds the workspace (the checkpoint and
    // the bridge's changes wait in the session; the Plan tab's timer asks JobMonitor).
    todayView()->model()->setPaused(busy);
    m_statusBar->showBusy(busy, busy ? m_session->jobLabel() : QString());
    updateActions();
}

void MainWindow::closeTransientWindows()
{
    m_dialogs->closeTransientWindows(unlockDialog()); // the unlock dialog is the one that stays
}

void MainWindow::privacyToggled(bool on)
{
    if (m_actions != nullptr && m_actions->privacyAction->isChecked() != on) {
        m_actions->privacyAction->setChecked(on);
    }
    m_settings.setPrivacyMode(on);
    m_statusBar->showPrivacy(on);
}

// --- cases --------------------------------------------------------------------

void MainWindow::newCase()
{
    if (!ready()) {
        return;
    }
    auto* dialog = new NewCaseDialog(*workspace(), m_catalogues, workspaceNow(workspace()), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // Saved: the case is selected in the list and its window opens (issue 15: nothing opened before).
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        m_casesPage->showCreatedCase(dialog->savedCaseId());
        openCaseWorkspace(dialog->savedCaseId());
    });
    dialog->open();
}

void MainWindow::openSelectedCase()
{
    openCaseWorkspace(m_casesPage->currentCaseId());
}

void MainWindow::openDueItem(const core::deadlines::DueItem& item)
{
    CaseWorkspace* window = openCaseWorkspace(item.caseId);
    if (window != nullptr && item.action.recordId != 0) {
        window->openRecord(item.action.recordType, item.action.recordId);
    } else if (window != nullptr && !item.action.recordType.empty()) {
        window->startRecord(item.action.recordType, item.action.preset);
    }
}

CaseWorkspace* MainWindow::caseWorkspace(std::int64_t caseId) const
{
    return m_caseWindows->find(caseId);
}

CaseWorkspace* MainWindow::openCaseWorkspace(std::int64_t caseId, const QString& entity, const QString& uuid)
{
    return m_caseWindows->open(caseId, entity, uuid);
}

SearchDialog* MainWindow::showSearch()
{
    return m_dialogs->showSearch();
}

ReportDialog* MainWindow::showTodayReport()
{
    return m_dialogs->showTodayReport();
}

void MainWindow::showBackup()
{
    m_dialogs->showBackup();
}

void MainWindow::showRestore()
{
    if (unlockDialog() != nullptr && unlockDialog()->isBusy()) {
        return;
    }
    m_dialogs->showRestore([this](std::unique_ptr<core::Workspace> restored) {
        if (unlockDialog() != nullptr) {
            unlockDialog()->reject();
        }
        attachWorkspace(std::move(restored));
    });
}

void MainWindow::updateActions()
{
    const bool unlocked = m_session->isUnlocked() && m_stack->currentWidget() == m_casesPage;
    m_actions->update(unlocked, m_session->busy(), m_casesPage->hasSelection());
}

void MainWindow::updateTitle()
{
    // Never the owner, a reference or a file name: titles show up in task bars,
    // window lists and screen shares.
    setWindowTitle(workspace() != nullptr && m_training ? tr("RASSO Investigator Workbench — TRAINING") : baseTitle());
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if ((unlockDialog() != nullptr && unlockDialog()->isBusy()) || m_session->busy()) {
        event->ignore(); // a key derivation, backup or export is finishing; it cannot be interrupted
        return;
    }
    closeWorkspace();
    m_clipboard->clearNow();
    if (unlockDialog() != nullptr) {
        unlockDialog()->reject();
    }
    event->accept();
}

} // namespace wb::ui
