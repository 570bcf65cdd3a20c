// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <functional>
#include <memory>

#include <QObject>
#include <QString>

#include "core/store/KeyDerivation.h"

class QWidget;

namespace wb::core {
class Workspace;
struct Catalogues;
} // namespace wb::core

namespace wb::ui {

class AppSettings;
class CasesPage;
class IdleWatcher;
class PrivacyMode;
class ReportDialog;
class SearchDialog;
class SystemLockWatcher;
class WorkspaceSession;
using Catalogues = core::Catalogues;

/// Opens the main window's dialogs on the open workspace (search, settings,
/// back up, restore, change passphrase, bundle export and import, the Today list's printout), each only
/// when the session allows it (unlocked, no job running), and closes every
/// transient window on lock and close.
class WorkspaceDialogs final : public QObject
{
    Q_OBJECT

public:
    /// What the dialogs work with; every pointer outlives this object.
    struct Parts {
        QWidget* window = nullptr;
        WorkspaceSession* session = nullptr;
        AppSettings* settings = nullptr;
        const Catalogues* catalogues = nullptr;
        PrivacyMode* privacy = nullptr;
        IdleWatcher* idle = nullptr;
        SystemLockWatcher* systemLock = nullptr;
        CasesPage* casesPage = nullptr;
        const core::store::KdfParams* kdf = nullptr;
    };

    explicit WorkspaceDialogs(Parts parts);

    SearchDialog* showSearch();
    void showSettings();
    void showBackup();
    void showChangePassphrase();
    /// onRestored takes the restored workspace, open.
    void showRestore(std::function<void(std::unique_ptr<core::Workspace>)> onRestored);
    void showExportBundle();
    void showImportBundle();
    /// Workspace ▸ Print Today's list… (Ctrl+P): the Today list across every open case, previewed, printed or saved
    /// as a PDF (ReportDialog without a case). Null when the session does not allow it.
    ReportDialog* showTodayReport();
    /// Closes every visible dialog and menu but `keep` (the unlock dialog).
    void closeTransientWindows(QWidget* keep);

Q_SIGNALS:
    /// The search asks for a case, at a kind of record or a person.
    void openRequested(std::int64_t caseId, const QString& entity, const QString& uuid);
    /// Something to say in the status bar (an error while reloading).
    void message(const QString& text);

private:
    bool ready() const;

    Parts m_parts;
};

} // namespace wb::ui
