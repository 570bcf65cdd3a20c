// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/BundleEnvelope.h"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/Error.h"
#include "core/io/CaseBundle.h"
#include "core/io/SizeText.h"
#include "core/store/FileAccess.h"

namespace wb::core::bundle {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view Magic = "RWBNDL01";
constexpr std::size_t SaltSize = 16;
constexpr std::size_t CheckSize = 8;
constexpr std::size_t FixedSize = 8 + 2 + SaltSize + CheckSize;
constexpr std::size_t StreamHeaderSize = crypto_secretstream_xchacha20poly1305_HEADERBYTES;
constexpr std::size_t ChunkSize = std::size_t{64} * 1024;
constexpr std::string_view CheckContext = "rasso-workbench bundle key check v1";

store::SecureBuffer
deriveBundleKey(std::string_view passphrase, const unsigned char* salt, const store::KdfParams& params)
{
    store::SecureBuffer key(crypto_secretstream_xchacha20poly1305_KEYBYTES);
    if (crypto_pwhash(key.data(), key.size(), passphrase.data(), passphrase.size(), salt, params.opsLimit,
                      params.memLimitBytes(), crypto_pwhash_ALG_ARGON2ID13) != 0) {
        throw Error(ErrorCode::Io, "not enough memory to derive the bundle key");
    }
    return key;
}

std::array<unsigned char, CheckSize> keyCheck(const store::SecureBuffer& key)
{
    std::array<unsigned char, 32> digest{};
    crypto_generichash(digest.data(), digest.size(), reinterpret_cast<const unsigned char*>(CheckContext.data()),
                       CheckContext.size(), key.data(), key.size());
    std::array<unsigned char, CheckSize> out{};
    std::copy_n(digest.begin(), CheckSize, out.begin());
    return out;
}

/// Flushes a file's data and then its folder's entry to disk.
void syncFd(int fd)
{
    if (::fsync(fd) != 0) {
        throw Error(ErrorCode::Io, "the bundle could not be flushed to disk");
    }
}

void syncFolder(const fs::path& file)
{
    const fs::path folder = file.has_parent_path() ? file.parent_path() : fs::path(".");
    const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        (void)::fsync(fd); // best effort: the file itself is already on disk
        ::close(fd);
    }
}

void writeAll(int fd, const unsigned char* data, std::size_t size)
{
    while (size > 0) {
        const ssize_t n = ::write(fd, data, size);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            throw Error(ErrorCode::Io, "the bundle file could not be written completely");
        }
        data += n;
        size -= static_cast<std::size_t>(n);
    }
}

std::uint32_t readLength(const unsigned char* p)
{
    return (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) | (std::uint32_t{p[2]} << 8) | p[3];
}

} // namespace

