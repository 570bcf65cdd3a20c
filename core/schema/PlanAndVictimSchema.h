// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string_view>

namespace wb::core::schema {

/// The SQL of schema 6: the investigation plan, case events and victim engagement.
/// Shipped: never edit it (core/schema/Migrations.cpp adds the next version instead).
extern const std::string_view PlanAndVictimSchema;

} // namespace wb::core::schema
