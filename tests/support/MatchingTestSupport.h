// SPDX-License-Identifier: GPL-3.0-or-later
// The shipped repeat-suspect matching model, loaded once for the matching tests.
#pragma once

#include <filesystem>

#include "core/matching/MatchModel.h"

namespace wb::test {

inline const core::matching::MatchModel& shippedMatchModel()
{
    static const core::matching::MatchModel model =
        core::matching::MatchModel::load(std::filesystem::path(WB_RESOURCES_DIR) / "matching" / "match-model.json");
    return model;
}

} // namespace wb::test