void writeBundleFile(const fs::path& target,
                     std::string_view document,
                     std::string_view passphrase,
                     const store::KdfParams& params)
{
    std::error_code ec;
    store::ensureSodium();
    std::array<unsigned char, FixedSize> fixed{};
    std::memcpy(fixed.data(), Magic.data(), Magic.size());
    fixed[8] = static_cast<unsigned char>(params.opsLimit);
    fixed[9] = static_cast<unsigned char>(params.memExponent);
    randombytes_buf(fixed.data() + 10, SaltSize);
    const auto key = deriveBundleKey(passphrase, fixed.data() + 10, params);
    const auto check = keyCheck(key);
    std::copy(check.begin(), check.end(), fixed.begin() + 10 + SaltSize);

    crypto_secretstream_xchacha20poly1305_state state;
    std::array<unsigned char, StreamHeaderSize> streamHeader{};
    crypto_secretstream_xchacha20poly1305_init_push(&state, streamHeader.data(), key.data());

    // Written beside the target, readable by its owner only whatever the umask, flushed,
    // then renamed into place: a crash leaves no partial bundle under the target's name.
    const fs::path partial = target.string() + ".partial";
    if (store::files::heldInThisProcess(partial)) {
        throw Error(ErrorCode::AlreadyExists, "the bundle's temporary name is an open workspace; choose another name");
    }
    const int fd = ::open(partial.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0) {
        throw Error(errno == EACCES || errno == EPERM ? ErrorCode::PermissionDenied : ErrorCode::Io,
                    "the bundle file cannot be written");
    }
    try {
        if (::fchmod(fd, 0600) != 0) { // an old partial file keeps its mode through O_TRUNC
            throw Error(ErrorCode::Io, "the bundle file's permissions cannot be set");
        }
        writeAll(fd, fixed.data(), fixed.size());
        writeAll(fd, streamHeader.data(), streamHeader.size());
        std::vector<unsigned char> cipher(ChunkSize + crypto_secretstream_xchacha20poly1305_ABYTES);
        std::size_t offset = 0;
        while (true) {
            const std::size_t n = std::min(ChunkSize, document.size() - offset);
            const bool last = offset + n == document.size();
            unsigned long long written = 0;
            crypto_secretstream_xchacha20poly1305_push(&state, cipher.data(), &written,
                                                       reinterpret_cast<const unsigned char*>(document.data()) + offset,
                                                       n, fixed.data(), fixed.size(),
                                                       last ? crypto_secretstream_xchacha20poly1305_TAG_FINAL
                                                            : crypto_secretstream_xchacha20poly1305_TAG_MESSAGE);
            const unsigned char length[4] = {
                static_cast<unsigned char>(written >> 24), static_cast<unsigned char>(written >> 16),
                static_cast<unsigned char>(written >> 8), static_cast<unsigned char>(written)};
            writeAll(fd, length, 4);
            writeAll(fd, cipher.data(), static_cast<std::size_t>(written));
            offset += n;
            if (last) {
                break;
            }
        }
        syncFd(fd);
    } catch (...) {
        sodium_memzero(&state, sizeof state);
        ::close(fd);
        fs::remove(partial, ec);
        throw;
    }
    sodium_memzero(&state, sizeof state);
    if (::close(fd) != 0) {
        fs::remove(partial, ec);
        throw Error(ErrorCode::Io, "the bundle file could not be written completely");
    }
    fs::rename(partial, target, ec);
    if (ec) {
        fs::remove(partial, ec);
        throw Error(ErrorCode::Io, "the bundle file could not be put in place");
    }
    syncFolder(target);
}

std::vector<unsigned char> readBundleFile(const fs::path& bundle)
{
    if (store::files::heldInThisProcess(bundle)) {
        // An open workspace (or its log) picked as the bundle: reading it by another descriptor
        // would drop SQLite's lock on it.
        throw Error(ErrorCode::LockedByOtherInstance, "the file is a workspace open in this program, not a bundle");
    }
    // O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused below.
    const int fd = ::open(bundle.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
    if (fd < 0) {
        const int error = errno;
        throw Error(error == ENOENT || error == ENOTDIR ? ErrorCode::FileNotFound
                    : error == EACCES || error == EPERM ? ErrorCode::PermissionDenied
                                                        : ErrorCode::Io,
                    "the bundle file cannot be read");
    }
    struct Closer {
        int fd;
        ~Closer() { ::close(fd); }
    } closer{fd};
    struct stat st = {};
    if (::fstat(fd, &st) != 0) {
        throw Error(ErrorCode::Io, "the bundle file cannot be read");
    }
    if (!S_ISREG(st.st_mode)) {
        throw Error(ErrorCode::Validation,
                    "the bundle path is not a regular file (a folder, device or pipe is never read as a bundle)",
                    "bundleFile");
    }
    const auto size = static_cast<std::uint64_t>(st.st_size);
    if (size > MaxFileBytes) {
        throw Error(ErrorCode::Validation,
                    "the bundle file is " + mib(size) + ", more than the " + mib(MaxFileBytes) + " a bundle may be",
                    "bundleSize");
    }
    std::vector<unsigned char> bytes(static_cast<std::size_t>(size) + 1);
    std::size_t got = 0;
    while (got < bytes.size()) {
        const ssize_t n = ::read(fd, bytes.data() + got, bytes.size() - got);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n < 0) {
            throw Error(ErrorCode::Io, "the bundle file cannot be read");
        }
        if (n == 0) {
            break;
        }
        got += static_cast<std::size_t>(n);
    }
    if (got > size) {
        throw Error(ErrorCode::Validation, "the bundle file grew while it was read; it is not a finished bundle",
                    "bundleFile");
    }
    bytes.resize(got);
    return bytes;
}

