// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/domain/Case.h"
#include "core/domain/Person.h"
#include "core/domain/Time.h"
#include "core/nom/Condition.h"
#include "core/nom/Facts.h"
#include "core/records/RecordSpec.h"

namespace wb::core {
class ReferenceData;
} // namespace wb::core

namespace wb::core::nom {

class QuestionCatalogue;

/// What ticks a checklist item, read from its "doneWhen" (see resources/nom/README.md):
///   {"recordType": "contact", "where": {"purpose": "needs-assessment"}}  at least one such record
///   {"fact": "suspect.known"}                                           the context question is answered
///   {"caseField": "offence_date"}                                       the case field is filled in
///   {"person": "suspect"}                                               the case has a person in that role
///   {"any": [doneWhen, ...]}                                            any one of them
struct DoneWhen {
    enum class Kind { Record, Fact, CaseField, Person, Any };
    Kind kind = Kind::Fact;
    std::string recordType; ///< Record: a core::recordSpecs() type
    /// Record: field -> accepted values (the record matches when the field holds any of them), in key order.
    std::map<std::string, std::vector<std::string>, std::less<>> where;
    std::string fact;                           ///< Fact: a question id of the question catalogue
    Condition asked;                            ///< Fact: the question's showIf (always when it has none)
    std::string caseField;                      ///< CaseField: one of JourneyChecklists::caseFields()
    PersonRole personRole = PersonRole::Victim; ///< Person
    std::vector<DoneWhen> any;                  ///< Any: two or more alternatives
};

/// One thing to do at a stage of the investigator's journey.
struct ChecklistItem {
    std::string id;         ///< "s05-isva": [a-z0-9-]{1,40}, unique in the file
    std::string text;       ///< what to do, in plain English
    std::string source;     ///< provenance, e.g. "nom-brief §6.2 [C]"
    bool confirmed = false; ///< the brief's [C] tag
    /// Empty: a reminder the officer checks; the workbench cannot tell whether it is done.
    std::optional<DoneWhen> doneWhen;
};

/// The checklist of one journey stage.
struct StageChecklist {
    std::string stage; ///< a journey-stages code, e.g. "stage-05"
    std::vector<ChecklistItem> items;
};

/// What the checklists look at in one case. Built by loadCaseState or by hand (tests).
struct CaseState {
    Case record;
    Facts facts;
    /// Values of every record of each type the checklists name (other types may be left out).
    std::map<std::string, std::vector<Values>, std::less<>> records;
    std::vector<PersonRole> people;
    /// When the state was read: the time a question's showIf is evaluated at (a "within" comparison).
    Instant now{};
};

enum class ItemState {
    Done,        ///< the item's doneWhen holds
    Outstanding, ///< it has a doneWhen that does not hold yet
    Reminder,    ///< no doneWhen: for the officer to check
    /// Its doneWhen waits on a context question that is not asked for this case (the question's showIf does
    /// not hold, e.g. whether the victim lives with a suspect who is a stranger): nothing to do.
    NotAsked,
};

struct ItemResult {
    const ChecklistItem* item = nullptr;
    ItemState state = ItemState::Reminder;
};

/// The checklists of the investigator's journey (resources/nom/journey-checklists.json): data, so a force
/// can change them without recompiling. Validated at load against the journey stages, the record types,
/// their fields and options, and the context questions.
class JourneyChecklists
{
public:
    /// Parses and validates the JSON text. `stages` is the journey-stages reference list; `lists` (may be
    /// null) checks the codes of list-backed choice fields named in "where". Throws Error(ReferenceData)
    /// "<origin>: stage <code>: item <id>: '<field>' ..." for bad JSON, a wrong kind or format, a missing
    /// version, a stage code that is not a journey stage or appears twice, a journey stage without a
    /// checklist, an item id that is malformed or duplicated, missing text or source, 'confirmed' not a
    /// boolean, and a doneWhen that names an unknown record type, field, option, question, case field or
    /// role, or is malformed.
    static JourneyChecklists fromJson(std::string_view json,
                                      const ReferenceData& lists,
                                      const QuestionCatalogue& questions,
                                      std::string_view origin = "journey-checklists.json");
    /// Reads and parses a file (errors name the file). Throws Error(ReferenceData) when missing or malformed.
    static JourneyChecklists
    fromFile(const std::filesystem::path& path, const ReferenceData& lists, const QuestionCatalogue& questions);

    /// The case fields a doneWhen may name: "operation_name", "other_offences", "offence_date",
    /// "location_type", "location_description", "report_channel", "outcome_code", "outcome_date",
    /// "outcome_reason".
    static const std::vector<std::string_view>& caseFields();

    const std::string& version() const noexcept { return m_version; }
    const std::string& source() const noexcept { return m_source; }
    /// One per journey stage, in the journey's order.
    const std::vector<StageChecklist>& stages() const noexcept { return m_stages; }
    /// nullptr when the stage has no checklist.
    const StageChecklist* find(std::string_view stage) const noexcept;
    /// The record types any doneWhen names, sorted, without duplicates.
    std::vector<std::string> recordTypes() const;

    /// Pure: whether the condition holds for the case.
    static bool holds(const DoneWhen& condition, const CaseState& state);
    /// Pure: whether the condition can hold for the case: false for a fact whose question is not asked for
    /// it (its showIf does not hold at state.now), or an "any" of which no alternative can hold.
    static bool asked(const DoneWhen& condition, const CaseState& state);
    /// Every item of the stage with its state, in file order; empty for a stage without a checklist.
    std::vector<ItemResult> evaluate(std::string_view stage, const CaseState& state) const;
    /// The items of the stage that have a doneWhen that does not hold yet.
    std::vector<const ChecklistItem*> outstanding(std::string_view stage, const CaseState& state) const;

private:
    std::string m_version;
    std::string m_source;
    std::vector<StageChecklist> m_stages;
};

} // namespace wb::core::nom
