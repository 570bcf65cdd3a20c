// SPDX-License-Identifier: GPL-3.0-or-later
// Repeat-suspect matching: how alike two normalised strings are (issue 16). Pure functions.
#pragma once

#include <string>
#include <string_view>

namespace wb::core::matching {

/// Jaro–Winkler similarity from 0 (nothing in common) to 1 (equal), with Winkler's prefix scale 0.1 over at most
/// four leading characters. Two empty strings are 1, one empty string 0. Compares bytes (normalised names are ASCII).
double jaroWinkler(std::string_view a, std::string_view b);

/// A phonetic code for a normalised name, Lawrence Philips' Metaphone (1990): names that sound alike in English
/// share a code ("smith" and "smyth" → "SM0"; "catherine" and "kathryn" → "K0RN"). Letters other than a–z are
/// ignored; a multi-word name is coded as one word. Empty for a name without letters. No Debian 12 library offers a
/// C or C++ phonetic coder, hence this implementation.
std::string metaphone(std::string_view name);

} // namespace wb::core::matching
