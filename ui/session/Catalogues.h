// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>

namespace wb::core {
class OffenceCatalogue;
class ReferenceData;
namespace deadlines {
class DeadlineService;
}
namespace nom {
class QuestionCatalogue;
class EnquiryCatalogue;
class JourneyChecklists;
} // namespace nom
} // namespace wb::core

namespace wb::ui {

/// The reference data every workspace is opened with, loaded once by the
/// application (app/gui/main.cpp) and shared by the windows.
struct Catalogues {
    std::shared_ptr<const core::OffenceCatalogue> offences;
    std::shared_ptr<const core::ReferenceData> lists;
    /// The guided context questions (resources/nom/context-questions.json).
    std::shared_ptr<const core::nom::QuestionCatalogue> questions;
    /// The lines of enquiry the rules engine proposes from (resources/nom/enquiries.json).
    std::shared_ptr<const core::nom::EnquiryCatalogue> enquiries;
    /// The checklist of each stage of the investigator's journey (resources/nom/journey-checklists.json).
    std::shared_ptr<const core::nom::JourneyChecklists> journey;
    /// The deadline rules and the bank holidays (resources/nom/deadline-rules.json), for Today and the case list.
    std::shared_ptr<const core::deadlines::DeadlineService> deadlines;
};

} // namespace wb::ui
