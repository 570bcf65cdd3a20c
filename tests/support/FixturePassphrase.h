// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace wb::test {

/// The passphrase of every committed fixture under tests/data (fictional content only).
inline constexpr const char* FixturePassphrase = "fixture passphrase (fictional)";

} // namespace wb::test
