// SPDX-License-Identifier: GPL-3.0-or-later
// The small parsers every form and file goes through: dates, approximate dates,
// UTC instants, UUIDs and text-field checks.
#include "core/Error.h"
#include "core/domain/ApproxDate.h"
#include "core/domain/Text.h"
#include "core/domain/Time.h"
#include "core/domain/Uuid.h"
#include "tests/fuzz/FuzzSupport.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const auto input = wb::fuzz::text(data, size);
    (void)wb::core::parseIsoUtc(input);
    (void)wb::core::isValidIsoDate(input);
    (void)wb::core::isUuid(input);
    if (const auto date = wb::core::ApproxDate::parse(input)) {
        try {
            date->validate("fuzz");
            (void)date->earliestDay();
            if (wb::core::ApproxDate::parse(date->encode()) != date) {
                __builtin_trap(); // encode/parse must round-trip
            }
        } catch (const wb::core::Error&) {
        }
    }
    try {
        (void)wb::core::checkedText(input, "fuzz", 200, true);
    } catch (const wb::core::Error&) {
    }
    return 0;
}
