// SPDX-License-Identifier: GPL-3.0-or-later
// The bank-holiday file (resources/reference/bank-holidays-england-wales.json), then working days
// counted across its covered years and just outside them.
#include "core/Error.h"
#include "core/deadlines/Calendar.h"
#include "tests/fuzz/FuzzSupport.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace wb::core::deadlines;
    using namespace std::chrono;
    try {
        const auto calendar = Calendar::fromJson(wb::fuzz::text(data, size), "fuzz.json");
        for (int y : {calendar.coveredFrom(), calendar.coveredTo()}) {
            for (unsigned m : {1u, 5u, 12u}) {
                const Date date{year{y}, month{m}, day{20}};
                try {
                    (void)calendar.addWorkingDays(date, 5);
                    (void)calendar.addWorkingDays(Calendar::londonMidnight(date), 1);
                } catch (const wb::core::Error&) {
                    // past the last covered year: reported, never guessed
                }
            }
        }
    } catch (const wb::core::Error&) {
    }
    return 0;
}
