// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/Catalogues.h"

#include "app/DataDir.h"
#include "core/nom/EnquiryCatalogue.h"
#include "core/nom/QuestionCatalogue.h"

namespace wb::app::cli {

Catalogues Catalogues::load()
{
    return {std::make_shared<const core::OffenceCatalogue>(core::OffenceCatalogue::fromFile(app::offencesFile())),
            std::make_shared<const core::ReferenceData>(core::ReferenceData::load(app::referenceDir()))};
}

core::deadlines::DeadlineService loadDeadlines()
{
    const auto lists = std::make_shared<const core::ReferenceData>(core::ReferenceData::load(app::referenceDir()));
    const auto questions = std::make_shared<const core::nom::QuestionCatalogue>(
        core::nom::QuestionCatalogue::fromFile(app::nomDir() / "context-questions.json"));
    const auto enquiries = std::make_shared<const core::nom::EnquiryCatalogue>(core::nom::EnquiryCatalogue::fromFile(
        app::nomDir() / "enquiries.json", *questions, lists->list("journey-stages")));
    return core::deadlines::DeadlineService::load(app::nomDir() / "deadline-rules.json",
                                                  app::referenceDir() / "bank-holidays-england-wales.json", enquiries,
                                                  questions);
}

} // namespace wb::app::cli
