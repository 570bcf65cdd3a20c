// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace wb::ui::reports {

/// What every page of a report carries around its content.
struct PageFurniture {
    QString marking;        ///< the protective marking, at the top and bottom of every page
    QString crimeReference; ///< the case's crime reference, top left; empty: "All open cases" (Today)
    QString title;          ///< the report's title, top right
    QString printedBy;      ///< the workspace owner ("DC Sam Example (1234)")
    QString printedAt;      ///< when, in UK time ("07/12/2026 14:05")
    bool training = false;  ///< a training workspace: TRAINING across every page and in its header
};

} // namespace wb::ui::reports
