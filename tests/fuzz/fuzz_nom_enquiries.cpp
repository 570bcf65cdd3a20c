// SPDX-License-Identifier: GPL-3.0-or-later
// The enquiry catalogue (resources/nom/enquiries.json), checked against the shipped
// questions and journey stages, then run through the rules engine.
#include <filesystem>
#include <memory>

#include "core/Error.h"
#include "core/domain/Time.h"
#include "core/nom/EnquiryCatalogue.h"
#include "core/nom/QuestionCatalogue.h"
#include "core/nom/RulesEngine.h"
#include "core/reference/ReferenceData.h"
#include "tests/fuzz/FuzzSupport.h"

namespace {

struct Shipped {
    wb::core::nom::QuestionCatalogue questions = wb::core::nom::QuestionCatalogue::fromFile(
        std::filesystem::path(WB_RESOURCES_DIR) / "nom" / "context-questions.json");
    wb::core::ReferenceList stages = wb::core::ReferenceList::fromFile(
        std::filesystem::path(WB_RESOURCES_DIR) / "reference" / "journey-stages.json", "journey-stages");
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static const Shipped shipped;
    try {
        const auto catalogue = wb::core::nom::EnquiryCatalogue::fromJson(wb::fuzz::text(data, size), shipped.questions,
                                                                         shipped.stages, "fuzz.json");
        (void)wb::core::nom::propose(catalogue, wb::core::nom::Facts{}, wb::core::Instant{});
    } catch (const wb::core::Error&) {
    }
    return 0;
}
