// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace wb::core {

/// The text without leading and trailing white space.
std::string trimmed(std::string_view text);

/// A comma-separated list as stored in one column ("a, b,c"): each item trimmed, empty items left out, in order.
std::vector<std::string> splitList(std::string_view text);

/// Checks one text field of a form: valid UTF-8, no control characters, at most
/// maxChars characters, and (when required) not blank. Throws Error(Validation)
/// with the field's name. Returns the trimmed text.
/// UTF-8 text cut to at most `maxBytes` bytes, never inside a character (so at most maxBytes characters too).
std::string clippedUtf8(std::string text, std::size_t maxBytes);

std::string checkedText(std::string_view text, const char* field, std::size_t maxChars, bool required);
std::optional<std::string>
checkedOptionalText(const std::optional<std::string>& text, const char* field, std::size_t maxChars);

} // namespace wb::core
