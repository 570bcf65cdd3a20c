// SPDX-License-Identifier: GPL-3.0-or-later
// A scenario pack for classroom training (issue 17): a fictional case at first report, the injects that unfold it,
// and the model answers a debrief compares a trainee's work with. The JSON format is documented for trainers in
// resources/training/README.md; core/training/PackLoader.h reads and validates it.
#pragma once

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/domain/Person.h"
#include "core/domain/Time.h"
#include "core/nom/EnquiryCatalogue.h"
#include "core/nom/Facts.h"
#include "core/records/RecordSpec.h"

namespace wb::core::training {

/// The only value of "format" this version of the workbench reads.
inline constexpr int PackFormat = 1;

/// One invented person of the scenario. `key` names them inside the pack (an inject's record links to a person by
/// key); the workspace gives them an id when the exercise starts.
struct PackPerson {
    std::string key; ///< "victim", "suspect", "witness-door": [a-z0-9-]{1,40}, unique in the pack
    PersonRole role = PersonRole::Victim;
    std::string givenName;
    std::string familyName;
    std::string description; ///< optional: what the first responder knows of them
    std::string phone;       ///< optional: only from Ofcom's drama range 07700 900000-900999
};

/// A record an inject (or the case at first report) adds, in the workbench's own record types (core/records):
/// field values are in the canonical text form of their kind (Values), a person link holds a person's key.
struct PackRecord {
    std::string type; ///< a record type kept under the case: "timeline_event", "exhibit", "device"...
    Values fields;
};

/// The fictional case as the first responder hands it over.
struct PackCase {
    std::string crimeReference;
    std::string offence; ///< a code of reference/offences.json
    std::vector<PackPerson> people;
    nom::Facts context;              ///< context answers at first report, validated against the questions
    std::string initialAccount;      ///< the victim's first account, in summary
    std::vector<PackRecord> records; ///< optional: records already made at first report
};

/// What an inject brings.
enum class InjectKind { Cctv, Interview, Withdrawal, BailBreach, Forensic, Witness, Digital, Intelligence, Other };
/// "cctv", "interview", "withdrawal", "bail-breach", "forensic", "witness", "digital", "intelligence", "other".
std::string_view toString(InjectKind kind) noexcept;
std::optional<InjectKind> injectKindFromString(std::string_view name) noexcept;

/// When an inject is released.
enum class ReleaseBy {
    Trainer, ///< "trainer": when the trainer releases it for the room
    Time,    ///< "time": at a scenario-time offset from the pack's start
    Action,  ///< "action": when the trainee records something
};
std::string_view toString(ReleaseBy by) noexcept;
std::optional<ReleaseBy> releaseByFromString(std::string_view name) noexcept;

struct InjectRelease {
    ReleaseBy by = ReleaseBy::Trainer;
    /// Time: scenario time after PackScenario::startsAt (written as "hours" or "days").
    std::chrono::seconds after{0};
    /// Action: a case event of this kind recorded (reference/case-event-kinds.json, e.g. "arrest"); or
    std::string caseEvent;
    /// Action: a record of this type added (e.g. "bail"). Exactly one of caseEvent and record is set.
    std::string recordType;
};

/// A file shown with an inject (a CCTV still, the text of a message): a PNG or JPEG image or a UTF-8 text file beside
/// the pack, carried into the workspace when the exercise starts.
struct InjectAttachment {
    std::string file; ///< its name beside the pack: letters, digits, '.', '_' and '-', ending .png, .jpg, .jpeg or .txt
    std::string title; ///< what the trainee sees in the list
};

/// The attachments' contents, by file name (PackLoader's readPackAttachments).
using PackAttachments = std::map<std::string, std::string, std::less<>>;

/// New information released during the exercise.
struct Inject {
    std::string id; ///< [a-z0-9-]{1,40}, unique in the pack
    std::string title;
    std::string text; ///< what the trainee reads in "New information"
    InjectKind kind = InjectKind::Other;
    InjectRelease release;
    nom::Facts context;              ///< context answers it sets (replacing earlier answers to those questions)
    std::vector<PackPerson> people;  ///< people it brings in (a witness found on CCTV)
    std::vector<PackRecord> records; ///< records it adds to the case
    std::vector<InjectAttachment> attachments; ///< optional: files shown with it
};

/// A line of enquiry a good plan contains.
struct ModelLine {
    std::string enquiry;       ///< an id of nom/enquiries.json; its principle groups it in a debrief
    int weight = 1;            ///< 1 useful, 2 important, 3 essential
    std::string why;           ///< why it matters in this scenario
    std::string learningPoint; ///< optional: the id of a learning point
};

/// A deadline that must be met.
struct ModelDeadline {
    std::string rule; ///< an id of nom/deadline-rules.json
    std::string why;
};

/// What a credibility-focused choice looks like in the trainee's records: either a record of `recordType` whose
/// fields hold `equals` and leave `empty` unrecorded, or the line of enquiry `enquiry` adopted in the plan.
struct ChoiceMatch {
    std::string recordType;         ///< "tpm_request", "device"...; empty when `enquiry` is set
    Values equals;                  ///< field -> value it must hold (codes of the field's list)
    std::vector<std::string> empty; ///< fields that must be unrecorded (no date range: a full download)
    std::string enquiry;            ///< an id of nom/enquiries.json adopted in the plan; empty when recordType is set
};

/// A choice that is an error in this scenario because it tests the victim's credibility rather than the suspect's
/// actions. The debrief flags it with its learning point; nothing here scores the victim.
struct CredibilityError {
    std::string id; ///< [a-z0-9-]{1,40}, unique among the errors
    std::string title;
    ChoiceMatch match;
    std::string learningPoint; ///< the id of a learning point (required)
};

/// A point the debrief teaches, with its NOM source.
struct LearningPoint {
    std::string id; ///< [a-z0-9-]{1,40}, unique among the learning points
    nom::Principle principle = nom::Principle::SuspectFocused;
    std::string text;
    std::string source; ///< "nom-brief §6.8 [C]": the brief's section and confidence tag
};

struct ModelAnswers {
    std::vector<ModelLine> lines;
    std::vector<ModelDeadline> deadlines;
    std::vector<CredibilityError> errors;
    std::vector<LearningPoint> learningPoints;

    const LearningPoint* findLearningPoint(std::string_view pointId) const noexcept;
};

/// A whole scenario pack, validated against the catalogues it was loaded with.
struct ScenarioPack {
    std::string id; ///< [a-z0-9-]{1,60}
    std::string version;
    std::string title;
    std::string summary;      ///< for the trainer: what the exercise teaches
    Instant startsAt{};       ///< the scenario's start (UTC)
    std::string startsAtText; ///< as written, with its Europe/London offset
    PackCase scenarioCase;
    std::vector<Inject> injects;
    ModelAnswers model;

    const Inject* findInject(std::string_view injectId) const noexcept;
};

} // namespace wb::core::training
