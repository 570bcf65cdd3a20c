// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <string_view>

namespace wb::app {

/// Text that came from outside the program (a bundle, a workspace's owner name, an
/// argument, an error message quoting either) made safe to print on a terminal:
/// control characters (C0 including newline and tab, DEL, C1), bytes that are not
/// valid UTF-8, and the Unicode characters that reorder or break lines (bidi
/// controls, line and paragraph separators) are written as visible escapes
/// (\x1b, \u{202e}); a backslash is doubled so an escape cannot be faked. Other
/// text, accents and all, is unchanged. Every CLI output of such text goes through it.
std::string terminalSafe(std::string_view text);

} // namespace wb::app
