// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/catalogues/Catalogues.h"

#include "core/deadlines/DeadlineService.h"
#include "core/matching/MatchModel.h"
#include "core/nom/EnquiryCatalogue.h"
#include "core/nom/JourneyChecklists.h"
#include "core/nom/OffenceCatalogue.h"
#include "core/nom/QuestionCatalogue.h"
#include "core/reference/ReferenceData.h"

namespace wb::core {

Catalogues Catalogues::loadFrom(const std::filesystem::path& dataFolder)
{
    const auto reference = dataFolder / "reference";
    const auto nomFolder = dataFolder / "nom";
    Catalogues out;
    out.offences = std::make_shared<const OffenceCatalogue>(OffenceCatalogue::fromFile(reference / "offences.json"));
    out.lists = std::make_shared<const ReferenceData>(ReferenceData::load(reference));
    out.questions = std::make_shared<const nom::QuestionCatalogue>(
        nom::QuestionCatalogue::fromFile(nomFolder / "context-questions.json"));
    out.enquiries = std::make_shared<const nom::EnquiryCatalogue>(nom::EnquiryCatalogue::fromFile(
        nomFolder / "enquiries.json", *out.questions, out.lists->list("journey-stages")));
    out.journey = std::make_shared<const nom::JourneyChecklists>(
        nom::JourneyChecklists::fromFile(nomFolder / "journey-checklists.json", *out.lists, *out.questions));
    out.deadlines = std::make_shared<const deadlines::DeadlineService>(
        deadlines::DeadlineService::load(nomFolder / "deadline-rules.json",
                                         reference / "bank-holidays-england-wales.json", out.enquiries, out.questions));
    out.matchModel = std::make_shared<const matching::MatchModel>(
        matching::MatchModel::load(dataFolder / "matching" / "match-model.json"));
    return out;
}

} // namespace wb::core
