// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <filesystem>

namespace wb::app {

/// Where the runtime data (reference lists) lives: $RASSO_WORKBENCH_DATA_DIR if set,
/// else <folder of the executable>/../share/rasso-workbench, which is both the
/// installed layout and the build tree's. Returns that path whether or not it exists.
std::filesystem::path dataDir();

/// The reference lists folder (resources/reference in the source tree), under dataDir().
std::filesystem::path referenceDir();

/// The NOM data folder (resources/nom: context questions, lines of enquiry, deadline rules), under dataDir().
std::filesystem::path nomDir();

/// offences.json in referenceDir().
std::filesystem::path offencesFile();

} // namespace wb::app
