// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/reports/ProtectiveMarking.h"

#include "core/Error.h"
#include "core/Workspace.h"
#include "core/domain/Text.h"

namespace wb::core::reports {

std::string protectiveMarking(Workspace& workspace)
{
    const auto stored = workspace.setting(MarkingKey);
    if (!stored || stored->empty()) {
        return std::string(DefaultMarking);
    }
    return *stored;
}

std::string checkedMarking(std::string_view marking)
{
    // One line of valid text (no control characters: no line break, no tab), trimmed, at most MaxMarkingLength.
    return checkedText(marking, "marking", MaxMarkingLength, false);
}

void setProtectiveMarking(Workspace& workspace, std::string_view marking)
{
    workspace.setSetting(MarkingKey, checkedMarking(marking));
}

} // namespace wb::core::reports
