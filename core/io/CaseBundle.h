// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/audit/AuditLog.h"
#include "core/domain/Time.h"
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

/// What a bundle may make this machine do. A bundle comes from outside: each limit
/// is checked while reading and parsing (before any tree is built from the
/// document), and a refusal is a Validation error whose field() names the limit
/// ("bundleFile", "bundleSize", "bundleDepth", "bundleText", "bundleList") and
/// whose message gives its value.
inline constexpr std::uint64_t MaxFileBytes = std::uint64_t{130} << 20; ///< the encrypted file
inline constexpr std::size_t MaxDocumentBytes = std::size_t{128} << 20; ///< the decrypted document
inline constexpr int MaxDepth = 16;                                     ///< nesting of lists and objects
inline constexpr std::size_t MaxTextBytes = std::size_t{256} << 10;     ///< one text value or key
inline constexpr std::size_t MaxListEntries = 1'000'000;                ///< one list or object
inline constexpr std::size_t MaxValues = 10'000'000;                    ///< the whole document

struct ImportReport {
    std::size_t casesAdded = 0;
    std::size_t peopleAdded = 0;
    std::size_t recordsAdded = 0;       ///< includes the proposed records the officer accepted
    std::size_t decisionsAdded = 0;     ///< match decisions, also counted in recordsAdded
    std::size_t unchanged = 0;          ///< already here, identical
    std::vector<std::string> conflicts; ///< already here but different: this workspace's copy was kept
    std::size_t accepted = 0;           ///< proposed records (see ImportPlan) the officer accepted
    std::size_t rejected = 0;           ///< proposed records left out
};

/// A person, record, context answer or match decision that a bundle brings into a case
/// that is already in this workspace. Such records are never merged silently: each is
/// added only when the officer accepts it. A match decision is proposed when either of
/// its persons is in a case already here (it would link that case's person); one between
/// people of new cases only comes in with them.
struct ProposedRecord {
    std::string uuid;
    std::string table;         ///< "people", "decisions", "context_answers", "match_decisions", …
    std::string type;          ///< "person", "decision", "context answer", "match decision", …
    std::string caseReference; ///< this workspace's reference for the case
    Instant createdAt{};
    /// The record's coded, non-identifying values ("role: victim", "kind: nfa"):
    /// never a name or narrative text, so it may be shown or printed.
    std::string summary;
    /// Other proposed records this one links to or sits under: accepting it needs them too.
    std::vector<std::string> needs;
};

/// What importing a bundle would do, worked out without changing anything.
struct ImportPlan {
    std::vector<std::string> newCases; ///< references of the cases added whole
    std::size_t newPeople = 0;         ///< people and records inside the new cases
    std::size_t newRecords = 0;
    std::size_t newDecisions = 0; ///< match decisions between people of new cases, also counted in newRecords
    std::size_t unchanged = 0;
    std::vector<std::string> conflicts;   ///< this workspace's copy will be kept
    std::vector<ProposedRecord> proposed; ///< into cases already here: each needs the officer's acceptance
    /// The bundle's "exported by" text: what the bundle says about itself, not checked
    /// (a bundle's passphrase proves nothing about who wrote it). The audit log names
    /// the importing officer and keeps this only as a claim.
    std::string claimedExportedBy;
    /// Binds the plan to the document and to what this workspace held: applyImport()
    /// refuses when either has changed since.
    std::array<unsigned char, 32> digest{};
};

/// Writes the cases (all their people and records) to `target`, which must not exist.
/// The file is created 0600 whatever the umask, written beside the target, flushed,
/// then renamed into place. Refuses (Validation, "bundleSize") a document larger than
/// MaxDocumentBytes.
void exportCases(Workspace& workspace,
                 const std::vector<std::int64_t>& caseIds,
                 const std::filesystem::path& target,
                 std::string_view passphrase,
                 const store::KdfParams& params = store::KdfParams::defaults());

/// Reads a bundle file: a regular file only (not a folder, device or FIFO, which is
/// never opened for blocking reads) of at most MaxFileBytes. Throws FileNotFound,
/// PermissionDenied, Io, or Validation ("bundleFile", "bundleSize").
std::vector<unsigned char> readBundleFile(const std::filesystem::path& bundle);

/// Checks a decrypted document and works out what importing it would do: new cases,
/// identical and conflicting records, and the records proposed for cases already
/// here. Changes nothing (the trial merge runs in a transaction that is rolled back).
/// Every UUID in the bundle must be unique across every table, in the bundle and
/// against this workspace (Validation, field "bundleUuid", naming the UUID and its
/// tables). Throws as importCases() does.
ImportPlan planImport(Workspace& workspace, std::string_view document);

/// Imports a document in one transaction: the new cases whole, and of the proposed
/// records only those in `accepted` (by UUID). Match decisions (document version 3):
/// a pair with no decision here takes the bundle's whole history for it (uuids, who
/// decided, when and why kept; audited as imported, with the decider as the bundle's);
/// a pair decided here keeps its own: a bundle decision identical to one here, or
/// whose pair's latest verdict agrees with this workspace's current one, is counted
/// unchanged; a different verdict (or a decision here of the same uuid that differs) is
/// a conflict, never an overwrite. A decision about a victim and a victim, or with no
/// suspect, is refused (Validation, "role"); one naming a person the bundle does not
/// carry too (Validation, "matchDecisions"). Audit entries name this workspace's
/// officer and record the bundle's "exported by" only as a claim
/// ("bundle_claimed_exported_by"). Refuses, importing nothing: an accepted UUID that
/// is not proposed or that needs a proposed record not accepted (Validation,
/// "acceptedRecords"); a document or workspace that changed since `plan` was made
/// (Conflict, "bundlePlan").
ImportReport applyImport(Workspace& workspace,
                         std::string_view document,
                         const ImportPlan& plan,
                         const std::set<std::string>& accepted);

/// Reads, decrypts, plans and applies a bundle, accepting none of the proposed
/// records (they are counted in ImportReport::rejected). Throws WrongPassphrase,
/// Corrupted (altered), Truncated, NotAWorkspace (not a bundle), NewerVersion, or
/// Validation (naming record and field, or the limit) — and then imports nothing at all.
ImportReport importCases(Workspace& workspace, const std::filesystem::path& bundle, std::string_view passphrase);

/// The two halves of import, for tests and fuzzing: decrypt a bundle's bytes to its
/// JSON document, and merge a JSON document into a workspace.
std::string decrypt(std::span<const unsigned char> fileBytes, std::string_view passphrase);
/// decrypt() after the key is known: checks the stream only (for fuzzing the parser
/// without paying for Argon2id on every input).
std::string decryptWithKey(std::span<const unsigned char> fileBytes, const store::SecureBuffer& key);
/// planImport() then applyImport() accepting no proposed record.
ImportReport importDocument(Workspace& workspace, std::string_view json);

/// The audit anchor a bundle carries: the exporting workspace's chain head when it was
/// written (`verify --against`). std::nullopt for a bundle from before anchors. Throws as
/// importCases() does for a wrong passphrase or a damaged bundle; imports nothing.
std::optional<audit::Anchor> anchorOf(const std::filesystem::path& bundle, std::string_view passphrase);

} // namespace wb::core::bundle
