// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/drafts/Drafts.h"

#include "core/Workspace.h"

namespace wb::core::drafts {

void keep(Workspace& workspace, const std::vector<WindowDraft>& windows)
{
    std::vector<WindowDraft> open;
    open.reserve(windows.size());
    for (const WindowDraft& window : windows) {
        if (workspace.cases().find(window.caseId)) {
            open.push_back(window);
        }
    }
    workspace.drafts().replaceAll(open);
}

std::vector<WindowDraft> kept(Workspace& workspace)
{
    return workspace.drafts().list();
}

void discard(Workspace& workspace)
{
    workspace.drafts().clear();
}

} // namespace wb::core::drafts
