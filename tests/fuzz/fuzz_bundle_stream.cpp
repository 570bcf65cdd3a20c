// SPDX-License-Identifier: GPL-3.0-or-later
// A case bundle's encrypted stream, after the key is known (the passphrase step is
// skipped so every input reaches the chunk parser).
#include <sodium.h>

#include "core/Error.h"
#include "core/io/CaseBundle.h"
#include "core/store/SecureBuffer.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static const auto key = [] {
        wb::core::store::SecureBuffer k(crypto_secretstream_xchacha20poly1305_KEYBYTES);
        for (std::size_t i = 0; i < k.size(); ++i) {
            k.data()[i] = static_cast<unsigned char>(i);
        }
        return k;
    }();
    try {
        (void)wb::core::bundle::decryptWithKey({data, size}, key);
    } catch (const wb::core::Error&) {
    }
    try {
        (void)wb::core::bundle::decrypt({data, size}, "fuzz");
    } catch (const wb::core::Error&) {
    }
    return 0;
}
