// SPDX-License-Identifier: GPL-3.0-or-later
// The investigation plan of a case (issue 4): the rules engine's proposals joined with the officer's choices
// (accepted as a tracked enquiry, declined with a rationale in the decision log, or still open), the officer's own
// enquiries, and what changed since the plan was last reviewed.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/domain/Time.h"
#include "core/nom/RulesEngine.h"
#include "core/plan/OpeningQuestions.h"
#include "core/repo/RecordRepository.h"

namespace wb::core {
class Workspace;
namespace nom {
class QuestionCatalogue;
}
} // namespace wb::core

namespace wb::core::plan {

/// The officer's current choice about one line of enquiry from the catalogue.
/// The latest choice wins and the history stays: a tracked enquiry (accepted) outranks an earlier decline, whose
/// decision stays in the log; a decline can only be made while no tracked enquiry exists for the entry.
enum class Choice {
    Open,     ///< neither accepted nor declined
    Accepted, ///< a tracked enquiry with this catalogue id exists
    Declined, ///< a decline decision exists (the latest one that is not superseded) and nothing was accepted since
};

/// One line of enquiry from the catalogue with the choice made about it.
struct PlanItem {
    std::string enquiryId;
    /// The catalogue entry; nullptr when the catalogue in use no longer has this id (an old choice is still shown).
    const nom::Enquiry* entry = nullptr;
    /// Set when the entry is proposed for the case now (its reasons, due instant and expiry).
    std::optional<nom::Proposal> proposal;
    Choice choice = Choice::Open;
    std::optional<Record> enquiry; ///< the tracked enquiry (Accepted)
    std::optional<Record> decline; ///< the latest decline decision that is not superseded (kept after an accept)
    bool newSinceReview = false;   ///< proposed now, not in the last plan review (false when never reviewed)
    bool inLastReview = false;     ///< was proposed when the plan was last reviewed
};

/// Everything the Plan tab shows, built fresh from the workspace. Deterministic: the same records, facts, catalogue
/// and `now` give the same view.
struct PlanView {
    std::string catalogueVersion;
    /// The proposals, grouped by principle: suspect-focused first, then the other principles in the order of their
    /// most urgent proposal; within a principle in the rules engine's order (open deadlines soonest first, then
    /// those without a deadline, then closed windows).
    std::vector<PlanItem> proposals;
    /// Entries not proposed now that were accepted, declined or proposed at the last review: kept and flagged,
    /// never lost. By catalogue id.
    std::vector<PlanItem> noLongerApplies;
    /// Tracked enquiries the officer added outside the catalogue, in the enquiry list's order.
    std::vector<Record> ownEnquiries;
    /// The latest plan review (plan_snapshot record), if any.
    std::optional<Record> lastReview;
    /// Ids proposed now and not at the last review (empty when never reviewed), in `proposals` order.
    std::vector<std::string> newSinceReview;
    /// Ids proposed at the last review and not now, by id.
    std::vector<std::string> noLongerProposed;
    /// The unanswered questions that would open more lines, from the same facts as the proposals (see
    /// openingQuestions()).
    std::vector<OpeningQuestion> openingQuestions;
};

/// Builds the plan of a case at `now` (the rules engine's clock for deadlines and expiry).
/// Throws what the repositories throw (Locked, Storage).
PlanView build(Workspace& workspace,
               std::int64_t caseId,
               const nom::EnquiryCatalogue& enquiries,
               const nom::QuestionCatalogue& questions,
               Instant now);

/// Accepting a catalogue entry as a tracked enquiry.
struct AcceptRequest {
    std::string enquiryId;
    /// Who will carry it out; std::nullopt = the workspace owner. A given owner that is blank is refused
    /// (Error(Validation, field "owner")).
    std::optional<std::string> owner;
    /// "YYYY-MM-DD". std::nullopt: the proposal's due date (Europe/London) when it has one; "" = no due date.
    std::optional<std::string> dueOn;
    /// Required for an entry that intrudes on the victim's private life (the record check refuses otherwise).
    std::string lineOfEnquiry;
    std::string necessityProportionality;
    std::string lessIntrusiveOptions;
};

/// Writes a tracked enquiry (status planned) with the catalogue id and version, principle, title, whether it intrudes
/// on the victim's private life (then supervisory review is pending) and whether it concerns a victim or witness device
/// (a digital-forensics entry that intrudes), accepted by the workspace owner at `now`.
/// Throws Error(NotFound, field "enquiryId") for an id the catalogue does not have, Error(Conflict, field
/// "enquiryId") when the entry is already tracked, and Error(Validation) naming the field for a missing
/// justification, owner or bad due date; then nothing is written.
Record accept(Workspace& workspace,
              std::int64_t caseId,
              const nom::EnquiryCatalogue& enquiries,
              const nom::QuestionCatalogue& questions,
              const AcceptRequest& request,
              Instant now);

/// Declines a catalogue entry: an immutable decision "Declined line of enquiry <id>: <title>" with the rationale,
/// the workspace owner as decider, the entry id and catalogue version. Declining again supersedes the earlier decline.
/// Throws Error(Validation, field "rationale") when the rationale is empty or only whitespace, Error(NotFound,
/// "enquiryId") for an unknown id and Error(Conflict, "enquiryId") when the entry is already a tracked enquiry
/// (record its result or mark it not possible instead); then nothing is written.
Record decline(Workspace& workspace,
               std::int64_t caseId,
               const nom::EnquiryCatalogue& enquiries,
               const std::string& enquiryId,
               const std::string& rationale,
               Instant now);

/// An enquiry the officer adds outside the catalogue.
struct OwnEnquiry {
    std::string title;
    std::string principle = "suspect-focused"; ///< a principle code (see the enquiry record type)
    std::optional<std::string> owner;          ///< std::nullopt = the workspace owner; blank = refused
    std::string dueOn;                         ///< "YYYY-MM-DD" or empty
    bool intrudes = false;                     ///< then the three justifications below are required
    bool involvesDevice = false;
    std::string lineOfEnquiry;
    std::string necessityProportionality;
    std::string lessIntrusiveOptions;
};

/// Writes a tracked enquiry without a catalogue id. Throws Error(Validation) naming the field.
Record addOwn(Workspace& workspace, std::int64_t caseId, const OwnEnquiry& enquiry, Instant now);

/// Changes some fields of a tracked enquiry (status, result, s.37 notice date, supervisory review…), keeping the
/// others. The record check applies: an intrusive enquiry cannot start without its justifications and, for a
/// device, the s.37 notice date; one the supervisor refused cannot start. Throws Error(NotFound) for an unknown id,
/// Error(Validation) naming the field; then nothing changes.
Record updateEnquiry(Workspace& workspace, std::int64_t enquiryRecordId, const Values& changes);

/// Records a plan review: an immutable plan_snapshot of the ids proposed now, by the workspace owner. Later views
/// compare against it ("new since the last review", "no longer applies").
Record markReviewed(Workspace& workspace,
                    std::int64_t caseId,
                    const nom::EnquiryCatalogue& enquiries,
                    const nom::QuestionCatalogue& questions,
                    Instant now);

/// The calendar date of an instant in Europe/London ("YYYY-MM-DD"): GMT, or BST from 01:00 UTC on the last Sunday
/// of March to 01:00 UTC on the last Sunday of October.
std::string londonDate(Instant instant);

/// Whether a tracked enquiry is overdue at `now`: still planned or in progress, and its due date ("YYYY-MM-DD")
/// is before today's date in Europe/London. An enquiry without a due date is never overdue.
bool isOverdue(const Record& enquiry, Instant now);

/// The decision text of a decline, "Declined line of enquiry <id>: <title>".
std::string declineText(const nom::Enquiry& entry);

} // namespace wb::core::plan
