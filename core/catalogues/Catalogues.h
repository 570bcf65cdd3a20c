// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <filesystem>
#include <memory>
#include <vector>

namespace wb::core {
class OffenceCatalogue;
class ReferenceData;
namespace deadlines {
class DeadlineService;
}
namespace letters {
struct LetterTemplate;
}
namespace matching {
class MatchModel;
}
namespace nom {
class QuestionCatalogue;
class EnquiryCatalogue;
class JourneyChecklists;
} // namespace nom

/// Every reference list and catalogue the workbench opens a workspace with, loaded in one call
/// from the data folder (resources/ in a build, share/rasso-workbench when installed) and shared,
/// read-only, by every user of it: the GUI, the CLI and the tests.
struct Catalogues {
    std::shared_ptr<const OffenceCatalogue> offences;
    std::shared_ptr<const ReferenceData> lists;
    /// The guided context questions (nom/context-questions.json).
    std::shared_ptr<const nom::QuestionCatalogue> questions;
    /// The lines of enquiry the rules engine proposes from (nom/enquiries.json).
    std::shared_ptr<const nom::EnquiryCatalogue> enquiries;
    /// The checklist of each stage of the investigator's journey (nom/journey-checklists.json).
    std::shared_ptr<const nom::JourneyChecklists> journey;
    /// The deadline rules and the bank holidays (nom/deadline-rules.json,
    /// reference/bank-holidays-england-wales.json).
    std::shared_ptr<const deadlines::DeadlineService> deadlines;
    /// The repeat-suspect matching model (matching/match-model.json).
    std::shared_ptr<const matching::MatchModel> matchModel;
    /// The victim letters (letters/*.json), by occasion; each letter's contact purpose, case event kinds and wishes
    /// are checked against the reference lists.
    std::shared_ptr<const std::vector<letters::LetterTemplate>> letters;

    /// The folder of the scenario packs shipped with the program (training/packs): what Start exercise offers.
    std::filesystem::path trainingPacks;

    /// Loads reference/offences.json, every list of reference/ (ReferenceData::load) and the nom/
    /// catalogues and the matching model of `dataFolder`. Throws Error(ReferenceData) naming the file, item and field
    /// of the first problem; nothing is half-loaded.
    static Catalogues loadFrom(const std::filesystem::path& dataFolder);
};

} // namespace wb::core
