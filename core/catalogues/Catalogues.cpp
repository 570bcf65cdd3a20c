// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/catalogues/Catalogues.h"

#include "core/deadlines/DeadlineService.h"
#include "core/json/JsonReader.h"
#include "core/letters/LetterTemplate.h"
#include "core/matching/MatchModel.h"
#include "core/nom/EnquiryCatalogue.h"
#include "core/nom/JourneyChecklists.h"
#include "core/nom/OffenceCatalogue.h"
#include "core/nom/QuestionCatalogue.h"
#include "core/reference/ReferenceData.h"
#include "core/reference/ReferenceList.h"

namespace wb::core {

namespace {

/// A letter names a contact purpose, case event kinds and wishes: each must be one the workbench knows.
std::vector<letters::LetterTemplate> checkedLetters(std::vector<letters::LetterTemplate> all,
                                                    const ReferenceData& lists)
{
    for (const auto& letter : all) {
        const std::string origin = "letters/" + letter.occasion + ".json";
        if (!lists.list("contact-purposes").contains(letter.contactPurpose)) {
            json::fail(origin, "top level: 'contactPurpose' '" + letter.contactPurpose +
                                   "' is not in reference/contact-purposes.json");
        }
        for (const auto& event : letter.events) {
            const bool known = event.recordType == "case_event" ? lists.list("case-event-kinds").contains(event.value)
                               : event.recordType == "victim_wish"
                                   ? (event.value == "full" || event.value == "intelligence_only" ||
                                      event.value == "undecided" || event.value == "withdrawn")
                                   : true; // bail kinds are checked when the letter is read
            if (!known) {
                json::fail(origin, "events: '" + event.recordType + ":" + event.value +
                                       "' is not a case event kind (reference/case-event-kinds.json) or a wish");
            }
        }
    }
    return all;
}

} // namespace

Catalogues Catalogues::loadFrom(const std::filesystem::path& dataFolder)
{
    const auto reference = dataFolder / "reference";
    const auto nomFolder = dataFolder / "nom";
    Catalogues out;
    out.trainingPacks = dataFolder / "training" / "packs";
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
    out.letters = std::make_shared<const std::vector<letters::LetterTemplate>>(
        checkedLetters(letters::loadLetters(dataFolder / "letters"), *out.lists));
    return out;
}

} // namespace wb::core
