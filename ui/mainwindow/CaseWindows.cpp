// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/mainwindow/CaseWindows.h"

#include <vector>

#include <QWidget>

#include "core/Error.h"
#include "core/Workspace.h"
#include "core/drafts/Drafts.h"
#include "ui/cases/CaseWorkspace.h"
#include "ui/people/PeopleTab.h"
#include "ui/session/WorkspaceSession.h"
#include "ui/text/DisplayText.h"
#include "ui/text/ErrorText.h"

namespace wb::ui {

CaseWindows::CaseWindows(QWidget* owner,
                         WorkspaceSession& session,
                         PrivacyMode* privacy,
                         const Catalogues& catalogues,
                         MatchingService* matching)
    : QObject(owner)
    , m_owner(owner)
    , m_session(session)
    , m_privacy(privacy)
    , m_catalogues(catalogues)
    , m_matching(matching)
{
}

CaseWorkspace* CaseWindows::find(std::int64_t caseId) const
{
    const auto open = m_owner->findChildren<CaseWorkspace*>(Qt::FindDirectChildrenOnly);
    for (CaseWorkspace* window : open) {
        if (window->caseId() == caseId && window->isVisible()) {
            return window;
        }
    }
    return nullptr;
}

CaseWorkspace* CaseWindows::open(std::int64_t caseId, const QString& entity, const QString& uuid)
{
    core::Workspace* workspace = m_session.workspace();
    if (caseId == 0 || !m_session.isUnlocked() || m_session.bridge() == nullptr || m_session.busy()) {
        return nullptr;
    }
    CaseWorkspace* window = find(caseId);
    if (window == nullptr) {
        try {
            if (!workspace->cases().find(caseId)) {
                return nullptr;
            }
            window = new CaseWorkspace(
                CaseContext{workspace, m_session.bridge(), caseId, m_privacy, &m_catalogues, m_matching}, m_owner);
        } catch (const core::Error& e) {
            Q_EMIT failed(ErrorText::message(e));
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
                if (auto person = workspace->people().findByUuid(DisplayText::toStd(uuid))) {
                    window->peopleTab()->selectPerson(person->id);
                }
            } catch (const core::Error&) {
                // The tab is shown; the selection is a convenience.
            }
        }
    }
    return window;
}

void CaseWindows::closeAll()
{
    const auto windows = m_owner->findChildren<CaseWorkspace*>(Qt::FindDirectChildrenOnly);
    for (CaseWorkspace* window : windows) {
        window->discardAndClose();
    }
}

void CaseWindows::keepAndCloseAll()
{
    const auto windows = m_owner->findChildren<CaseWorkspace*>(Qt::FindDirectChildrenOnly);
    std::vector<core::WindowDraft> kept;
    for (const CaseWorkspace* window : windows) {
        if (window->isVisible()) {
            kept.push_back(window->captureDraft());
        }
    }
    core::Workspace* workspace = m_session.workspace();
    if (!kept.empty() && m_session.isUnlocked()) {
        try {
            core::drafts::keep(*workspace, kept);
        } catch (const core::Error& e) {
            // Locking goes ahead (the key must go): the officer is told the edits were not kept.
            Q_EMIT failed(tr("Unsaved edits could not be kept for after the unlock: %1").arg(ErrorText::message(e)));
        }
    }
    closeAll();
}

void CaseWindows::restoreKept()
{
    m_session.whenIdle(this, [this] {
        core::Workspace* workspace = m_session.workspace();
        if (!m_session.isUnlocked()) {
            return;
        }
        std::vector<core::WindowDraft> kept;
        try {
            kept = core::drafts::kept(*workspace);
        } catch (const core::Error& e) {
            // Unreadable (damaged, or from a newer version): said once, then dropped below like restored ones.
            Q_EMIT failed(ErrorText::message(e));
        }
        for (const core::WindowDraft& draft : kept) {
            if (CaseWorkspace* window = open(draft.caseId)) {
                window->restoreDraft(draft);
            }
        }
        try {
            core::drafts::discard(*workspace);
        } catch (const core::Error& e) {
            // Restored but still kept: the next unlock would put them back again; say so.
            Q_EMIT failed(ErrorText::message(e));
        }
    });
}

void CaseWindows::deleteAll()
{
    const auto windows = m_owner->findChildren<CaseWorkspace*>(Qt::FindDirectChildrenOnly);
    for (CaseWorkspace* window : windows) {
        delete window;
    }
}

} // namespace wb::ui
