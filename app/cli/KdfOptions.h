// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <CLI/CLI.hpp>

#include "core/store/KeyDerivation.h"

namespace wb::app::cli {

/// --kdf-ops N and --kdf-mem-exp E: the Argon2id settings of a new key (create, generate,
/// change-passphrase, kdf-time). Their range is core's rule (KdfParams::validate), not checked here.
class KdfOptions
{
public:
    /// Adds both options to `command`.
    void addTo(CLI::App& command);

    /// Whether either option was given.
    bool given() const { return ops_.has_value() || memExponent_.has_value(); }

    /// The defaults with what was given; throws core::Error (Validation) when out of range.
    core::store::KdfParams params() const;

private:
    std::optional<int> ops_;
    std::optional<int> memExponent_;
};

} // namespace wb::app::cli
