// SPDX-License-Identifier: GPL-3.0-or-later
// The NOM context questions (resources/nom/context-questions.json), with their conditions.
#include "core/Error.h"
#include "core/domain/Time.h"
#include "core/nom/QuestionCatalogue.h"
#include "tests/fuzz/FuzzSupport.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    try {
        const auto questions = wb::core::nom::QuestionCatalogue::fromJson(wb::fuzz::text(data, size), "fuzz.json");
        (void)questions.visibleQuestions(wb::core::nom::Facts{}, wb::core::Instant{});
    } catch (const wb::core::Error&) {
    }
    return 0;
}
