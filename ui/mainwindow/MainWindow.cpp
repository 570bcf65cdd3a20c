// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/mainwindow/MainWindow.h"

#include <exception>

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

#include "core/Error.h"
#include "core/Workspace.h"
#include "core/security/ProcessHardening.h"
#include "ui/backup/BackupDialog.h"
#include "ui/backup/BundleDialogs.h"
#include "ui/cases/CaseListModel.h"
#include "ui/cases/CaseWorkspace.h"
#include "ui/cases/NewCaseDialog.h"
#include "ui/mainwindow/AppSettings.h"
#include "ui/mainwindow/SearchDialog.h"
#include "ui/mainwindow/SettingsDialog.h"
#include "ui/mainwindow/WelcomePage.h"
#include "ui/people/PeopleTab.h"
#include "ui/privacy/ClipboardGuard.h"
#include "ui/privacy/PrivacyMode.h"
#include "ui/session/ChangePassphraseDialog.h"
#include "ui/session/IdleWatcher.h"
#include "ui/session/SignalBridge.h"
#include "ui/session/SystemLockWatcher.h"
#include "ui/session/UnlockDialog.h"
#include "ui/session/WorkspaceJob.h"
#include "ui/text/DisplayText.h"
#include "ui/text/ErrorText.h"
#include "ui/today/TodayModel.h"
#include "ui/today/TodayView.h"
#include "ui/widgets/FileChooser.h"

namespace wb::ui {

MainWindow::MainWindow(Catalogues catalogues, AppSettings& settings, QWidget* parent)
    : QMainWindow(parent)
    , m_catalogues(std::move(catalogues))
    , m_settings(settings)
    , m_caseModel(new CaseListModel(m_catalogues.offences, this))
    , m_idle(new IdleWatcher(this))
    , m_privacy(new PrivacyMode(this))
    , m_clipboard(new ClipboardGuard(this))
    , m_checkpoint(new QTimer(this))
{
    m_checkpoint->setSingleShot(true);
    m_checkpoint->setInterval(2000);
    connect(m_checkpoint, &QTimer::timeout, this, &MainWindow::checkpointWorkspace);
    m_privacy->setOn(m_settings.privacyMode());
    setObjectName(QStringLiteral("mainWindow"));
    // Filter and sort are the model's own (in SQL, a page at a time): no proxy over every case.
    connect(m_caseModel, &CaseListModel::failed, this,
            [this](const QString& message) { statusBar()->showMessage(message); });

    createActions();
    m_stack = new QStackedWidget(this);
    m_welcomePage = new WelcomePage(m_catalogues, m_stack);
    m_welcomePage->setDemoFolder(m_settings.demoFolder());
    m_lockedPage = createLockedPage();
    m_casesPage = createCasesPage();
    m_stack->addWidget(m_welcomePage);
    m_stack->addWidget(m_lockedPage);
    m_stack->addWidget(m_casesPage);
    setCentralWidget(m_stack);

    m_ownerLabel = new QLabel(this);
    m_ownerLabel->setObjectName(QStringLiteral("ownerLabel"));
    m_ownerLabel->setTextFormat(Qt::PlainText);
    statusBar()->addPermanentWidget(m_ownerLabel);
    m_privacyLabel = new QLabel(this);
    m_privacyLabel->setObjectName(QStringLiteral("privacyLabel"));
    m_privacyLabel->setTextFormat(Qt::PlainText);
    statusBar()->addPermanentWidget(m_privacyLabel);
    privacyToggled(m_privacy->isOn());

    connect(m_welcomePage, &WelcomePage::createRequested, this, &MainWindow::showCreateDialog);
    connect(m_welcomePage, &WelcomePage::openRequested, this, &MainWindow::chooseWorkspaceFile);
    connect(m_welcomePage, &WelcomePage::demoWorkspaceReady, this, &MainWindow::demoWorkspaceReady);
    m_idle->setLockShortcut(m_lockAction->shortcut());
    connect(m_idle, &IdleWatcher::idle, this, &MainWindow::lockWorkspace);
    connect(m_idle, &IdleWatcher::lockRequested, this, &MainWindow::lockWorkspace);
    m_systemLock = new SystemLockWatcher(this);
    m_systemLock->setSuspendEnabled(m_settings.lockOnSuspend());
    m_systemLock->setScreenLockEnabled(m_settings.lockOnScreenLock());
    connect(m_systemLock, &SystemLockWatcher::lockRequested, this, &MainWindow::lockWorkspace);
    connect(m_caseModel, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex&, int first, int last) {
        for (int row = first; m_pendingSelection != 0 && row <= last; ++row) {
            if (m_caseModel->idAt(row) == m_pendingSelection) {
                selectCase(m_pendingSelection);
                m_pendingSelection = 0;
            }
        }
    });

