// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>

namespace wb::core {

class Workspace;

/// Fills a workspace with obviously fictional cases and people (Operation names
/// after plants, people named "Example", "Sample", "Test"), for demos and
/// training. Every name and date is invented; nothing resembles a real record.
/// Returns the number of cases added.
std::size_t addDemoCases(Workspace& workspace);

} // namespace wb::core
