// SPDX-License-Identifier: GPL-3.0-or-later
// Opening a workspace and reading passphrases the way every command does.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "core/Workspace.h"
#include "core/store/SecureBuffer.h"

namespace wb::core {
struct Catalogues;
}

namespace wb::app::cli {

/// Opens the workspace at `path` with the passphrase from `passphraseFd` (else the terminal),
/// noting on stderr when opening upgraded its format.
std::unique_ptr<core::Workspace> openWorkspace(const std::string& path, std::optional<int> passphraseFd);

/// The same with catalogues already loaded (core::Catalogues::loadFrom), for a command that also needs them.
std::unique_ptr<core::Workspace>
openWorkspace(const std::string& path, std::optional<int> passphraseFd, const core::Catalogues& catalogues);

/// Tells the officer, on stderr, when opening upgraded the file to the current format (or could not).
void noteUpgrade(const core::Workspace& ws);

/// A new passphrase from `fd`, or from the terminal asked twice (`prompt`, then `repeatPrompt`);
/// two different answers are a Validation error on `field` saying `differ`.
core::store::SecureBuffer readNewPassphrase(std::optional<int> fd,
                                            const std::string& prompt,
                                            const std::string& repeatPrompt,
                                            const std::string& differ,
                                            const std::string& field);

} // namespace wb::app::cli