    resize(1000, 640);
    m_stack->setCurrentWidget(m_welcomePage);
    updateTitle();
    updateActions();
}

MainWindow::~MainWindow()
{
    // Dialogs and case windows hold references into the workspace and the
    // bridge watches it: all go before the workspace does.
    const auto cases = findChildren<CaseWorkspace*>(Qt::FindDirectChildrenOnly);
    for (CaseWorkspace* window : cases) {
        delete window;
    }
    const auto dialogs = findChildren<QDialog*>(Qt::FindDirectChildrenOnly);
    for (QDialog* dialog : dialogs) {
        delete dialog;
    }
    delete m_bridge.data();
    m_workspace.reset();
}

UnlockDialog* MainWindow::unlockDialog() const
{
    return m_unlockDialog.data();
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

void MainWindow::createActions()
{
    m_newCaseAction = new QAction(tr("&New case…"), this);
    m_newCaseAction->setObjectName(QStringLiteral("newCaseAction"));
    m_newCaseAction->setShortcut(QKeySequence::New);
    m_newCaseAction->setToolTip(tr("Open a new case (Ctrl+N)"));
    connect(m_newCaseAction, &QAction::triggered, this, &MainWindow::newCase);

    m_openCaseAction = new QAction(tr("&Open case"), this);
    m_openCaseAction->setObjectName(QStringLiteral("openCaseAction"));
    m_openCaseAction->setToolTip(tr("Open the selected case (Enter in the list)"));
    connect(m_openCaseAction, &QAction::triggered, this, &MainWindow::openSelectedCase);

    m_lockAction = new QAction(tr("&Lock"), this);
    m_lockAction->setObjectName(QStringLiteral("lockAction"));
    m_lockAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    m_lockAction->setShortcutContext(Qt::ApplicationShortcut);
    m_lockAction->setToolTip(tr("Lock the workspace now (Ctrl+L)"));
    connect(m_lockAction, &QAction::triggered, this, &MainWindow::lockWorkspace);

    m_settingsAction = new QAction(tr("&Settings…"), this);
    m_settingsAction->setObjectName(QStringLiteral("settingsAction"));
    connect(m_settingsAction, &QAction::triggered, this, &MainWindow::showSettings);

    m_quitAction = new QAction(tr("&Quit"), this);
    m_quitAction->setObjectName(QStringLiteral("quitAction"));
    m_quitAction->setShortcut(QKeySequence::Quit);
    connect(m_quitAction, &QAction::triggered, this, &MainWindow::close);

    m_searchAction = new QAction(tr("&Search…"), this);
    m_searchAction->setObjectName(QStringLiteral("searchAction"));
    m_searchAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    m_searchAction->setShortcutContext(Qt::ApplicationShortcut);
    m_searchAction->setToolTip(tr("Search every case: names, references, decisions, timeline (Ctrl+K)"));
    connect(m_searchAction, &QAction::triggered, this, [this] { showSearch(); });

    m_privacyAction = new QAction(tr("&Hide names"), this);
    m_privacyAction->setObjectName(QStringLiteral("privacyAction"));
    m_privacyAction->setCheckable(true);
    m_privacyAction->setChecked(m_privacy->isOn());
    m_privacyAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H));
    m_privacyAction->setShortcutContext(Qt::ApplicationShortcut);
    m_privacyAction->setToolTip(tr("Privacy mode: show victims' and witnesses' names as initials and hide their "
                                   "contact details, for working in public places (Ctrl+Shift+H)"));
    connect(m_privacyAction, &QAction::toggled, m_privacy, &PrivacyMode::setOn);
    connect(m_privacy, &PrivacyMode::changed, this, &MainWindow::privacyToggled);

    m_backupAction = new QAction(tr("&Back up…"), this);
    m_backupAction->setObjectName(QStringLiteral("backupAction"));
    m_backupAction->setToolTip(tr("Write a verified, encrypted copy of the workspace to another file"));
    connect(m_backupAction, &QAction::triggered, this, &MainWindow::showBackup);
    m_changePassphraseAction = new QAction(tr("Change &passphrase…"), this);
    m_changePassphraseAction->setObjectName(QStringLiteral("changePassphraseAction"));
    m_changePassphraseAction->setToolTip(tr("Re-encrypt the workspace under a new passphrase"));
    connect(m_changePassphraseAction, &QAction::triggered, this, &MainWindow::showChangePassphrase);
    m_restoreAction = new QAction(tr("&Restore from backup…"), this);
    m_restoreAction->setObjectName(QStringLiteral("restoreAction"));
    m_restoreAction->setToolTip(tr("Restore a backup into a new workspace file and open it"));
    connect(m_restoreAction, &QAction::triggered, this, &MainWindow::showRestore);
    m_exportBundleAction = new QAction(tr("&Export cases for handover…"), this);
    m_exportBundleAction->setObjectName(QStringLiteral("exportBundleAction"));
    m_exportBundleAction->setToolTip(tr("Write cases to a file under a passphrase of its own, for another officer"));
    connect(m_exportBundleAction, &QAction::triggered, this, &MainWindow::showExportBundle);
    m_importBundleAction = new QAction(tr("&Import handover bundle…"), this);
    m_importBundleAction->setObjectName(QStringLiteral("importBundleAction"));
    m_importBundleAction->setToolTip(tr("Add the cases in a handover bundle to this workspace"));
    connect(m_importBundleAction, &QAction::triggered, this, &MainWindow::showImportBundle);

    QMenu* fileMenu = menuBar()->addMenu(tr("&Workspace"));
    fileMenu->addAction(m_newCaseAction);
    fileMenu->addAction(m_openCaseAction);
    fileMenu->addAction(m_searchAction);
    fileMenu->addSeparator();
    fileMenu->addAction(m_privacyAction);
    fileMenu->addAction(m_lockAction);
    fileMenu->addAction(m_settingsAction);
    fileMenu->addAction(m_changePassphraseAction);
    fileMenu->addSeparator();
    fileMenu->addAction(m_backupAction);
    fileMenu->addAction(m_restoreAction);
    fileMenu->addAction(m_exportBundleAction);
    fileMenu->addAction(m_importBundleAction);
    fileMenu->addSeparator();
    fileMenu->addAction(m_quitAction);

    QToolBar* toolBar = addToolBar(tr("Main"));
    toolBar->setObjectName(QStringLiteral("mainToolBar"));
    toolBar->setMovable(false);
    toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    toolBar->addAction(m_newCaseAction);
    toolBar->addAction(m_openCaseAction);
    toolBar->addAction(m_searchAction);
    toolBar->addSeparator();
    toolBar->addAction(m_privacyAction);
    toolBar->addSeparator();
    toolBar->addAction(m_lockAction);
}

