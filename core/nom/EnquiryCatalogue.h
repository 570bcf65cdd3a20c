// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/nom/Condition.h"
#include "core/nom/QuestionCatalogue.h"

namespace wb::core {
class ReferenceList;
}

namespace wb::core::nom {

/// The kind of line of enquiry (issue 4 and brief §5.1, §5.2, §6).
enum class EnquiryCategory {
    SuspectBehaviourBefore,   ///< "suspect-behaviour-before"
    SuspectBehaviourDuring,   ///< "suspect-behaviour-during"
    SuspectBehaviourAfter,    ///< "suspect-behaviour-after"
    TargetingVulnerability,   ///< "targeting-vulnerability"
    PriorReportsIntelligence, ///< "prior-reports-intelligence"
    RepeatSuspect,            ///< "repeat-suspect"
    SuspectDigital,           ///< "suspect-digital"
    WitnessesAssociates,      ///< "witnesses-associates"
    ForensicScene,            ///< "forensic-scene"
    ArrestInterview,          ///< "arrest-interview"
    Disruption,               ///< "disruption"
    VictimCentred,            ///< "victim-centred"
    DigitalForensics,         ///< "digital-forensics" (victim and witness devices)
    ThirdPartyMaterial,       ///< "third-party-material"
};

/// The NOM principle an entry serves. Only SuspectFocused sorts first (see RulesEngine.h).
enum class Principle {
    SuspectFocused,           ///< "suspect-focused" (P1)
    DisruptingRepeatSuspects, ///< "disrupting-repeat-suspects" (P2)
    VictimCentred,            ///< "victim-centred" (P3, procedural justice)
    ContextLed,               ///< "context-led"
    DigitalForensics,         ///< "digital-forensics" (P6)
    /// "victim-information": a request for the victim's own material (third-party material, a victim device
    /// download). Not a NOM principle but an honest label (issue 14): it rests on a specific reasonable line of
    /// enquiry, necessity and proportionality, and notice to the victim (PCSC Act 2022 s.37 and Chapter 3A).
    VictimInformation,
};

/// How urgently an entry should be worked once proposed (issue 14): evidence that can be lost first, then
/// investigative value. Ordered: a lower value is more urgent.
enum class Priority {
    EvidenceAtRisk, ///< "evidence-at-risk": evidence that is lost or degrades if not secured now
    HighValue,      ///< "high-value": identifies the suspect, tests the account directly, or protects someone now
    Standard,       ///< "standard"
};

std::string_view toString(Priority priority) noexcept;
std::optional<Priority> priorityFromString(std::string_view name) noexcept;
std::string_view toString(EnquiryCategory category) noexcept;
std::optional<EnquiryCategory> enquiryCategoryFromString(std::string_view name) noexcept;
std::string_view toString(Principle principle) noexcept;
std::optional<Principle> principleFromString(std::string_view name) noexcept;

/// A time limit counted from an instant (or date-range) fact, e.g. a forensic window from the last contact.
struct DeadlineRule {
    std::string from;              ///< the fact it counts from, e.g. "offence.lastContactAt"
    std::chrono::seconds after{0}; ///< written as "hours" or "days" (a positive whole number)
    std::string label;             ///< "Vaginal / high vaginal swabs: up to 7 days after last contact"
    std::string source;            ///< provenance of the time limit itself
    bool confirmed = false;        ///< the brief's [C] tag for the time limit
};

/// One line of enquiry in the catalogue.
struct Enquiry {
    std::string id; ///< stable, e.g. "SUS-PRE-001"; stored with every decision
    std::string title;
    EnquiryCategory category = EnquiryCategory::SuspectBehaviourBefore;
    Principle principle = Principle::SuspectFocused;
    ContextGroup context = ContextGroup::Suspect; ///< the context group it serves
    std::string stage;                            ///< journey stage code, "stage-01".."stage-15"
    Condition when;                               ///< Condition::always() for "always"
    std::string why;                              ///< why it matters, plain English
    std::string basis;                            ///< legal or NOM basis
    std::string source;                           ///< provenance: the brief section and tag
    bool confirmed = false;                       ///< true only where the brief tags the underlying point [C]
    std::optional<DeadlineRule> deadline;
    /// Full or broad victim device download, counselling / medical / school / social-care records, previous
    /// sexual history, character: the UI must demand necessity and proportionality before it starts.
    bool intrudesOnVictimPrivacy = false;
    Priority priority = Priority::Standard; ///< "priority" in the JSON (required)
    std::string priorityReason;             ///< "priorityReason" (required): why this priority, shown to the officer
    int order = 0;                          ///< position in the file, from 0 (never used to order proposals)
};

/// The catalogue of lines of enquiry (resources/nom/enquiries.json): versioned data a force can review and extend.
class EnquiryCatalogue
{
public:
    /// Parses and validates; conditions and deadlines may only name facts the questions define, stages must be
    /// codes of the journey-stages list. Throws Error(ReferenceData) "<origin>: entry <id>: '<field>' ..." for
    /// bad JSON, wrong kind or format, missing version, a malformed or duplicate id, an unknown category,
    /// principle or context, an unknown stage, a missing title, why, basis or source, 'confirmed' or
    /// 'intrudesOnVictimPrivacy' not a boolean, a missing or unknown 'priority', a missing 'priorityReason', an invalid
    /// 'when' (unknown fact, wrong value type, unknown operator) and a bad deadline (unknown fact, a fact that is not
    /// an instant or date range, hours/days not a positive whole number, missing label or source).
    static EnquiryCatalogue fromJson(std::string_view json,
                                     const QuestionCatalogue& questions,
                                     const ReferenceList& journeyStages,
                                     std::string_view origin = "enquiries.json");
    static EnquiryCatalogue
    fromFile(const std::filesystem::path& path, const QuestionCatalogue& questions, const ReferenceList& journeyStages);

    const std::string& version() const noexcept { return m_version; }
    const std::string& source() const noexcept { return m_source; }
    /// In file order.
    const std::vector<Enquiry>& entries() const noexcept { return m_entries; }
    /// nullptr when no entry has that id.
    const Enquiry* find(std::string_view id) const noexcept;

private:
    std::string m_version;
    std::string m_source;
    std::vector<Enquiry> m_entries;
};

} // namespace wb::core::nom
