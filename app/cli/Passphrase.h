// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <string>

#include "core/store/SecureBuffer.h"

namespace wb::app {

/// Reads one passphrase: the first line from file descriptor `fd` when given,
/// else from the terminal with echo off, after printing `prompt` to stderr.
/// Passphrases never come from the command line (it is visible in ps and history).
/// Throws std::runtime_error when neither is available, when nothing could be read (a
/// closed descriptor, empty input, an empty line: never mistaken for a wrong passphrase),
/// and when the line is longer than core::security::PassphrasePolicy::MaxBytes (refused,
/// never cut short).
core::store::SecureBuffer readPassphrase(std::optional<int> fd, const std::string& prompt);

} // namespace wb::app
