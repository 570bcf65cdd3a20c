// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/store/KeyDerivation.h"

#include <algorithm>
#include <cstring>

#include <sodium.h>

#include "core/Error.h"
#include "core/security/ProcessHardening.h"

namespace wb::core::store {

namespace {
constexpr unsigned char MagicNibble = 0xA0;
// What the header's bits can hold; KdfParams::MaxMemExponent and MaxOps are what this version accepts.
constexpr unsigned HeaderMaxMemExponent = 10;
constexpr unsigned HeaderMaxOps = 15;
constexpr std::array<unsigned char, 4> SaltTag{'R', 'W', 'B', '1'};
constexpr std::string_view KeyCheckContext = "rasso-workbench key check v1";
constexpr unsigned char SqliteMagic[] = "SQLite format 3";
} // namespace

std::size_t KdfParams::memLimitBytes() const noexcept
{
    return std::size_t{1024} << (13 + memExponent);
}

KdfParams KdfParams::defaults() noexcept
{
    // Measured on the 2-core reference machine: 3 passes over 512 MiB take about
    // 1.1 s (see README, "Security"). Raise here; old files keep theirs.
    return KdfParams{3, 6};
}

KdfParams KdfParams::minimum() noexcept
{
    return KdfParams{1, 0};
}

void KdfParams::validate() const
{
    if (opsLimit < 1 || opsLimit > MaxOps) {
        throw Error(ErrorCode::Validation, "Argon2id passes must be between 1 and 10", "kdfOps");
    }
    if (memExponent > MaxMemExponent) {
        throw Error(ErrorCode::Validation, "Argon2id memory must be between 8 MiB and 1 GiB", "kdfMemory");
    }
}

FileHeader FileHeader::fresh(const KdfParams& params)
{
    params.validate();
    ensureSodium();
    FileHeader header;
    header.kdf = params;
    randombytes_buf(header.random.data(), header.random.size());
    return header;
}

FileHeader FileHeader::parse(std::span<const unsigned char> bytes)
{
    if (bytes.size() < Size) {
        throw Error(ErrorCode::NotAWorkspace, "file is too short to be a workspace");
    }
    if (std::memcmp(bytes.data(), SqliteMagic, sizeof SqliteMagic) == 0) {
        throw Error(ErrorCode::NotAWorkspace, "file is an unencrypted SQLite database, not a workspace");
    }
    if ((bytes[0] & 0xF0) != MagicNibble || (bytes[0] & 0x0F) == 0) {
        throw Error(ErrorCode::NotAWorkspace, "file does not start with a workspace header");
    }
    FileHeader header;
    header.format = bytes[0] & 0x0F;
    if (header.format > CurrentFormat) {
        throw Error(ErrorCode::NewerVersion, "workspace file format " + std::to_string(header.format) +
                                                 " is newer than format " + std::to_string(CurrentFormat) +
                                                 " that this version reads");
    }
    header.kdf.opsLimit = bytes[1] >> 4;
    header.kdf.memExponent = bytes[1] & 0x0F;
    if (header.kdf.opsLimit < 1 || header.kdf.opsLimit > HeaderMaxOps ||
        header.kdf.memExponent > HeaderMaxMemExponent) {
        throw Error(ErrorCode::NotAWorkspace, "workspace header has impossible key-derivation parameters");
    }
    std::copy_n(bytes.begin() + 2, header.random.size(), header.random.begin());
    std::copy_n(bytes.begin() + 12, header.keyCheck.size(), header.keyCheck.begin());
    return header;
}

std::size_t FileHeader::pageSizeOf(unsigned format) noexcept
{
    return format >= 2 ? 4096 : 1024;
}

std::array<unsigned char, FileHeader::Size> FileHeader::bytes() const
{
    std::array<unsigned char, Size> out{};
    out[0] = static_cast<unsigned char>(MagicNibble | (format & 0x0F));
    out[1] = static_cast<unsigned char>((kdf.opsLimit << 4) | (kdf.memExponent & 0x0F));
    std::copy(random.begin(), random.end(), out.begin() + 2);
    std::copy(keyCheck.begin(), keyCheck.end(), out.begin() + 12);
    return out;
}

std::array<unsigned char, 16> FileHeader::argonSalt() const
{
    static_assert(crypto_pwhash_SALTBYTES == 16);
    const auto all = bytes();
    std::array<unsigned char, 16> salt{};
    std::copy_n(all.begin(), 12, salt.begin());
    salt[0] = static_cast<unsigned char>(MagicNibble | 1); // the key is made as in format 1, whatever the pages
    std::copy(SaltTag.begin(), SaltTag.end(), salt.begin() + 12);
    return salt;
}

SecureBuffer deriveKey(std::string_view passphrase, const FileHeader& header)
{
    header.kdf.validate();
    ensureSodium();
    SecureBuffer key(32);
    const auto salt = header.argonSalt();
    if (crypto_pwhash(key.data(), key.size(), passphrase.data(), passphrase.size(), salt.data(), header.kdf.opsLimit,
                      header.kdf.memLimitBytes(), crypto_pwhash_ALG_ARGON2ID13) != 0) {
        security::scrubStack();
        throw Error(ErrorCode::Io, "not enough memory for key derivation (" +
                                       std::to_string(header.kdf.memLimitBytes() >> 20) + " MiB)");
    }
    // Argon2's last BLAKE2b step leaves the key bytes in stack locals it does not wipe.
    security::scrubStack();
    return key;
}

SecureBuffer keyLiteral(const SecureBuffer& key, const FileHeader* withSalt)
{
    const auto salt = withSalt ? withSalt->bytes() : std::array<unsigned char, FileHeader::Size>{};
    const std::size_t keyHex = key.size() * 2;
    const std::size_t hexLen = keyHex + (withSalt ? salt.size() * 2 : 0);
    // sodium_bin2hex writes a terminating NUL; leave room for it, then trim.
    SecureBuffer scratch(hexLen + 4);
    auto* out = reinterpret_cast<char*>(scratch.data());
    out[0] = 'x';
    out[1] = '\'';
    sodium_bin2hex(out + 2, keyHex + 1, key.data(), key.size());
    if (withSalt) {
        sodium_bin2hex(out + 2 + keyHex, salt.size() * 2 + 1, salt.data(), salt.size());
    }
    out[2 + hexLen] = '\'';
    return SecureBuffer::fromBytes(std::string_view(out, hexLen + 3));
}

std::array<unsigned char, 4> keyCheckFor(const SecureBuffer& key)
{
    std::array<unsigned char, 16> digest{};
    crypto_generichash(digest.data(), digest.size(), reinterpret_cast<const unsigned char*>(KeyCheckContext.data()),
                       KeyCheckContext.size(), key.data(), key.size());
    std::array<unsigned char, 4> out{};
    std::copy_n(digest.begin(), out.size(), out.begin());
    sodium_memzero(digest.data(), digest.size());
    // BLAKE2b's compression function keeps the keyed block (the key bytes) in stack locals.
    security::scrubStack();
    return out;
}

} // namespace wb::core::store
