// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string_view>

namespace wb::core::schema {

/// The SQL of the migration "Right 6 events per contact" (issue 14): which events a contact explained to the
/// victim, and a mark on the contacts recorded before a contact could say so. Shipped once released: never edit
/// it (core/schema/Migrations.cpp adds the next version instead).
extern const std::string_view ContactEventsSchema;

} // namespace wb::core::schema
