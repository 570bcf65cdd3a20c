// SPDX-License-Identifier: GPL-3.0-or-later
// export-pole and export-case-json: a case's entities and links for an analyst, one case for a force records system.
#pragma once

namespace wb::app::cli {

class CommandLine;

/// export-pole, export-case-json (issue 18, exports for analysts)
void addExportCommands(CommandLine& cli);

} // namespace wb::app::cli
