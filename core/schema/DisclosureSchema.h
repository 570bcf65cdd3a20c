// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string_view>

namespace wb::core::schema {

/// The SQL of the unused-material migration (issue 18, disclosure schedules): the items of unused material a case's
/// MG6C, MG6D and MG6E are drafted from, with their sensitivity and the disclosure test. Once shipped, never edit it.
extern const std::string_view DisclosureSchema;

} // namespace wb::core::schema
