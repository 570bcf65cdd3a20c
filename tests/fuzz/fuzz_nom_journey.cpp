// SPDX-License-Identifier: GPL-3.0-or-later
// The investigator's journey checklists (resources/nom/journey-checklists.json), checked against the shipped
// reference lists, record types and questions, then evaluated on an empty case.
#include <filesystem>

#include "core/Error.h"
#include "core/nom/JourneyChecklists.h"
#include "core/nom/QuestionCatalogue.h"
#include "core/reference/ReferenceData.h"
#include "tests/fuzz/FuzzSupport.h"

namespace {

struct Shipped {
    wb::core::nom::QuestionCatalogue questions = wb::core::nom::QuestionCatalogue::fromFile(
        std::filesystem::path(WB_RESOURCES_DIR) / "nom" / "context-questions.json");
    wb::core::ReferenceData lists =
        wb::core::ReferenceData::load(std::filesystem::path(WB_RESOURCES_DIR) / "reference");
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static const Shipped shipped;
    try {
        const auto checklists = wb::core::nom::JourneyChecklists::fromJson(wb::fuzz::text(data, size), shipped.lists,
                                                                           shipped.questions, "fuzz.json");
        const wb::core::nom::CaseState state;
        for (const auto& stage : checklists.stages()) {
            (void)checklists.evaluate(stage.stage, state);
        }
    } catch (const wb::core::Error&) {
    }
    return 0;
}
