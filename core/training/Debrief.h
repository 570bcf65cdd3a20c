// SPDX-License-Identifier: GPL-3.0-or-later
// The debrief of a classroom exercise (issue 17): the trainee's plan, decisions, contacts and deadlines compared
// with the pack's model answers, per NOM principle. Lines found and missed (weighted as the pack weighs them),
// deadlines met, late or missed, and every credibility-focused choice flagged with its learning point. Nothing here
// scores the victim: the only choices flagged are the trainee's own, and only those that test the victim's
// credibility instead of the suspect's actions.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/domain/Time.h"
#include "core/nom/EnquiryCatalogue.h"
#include "core/training/ScenarioPack.h"

namespace wb::core {
class Workspace;
struct Catalogues;
} // namespace wb::core

namespace wb::core::training {

/// What the trainee did with one model line of enquiry.
enum class LineOutcome {
    Followed, ///< "followed": accepted into the plan as a tracked enquiry (whatever its status now)
    Declined, ///< "declined": declined with a rationale (shown with it: a reasoned decline is a decision)
    Missed,   ///< "missed": neither
};
std::string_view toString(LineOutcome outcome) noexcept;
std::optional<LineOutcome> lineOutcomeFromString(std::string_view name) noexcept;

struct LineResult {
    std::string enquiry; ///< the catalogue id
    std::string title;   ///< the catalogue's title
    nom::Principle principle = nom::Principle::SuspectFocused;
    int weight = 1;
    std::string why;
    std::string learningPoint; ///< the id of its learning point, if the pack gives one
    LineOutcome outcome = LineOutcome::Missed;
    std::string status;    ///< Followed: the tracked enquiry's status (planned, in_progress, done, not_possible)
    std::string rationale; ///< Declined: the trainee's rationale
};

/// How a model deadline went, over every item its rule gave in the case.
enum class DeadlineOutcome {
    Met,    ///< "met": every item met on time
    Late,   ///< "late": met, but at least one after it was due
    Missed, ///< "missed": at least one item past due and not met
    Open,   ///< "open": at least one item not yet due; none missed or late
    /// "closed-before-known": past due when the information that made it apply arrived (a window that closed before
    /// the suspect was named); not the trainee's to meet.
    ClosedBeforeKnown,
    NotReached, ///< "not-reached": the event it counts from was never recorded (no arrest, no bail…)
};
std::string_view toString(DeadlineOutcome outcome) noexcept;
std::optional<DeadlineOutcome> deadlineOutcomeFromString(std::string_view name) noexcept;

struct DeadlineItemResult {
    std::string title; ///< the due item's title ("Tell the victim about the arrest")
    Instant due{};
    std::optional<Instant> metAt;
    DeadlineOutcome outcome = DeadlineOutcome::Open; ///< this item's own: Met, Late, Missed or Open
};

struct DeadlineResult {
    std::string rule;  ///< the deadline rule's id
    std::string title; ///< the rule's title
    std::string why;   ///< from the model answers
    DeadlineOutcome outcome = DeadlineOutcome::NotReached;
    std::vector<DeadlineItemResult> items; ///< by due
};

/// A credibility-focused choice the trainee made, with what in their records shows it.
struct FlaggedChoice {
    std::string error; ///< the model error's id
    std::string title;
    ChoiceMatch match;      ///< what the pack looks for (a record's values, or a line adopted)
    std::string recordUuid; ///< the trainee's record that matched (the tracked enquiry, for a line adopted)
    LearningPoint point;
};

/// The model lines of one principle, and how many the trainee followed, by count and by weight.
struct PrincipleResult {
    nom::Principle principle = nom::Principle::SuspectFocused;
    int lines = 0;
    int followed = 0;
    int weight = 0;
    int weightFollowed = 0;
};

struct DecisionEntry {
    std::string at; ///< as recorded (UTC ISO 8601)
    std::string decision;
    std::string rationale;
};

struct ContactEntry {
    std::string at;      ///< as recorded (UTC ISO 8601)
    std::string method;  ///< a contact-methods code
    std::string purpose; ///< a contact-purposes code
};

struct Debrief {
    std::string packId;
    std::string packVersion;
    std::string packTitle;
    std::string trainee;
    Instant scenarioTime{};                  ///< the scenario clock when the debrief was made
    std::vector<std::string> injects;        ///< the titles of the injects released so far, in the order they came
    std::vector<PrincipleResult> principles; ///< every principle a model line belongs to, in the enum's order
    std::vector<LineResult> lines;           ///< in the pack's order
    std::vector<DeadlineResult> deadlines;   ///< in the pack's order
    std::vector<FlaggedChoice> flagged;      ///< in the pack's order of errors
    std::vector<DecisionEntry> decisions;    ///< the decision log, oldest first
    std::vector<ContactEntry> contacts;      ///< contacts with the victim, oldest first
    /// The learning points to go over: those of missed lines and of flagged choices, each once, in the pack's order.
    std::vector<LearningPoint> learningPoints;

    int linesFollowed() const noexcept;
    int deadlinesWith(DeadlineOutcome outcome) const noexcept;
};

/// Builds the debrief of the exercise `workspace` runs, at its scenario time now. Reads only. Error(NotFound,
/// "exercise") for a workspace that runs none.
Debrief makeDebrief(Workspace& workspace, const Catalogues& catalogues);

} // namespace wb::core::training
