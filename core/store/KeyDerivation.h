// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "core/store/SecureBuffer.h"

namespace wb::core::store {

/// Argon2id cost parameters. Memory is a power of two so that the parameters
/// fit the workspace file header (see FileHeader): 2^(13 + memExponent) KiB,
/// i.e. exponent 0 = 8 MiB, 5 = 256 MiB, 7 = 1 GiB. The header has room for up to
/// exponent 10 (8 GiB) and 15 passes, but this version accepts at most 1 GiB and
/// 10 passes (MaxMemExponent, MaxOps): a header asking for more is refused before
/// any memory is reserved, so a damaged or crafted file cannot exhaust the machine.
struct KdfParams {
    unsigned opsLimit = 3;    ///< Argon2 passes, 1..15
    unsigned memExponent = 6; ///< see above (6 = 512 MiB)

    static constexpr unsigned MaxOps = 10;        ///< the most passes accepted
    static constexpr unsigned MaxMemExponent = 7; ///< the most memory accepted: 1 GiB

    std::size_t memLimitBytes() const noexcept;
    bool operator==(const KdfParams&) const = default;

    /// The default for new workspaces: about one second on a 2-core laptop.
    static KdfParams defaults() noexcept;
    /// The cheapest accepted parameters; for tests and throw-away training files only.
    static KdfParams minimum() noexcept;
    /// Throws Error(Validation) naming the field when out of range (above the caps included).
    void validate() const;
};

/// The first 16 bytes of a workspace file. SQLCipher 3 keeps these bytes in
/// plain text as the file's salt; we choose them so that they also say how the
/// key was derived, and let a wrong passphrase be told apart from a damaged file
/// without touching the database:
///
///   byte 0      0xA0 | format version. Both formats: Argon2id v1.3 key, SQLCipher 3
///               cipher (AES-256-CBC, HMAC-SHA1). Format 1: 1024-byte pages (SQLCipher
///               3's default); format 2: 4096-byte pages (fewer pages per save).
///   byte 1      opsLimit << 4 | memExponent
///   bytes 2-11  random (80 bits; with bytes 0-1 and a fixed tag, the Argon2id salt)
///   bytes 12-15 key check: the first 4 bytes of BLAKE2b(key, "key check") —
///               it tells nothing an attacker could not learn by trying page 1.
///
/// The recorded parameters travel with the file, so a later version can raise
/// the defaults without stranding older files. The format number says how the
/// pages are laid out, not how the key is made: the Argon2id salt reads byte 0 as
/// format 1 in every format, so a file can move to a new page layout under the
/// same key, without asking for the passphrase again.
struct FileHeader {
    static constexpr std::size_t Size = 16;
    static constexpr unsigned CurrentFormat = 2;

    /// Bytes per page for a header format: 1024 for format 1, 4096 for format 2.
    static std::size_t pageSizeOf(unsigned format) noexcept;
    std::size_t pageSize() const noexcept { return pageSizeOf(format); }

    unsigned format = CurrentFormat;
    KdfParams kdf;
    std::array<unsigned char, 10> random{};
    std::array<unsigned char, 4> keyCheck{};

    /// A header with fresh random bytes and an empty key check.
    static FileHeader fresh(const KdfParams& params);
    /// Parses a file's first 16 bytes. Throws Error(NotAWorkspace) for bytes
    /// that are not a workspace header (with a specific message for a plain
    /// SQLite file) and Error(NewerVersion) for a format this build does not know.
    static FileHeader parse(std::span<const unsigned char> bytes);

    std::array<unsigned char, Size> bytes() const;
    /// The 16-byte Argon2id salt: bytes 0-11 (byte 0 as in format 1) followed by a fixed tag.
    std::array<unsigned char, 16> argonSalt() const;
};

/// Argon2id (libsodium crypto_pwhash) of the passphrase with the header's salt
/// and parameters: 32 key bytes in guarded memory. Slow on purpose; safe to call
/// from any thread. Throws Error(Io) when the memory cannot be had.
SecureBuffer deriveKey(std::string_view passphrase, const FileHeader& header);

/// The 4-byte key check value of a derived key.
std::array<unsigned char, 4> keyCheckFor(const SecureBuffer& key);

/// The text SQLCipher takes as a raw key, "x'<64 hex digits of key>'", or with
/// the file salt appended ("x'<64 hex><32 hex>'") when creating a file, so that
/// SQLCipher writes our header as the file's first 16 bytes. In guarded memory.
SecureBuffer keyLiteral(const SecureBuffer& key, const FileHeader* withSalt);

/// A derived key with the header it belongs to: what open needs after the slow step.
struct KeyMaterial {
    FileHeader header;
    SecureBuffer key;
};

} // namespace wb::core::store
