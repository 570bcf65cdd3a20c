// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string_view>

namespace wb::core::schema {

/// The SQL of schema 8: the stored due list and the triggers that mark cases for re-evaluation.
/// Shipped: never edit it (core/schema/Migrations.cpp adds the next version instead).
extern const std::string_view DueListSchema;

} // namespace wb::core::schema
