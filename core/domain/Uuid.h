// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <string_view>

namespace wb::core {

/// A random (version 4) UUID in lower-case canonical form. Every record has one,
/// so that bundles and a later sync can merge without id collisions.
std::string newUuid();
bool isUuid(std::string_view text);

} // namespace wb::core
