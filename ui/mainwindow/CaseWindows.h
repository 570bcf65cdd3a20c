// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>

#include <QObject>
#include <QString>

class QWidget;

namespace wb::core {
struct Catalogues;
}

namespace wb::ui {

class CaseWorkspace;
class MatchingService;
class PrivacyMode;
class WorkspaceSession;
using Catalogues = core::Catalogues;

/// The open case windows: one per case, children of the main window, opened
/// or raised on request and all closed on lock and close. Refuses to open one
/// while the workspace is locked or a job holds it.
class CaseWindows final : public QObject
{
    Q_OBJECT

public:
    CaseWindows(QWidget* owner,
                WorkspaceSession& session,
                PrivacyMode* privacy,
                const Catalogues& catalogues,
                MatchingService* matching = nullptr);

    /// Opens (or raises) the case's window; entity, when given, picks the tab holding that kind of
    /// record, and a person's uuid selects them. Null when it cannot be opened (failed() says why).
    CaseWorkspace* open(std::int64_t caseId, const QString& entity = QString(), const QString& uuid = QString());
    /// The open window of a case, if any.
    CaseWorkspace* find(std::int64_t caseId) const;
    /// Closes every case window; unsaved edits are dropped (closing the workspace).
    void closeAll();
    /// On lock, while the key is still there: keeps every open window's tab on show and its unsaved edits in the
    /// encrypted workspace (core::drafts), then closes the windows. When they cannot be kept, failed() says so.
    void keepAndCloseAll();
    /// After an unlock (also the first one after a restart): once no job holds the workspace, reopens the windows
    /// kept at the last lock on the same tabs, puts their edits back marked unsaved, then removes what was kept.
    void restoreKept();
    /// Deletes every case window now (the workspace is about to go).
    void deleteAll();

Q_SIGNALS:
    /// A window could not be opened: the reason, in the user's words.
    void failed(const QString& message);

private:
    QWidget* m_owner;
    WorkspaceSession& m_session;
    PrivacyMode* m_privacy;
    const Catalogues& m_catalogues;
    MatchingService* m_matching;
};

} // namespace wb::ui
