// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

#include <sodium.h>

namespace wb::core::bundle {

/// Overwrites a string's bytes before it is freed (it held personal data).
struct WipedString {
    std::string text;
    ~WipedString() { sodium_memzero(text.data(), text.size()); }
};

} // namespace wb::core::bundle