QWidget* MainWindow::createLockedPage()
{
    auto* page = new QWidget(m_stack);
    page->setObjectName(QStringLiteral("lockedPage"));
    auto* layout = new QVBoxLayout(page);
    layout->addSpacing(48); // above the unlock dialog, which opens centred on the window
    auto* label = new QLabel(tr("The workspace is locked."), page);
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * 1.4);
    font.setBold(true);
    label->setFont(font);
    label->setAlignment(Qt::AlignCenter);
    layout->addWidget(label);
    auto* hint = new QLabel(tr("Enter the passphrase to carry on working."), page);
    hint->setAlignment(Qt::AlignCenter);
    layout->addWidget(hint);
    auto* unlockButton = new QPushButton(tr("&Unlock…"), page);
    unlockButton->setObjectName(QStringLiteral("showUnlockButton"));
    unlockButton->setAccessibleName(tr("Unlock the workspace"));
    auto* row = new QHBoxLayout();
    row->addStretch(1);
    row->addWidget(unlockButton);
    row->addStretch(1);
    layout->addLayout(row);
    layout->addStretch(2);
    connect(unlockButton, &QPushButton::clicked, this, [this] { showUnlockDialog(QString()); });
    return page;
}

QWidget* MainWindow::createCasesPage()
{
    auto* page = new QWidget(m_stack);
    page->setObjectName(QStringLiteral("casesPage"));
    auto* layout = new QVBoxLayout(page);

    m_trainingBanner = new QLabel(tr("TRAINING WORKSPACE — fictional data only. Do not record real cases here."), page);
    m_trainingBanner->setObjectName(QStringLiteral("trainingBannerLabel"));
    m_trainingBanner->setAlignment(Qt::AlignCenter);
    m_trainingBanner->setWordWrap(true);
    m_trainingBanner->setStyleSheet(QStringLiteral(
        "QLabel { background: #fff3c4; color: #4a3500; border: 2px solid #b58900; font-weight: bold; padding: 6px; }"));
    m_trainingBanner->hide();
    layout->addWidget(m_trainingBanner);
    m_backupReminder = new BackupReminder(page);
    connect(m_backupReminder, &BackupReminder::backupRequested, this, &MainWindow::showBackup);
    layout->addWidget(m_backupReminder);
    // Today (the landing page) and the case list, as two tabs (Ctrl+1 / Ctrl+2).
    m_mainTabs = new QTabWidget(page);
    m_mainTabs->setObjectName(QStringLiteral("mainTabWidget"));
    m_today = new TodayView(m_catalogues.deadlines, m_mainTabs);
    auto* casesTab = new QWidget(m_mainTabs);
    casesTab->setObjectName(QStringLiteral("casesTab"));
    m_mainTabs->addTab(m_today, tr("Today (Ctrl+1)"));
    m_mainTabs->addTab(casesTab, tr("Cases (Ctrl+2)"));
    layout->addWidget(m_mainTabs, 1);
    layout = new QVBoxLayout(casesTab); // the case list's rows below go into its tab
    for (int i = 0; i < 2; ++i) {
        auto* show = new QAction(i == 0 ? tr("Today") : tr("Cases"), this);
        show->setObjectName(i == 0 ? QStringLiteral("showTodayAction") : QStringLiteral("showCasesAction"));
        show->setShortcut(QKeySequence(Qt::CTRL | (i == 0 ? Qt::Key_1 : Qt::Key_2)));
        connect(show, &QAction::triggered, this, [this, i] {
            m_mainTabs->setCurrentIndex(i);
            (i == 0 ? static_cast<QWidget*>(m_today->view()) : m_caseView)->setFocus();
        });
        addAction(show);
    }
    connect(m_today, &TodayView::openRequested, this, [this](const core::deadlines::DueItem& item) {
        CaseWorkspace* window = openCaseWorkspace(item.caseId);
        if (window != nullptr && item.action.recordId != 0) {
            window->openRecord(item.action.recordType, item.action.recordId);
        } else if (window != nullptr && !item.action.recordType.empty()) {
            window->startRecord(item.action.recordType, item.action.preset);
        }
    });
    connect(m_today->model(), &TodayModel::refreshed, this,
            [this] { m_caseModel->setDueCounts(m_today->model()->counts()); });

    auto* filterRow = new QHBoxLayout();
    m_filterEdit = new QLineEdit(page);
    m_filterEdit->setObjectName(QStringLiteral("filterLineEdit"));
    m_filterEdit->setAccessibleName(tr("Filter cases"));
    m_filterEdit->setPlaceholderText(tr("Reference, operation, offence or status"));
    m_filterEdit->setClearButtonEnabled(true);
    auto* filterLabel = new QLabel(tr("&Filter:"), page);
    filterLabel->setBuddy(m_filterEdit);
    filterRow->addWidget(filterLabel);
    filterRow->addWidget(m_filterEdit, 1);
    layout->addLayout(filterRow);
    m_emptyHint = new QLabel(tr("No cases yet. Choose New case… (Ctrl+N) to open one."), page);
    m_emptyHint->setObjectName(QStringLiteral("emptyHintLabel"));
    m_emptyHint->setAlignment(Qt::AlignCenter);
    m_emptyHint->hide();
    layout->addWidget(m_emptyHint);

    m_caseView = new QTableView(page);
    m_caseView->setObjectName(QStringLiteral("caseTableView"));
    m_caseView->setAccessibleName(tr("Cases"));
    m_caseView->setModel(m_caseModel);
    m_caseView->setSortingEnabled(true);
    m_caseView->sortByColumn(CaseListModel::ReportedColumn, Qt::DescendingOrder);
    m_caseView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_caseView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_caseView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_caseView->setTabKeyNavigation(false);
    m_caseView->setAlternatingRowColors(true);
    m_caseView->verticalHeader()->hide();
    QHeaderView* header = m_caseView->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(CaseListModel::OffenceColumn, QHeaderView::Stretch);
    layout->addWidget(m_caseView, 1);

    connect(m_filterEdit, &QLineEdit::textChanged, m_caseModel, &CaseListModel::setFilterText);
    connect(m_caseModel, &QAbstractItemModel::rowsInserted, this, &MainWindow::updateEmptyHint);
    connect(m_caseModel, &QAbstractItemModel::rowsRemoved, this, &MainWindow::updateEmptyHint);
    connect(m_caseModel, &QAbstractItemModel::modelReset, this, &MainWindow::updateEmptyHint);
    connect(m_caseView, &QAbstractItemView::activated, this, &MainWindow::openCase);
    connect(m_caseView->selectionModel(), &QItemSelectionModel::selectionChanged, this, &MainWindow::updateActions);
    return page;
}

