// SPDX-License-Identifier: GPL-3.0-or-later
// Authoring (issue 17): a trainer saves a case of a TRAINING workspace as a new scenario pack to edit. The case as it
// stands becomes the pack's first report: its people (phones only from Ofcom's drama range), context answers and
// records of the kinds a pack carries; scenario time now becomes the pack's start. When the case is the one an
// exercise runs, the injects not yet released (time-released ones moved to count from the new start) and the model
// answers come with it; otherwise the pack has none yet, and `pack validate` lists what is still to write.
#pragma once

#include <cstdint>
#include <string>

#include "core/training/ScenarioPack.h"

namespace wb::core {
class Workspace;
struct Catalogues;
} // namespace wb::core

namespace wb::core::training {

/// A pack saved from a case: its JSON text (pretty-printed) and the attachments its injects still name (to be written
/// beside it).
struct SavedPack {
    std::string json;
    PackAttachments attachments;
};

/// The pack saved from the case. Error(Validation, "training") for a live workspace: a live case never
/// becomes a pack. Error(NotFound, "case") for an unknown case. `packId` names the new pack ([a-z0-9-]{1,60};
/// Error(Validation, "packId") otherwise). Reads only.
SavedPack
packFromCase(Workspace& workspace, std::int64_t caseId, const std::string& packId, const Catalogues& catalogues);

} // namespace wb::core::training
