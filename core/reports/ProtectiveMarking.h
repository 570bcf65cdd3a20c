// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace wb::core {
class Workspace;
}

namespace wb::core::reports {

/// The workspace metadata key holding the force's protective marking for printouts (encrypted with the workspace,
/// every change audited).
inline constexpr std::string_view MarkingKey = "protective_marking";
/// The marking printed when the workspace sets none: the Government Security Classifications marking for police
/// case material.
inline constexpr std::string_view DefaultMarking = "OFFICIAL-SENSITIVE";
/// The longest marking accepted: it is printed on one line at the top and bottom of every page.
inline constexpr std::size_t MaxMarkingLength = 80;

/// The marking this workspace prints on every page: the one set with setProtectiveMarking, else DefaultMarking.
/// Throws Locked.
std::string protectiveMarking(Workspace& workspace);

/// The marking as it would be printed: one line of valid UTF-8 text, surrounding spaces dropped, at most
/// MaxMarkingLength characters; blank gives blank (the caller's default applies). Throws Error(Validation, field
/// "marking") for a longer one or one holding a control character (a line break, a tab) or invalid UTF-8. The one
/// check of a marking, whether the workspace keeps it (setProtectiveMarking) or one printout uses it.
std::string checkedMarking(std::string_view marking);

/// Sets the marking every report of this workspace prints (a force's own wording, e.g. "OFFICIAL-SENSITIVE
/// PERSONAL"); blank returns to DefaultMarking. Surrounding spaces are dropped. Audited as every metadata change.
/// Throws Error(Validation, field "marking") for a marking longer than MaxMarkingLength characters or holding a
/// control character (a line break, a tab) or invalid UTF-8, then nothing changes; PermissionDenied for a workspace
/// opened only to verify; Locked.
void setProtectiveMarking(Workspace& workspace, std::string_view marking);

} // namespace wb::core::reports