// --- getting a workspace ------------------------------------------------------

void MainWindow::start(const QString& preselectedPath)
{
    const QString path = preselectedPath.isEmpty() ? m_settings.lastWorkspace() : preselectedPath;
    if (!path.isEmpty() && QFileInfo(path).isFile()) {
        showUnlockDialog(path);
        return;
    }
    showWelcome();
    if (!preselectedPath.isEmpty()) {
        m_welcomePage->showError(ErrorText::message(core::Error(core::ErrorCode::FileNotFound, "not found")));
    }
}

void MainWindow::showWelcome()
{
    closeWorkspace();
    m_stack->setCurrentWidget(m_welcomePage);
    updateActions();
}

void MainWindow::showCreateDialog()
{
    auto* dialog = new UnlockDialog(UnlockDialog::Mode::Create, m_catalogues, this);
    dialog->setKdfParams(m_kdf);
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (!documents.isEmpty()) {
        dialog->setWorkspacePath(
            QDir::toNativeSeparators(QDir(documents).absoluteFilePath(QStringLiteral("workspace.rwb"))));
    }
    openUnlockDialog(dialog);
}

void MainWindow::chooseWorkspaceFile()
{
    QString folder = QFileInfo(m_settings.lastWorkspace()).absolutePath();
    if (m_settings.lastWorkspace().isEmpty()) {
        folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    }
    const QString path =
        FileChooser::openFile(this, tr("Open a workspace"), folder, tr("Workbench workspaces (*.rwb);;All files (*)"));
    if (!path.isEmpty()) {
        showUnlockDialog(path);
    }
}

