// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

class QAction;
class QMainWindow;

namespace wb::ui {

class PrivacyMode;

/// The main window's actions, its Workspace menu and its tool bar, built in
/// one place. The window connects what each action does and calls update()
/// when the state changes.
class MainWindowActions final : public QObject
{
    Q_OBJECT

public:
    /// Builds the actions (children of window, so its shortcuts work), the menu and the tool bar.
    MainWindowActions(QMainWindow* window, PrivacyMode* privacy);

    /// Enables what the state allows: most actions need an unlocked workspace no job holds.
    void update(bool unlocked, bool busy, bool caseSelected);

    QAction* newCaseAction = nullptr;
    QAction* openCaseAction = nullptr;
    QAction* lockAction = nullptr;
    QAction* settingsAction = nullptr;
    QAction* privacyAction = nullptr;
    QAction* searchAction = nullptr;
    QAction* quitAction = nullptr;
    QAction* backupAction = nullptr;
    QAction* changePassphraseAction = nullptr;
    QAction* restoreAction = nullptr;
    QAction* exportBundleAction = nullptr;
    QAction* importBundleAction = nullptr;
    /// Print Today's list… (Ctrl+P): everything due and overdue across every open case, on paper or as a PDF.
    QAction* printTodayAction = nullptr;
    /// Help > Sources of the guidance…: the provenance of every catalogue entry, for the RASSO lead (issue 14).
    QAction* sourcesAction = nullptr;
    /// Shows the Repeat suspects tab (Ctrl+3) beside Today and Cases (issue 16); the cases page holds it.
    QAction* showRepeatSuspectsAction = nullptr;
};

} // namespace wb::ui
