// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/mainwindow/WorkspaceOpener.h"

#include <algorithm>
#include <utility>

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

#include "core/Error.h"
#include "core/Workspace.h"
#include "core/training/Exercise.h"
#include "ui/mainwindow/AppSettings.h"
#include "ui/mainwindow/WelcomePage.h"
#include "ui/session/UnlockDialog.h"
#include "ui/session/WorkspaceSession.h"
#include "ui/text/DisplayText.h"
#include "ui/text/ErrorText.h"
#include "ui/training/ExercisePackDialog.h"
#include "ui/widgets/FileChooser.h"

namespace wb::ui {

WorkspaceOpener::WorkspaceOpener(Parts parts)
    : QObject(parts.window)
    , m_parts(parts)
{
    connect(m_parts.welcomePage, &WelcomePage::createRequested, this, &WorkspaceOpener::showCreateDialog);
    connect(m_parts.welcomePage, &WelcomePage::exerciseRequested, this, &WorkspaceOpener::showStartExercise);
    connect(m_parts.welcomePage, &WelcomePage::openRequested, this, &WorkspaceOpener::chooseWorkspaceFile);
    connect(m_parts.welcomePage, &WelcomePage::demoWorkspaceReady, this, [this] {
        if (auto workspace = m_parts.welcomePage->takeWorkspace()) {
            m_opened = std::move(workspace);
            Q_EMIT opened();
            Q_EMIT message(
                tr("Demo workspace created: %1").arg(QDir::toNativeSeparators(m_parts.welcomePage->demoPath())));
        }
    });
    connect(m_parts.welcomePage, &WelcomePage::demoOpenRequested, this, &WorkspaceOpener::showUnlockDialog);
}

bool WorkspaceOpener::isDemoPath(const QString& path) const
{
    QStringList folders = m_parts.settings->earlierDemoFolders();
    folders.prepend(m_parts.settings->demoFolder());
    return std::any_of(folders.cbegin(), folders.cend(),
                       [&path](const QString& folder) { return WelcomePage::isDemoPath(path, folder); });
}

std::unique_ptr<core::Workspace> WorkspaceOpener::takeWorkspace()
{
    return std::move(m_opened);
}

void WorkspaceOpener::start(const QString& preselectedPath)
{
    const QString path = preselectedPath.isEmpty() ? m_parts.settings->lastWorkspace() : preselectedPath;
    if (!path.isEmpty() && QFileInfo(path).isFile()) {
        showUnlockDialog(path);
        return;
    }
    Q_EMIT welcomeRequested();
    if (!preselectedPath.isEmpty()) {
        m_parts.welcomePage->showError(ErrorText::message(core::Error(core::ErrorCode::FileNotFound, "not found")));
    }
}

void WorkspaceOpener::showCreateDialog()
{
    auto* dialog = new UnlockDialog(UnlockDialog::Mode::Create, *m_parts.catalogues, m_parts.window);
    dialog->setKdfParams(*m_parts.kdf);
    const QString folder = m_parts.settings->workspaceFolder();
    if (!folder.isEmpty()) {
        dialog->setWorkspacePath(
            QDir::toNativeSeparators(QDir(folder).absoluteFilePath(QStringLiteral("workspace.rwb"))));
    }
    openDialog(dialog);
}

void WorkspaceOpener::showStartExercise()
{
    if (m_unlockDialog != nullptr) {
        m_unlockDialog->raise();
        m_unlockDialog->activateWindow();
        return;
    }
    auto* chooser = new ExercisePackDialog(*m_parts.catalogues, m_parts.window);
    chooser->setAttribute(Qt::WA_DeleteOnClose);
    connect(chooser, &QDialog::accepted, this, [this, chooser] {
        const auto* chosen = chooser->pack();
        if (chosen == nullptr || m_unlockDialog != nullptr) {
            return;
        }
        auto* dialog = new UnlockDialog(UnlockDialog::Mode::Create, *m_parts.catalogues, m_parts.window);
        dialog->setKdfParams(*m_parts.kdf);
        const QString folder = m_parts.settings->workspaceFolder();
        if (!folder.isEmpty()) {
            dialog->setWorkspacePath(QDir::toNativeSeparators(QDir(folder).absoluteFilePath(
                QStringLiteral("exercise-%1.rwb").arg(DisplayText::fromStd(chosen->id)))));
        }
        // Set up on the job's thread, right after the file is made: the pack as checked, its text kept whole.
        dialog->setExercise(
            DisplayText::fromStd(chosen->title),
            [pack = *chosen, text = chooser->packText(), catalogues = *m_parts.catalogues](core::Workspace& workspace) {
                core::training::startExercise(workspace, pack, text, catalogues);
            });
        openDialog(dialog);
    });
    chooser->open();
}

void WorkspaceOpener::chooseWorkspaceFile()
{
    const QString last = m_parts.settings->lastWorkspace();
    QString folder = QFileInfo(last).absolutePath();
    if (last.isEmpty()) {
        folder = m_parts.settings->workspaceFolder();
    }
    const QString path = FileChooser::openFile(m_parts.window, tr("Open a workspace"), folder,
                                               tr("Workbench workspaces (*.rwb);;All files (*)"));
    if (!path.isEmpty()) {
        showUnlockDialog(path);
    }
}

void WorkspaceOpener::showUnlockDialog(const QString& path)
{
    if (m_unlockDialog != nullptr) {
        m_unlockDialog->raise();
        m_unlockDialog->activateWindow();
        return;
    }
    auto* dialog = new UnlockDialog(UnlockDialog::Mode::Unlock, *m_parts.catalogues, m_parts.window);
    if (path.isEmpty() && m_parts.session->isOpen()) {
        dialog->setLockedWorkspace(m_parts.session);
    } else {
        Q_EMIT closeRequested();
        dialog->setWorkspacePath(path);
    }
    if (isDemoPath(dialog->workspacePath())) {
        dialog->setHint(tr("This is a demo workspace with fictional data. Its passphrase is: %1")
                            .arg(WelcomePage::demoPassphrase()));
    }
    connect(dialog, &UnlockDialog::otherWorkspaceRequested, this, &WorkspaceOpener::welcomeRequested);
    openDialog(dialog);
}

void WorkspaceOpener::openDialog(UnlockDialog* dialog)
{
    if (m_unlockDialog != nullptr) {
        m_unlockDialog->reject();
    }
    m_unlockDialog = dialog;
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        m_opened = dialog->takeWorkspace(); // empty when the session's locked workspace was unlocked
        Q_EMIT opened();
    });
    Q_EMIT dialogOpening();
    dialog->open();
}

} // namespace wb::ui