void MainWindow::showUnlockDialog(const QString& path)
{
    if (m_unlockDialog != nullptr) {
        m_unlockDialog->raise();
        m_unlockDialog->activateWindow();
        return;
    }
    auto* dialog = new UnlockDialog(UnlockDialog::Mode::Unlock, m_catalogues, this);
    if (path.isEmpty() && m_workspace != nullptr) {
        dialog->setLockedWorkspace(m_workspace.get());
    } else {
        closeWorkspace();
        dialog->setWorkspacePath(path);
    }
    if (WelcomePage::isDemoPath(dialog->workspacePath(), m_settings.demoFolder())) {
        dialog->setHint(tr("This is a demo workspace with fictional data. Its passphrase is: %1")
                            .arg(WelcomePage::demoPassphrase()));
    }
    connect(dialog, &UnlockDialog::otherWorkspaceRequested, this, &MainWindow::showWelcome);
    openUnlockDialog(dialog);
}

void MainWindow::openUnlockDialog(UnlockDialog* dialog)
{
    if (m_unlockDialog != nullptr) {
        m_unlockDialog->reject();
    }
    m_unlockDialog = dialog;
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        if (auto workspace = dialog->takeWorkspace()) {
            attachWorkspace(std::move(workspace));
        } else if (m_workspace != nullptr && !m_workspace->isLocked()) {
            enterUnlockedState();
        }
        // Opening a file from an older version upgrades it (4 KiB pages): say so, once.
        if (m_workspace != nullptr && !m_workspace->isLocked() && m_workspace->formatUpgrade().fromFormat != 0) {
            statusBar()->showMessage(
                m_workspace->formatUpgrade().done
                    ? tr("This workspace file was upgraded to the current format. The same passphrase opens it, "
                         "and older backups still open.")
                    : tr("This workspace file could not be upgraded to the current format; it works as before, "
                         "and the upgrade will be tried again when it is next opened."));
        }
    });
    if (m_stack->currentWidget() == m_casesPage) {
        m_stack->setCurrentWidget(m_workspace != nullptr ? m_lockedPage : static_cast<QWidget*>(m_welcomePage));
    }
    dialog->open();
}

void MainWindow::demoWorkspaceReady()
{
    if (auto workspace = m_welcomePage->takeWorkspace()) {
        attachWorkspace(std::move(workspace));
    }
}

void MainWindow::checkpointWorkspace()
{
    if (m_workspace == nullptr || m_workspace->isLocked()) {
        return;
    }
    try {
        m_workspace->checkpoint();
    } catch (const core::Error&) {
        // Nothing is lost: the saves are in the log, and SQLite copies it at its own threshold or on close.
    }
}

void MainWindow::attachWorkspace(std::unique_ptr<core::Workspace> workspace)
{
    if (workspace == nullptr) {
        return;
    }
    closeWorkspace();
    m_workspace = std::move(workspace);
    m_bridge = new SignalBridge(*m_workspace, this);
    connect(m_bridge, &SignalBridge::caseChanged, m_caseModel, &CaseListModel::applyChange);
    connect(m_bridge, &SignalBridge::lockChanged, this, &MainWindow::bridgeLockChanged);
    // Saves only append to the write-ahead log; it is copied into the file once the officer pauses.
    const auto scheduleCheckpoint = [this] { m_checkpoint->start(); };
    connect(m_bridge, &SignalBridge::caseChanged, m_checkpoint, scheduleCheckpoint);
    connect(m_bridge, &SignalBridge::personChanged, m_checkpoint, scheduleCheckpoint);
    connect(m_bridge, &SignalBridge::recordChanged, m_checkpoint, scheduleCheckpoint);
    connect(m_bridge, &SignalBridge::contextChanged, m_checkpoint, scheduleCheckpoint);
    m_today->setWorkspace(m_workspace.get(), m_bridge.data());
    m_settings.setLastWorkspace(DisplayText::fromPath(m_workspace->path()));
    try {
        m_training = m_workspace->info().training;
    } catch (const core::Error&) {
        m_training = false;
    }
    enterUnlockedState();
}

