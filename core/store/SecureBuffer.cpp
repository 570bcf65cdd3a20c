// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/store/SecureBuffer.h"

#include <cstring>
#include <new>
#include <utility>

#include <sodium.h>

#include "core/Error.h"

namespace wb::core::store {

void ensureSodium()
{
    static const int result = sodium_init();
    if (result < 0) {
        throw Error(ErrorCode::Io, "libsodium could not be initialised");
    }
}

SecureBuffer::SecureBuffer(std::size_t size)
{
    ensureSodium();
    if (size == 0) {
        return;
    }
    m_data = static_cast<unsigned char*>(sodium_malloc(size));
    if (m_data == nullptr) {
        throw std::bad_alloc();
    }
    m_size = size;
    sodium_memzero(m_data, m_size);
}

SecureBuffer SecureBuffer::fromBytes(std::string_view bytes)
{
    SecureBuffer buffer(bytes.size());
    if (!bytes.empty()) {
        std::memcpy(buffer.data(), bytes.data(), bytes.size());
    }
    return buffer;
}

SecureBuffer::~SecureBuffer()
{
    wipe();
}

SecureBuffer::SecureBuffer(SecureBuffer&& other) noexcept
    : m_data(std::exchange(other.m_data, nullptr))
    , m_size(std::exchange(other.m_size, 0))
{
}

SecureBuffer& SecureBuffer::operator=(SecureBuffer&& other) noexcept
{
    if (this != &other) {
        wipe();
        m_data = std::exchange(other.m_data, nullptr);
        m_size = std::exchange(other.m_size, 0);
    }
    return *this;
}

std::string_view SecureBuffer::view() const noexcept
{
    return m_data ? std::string_view(reinterpret_cast<const char*>(m_data), m_size) : std::string_view();
}

void SecureBuffer::wipe() noexcept
{
    if (m_data != nullptr) {
        // sodium_free zeroes the region before unmapping it.
        sodium_memzero(m_data, m_size);
        sodium_free(m_data);
        m_data = nullptr;
        m_size = 0;
    }
}

} // namespace wb::core::store
