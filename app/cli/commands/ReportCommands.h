// SPDX-License-Identifier: GPL-3.0-or-later
// report: a case's printed report as a PDF (issue 18). Built only with the user interface (WB_BUILD_UI): it renders
// with Qt (ui/reports), so a core-only build has no report command.
#pragma once

namespace wb::app::cli {

class CommandLine;

/// report KIND PATH --case REF --out FILE.pdf; marking PATH [--set TEXT]
void addReportCommands(CommandLine& cli);

} // namespace wb::app::cli
