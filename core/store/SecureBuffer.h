// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <string_view>

namespace wb::core::store {

/// A fixed-size buffer for key material and passphrases, in libsodium's
/// guarded memory (sodium_malloc: guard pages, mlock'ed, never swapped where
/// the OS allows). wipe() zeroes it; the destructor wipes and frees.
/// Move-only: key bytes are never copied into ordinary heap memory.
class SecureBuffer
{
public:
    SecureBuffer() = default;
    explicit SecureBuffer(std::size_t size);
    /// Copies the bytes of a passphrase or key into guarded memory.
    static SecureBuffer fromBytes(std::string_view bytes);
    ~SecureBuffer();

    SecureBuffer(SecureBuffer&& other) noexcept;
    SecureBuffer& operator=(SecureBuffer&& other) noexcept;
    SecureBuffer(const SecureBuffer&) = delete;
    SecureBuffer& operator=(const SecureBuffer&) = delete;

    unsigned char* data() noexcept { return m_data; }
    const unsigned char* data() const noexcept { return m_data; }
    std::size_t size() const noexcept { return m_size; }
    bool empty() const noexcept { return m_size == 0; }
    std::string_view view() const noexcept;

    /// Zeroes the bytes and releases the memory; size() becomes 0.
    void wipe() noexcept;

private:
    unsigned char* m_data = nullptr;
    std::size_t m_size = 0;
};

/// Makes sure libsodium is initialised; throws Error(Io) if it cannot be.
void ensureSodium();

} // namespace wb::core::store
