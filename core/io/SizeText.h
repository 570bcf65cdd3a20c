// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <string>

namespace wb::core::bundle {

/// A size for a message: whole MiB, or KiB below one MiB.
inline std::string mib(std::uint64_t bytes)
{
    return std::to_string(bytes >> 20) + " MiB";
}

inline std::string kib(std::uint64_t bytes)
{
    return std::to_string(bytes >> 10) + " KiB";
}

inline std::string sizeText(std::uint64_t bytes)
{
    return bytes >= (std::uint64_t{1} << 20) ? mib(bytes) : kib(bytes);
}

} // namespace wb::core::bundle
