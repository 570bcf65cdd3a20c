// SPDX-License-Identifier: GPL-3.0-or-later
// A reference list file (resources/reference/*.json) as a force might edit it.
#include "core/Error.h"
#include "core/reference/ReferenceData.h"
#include "tests/fuzz/FuzzSupport.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    try {
        const auto list = wb::core::ReferenceList::fromJson(wb::fuzz::text(data, size), "fuzz.json");
        for (const auto& item : list.items()) {
            (void)list.find(item.code);
        }
    } catch (const wb::core::Error&) {
    }
    return 0;
}
