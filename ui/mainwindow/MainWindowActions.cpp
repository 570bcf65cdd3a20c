// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/mainwindow/MainWindowActions.h"

#include <QAction>
#include <QIcon>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QStyle>
#include <QToolBar>

#include "ui/privacy/PrivacyMode.h"

namespace wb::ui {

namespace {

/// The desktop theme's icon under the first of the freedesktop.org names it has, else the style's own
/// standard icon: every tool bar button has an icon, the theme's where there is one.
QIcon themedIcon(const QStringList& names, QStyle::StandardPixmap fallback, const QWidget* widget)
{
    for (const QString& name : names) {
        if (QIcon::hasThemeIcon(name)) {
            return QIcon::fromTheme(name);
        }
    }
    return widget->style()->standardIcon(fallback, nullptr, widget);
}

} // namespace

MainWindowActions::MainWindowActions(QMainWindow* window, PrivacyMode* privacy)
    : QObject(window)
{
    newCaseAction = new QAction(tr("&New case…"), window);
    newCaseAction->setObjectName(QStringLiteral("newCaseAction"));
    newCaseAction->setIconText(tr("New case")); // the tool bar's word
    newCaseAction->setShortcut(QKeySequence::New);
    newCaseAction->setToolTip(tr("Open a new case (Ctrl+N)"));
    newCaseAction->setIcon(themedIcon({QStringLiteral("document-new")}, QStyle::SP_FileIcon, window));

    openCaseAction = new QAction(tr("&Open case"), window);
    openCaseAction->setObjectName(QStringLiteral("openCaseAction"));
    openCaseAction->setIconText(tr("Open case")); // the tool bar's word
    openCaseAction->setToolTip(tr("Open the selected case (Enter in the list)"));
    openCaseAction->setIcon(themedIcon({QStringLiteral("document-open")}, QStyle::SP_DirOpenIcon, window));

    lockAction = new QAction(tr("&Lock"), window);
    lockAction->setObjectName(QStringLiteral("lockAction"));
    lockAction->setIconText(tr("Lock")); // the tool bar's word
    lockAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    lockAction->setShortcutContext(Qt::ApplicationShortcut);
    lockAction->setToolTip(tr("Lock the workspace now (Ctrl+L)"));
    lockAction->setIcon(
        themedIcon({QStringLiteral("system-lock-screen"), QStringLiteral("system-lock-screen-symbolic")},
                   QStyle::SP_BrowserStop, window));

    settingsAction = new QAction(tr("&Settings…"), window);
    settingsAction->setObjectName(QStringLiteral("settingsAction"));

    quitAction = new QAction(tr("&Quit"), window);
    quitAction->setObjectName(QStringLiteral("quitAction"));
    quitAction->setShortcut(QKeySequence::Quit);

    searchAction = new QAction(tr("&Search…"), window);
    searchAction->setObjectName(QStringLiteral("searchAction"));
    searchAction->setIconText(tr("Search")); // the tool bar's word
    searchAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    searchAction->setShortcutContext(Qt::ApplicationShortcut);
    searchAction->setToolTip(tr("Search every case: names, references, decisions, timeline (Ctrl+K)"));
    searchAction->setIcon(themedIcon({QStringLiteral("edit-find"), QStringLiteral("system-search")},
                                     QStyle::SP_FileDialogContentsView, window));

    privacyAction = new QAction(tr("&Hide names"), window);
    privacyAction->setObjectName(QStringLiteral("privacyAction"));
    privacyAction->setIconText(tr("Hide names")); // the tool bar's word
    privacyAction->setCheckable(true);
    privacyAction->setChecked(privacy->isOn());
    privacyAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H));
    privacyAction->setShortcutContext(Qt::ApplicationShortcut);
    privacyAction->setToolTip(tr("Privacy mode: show victims' and witnesses' names as initials and hide their "
                                 "contact details, for working in public places (Ctrl+Shift+H)"));
    privacyAction->setIcon(
        themedIcon({QStringLiteral("view-private"), QStringLiteral("view-hidden"), QStringLiteral("view-conceal"),
                    QStringLiteral("view-conceal-symbolic"), QStringLiteral("preferences-system-privacy")},
                   QStyle::SP_TitleBarShadeButton, window));
    connect(privacyAction, &QAction::toggled, privacy, &PrivacyMode::setOn);

    backupAction = new QAction(tr("&Back up…"), window);
    backupAction->setObjectName(QStringLiteral("backupAction"));
    backupAction->setToolTip(tr("Write a verified, encrypted copy of the workspace to another file"));
    changePassphraseAction = new QAction(tr("Change &passphrase…"), window);
    changePassphraseAction->setObjectName(QStringLiteral("changePassphraseAction"));
    changePassphraseAction->setToolTip(tr("Re-encrypt the workspace under a new passphrase"));
    restoreAction = new QAction(tr("&Restore from backup…"), window);
    restoreAction->setObjectName(QStringLiteral("restoreAction"));
    restoreAction->setToolTip(tr("Restore a backup into a new workspace file and open it"));
    exportBundleAction = new QAction(tr("&Export cases for handover…"), window);
    exportBundleAction->setObjectName(QStringLiteral("exportBundleAction"));
    exportBundleAction->setToolTip(tr("Write cases to a file under a passphrase of its own, for another officer"));
    importBundleAction = new QAction(tr("&Import handover bundle…"), window);
    importBundleAction->setObjectName(QStringLiteral("importBundleAction"));
    importBundleAction->setToolTip(tr("Add the cases in a handover bundle to this workspace"));

    printTodayAction = new QAction(tr("&Print Today's list…"), window);
    printTodayAction->setObjectName(QStringLiteral("printTodayAction"));
    printTodayAction->setShortcut(QKeySequence::Print);
    printTodayAction->setToolTip(tr("Print, or save as a PDF, everything due and overdue across your open cases"));

    sourcesAction = new QAction(tr("&Sources of the guidance…"), window);
    sourcesAction->setObjectName(QStringLiteral("sourcesAction"));
    sourcesAction->setToolTip(tr("For the force's RASSO lead and trainers: where every line of enquiry, question, "
                                 "time limit and list entry comes from, and whether it is confirmed"));

    showRepeatSuspectsAction = new QAction(tr("Repeat suspects"), window);
    showRepeatSuspectsAction->setObjectName(QStringLiteral("showRepeatSuspectsAction"));
    showRepeatSuspectsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_3));

    QMenu* fileMenu = window->menuBar()->addMenu(tr("&Workspace"));
    fileMenu->addAction(newCaseAction);
    fileMenu->addAction(openCaseAction);
    fileMenu->addAction(searchAction);
    fileMenu->addAction(printTodayAction);
    fileMenu->addSeparator();
    fileMenu->addAction(privacyAction);
    fileMenu->addAction(lockAction);
    fileMenu->addAction(settingsAction);
    fileMenu->addAction(changePassphraseAction);
    fileMenu->addSeparator();
    fileMenu->addAction(backupAction);
    fileMenu->addAction(restoreAction);
    fileMenu->addAction(exportBundleAction);
    fileMenu->addAction(importBundleAction);
    fileMenu->addSeparator();
    fileMenu->addAction(quitAction);

    QMenu* helpMenu = window->menuBar()->addMenu(tr("&Help"));
    helpMenu->setObjectName(QStringLiteral("helpMenu"));
    helpMenu->addAction(sourcesAction);

    QToolBar* toolBar = window->addToolBar(tr("Main"));
    toolBar->setObjectName(QStringLiteral("mainToolBar"));
    toolBar->setMovable(false);
    // Icons with their words beside them: the words say what a button does, the icons find it at a glance.
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar->addAction(newCaseAction);
    toolBar->addAction(openCaseAction);
    toolBar->addAction(searchAction);
    toolBar->addSeparator();
    toolBar->addAction(privacyAction);
    toolBar->addSeparator();
    toolBar->addAction(lockAction);
}

void MainWindowActions::update(bool unlocked, bool busy, bool caseSelected)
{
    // While a job holds the workspace nothing else may start on it; locking waits for the job.
    const bool usable = unlocked && !busy;
    newCaseAction->setEnabled(usable);
    openCaseAction->setEnabled(usable && caseSelected);
    lockAction->setEnabled(unlocked);
    searchAction->setEnabled(usable);
    backupAction->setEnabled(usable);
    changePassphraseAction->setEnabled(usable);
    exportBundleAction->setEnabled(usable);
    importBundleAction->setEnabled(usable);
    printTodayAction->setEnabled(usable);
    restoreAction->setEnabled(!busy);
}

} // namespace wb::ui