// --- states -------------------------------------------------------------------

void MainWindow::enterUnlockedState()
{
    if (m_workspace == nullptr || m_workspace->isLocked()) {
        return;
    }
    statusBar()->clearMessage();
    try {
        m_caseModel->load(m_workspace->cases());
        const core::WorkspaceInfo info = m_workspace->info();
        const QString owner = DisplayText::fromStd(info.owner.displayName);
        const QString staff = DisplayText::fromStd(info.owner.staffNumber);
        m_ownerLabel->setText(staff.isEmpty() ? tr("Owner: %1").arg(owner) : tr("Owner: %1 (%2)").arg(owner, staff));
    } catch (const core::Error& e) {
        statusBar()->showMessage(ErrorText::message(e));
    }
    m_trainingBanner->setVisible(m_training);
    m_stack->setCurrentWidget(m_casesPage);
    m_idle->setTimeout(std::chrono::minutes(m_settings.autoLockMinutes()));
    m_idle->start();
    core::Workspace* workspace = m_workspace.get();
    m_backupReminder->start([workspace] { return workspace->lastBackupAt(); }, m_settings.backupReminderDays());
    updateTitle();
    updateActions();
    activateWindow(); // back from the unlock dialog: shortcuts (Ctrl+N, Ctrl+L) need an active window
    m_mainTabs->setCurrentWidget(m_today); // the landing page after unlock
    m_today->view()->setFocus();
    if (m_caseModel->rowCount() > 0) {
        m_caseView->setCurrentIndex(m_caseModel->index(0, 0));
    }
}

void MainWindow::enterLockedState()
{
    m_idle->stop();
    m_backupReminder->stop();
    m_clipboard->clearNow();
    m_caseModel->clear();
    m_filterEdit->clear();
    m_ownerLabel->clear();
    m_pendingSelection = 0;
    m_stack->setCurrentWidget(m_lockedPage);
    statusBar()->showMessage(tr("Locked"));
    updateActions();
}

void MainWindow::lockWorkspace()
{
    if (m_workspace == nullptr || m_workspace->isLocked()) {
        return;
    }
    if (WorkspaceJob::runningCount() > 0) {
        // A backup or export is using the workspace on another thread: lock once it is done.
        WorkspaceJob::whenIdle(this, [this] { lockWorkspace(); });
        return;
    }
    // Close the dialogs first: a modal one may be running its own event loop
    // (this is then called from inside it), and none may keep case data on screen.
    // Case windows drop their unsaved edits without asking.
    closeCaseWorkspaces();
    closeTransientWindows();
    m_workspace->lock();
    enterLockedState();
    // What this thread's deeper calls left on the stack (names read from the file).
    core::security::scrubStack();
    showUnlockDialog(QString());
}

void MainWindow::bridgeLockChanged(bool locked)
{
    // Normally lockWorkspace() did all this already; this catches a lock that
    // came from elsewhere.
    if (locked) {
        closeCaseWorkspaces();
    }
    if (locked && m_stack->currentWidget() == m_casesPage) {
        closeTransientWindows();
        enterLockedState();
        showUnlockDialog(QString());
    }
}

void MainWindow::closeWorkspace()
{
    if (m_workspace == nullptr) {
        return;
    }
    closeCaseWorkspaces();
    closeTransientWindows();
    m_idle->stop();
    m_backupReminder->stop();
    m_clipboard->clearNow();
    m_caseModel->clear();
    m_filterEdit->clear();
    m_ownerLabel->clear();
    m_pendingSelection = 0;
    statusBar()->clearMessage();
    m_today->setWorkspace(nullptr, nullptr);
    delete m_bridge.data(); // before the workspace it watches
    m_workspace.reset();
    m_training = false;
    m_stack->setCurrentWidget(m_welcomePage);
    updateTitle();
    updateActions();
}

void MainWindow::closeTransientWindows()
{
    // Closing one dialog can end a nested event loop and reveal another, so go
    // round until nothing is left. The unlock dialog is the one that stays.
    for (int pass = 0; pass < 5; ++pass) {
        bool closedAny = false;
        const auto windows = QApplication::topLevelWidgets();
        for (QWidget* window : windows) {
            if (window == this || window == m_unlockDialog || !window->isVisible()) {
                continue;
            }
            if (auto* dialog = qobject_cast<QDialog*>(window)) {
                dialog->reject();
                if (dialog->isVisible()) {
                    dialog->hide(); // a dialog that refused (e.g. a message box without Cancel)
                }
                closedAny = true;
            } else if (qobject_cast<QMenu*>(window) != nullptr) {
                window->close();
                closedAny = true;
            }
        }
        if (!closedAny) {
            break;
        }
    }
}