std::string decrypt(std::span<const unsigned char> bytes, std::string_view passphrase)
{
    store::ensureSodium();
    if (bytes.size() < Magic.size() || std::memcmp(bytes.data(), Magic.data(), Magic.size() - 2) != 0) {
        throw Error(ErrorCode::NotAWorkspace, "the file is not a case bundle");
    }
    if (std::memcmp(bytes.data(), Magic.data(), Magic.size()) != 0) {
        throw Error(ErrorCode::NewerVersion, "the bundle was written in a newer format than this version reads");
    }
    if (bytes.size() < FixedSize + StreamHeaderSize) {
        throw Error(ErrorCode::Truncated, "the bundle has been cut short");
    }
    store::KdfParams params{bytes[8], bytes[9]};
    try {
        params.validate();
    } catch (const Error&) {
        throw Error(ErrorCode::Corrupted, "the bundle header is damaged");
    }
    // A bundle comes from outside: it may not make this machine spend more than
    // 1 GiB or 10 passes on its key (this version writes at most the defaults).
    if (params.memExponent > 7 || params.opsLimit > 10) {
        throw Error(ErrorCode::Corrupted, "the bundle asks for more key-derivation work than any this version writes");
    }
    const unsigned char* fixed = bytes.data();
    const auto key = deriveBundleKey(passphrase, fixed + 10, params);
    const auto check = keyCheck(key);
    if (sodium_memcmp(check.data(), fixed + 10 + SaltSize, CheckSize) != 0) {
        throw Error(ErrorCode::WrongPassphrase, "the passphrase does not open this bundle");
    }
    return decryptWithKey(bytes, key);
}

std::string decryptWithKey(std::span<const unsigned char> bytes, const store::SecureBuffer& key)
{
    if (bytes.size() < FixedSize + StreamHeaderSize || key.size() != crypto_secretstream_xchacha20poly1305_KEYBYTES) {
        throw Error(ErrorCode::Truncated, "the bundle has been cut short");
    }
    const unsigned char* fixed = bytes.data();
    crypto_secretstream_xchacha20poly1305_state state;
    if (crypto_secretstream_xchacha20poly1305_init_pull(&state, fixed + FixedSize, key.data()) != 0) {
        throw Error(ErrorCode::Corrupted, "the bundle has been altered or damaged");
    }
    std::string plain;
    std::vector<unsigned char> chunk(ChunkSize);
    std::size_t at = FixedSize + StreamHeaderSize;
    bool final = false;
    while (!final) {
        if (at == bytes.size()) {
            sodium_memzero(plain.data(), plain.size());
            throw Error(ErrorCode::Truncated, "the bundle has been cut short");
        }
        if (bytes.size() - at < 4) {
            sodium_memzero(plain.data(), plain.size());
            throw Error(ErrorCode::Truncated, "the bundle has been cut short");
        }
        const std::uint32_t length = readLength(bytes.data() + at);
        at += 4;
        if (length < crypto_secretstream_xchacha20poly1305_ABYTES ||
            length > ChunkSize + crypto_secretstream_xchacha20poly1305_ABYTES) {
            sodium_memzero(plain.data(), plain.size());
            throw Error(ErrorCode::Corrupted, "the bundle has been altered or damaged");
        }
        if (bytes.size() - at < length) {
            sodium_memzero(plain.data(), plain.size());
            throw Error(ErrorCode::Truncated, "the bundle has been cut short");
        }
        unsigned long long got = 0;
        unsigned char tag = 0;
        if (crypto_secretstream_xchacha20poly1305_pull(&state, chunk.data(), &got, &tag, bytes.data() + at, length,
                                                       fixed, FixedSize) != 0) {
            sodium_memzero(plain.data(), plain.size());
            throw Error(ErrorCode::Corrupted, "the bundle has been altered or damaged");
        }
        at += length;
        if (plain.size() + got > MaxDocumentBytes) {
            sodium_memzero(plain.data(), plain.size());
            throw Error(ErrorCode::Validation,
                        "the bundle's content is larger than the " + mib(MaxDocumentBytes) + " a bundle may hold",
                        "bundleSize");
        }
        plain.append(reinterpret_cast<const char*>(chunk.data()), static_cast<std::size_t>(got));
        final = tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL;
    }
    sodium_memzero(chunk.data(), chunk.size());
    sodium_memzero(&state, sizeof state);
    if (at != bytes.size()) {
        sodium_memzero(plain.data(), plain.size());
        throw Error(ErrorCode::Corrupted, "the bundle has data after its end");
    }
    return plain;
}

} // namespace wb::core::bundle
