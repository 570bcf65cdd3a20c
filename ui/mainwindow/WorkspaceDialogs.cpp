// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/mainwindow/WorkspaceDialogs.h"

#include <QApplication>
#include <QDialog>
#include <QLineEdit>
#include <QMenu>

#include "core/Error.h"
#include "core/Workspace.h"
#include "ui/backup/BackupDialog.h"
#include "ui/backup/BackupReminder.h"
#include "ui/backup/ExportBundleDialog.h"
#include "ui/backup/ImportBundleDialog.h"
#include "ui/backup/RestoreDialog.h"
#include "ui/cases/CaseListModel.h"
#include "ui/mainwindow/AppSettings.h"
#include "ui/mainwindow/CasesPage.h"
#include "ui/mainwindow/SearchDialog.h"
#include "ui/mainwindow/SettingsDialog.h"
#include "ui/reports/ReportDialog.h"
#include "ui/session/ChangePassphraseDialog.h"
#include "ui/session/IdleWatcher.h"
#include "ui/session/SystemLockWatcher.h"
#include "ui/session/WorkspaceSession.h"
#include "ui/text/ErrorText.h"

namespace wb::ui {

WorkspaceDialogs::WorkspaceDialogs(Parts parts)
    : QObject(parts.window)
    , m_parts(parts)
{
}

bool WorkspaceDialogs::ready() const
{
    return m_parts.session->isUnlocked() && !m_parts.session->busy();
}

SearchDialog* WorkspaceDialogs::showSearch()
{
    if (!ready()) {
        return nullptr;
    }
    if (auto* open = m_parts.window->findChild<SearchDialog*>(QString(), Qt::FindDirectChildrenOnly);
        open != nullptr && open->isVisible()) {
        open->raise();
        open->activateWindow();
        open->searchEdit()->setFocus();
        open->searchEdit()->selectAll();
        return open;
    }
    auto* dialog = new SearchDialog(*m_parts.session, m_parts.privacy, m_parts.window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &SearchDialog::openRequested, this, &WorkspaceDialogs::openRequested);
    dialog->show();
    dialog->searchEdit()->setFocus();
    return dialog;
}

void WorkspaceDialogs::showSettings()
{
    AppSettings& settings = *m_parts.settings;
    auto* dialog = new SettingsDialog(settings.autoLockMinutes(), m_parts.window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setLockOnSuspend(settings.lockOnSuspend());
    dialog->setLockOnScreenLock(settings.lockOnScreenLock());
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        AppSettings& chosen = *m_parts.settings;
        chosen.setAutoLockMinutes(dialog->autoLockMinutes());
        m_parts.idle->setTimeout(std::chrono::minutes(chosen.autoLockMinutes()));
        if (dialog->lockOnSuspend() != chosen.lockOnSuspend()) {
            chosen.setLockOnSuspend(dialog->lockOnSuspend());
        }
        if (dialog->lockOnScreenLock() != chosen.lockOnScreenLock()) {
            chosen.setLockOnScreenLock(dialog->lockOnScreenLock());
        }
        m_parts.systemLock->setSuspendEnabled(chosen.lockOnSuspend());
        m_parts.systemLock->setScreenLockEnabled(chosen.lockOnScreenLock());
    });
    dialog->open();
}

void WorkspaceDialogs::showBackup()
{
    if (!ready()) {
        return;
    }
    auto* dialog = new BackupDialog(*m_parts.session, m_parts.window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &BackupDialog::backupWritten, m_parts.casesPage->backupReminder(), &BackupReminder::recheck);
    dialog->show(); // application-modal (set by the dialog); open() would make it window-modal
}

void WorkspaceDialogs::showChangePassphrase()
{
    if (!ready()) {
        return;
    }
    auto* dialog = new ChangePassphraseDialog(*m_parts.session, m_parts.window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show(); // application-modal (set by the dialog), like the backup
}

void WorkspaceDialogs::showRestore(std::function<void(std::unique_ptr<core::Workspace>)> onRestored)
{
    if (m_parts.session->busy()) {
        return;
    }
    auto* dialog = new RestoreDialog(*m_parts.catalogues, m_parts.window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [dialog, onRestored = std::move(onRestored)] {
        if (auto restored = dialog->takeWorkspace()) {
            onRestored(std::move(restored));
        }
    });
    dialog->open();
}

void WorkspaceDialogs::showExportBundle()
{
    if (!ready()) {
        return;
    }
    auto* dialog = new ExportBundleDialog(*m_parts.session, m_parts.window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setKdfParams(*m_parts.kdf);
    if (const std::int64_t current = m_parts.casesPage->currentCaseId(); current != 0) {
        dialog->selectCases({current});
    }
    dialog->show(); // application-modal (set by the dialog); open() would make it window-modal
}

ReportDialog* WorkspaceDialogs::showTodayReport()
{
    if (!ready()) {
        return nullptr;
    }
    auto* dialog = new ReportDialog(CaseContext{m_parts.session->workspace(), m_parts.session->bridge(), 0,
                                                m_parts.privacy, m_parts.catalogues, nullptr},
                                    m_parts.window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

void WorkspaceDialogs::showImportBundle()
{
    if (!ready()) {
        return;
    }
    auto* dialog = new ImportBundleDialog(*m_parts.session, m_parts.window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // An import writes in one transaction outside the repositories: reload the list once its job is done.
    connect(dialog, &ImportBundleDialog::imported, this, [this] {
        m_parts.session->whenIdle(this, [this] {
            if (!ready()) {
                return; // locked meanwhile: the next unlock loads the list afresh
            }
            try {
                m_parts.casesPage->caseModel()->load(m_parts.session->workspace()->cases());
            } catch (const core::Error& e) {
                Q_EMIT message(ErrorText::message(e));
            }
        });
    });
    dialog->show(); // application-modal (set by the dialog); open() would make it window-modal
}

void WorkspaceDialogs::closeTransientWindows(QWidget* keep)
{
    // Closing one dialog can end a nested event loop and reveal another, so go
    // round until nothing is left.
    for (int pass = 0; pass < 5; ++pass) {
        bool closedAny = false;
        const auto windows = QApplication::topLevelWidgets();
        for (QWidget* window : windows) {
            if (window == m_parts.window || window == keep || !window->isVisible()) {
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

} // namespace wb::ui