void MainWindow::closeCaseWorkspaces()
{
    const auto windows = findChildren<CaseWorkspace*>(Qt::FindDirectChildrenOnly);
    for (CaseWorkspace* window : windows) {
        window->discardAndClose();
    }
}

void MainWindow::privacyToggled(bool on)
{
    if (m_privacyAction != nullptr && m_privacyAction->isChecked() != on) {
        m_privacyAction->setChecked(on);
    }
    m_settings.setPrivacyMode(on);
    m_privacyLabel->setText(on ? tr("Privacy mode on: names hidden") : tr("Privacy mode off"));
}

// --- cases --------------------------------------------------------------------

void MainWindow::newCase()
{
    if (m_workspace == nullptr || m_workspace->isLocked()) {
        return;
    }
    auto* dialog = new NewCaseDialog(m_workspace->cases(), m_catalogues, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        m_pendingSelection = dialog->savedCaseId();
        m_filterEdit->clear();
        selectCase(m_pendingSelection);
    });
    dialog->open();
}

void MainWindow::selectCase(std::int64_t id)
{
    const int row = m_caseModel->rowOf(id);
    if (row < 0) {
        return; // not arrived yet: the rowsInserted handler will select it
    }
    m_pendingSelection = 0;
    const QModelIndex index = m_caseModel->index(row, 0);
    m_caseView->setCurrentIndex(index);
    m_caseView->scrollTo(index);
}

void MainWindow::openSelectedCase()
{
    openCase(m_caseView->currentIndex());
}

void MainWindow::openCase(const QModelIndex& proxyIndex)
{
    if (!proxyIndex.isValid()) {
        return;
    }
    openCaseWorkspace(
        static_cast<std::int64_t>(proxyIndex.siblingAtColumn(0).data(CaseListModel::IdRole).toLongLong()));
}

CaseWorkspace* MainWindow::caseWorkspace(std::int64_t caseId) const
{
    const auto open = findChildren<CaseWorkspace*>(Qt::FindDirectChildrenOnly);
    for (CaseWorkspace* window : open) {
        if (window->caseId() == caseId && window->isVisible()) {
            return window;
        }
    }
    return nullptr;
}

CaseWorkspace* MainWindow::openCaseWorkspace(std::int64_t caseId, const QString& entity, const QString& uuid)
{
    if (caseId == 0 || m_workspace == nullptr || m_workspace->isLocked() || m_bridge == nullptr) {
        return nullptr;
    }
    CaseWorkspace* window = caseWorkspace(caseId);
    if (window == nullptr) {
        try {
            if (!m_workspace->cases().find(caseId)) {
                return nullptr;
            }
            window = new CaseWorkspace(
                CaseContext{m_workspace.get(), m_bridge.data(), caseId, m_privacy, &m_catalogues}, this);
        } catch (const core::Error& e) {
            statusBar()->showMessage(ErrorText::message(e));
            return nullptr;
        }
        window->show();
    }
    window->raise();
    window->activateWindow();
    if (!entity.isEmpty()) {
        window->showTabFor(entity);
        if (entity == QLatin1String("person") && !uuid.isEmpty()) {
            try {
                if (auto person = m_workspace->people().findByUuid(DisplayText::toStd(uuid))) {
                    window->peopleTab()->selectPerson(person->id);
                }
            } catch (const core::Error&) {
                // The tab is shown; the selection is a convenience.
            }
        }
    }
    return window;
}

SearchDialog* MainWindow::showSearch()
{
    if (m_workspace == nullptr || m_workspace->isLocked()) {
        return nullptr;
    }
    if (auto* open = findChild<SearchDialog*>(QString(), Qt::FindDirectChildrenOnly);
        open != nullptr && open->isVisible()) {
        open->raise();
        open->activateWindow();
        open->searchEdit()->setFocus();
        open->searchEdit()->selectAll();
        return open;
    }
    auto* dialog = new SearchDialog(*m_workspace, m_privacy, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &SearchDialog::openRequested, this,
            [this](std::int64_t caseId, const QString& entity, const QString& uuid) {
                openCaseWorkspace(caseId, entity, uuid);
            });
    dialog->show();
    dialog->searchEdit()->setFocus();
    return dialog;
}

