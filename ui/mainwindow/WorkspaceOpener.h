// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>

#include <QObject>
#include <QPointer>
#include <QString>

#include "core/store/KeyDerivation.h"

class QWidget;

namespace wb::core {
class Workspace;
struct Catalogues;
} // namespace wb::core

namespace wb::ui {

class AppSettings;
class UnlockDialog;
class WelcomePage;
class WorkspaceSession;
using Catalogues = core::Catalogues;

/// The main window's open and unlock flow: which file to offer at start, the
/// create and unlock dialogs (one at a time), choosing a workspace file, and
/// the demo workspace from the welcome page (made new, or an existing one
/// reopened). A workspace it obtains is handed over through opened() and
/// takeWorkspace(); unlocking the session's locked workspace in place also ends
/// in opened() (takeWorkspace() is then empty).
class WorkspaceOpener final : public QObject
{
    Q_OBJECT

public:
    /// What the flow works with; every pointer outlives this object.
    struct Parts {
        QWidget* window = nullptr; ///< parent of the dialogs
        WorkspaceSession* session = nullptr;
        AppSettings* settings = nullptr;
        const Catalogues* catalogues = nullptr;
        const core::store::KdfParams* kdf = nullptr;
        WelcomePage* welcomePage = nullptr;
    };

    explicit WorkspaceOpener(Parts parts);

    /// Shows the unlock dialog for preselectedPath, else for the last workspace, else asks for the
    /// welcome page (with an error when preselectedPath does not exist).
    void start(const QString& preselectedPath);
    /// Unlocks the session's locked workspace when path is empty and one is held; else closes it
    /// (closeRequested()) and opens the file at path. Raises the dialog already open instead.
    void showUnlockDialog(const QString& path);
    void showCreateDialog();
    /// Start exercise (issue 17): the scenario pack (ExercisePackDialog), then a new TRAINING workspace for the
    /// trainee with the exercise set up in it (the create dialog in its exercise form).
    void showStartExercise();
    void chooseWorkspaceFile();
    /// The unlock or create dialog currently open, if any.
    UnlockDialog* unlockDialog() const { return m_unlockDialog.data(); }
    /// After opened(): the workspace opened or created (empty when the locked one was unlocked).
    std::unique_ptr<core::Workspace> takeWorkspace();

Q_SIGNALS:
    /// A dialog accepted (or the demo is ready): attach takeWorkspace(), or show the unlocked one.
    void opened();
    /// The unlock or create dialog opens: the case list must not stay on screen behind it.
    void dialogOpening();
    /// The workspace held must close before another file is opened.
    void closeRequested();
    /// Back to the welcome page (no file to offer, or the officer asked for another workspace).
    void welcomeRequested();
    /// Something to say in the status bar (where a new demo workspace was saved).
    void message(const QString& text);

private:
    void openDialog(UnlockDialog* dialog);
    /// A demo's file, in the demo folder or one where earlier versions saved demos.
    bool isDemoPath(const QString& path) const;

    Parts m_parts;
    QPointer<UnlockDialog> m_unlockDialog;
    std::unique_ptr<core::Workspace> m_opened;
};

} // namespace wb::ui
