// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/reports/ProtectiveMarking.h"

#include "core/Error.h"
#include "core/Workspace.h"
#include "core/domain/Text.h"
#include "core/store/Transaction.h"
#include "core/workspace/WorkspaceMeta.h"

namespace wb::core::reports {

std::string protectiveMarking(Workspace& workspace)
{
    const auto stored = workspace::metaValue(workspace.connectionForImport(), MarkingKey);
    if (!stored || stored->empty()) {
        return std::string(DefaultMarking);
    }
    return *stored;
}

void setProtectiveMarking(Workspace& workspace, std::string_view marking)
{
    // One line of valid text (no control characters: no line break, no tab), trimmed, at most MaxMarkingLength.
    const std::string value = checkedText(marking, "marking", MaxMarkingLength, false);
    if (workspace.isReadOnly()) {
        throw Error(ErrorCode::PermissionDenied, "the workspace is open only to be verified; nothing is written");
    }
    auto& db = workspace.connectionForImport();
    store::Transaction transaction(db);
    workspace::setMeta(db, workspace::actorOf(db), MarkingKey, value);
    transaction.commit();
}

} // namespace wb::core::reports
