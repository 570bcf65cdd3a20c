// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string_view>

namespace wb::core::schema {

/// The SQL of the match-decisions migration (issue 16, repeat suspects): an officer's decisions on pairs of
/// persons (same person, different people, undecided), one row per decision so the history is kept. Once
/// shipped, never edit it.
extern const std::string_view MatchSchema;

} // namespace wb::core::schema
