// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string_view>
#include <utility>
#include <vector>

#include "core/nom/Facts.h"

namespace wb::core {

/// The answers an officer would have recorded in Context for a demo case (by its reference, "DEMO/0001/yy", whatever
/// its year; none for another), so
/// the plan shows suspect-focused lines from the first click (issue 14). Existing question ids only; facts that
/// records also hold (the relationship, a named suspect, the ISVA referral) agree with the demo's records.
std::vector<std::pair<const char*, nom::FactValue>> demoContext(std::string_view reference);

} // namespace wb::core
