// SPDX-License-Identifier: GPL-3.0-or-later
// The arguments several commands share, added to one command at a time.
#pragma once

#include <optional>
#include <string>

#include <CLI/CLI.hpp>

namespace wb::app::cli {

/// A whole number written in decimal, as the CLI always read them: "010" is ten (not octal
/// eight), "0x10" and "3a" are refused.
CLI::Validator wholeNumber();

/// A required positional argument NAME: a file path.
CLI::Option* addFile(CLI::App& command, const std::string& name, std::string& into, const std::string& help);

/// A file descriptor option such as --passphrase-fd FD: the passphrase is its first line.
CLI::Option* addFd(CLI::App& command, const std::string& name, std::optional<int>& into, const std::string& help);

/// --passphrase-fd FD for the workspace's passphrase (without it, the terminal is asked).
CLI::Option* addPassphraseFd(CLI::App& command, std::optional<int>& into);

} // namespace wb::app::cli
