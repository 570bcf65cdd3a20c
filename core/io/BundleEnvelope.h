// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <filesystem>
#include <string_view>

#include "core/store/KeyDerivation.h"

/// The bundle's encryption envelope (see CaseBundle.h for the file layout). Reading
/// and decrypting are declared in CaseBundle.h: readBundleFile, decrypt, decryptWithKey.
namespace wb::core::bundle {

/// Encrypts `document` under `passphrase` and writes it to `target`: created 0600
/// whatever the umask, written beside the target, flushed, then renamed into place.
void writeBundleFile(const std::filesystem::path& target,
                     std::string_view document,
                     std::string_view passphrase,
                     const store::KdfParams& params);

} // namespace wb::core::bundle
