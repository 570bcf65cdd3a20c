// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/Options.h"

#include <algorithm>
#include <cctype>

namespace wb::app::cli {

CLI::Validator wholeNumber()
{
    return CLI::Validator(
        [](std::string& text) -> std::string {
            const std::size_t sign = !text.empty() && text.front() == '-' ? 1 : 0;
            const bool digits = text.size() > sign && std::all_of(text.begin() + static_cast<long>(sign), text.end(),
                                                                  [](unsigned char c) { return std::isdigit(c); });
            if (!digits) {
                return "needs a whole number";
            }
            // Leading zeros would make CLI11 read the number as octal.
            const auto first = text.find_first_not_of('0', sign);
            text.erase(sign, (first == std::string::npos ? text.size() - 1 : first) - sign);
            return {};
        },
        "", "whole number");
}

CLI::Option* addFile(CLI::App& command, const std::string& name, std::string& into, const std::string& help)
{
    return command.add_option(name, into, help)->required()->type_name("");
}

CLI::Option* addFd(CLI::App& command, const std::string& name, std::optional<int>& into, const std::string& help)
{
    return command.add_option(name, into, help)->type_name("FD")->transform(wholeNumber());
}

CLI::Option* addPassphraseFd(CLI::App& command, std::optional<int>& into)
{
    return addFd(command, "--passphrase-fd", into,
                 "read the passphrase (first line) from descriptor FD; without it the terminal is asked");
}

} // namespace wb::app::cli
