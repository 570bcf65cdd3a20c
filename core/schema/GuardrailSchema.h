// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string_view>

namespace wb::core::schema {

/// The SQL of the guardrails migration (issue 14): a supervisor's review on third-party material requests, and
/// whether evidence-led prosecution was considered on the victim's wishes. Once shipped, never edit it.
extern const std::string_view GuardrailSchema;

} // namespace wb::core::schema
