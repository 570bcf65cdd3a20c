// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string_view>

namespace wb::core::schema {

/// The SQL of schema 4: the whole case record (case details, people, identifiers, relationships, decisions, timeline,
/// exhibits, devices, third-party material, bail and RUI, reviews, search).
/// Shipped: never edit it (core/schema/Migrations.cpp adds the next version instead).
extern const std::string_view CaseRecordSchema;

} // namespace wb::core::schema
