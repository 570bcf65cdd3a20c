// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/audit/AuditLog.h"
#include "core/store/KeyDerivation.h"

namespace wb::core {
class Workspace;
}

/// Case handover bundles: one or more cases, with every record and its UUID, in one
/// file encrypted under a separate bundle passphrase, for handing a case to another
/// officer or a supervisor.
///
/// File: "RWBNDL01" | Argon2id passes (1 byte) | memory exponent (1) | salt (16) |
/// key check (8) | XChaCha20-Poly1305 secretstream header (24) | chunks, each a
/// 4-byte big-endian length and a secretstream message of at most 64 KiB of the
/// JSON document, the last tagged FINAL. Every chunk is authenticated together
/// with the fixed header, so any change, reordering or truncation is detected.
namespace wb::core::bundle {

struct ImportReport {
    std::size_t casesAdded = 0;
    std::size_t peopleAdded = 0;
    std::size_t recordsAdded = 0;
    std::size_t unchanged = 0;           ///< already here, identical
    std::vector<std::string> conflicts;  ///< already here but different: this workspace's copy was kept
};

/// Writes the cases (all their people and records) to `target`, which must not exist.
void exportCases(Workspace& workspace, const std::vector<std::int64_t>& caseIds, const std::filesystem::path& target,
                 std::string_view passphrase, const store::KdfParams& params = store::KdfParams::defaults());

/// Decrypts and merges a bundle by UUID, in one transaction: new records are added,
/// identical ones skipped, different ones reported as conflicts and left as they are.
/// Throws WrongPassphrase, Corrupted (altered), Truncated, NotAWorkspace (not a
/// bundle), NewerVersion, or Validation (naming record and field) — and then imports
/// nothing at all.
ImportReport importCases(Workspace& workspace, const std::filesystem::path& bundle, std::string_view passphrase);

/// The two halves of import, for tests and fuzzing: decrypt a bundle's bytes to its
/// JSON document, and merge a JSON document into a workspace.
std::string decrypt(std::span<const unsigned char> fileBytes, std::string_view passphrase);
/// decrypt() after the key is known: checks the stream only (for fuzzing the parser
/// without paying for Argon2id on every input).
std::string decryptWithKey(std::span<const unsigned char> fileBytes, const store::SecureBuffer& key);
ImportReport importDocument(Workspace& workspace, std::string_view json);

/// The audit anchor a bundle carries: the exporting workspace's chain head when it was
/// written (`verify --against`). std::nullopt for a bundle from before anchors. Throws as
/// importCases() does for a wrong passphrase or a damaged bundle; imports nothing.
std::optional<audit::Anchor> anchorOf(const std::filesystem::path& bundle, std::string_view passphrase);

} // namespace wb::core::bundle
