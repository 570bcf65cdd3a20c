// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/repo/Connection.h"

namespace wb::core {

/// One form's unsaved edits: which form (in which tab), which record it edits, and the field values as typed.
/// Never a record: restoring one only fills the form again, which the officer still has to save.
struct FormDraft {
    std::string tab;                           ///< the tab of the case window holding the form
    std::string form;                          ///< which form in that tab (a record type, "case", "person"…)
    std::int64_t recordId = 0;                 ///< the record being edited; 0 for a new one
    std::int64_t parentId = 0;                 ///< the record a new child record goes under (0: the case)
    std::map<std::string, std::string> fields; ///< field → value as typed

    bool operator==(const FormDraft&) const = default;
};

/// A case window open when the workspace locked: the tab on show and its forms' unsaved edits.
struct WindowDraft {
    std::int64_t caseId = 0;
    std::string currentTab;
    std::vector<FormDraft> forms;

    bool operator==(const WindowDraft&) const = default;
};

/// Where the drafts are kept between a lock and the next unlock: the `drafts` table of the encrypted
/// workspace (never memory or another file), one row per window. Not audited and never read by the
/// bundles, search, due list or reports; a draft goes with its case when the case is removed.
class DraftRepository
{
public:
    explicit DraftRepository(const Connection& connection);

    /// Replaces every kept draft with these windows, in one transaction.
    void replaceAll(const std::vector<WindowDraft>& windows);
    /// The kept windows, in the order they were kept.
    std::vector<WindowDraft> list() const;
    /// Removes every kept draft.
    void clear();

private:
    const Connection& m_connection;
};

} // namespace wb::core
