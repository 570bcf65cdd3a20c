// SPDX-License-Identifier: GPL-3.0-or-later
// The offences list (resources/reference/offences.json).
#include "core/Error.h"
#include "core/nom/OffenceCatalogue.h"
#include "tests/fuzz/FuzzSupport.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    try {
        const auto catalogue = wb::core::OffenceCatalogue::fromJson(wb::fuzz::text(data, size), "fuzz.json");
        for (const auto& offence : catalogue.offences()) {
            (void)catalogue.find(offence.code);
        }
    } catch (const wb::core::Error&) {
    }
    return 0;
}
