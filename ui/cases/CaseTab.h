// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>

namespace wb::core {
class Workspace;
struct Catalogues;
} // namespace wb::core

namespace wb::ui {

class PrivacyMode;
class SignalBridge;
using Catalogues = core::Catalogues;

/// What every tab of a case workspace gets: the open workspace, the signal bridge
/// for live updates, the case, and the privacy mode to show people through.
struct CaseContext {
    core::Workspace* workspace = nullptr;
    SignalBridge* bridge = nullptr;
    std::int64_t caseId = 0;
    PrivacyMode* privacy = nullptr;
    /// The reference data and NOM catalogues (questions, lines of enquiry); may be null in narrow tests.
    const Catalogues* catalogues = nullptr;
};

/// The interface the case workspace shell uses to drive a tab: Ctrl+N, Ctrl+S,
/// and the "unsaved changes" question when the window closes or locks.
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
    /// Drops unsaved edits without asking (used when locking).
    virtual void discardChanges() = 0;
};

} // namespace wb::ui
