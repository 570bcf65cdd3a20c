// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace wb::core {

/// An instant, stored and exchanged as UTC. The UI shows it in Europe/London.
using Instant = std::chrono::sys_seconds;

/// The system's time, whole seconds. Only Clock::system() reads it in core/ and ui/: they read
/// the workspace's clock (Workspace::clock()), so that a test can set the date. Tests and tools
/// that need the real date may call it.
Instant nowUtc();

/// "2026-11-29T19:21:43Z"
std::string toIsoUtc(Instant instant);
/// Parses exactly the form toIsoUtc writes; std::nullopt for anything else.
std::optional<Instant> parseIsoUtc(std::string_view text);

/// A calendar date "YYYY-MM-DD" (dates of birth: no time, no zone).
bool isValidIsoDate(std::string_view text);

} // namespace wb::core
