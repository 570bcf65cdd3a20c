// SPDX-License-Identifier: GPL-3.0-or-later
// Unsaved edits kept across a lock: the case windows open when the workspace locked, the tab each showed and
// what their forms held, kept in the encrypted workspace until the next unlock restores them. Drafts are never
// records: nothing but the restore reads them, and keeping or restoring one never changes a saved record.
#pragma once

#include <vector>

#include "core/repo/DraftRepository.h"

namespace wb::core {
class Workspace;
}

namespace wb::core::drafts {

/// Keeps these windows and their drafts in the workspace, replacing what was kept before (one transaction).
/// Windows of a case that is no longer there are left out. Throws Locked when the workspace is locked.
void keep(Workspace& workspace, const std::vector<WindowDraft>& windows);

/// What was kept, in the order it was kept; empty when nothing was.
std::vector<WindowDraft> kept(Workspace& workspace);

/// Removes what was kept, once it is restored (or the officer no longer wants it).
void discard(Workspace& workspace);

} // namespace wb::core::drafts
