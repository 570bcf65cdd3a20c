// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <stdexcept>
#include <string>

namespace wb::app::cli {

/// The command line asked for something the command cannot do as written (a malformed --anchor,
/// a count below 1): reported with the command's help and exit status 2, like a parse error.
class UsageError : public std::invalid_argument
{
public:
    explicit UsageError(const std::string& message)
        : std::invalid_argument(message)
    {
    }
};

} // namespace wb::app::cli
