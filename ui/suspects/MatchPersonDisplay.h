// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace wb::ui {

/// One side of a candidate pair as the explanation view shows it, already in words: the caller decides what the
/// name says (privacy mode) and turns the role into words (DisplayText::role). No repository behind it.
struct MatchPersonDisplay {
    QString name;          ///< "Jon Smyth"
    QString role;          ///< "Suspect"
    QString caseReference; ///< "2026/0001"
};

} // namespace wb::ui