void MainWindow::showSettings()
{
    auto* dialog = new SettingsDialog(m_settings.autoLockMinutes(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setLockOnSuspend(m_settings.lockOnSuspend());
    dialog->setLockOnScreenLock(m_settings.lockOnScreenLock());
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        m_settings.setAutoLockMinutes(dialog->autoLockMinutes());
        m_idle->setTimeout(std::chrono::minutes(m_settings.autoLockMinutes()));
        if (dialog->lockOnSuspend() != m_settings.lockOnSuspend()) {
            m_settings.setLockOnSuspend(dialog->lockOnSuspend());
        }
        if (dialog->lockOnScreenLock() != m_settings.lockOnScreenLock()) {
            m_settings.setLockOnScreenLock(dialog->lockOnScreenLock());
        }
        m_systemLock->setSuspendEnabled(m_settings.lockOnSuspend());
        m_systemLock->setScreenLockEnabled(m_settings.lockOnScreenLock());
    });
    dialog->open();
}

// --- backup and handover -------------------------------------------------------

void MainWindow::showBackup()
{
    if (m_workspace == nullptr || m_workspace->isLocked()) {
        return;
    }
    auto* dialog = new BackupDialog(*m_workspace, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &BackupDialog::backupWritten, m_backupReminder, &BackupReminder::recheck);
    dialog->show(); // application-modal (set by the dialog); open() would make it window-modal
}

void MainWindow::showChangePassphrase()
{
    if (m_workspace == nullptr || m_workspace->isLocked()) {
        return;
    }
    auto* dialog = new ChangePassphraseDialog(*m_workspace, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show(); // application-modal (set by the dialog), like the backup
}

void MainWindow::showRestore()
{
    if (m_unlockDialog != nullptr && m_unlockDialog->isBusy()) {
        return;
    }
    auto* dialog = new RestoreDialog(m_catalogues, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        if (auto restored = dialog->takeWorkspace()) {
            if (m_unlockDialog != nullptr) {
                m_unlockDialog->reject();
            }
            attachWorkspace(std::move(restored));
        }
    });
    dialog->open();
}

void MainWindow::showExportBundle()
{
    if (m_workspace == nullptr || m_workspace->isLocked()) {
        return;
    }
    auto* dialog = new ExportBundleDialog(*m_workspace, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setKdfParams(m_kdf);
    if (const QModelIndex current = m_caseView->currentIndex(); current.isValid()) {
        dialog->selectCases(
            {static_cast<std::int64_t>(current.siblingAtColumn(0).data(CaseListModel::IdRole).toLongLong())});
    }
    dialog->show(); // application-modal (set by the dialog); open() would make it window-modal
}

void MainWindow::showImportBundle()
{
    if (m_workspace == nullptr || m_workspace->isLocked()) {
        return;
    }
    auto* dialog = new ImportBundleDialog(*m_workspace, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // An import writes in one transaction outside the repositories: reload the list.
    connect(dialog, &ImportBundleDialog::imported, this, [this] {
        if (m_workspace != nullptr && !m_workspace->isLocked()) {
            try {
                m_caseModel->load(m_workspace->cases());
            } catch (const core::Error& e) {
                statusBar()->showMessage(ErrorText::message(e));
            }
        }
    });
    dialog->show(); // application-modal (set by the dialog); open() would make it window-modal
}

void MainWindow::updateActions()
{
    const bool unlocked = m_workspace != nullptr && !m_workspace->isLocked() && m_stack->currentWidget() == m_casesPage;
    m_newCaseAction->setEnabled(unlocked);
    m_openCaseAction->setEnabled(unlocked && m_caseView->selectionModel()->hasSelection());
    m_lockAction->setEnabled(unlocked);
    m_searchAction->setEnabled(unlocked);
    m_backupAction->setEnabled(unlocked);
    m_changePassphraseAction->setEnabled(unlocked);
    m_exportBundleAction->setEnabled(unlocked);
    m_importBundleAction->setEnabled(unlocked);
}

void MainWindow::updateEmptyHint()
{
    // Filtered in SQL: no rows under a filter does not mean no cases.
    m_emptyHint->setVisible(m_caseModel->isLoaded() && m_caseModel->rowCount() == 0 &&
                            m_caseModel->filterText().isEmpty());
}

void MainWindow::updateTitle()
{
    // Never the owner, a reference or a file name: titles show up in task bars,
    // window lists and screen shares.
    setWindowTitle(m_workspace != nullptr && m_training ? tr("RASSO Investigator Workbench — TRAINING") : baseTitle());
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if ((m_unlockDialog != nullptr && m_unlockDialog->isBusy()) || WorkspaceJob::runningCount() > 0) {
        event->ignore(); // a key derivation, backup or export is finishing; it cannot be interrupted
        return;
    }
    closeWorkspace();
    m_clipboard->clearNow();
    if (m_unlockDialog != nullptr) {
        m_unlockDialog->reject();
    }
    event->accept();
}

} // namespace wb::ui
