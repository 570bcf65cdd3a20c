// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <vector>

#include "core/repo/DraftRepository.h"
#include "ui/cases/CaseContext.h"

namespace wb::ui {

/// The interface the case workspace shell uses to drive a tab: Ctrl+N, Ctrl+S,
/// the "unsaved changes" question when the window closes, and the drafts kept
/// in the workspace when it locks.
class CaseTab
{
public:
    virtual ~CaseTab() = default;

    /// Starts a new record of the tab's main kind (Ctrl+N).
    virtual void newRecord() = 0;
    /// Saves the form being edited, if any (Ctrl+S). False when validation failed
    /// (the form then shows which field and why) or nothing was saved.
    virtual bool save() = 0;
    /// True while a form holds edits not yet saved.
    virtual bool hasUnsavedChanges() const = 0;
    /// Drops unsaved edits without asking.
    virtual void discardChanges() = 0;

    /// The unsaved edits of the tab's forms, one draft per form (empty when there are none): kept in the
    /// workspace when it locks. The caller sets each draft's tab.
    virtual std::vector<core::FormDraft> captureDrafts() const = 0;
    /// Puts a draft captured by this tab back into its form, which then shows it as unsaved. Never saves.
    /// False when it no longer fits (the record it edited is gone, or the form is not this tab's).
    virtual bool restoreDraft(const core::FormDraft& draft) = 0;
};

} // namespace wb::ui
