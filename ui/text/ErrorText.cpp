// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/text/ErrorText.h"

#include <string>
#include <variant>

#include "core/Error.h"
#include "core/cases/OutcomeGuards.h"
#include "core/io/CaseBundle.h"
#include "core/nom/QuestionCatalogue.h"
#include "core/records/RecordSpec.h"
#include "core/records/RecordTypes.h"
#include "ui/text/DisplayText.h"
#include "ui/text/FieldLabels.h"

namespace wb::ui {

namespace {

/// A handover bundle refused for its size, shape or content, written or read (core/io's limits).
QString bundleValidationMessage(const std::string& field)
{
    if (field == "bundleFile") {
        return ErrorText::tr("This is not a bundle file: a folder, device or pipe is never read as a bundle. Choose "
                             "the bundle file itself.");
    }
    if (field == "bundleSize") {
        return ErrorText::tr("This bundle is larger than a bundle may be (%1 MiB for the file, %2 MiB of content). "
                             "Hand the cases over in several bundles.")
            .arg(core::bundle::MaxFileBytes >> 20)
            .arg(core::bundle::MaxDocumentBytes >> 20);
    }
    if (field == "bundleDepth" || field == "bundleText" || field == "bundleList") {
        return ErrorText::tr("This bundle goes beyond the limits any bundle keeps (lists nested at most %1 deep, at "
                             "most %2 KiB in one text, at most %3 entries in one list), so it was refused. Ask for "
                             "it again.")
            .arg(core::bundle::MaxDepth)
            .arg(core::bundle::MaxTextBytes >> 10)
            .arg(core::bundle::MaxListEntries);
    }
    if (field == "bundleUuid") {
        return ErrorText::tr("This bundle gives one identifier to two different records (in the bundle, or to a "
                             "record of another kind already in this workspace), so it cannot be imported safely. "
                             "Ask the sender for a new bundle.");
    }
    if (field == "acceptedRecords") {
        return ErrorText::tr("A ticked record needs another record that is not ticked. Tick both, or neither.");
    }
    return {};
}

QString validationMessage(const std::string& field)
{
    if (field == "training") {
        return ErrorText::tr("This is for a TRAINING workspace only: an exercise never runs in a live workspace, and "
                             "a live case never becomes training material.");
    }
    if (field == "exercise") {
        return ErrorText::tr("An exercise starts in a new training workspace with no case in it.");
    }
    if (field == "packId") {
        return ErrorText::tr("A pack id is lower-case letters, digits and hyphens (at most 60), and does not start "
                             "with a hyphen.");
    }
    if (field == "debriefFile") {
        return ErrorText::tr("This is not a debrief file saved by this workbench, or it was changed after it was "
                             "saved. Ask the trainee to save it again.");
    }
    if (field == "debriefVersion") {
        return ErrorText::tr("This debrief file was saved by a later version of the workbench. Read it with that "
                             "version.");
    }
    if (field == "debriefPack") {
        return ErrorText::tr("These debrief files are from different exercises. Put each exercise's files together "
                             "on their own.");
    }
    if (field == "code") {
        return ErrorText::tr("No new information of this exercise has that release code. Check the code with the "
                             "trainer: six letters and digits.");
    }
    if (field == "reference") {
        return ErrorText::tr("Enter the crime reference in your force's format (shown under the field), "
                             "up to 40 characters.");
    }
    if (field == "operationName") {
        return ErrorText::tr("The operation name can be at most 80 characters, without line breaks or control "
                             "characters.");
    }
    if (field == "primaryOffence") {
        return ErrorText::tr("Choose the primary offence from the list.");
    }
    if (field == "reportedAt") {
        return ErrorText::tr("Enter when the offence was reported: a real date and time, not in the future.");
    }
    if (field == "givenName") {
        return ErrorText::tr("Enter a given name or a family name (or \"Unknown\"), at most 100 characters each.");
    }
    if (field == "familyName") {
        return ErrorText::tr("The family name can be at most 100 characters, without control characters.");
    }
    if (field == "ageYears") {
        return ErrorText::tr("Age: enter a whole number of years between 0 and 120.");
    }
    if (field == "firstDisclosure") {
        return ErrorText::tr("First disclosure: only a witness can be the first-disclosure witness.");
    }
    if (field == "dateOfBirth") {
        return ErrorText::tr("Enter a date of birth that is not in the future.");
    }
    if (field == "caseId") {
        return ErrorText::tr("This case no longer exists.");
    }
    if (field == "marking") {
        return ErrorText::tr("Enter the protective marking on one line, up to 80 characters.");
    }
    if (field == "ownerName") {
        return ErrorText::tr("Enter the name of the officer who owns this workspace.");
    }
    if (field == "passphrase" || field == "newPassphrase") {
        return ErrorText::tr("Enter a passphrase.");
    }
    // A decision on a pair of persons (repeat suspects, core/suspects/Decisions).
    if (field == "rationale") {
        return ErrorText::tr("Give the reason for this decision: what in the records shows it (at most 4000 "
                             "characters, without control characters other than line breaks).");
    }
    if (field == "role") {
        return ErrorText::tr("A decision is about a suspect: at least one of the two must be a suspect, and two "
                             "victims are never paired.");
    }
    if (field == "personA" || field == "personB") {
        return ErrorText::tr("One of the two records no longer exists (or both are the same record), so this pair "
                             "cannot be decided.");
    }
    // A victim letter (core/letters).
    if (field == "letter") {
        return ErrorText::tr("Choose the victim, what the letter is about and the letter.");
    }
    if (field == "event") {
        return ErrorText::tr("This letter does not tell of what was chosen: choose another letter.");
    }
    if (field == "bail.endDate") {
        return ErrorText::tr("The letter gives the day the bail ends, and the bail record has no end (or its clock "
                             "is paused awaiting a CPS charging decision). Record the bail's end first.");
    }
    if (field == "event.date" || field == "victim.name" || field == "officer.name" || field == "officer.staffNumber") {
        return ErrorText::tr("The letter needs something the case has not recorded (%1). Record it first.")
            .arg(QString::fromStdString(field));
    }
    if (QString bundle = bundleValidationMessage(field); !bundle.isEmpty()) {
        return bundle;
    }
    // Field names are code identifiers, never personal data.
    return ErrorText::tr("A value is not valid (%1).").arg(QString::fromStdString(field));
}

QString requiredMessage(const std::string& field)
{
    if (field == "result") {
        return ErrorText::tr("Record the result of the enquiry, or why it was not possible.");
    }
    return validationMessage(field);
}

/// The guardrails on a case's outcome (core/cases/OutcomeGuards.h); empty for any other field.
QString outcomeGuardrailMessage(const std::string& field)
{
    if (field == "outcomeCommunityResolution") {
        return ErrorText::tr("A community resolution (outcome 8) cannot be recorded for rape.");
    }
    if (field == "outcomeWithdrawal") {
        return ErrorText::tr("Outcome 16 needs the victim's withdrawal recorded first: add it under the victim's "
                             "wishes (the main reason, and whether they were spoken to directly).");
    }
    if (field == "outcomeSpokenDirectly") {
        return ErrorText::tr("Outcome 16: the withdrawal record must say whether the victim was spoken to "
                             "directly. Add a new entry under the victim's wishes that replaces it.");
    }
    if (field == "outcomeEvidenceLed") {
        return ErrorText::tr("Outcome 16: record under the victim's wishes that an evidence-led prosecution was "
                             "considered, and what was concluded.");
    }
    if (field == "outcomeSupervisoryReview") {
        return ErrorText::tr("Outcomes 15 and 16 need a signed-off supervisory review (sergeant or above) in the %1 "
                             "days before the outcome date (for outcome 16, made after the withdrawal was recorded).")
            .arg(core::cases::OutcomeReviewWindowDays);
    }
    return {};
}

/// The credibility guardrail (nom-brief §6.7–6.9): what an intrusive enquiry still needs.
QString guardrailMessage(const std::string& field)
{
    if (field == "line_of_enquiry") {
        return ErrorText::tr("This enquiry intrudes on the victim's private life: state the reasonable line of "
                             "enquiry it serves.");
    }
    if (field == "necessity_proportionality") {
        return ErrorText::tr("This enquiry intrudes on the victim's private life: explain why it is necessary "
                             "and proportionate.");
    }
    if (field == "less_intrusive_options") {
        return ErrorText::tr("This enquiry intrudes on the victim's private life: record the less intrusive "
                             "options considered and why they are not enough.");
    }
    if (field == "supervisor_review") {
        return ErrorText::tr("An enquiry that intrudes on the victim's private life needs supervisory review.");
    }
    if (field == "s37_notice_date") {
        return ErrorText::tr("A victim's device cannot be examined before the written notice under s.37 PCSC Act "
                             "2022 has been given: record the date it was given (not in the future).");
    }
    if (QString outcome = outcomeGuardrailMessage(field); !outcome.isEmpty()) {
        return outcome;
    }
    return ErrorText::tr("This enquiry intrudes on the victim's private life: its justification is incomplete.");
}

/// A record form's guardrail refusal, in the words of its record type (devices and third-party requests).
QString recordGuardrailMessage(const core::RecordSpec& spec, const std::string& field)
{
    namespace rt = core::recordtype;
    if (spec.type == rt::kDevice && field == "line_of_enquiry") {
        return ErrorText::tr("A victim's or witness's device cannot be recorded as extracted without the reasonable "
                             "line of enquiry it serves: record it first.");
    }
    if (spec.type == rt::kDevice && field == "s37_notice_date") {
        return ErrorText::tr("A victim's or witness's device cannot be recorded as extracted without the written "
                             "notice under s.37 PCSC Act 2022: record the date it was given, on or before the day "
                             "extraction started.");
    }
    if (spec.type == rt::kTpmRequest && field == "victim_informed_on") {
        return ErrorText::tr("A third-party material request cannot be recorded as sent without the date the victim "
                             "was given notice of it.");
    }
    if (spec.type == rt::kTpmRequest && field == "supervisor_review") {
        return ErrorText::tr("A third-party material request intrudes on the victim's private life: it can be "
                             "recorded as sent only after a supervisor has approved it (record the approval, dated "
                             "on or before the request).");
    }
    return guardrailMessage(field);
}

/// A validation refusal of an enquiry's field (or a decline's rationale), in the plan's words.
QString planValidationMessage(const core::Error& error)
{
    const std::string& field = error.field();
    if (field == "rationale") {
        return ErrorText::tr("Give the reason for declining this line of enquiry. It goes to the decision log.");
    }
    if (field == "line_of_enquiry" || field == "necessity_proportionality" || field == "less_intrusive_options" ||
        field == "result" || field == "supervisor_comment") {
        return ErrorText::tr("%1: at most 4000 characters, without control characters.")
            .arg(FieldLabels::label("enquiry", field));
    }
    if (field == "supervisor_review" || field == "s37_notice_date") {
        // Not a missing justification (a bad choice or date): the guardrail's words still say what is needed.
        return guardrailMessage(field);
    }
    if (field == "supervisor_name") {
        return ErrorText::tr("Name the supervisor who reviewed this enquiry.");
    }
    if (field == "supervisor_reviewed_at") {
        return ErrorText::tr("Record when the supervisor reviewed this enquiry (not in the future).");
    }
    if (field == "status") {
        return ErrorText::tr("The supervisor refused this enquiry: it cannot be started.");
    }
    if (field == "title") {
        return ErrorText::tr("Describe the line of enquiry (at most 300 characters).");
    }
    if (field == "owner") {
        return ErrorText::tr("Enter who will carry out the enquiry.");
    }
    if (field == "due_on") {
        return ErrorText::tr("Enter a real due date, or tick \"No due date\".");
    }
    if (field == "principle") {
        return ErrorText::tr("Choose the principle this enquiry serves.");
    }
    const QString name = FieldLabels::label("enquiry", field);
    return name.isEmpty() ? ErrorText::message(error) : ErrorText::tr("%1: this value is not valid.").arg(name);
}

} // namespace

QString ErrorText::planMessage(const core::Error& error)
{
    using core::ErrorCode;
    if (error.field() == "enquiryId") {
        if (error.code() == ErrorCode::Conflict) {
            return tr("This line of enquiry is already a tracked enquiry in this plan. Open it to record its "
                      "progress or result (or that it was not possible) instead.");
        }
        return tr("The catalogue in use no longer has this line of enquiry.");
    }
    if (error.code() == ErrorCode::Validation) {
        return planValidationMessage(error);
    }
    return message(error);
}

QString ErrorText::message(const core::Error& error)
{
    using core::ErrorCode;
    switch (error.code()) {
    case ErrorCode::FileNotFound: return tr("The workspace file or its folder could not be found.");
    case ErrorCode::AlreadyExists:
        if (error.field() == "leftover") {
            return tr("A file left behind by an earlier workspace of this name is in the folder. Choose another name, "
                      "or move that file away first.");
        }
        return tr("A file already exists at this path. Choose another name: existing files are never overwritten.");
    case ErrorCode::PermissionDenied: return tr("You do not have permission to use this file or its folder.");
    case ErrorCode::NotAWorkspace: return tr("This file is not a RASSO Investigator Workbench workspace.");
    case ErrorCode::Truncated:
        return tr("This workspace file is incomplete: it has been cut short, perhaps by an interrupted copy. "
                  "Use a backup copy.");
    case ErrorCode::Corrupted:
        return tr("This workspace file is damaged and cannot be read safely. Use a backup copy.");
    case ErrorCode::WrongPassphrase:
        // The key check cannot tell a wrong passphrase from a damaged header (its salt).
        return tr("The passphrase does not open this workspace. If you are sure it is right, the file's header "
                  "may be damaged: try a backup copy.");
    case ErrorCode::NewerVersion:
        // Core's text here holds only version numbers: no personal data.
        return tr("This workspace was written by a newer version of the workbench. Install that version or "
                  "later to open it. (%1)")
            .arg(QString::fromStdString(error.what()));
    case ErrorCode::LockedByOtherInstance: return tr("This workspace is already open in another window or program.");
    case ErrorCode::Locked: return tr("The workspace is locked. Unlock it and try again.");
    case ErrorCode::Validation: return validationMessage(error.field());
    case ErrorCode::Required: return requiredMessage(error.field());
    case ErrorCode::GuardrailRefused: return guardrailMessage(error.field());
    case ErrorCode::NotFound:
        if (error.field() == "exercise") {
            return tr("This workspace runs no exercise, or its exercise's case was removed. Start the exercise "
                      "again from the welcome page.");
        }
        return tr("This record no longer exists. It may have been removed.");
    case ErrorCode::Conflict:
        if (error.field() == "bundlePlan") {
            return tr("The bundle or this workspace changed while the import was being reviewed. Start the import "
                      "again.");
        }
        if (error.field() == "reference") {
            return tr("A case with this reference already exists.");
        }
        if (error.field() == "personB") {
            return tr("A decision on this pair was recorded meanwhile. Close this window and open the pair again to "
                      "see it before deciding.");
        }
        if (error.field().empty()) {
            return tr("Other records are linked to this one. Remove those links first.");
        }
        return tr("This value is already in use.");
    case ErrorCode::Immutable:
        return tr("Decision log entries cannot be changed or removed. Add a new entry that supersedes it.");
    case ErrorCode::NotSqlCipher:
        return tr("This installation is missing its encryption library (SQLCipher). Reinstall the workbench.");
    case ErrorCode::ReferenceData:
        return tr("The workbench's reference data is missing or damaged. Reinstall the workbench.");
    case ErrorCode::Storage: return tr("The workspace could not be read or saved. Work saved earlier is unchanged.");
    case ErrorCode::Io:
        return tr("The computer reported a problem reading or writing files (the disk may be full). "
                  "Work saved earlier is unchanged.");
    }
    return unexpected();
}

QString ErrorText::bundleMessage(const core::Error& error)
{
    using core::ErrorCode;
    switch (error.code()) {
    case ErrorCode::WrongPassphrase:
        return tr("The bundle passphrase is not correct. Ask the sender for the bundle's own passphrase.");
    case ErrorCode::NotAWorkspace: return tr("This file is not a handover bundle.");
    case ErrorCode::Truncated:
        return tr("This bundle is incomplete: it has been cut short, perhaps by an interrupted copy. Ask for it "
                  "again.");
    case ErrorCode::Corrupted:
        return tr("This bundle has been altered or damaged since it was written, so it cannot be trusted. Ask for "
                  "it again.");
    case ErrorCode::Validation:
        if (error.field() == "bundleSize") {
            return tr("This bundle is larger than a bundle may be (%1 MiB for the file, %2 MiB of content). Ask the "
                      "sender to hand the cases over in several bundles.")
                .arg(core::bundle::MaxFileBytes >> 20)
                .arg(core::bundle::MaxDocumentBytes >> 20);
        }
        if (error.field() == "bundleFromTraining") {
            return tr("This bundle holds cases from a TRAINING workspace. Training cases are fictional and cannot be "
                      "imported into a live workspace.");
        }
        if (error.field() == "bundleFromLive") {
            return tr("This bundle holds live cases. Live cases cannot be imported into a TRAINING workspace: real "
                      "case material never goes into training.");
        }
        return message(error);
    default: return message(error);
    }
}

QString ErrorText::answerMessage(const core::Error& error,
                                 const core::nom::Question& question,
                                 const std::optional<core::nom::FactValue>& value)
{
    using core::nom::AnswerType;
    if (error.code() == core::ErrorCode::Validation && error.field() == "overrideReason") {
        return tr("The case's records say otherwise. To answer differently, give your reason in the box above "
                  "(it is kept with the answer and shown here).");
    }
    if (error.code() != core::ErrorCode::Validation || error.field() != question.id) {
        return message(error);
    }
    switch (question.type) {
    case AnswerType::Number:
        if (question.min && question.max) {
            return tr("This number is not allowed here. Enter a number from %1 to %2.")
                .arg(DisplayText::number(*question.min), DisplayText::number(*question.max));
        }
        return tr("This number is not allowed here.");
    case AnswerType::DateRange:
        if (value && std::holds_alternative<core::nom::DateRange>(*value)) {
            const auto& range = std::get<core::nom::DateRange>(*value);
            if (range.from > range.to) {
                return tr("The start of the period must not be after its end.");
            }
        }
        return tr("Enter a real period: from and to dates in UK time.");
    case AnswerType::Text: return tr("Enter the text on one line, without control characters.");
    case AnswerType::Choice:
    case AnswerType::MultiChoice: return tr("Choose from the options offered.");
    case AnswerType::Instant: return tr("Enter a real date and time in UK time.");
    case AnswerType::YesNo: break;
    }
    return tr("This answer is not valid for the question.");
}

QString ErrorText::caseDetailProblem(const core::Error& error)
{
    if (error.code() != core::ErrorCode::Validation) {
        return message(error);
    }
    const std::string& field = error.field();
    if (field == "offenceDate") {
        return tr("give a date that is not in the future and not after the report.");
    }
    if (field == "otherOffences") {
        return tr("choose offences from the list, each once, other than the primary offence.");
    }
    if (field == "outcomeDate") {
        return tr("an outcome needs its date, which cannot be in the future.");
    }
    if (field == "outcomeReason") {
        return tr("an outcome needs a reason.");
    }
    if (field == "outcomeCode") {
        return tr("choose the outcome code the date and reason belong to.");
    }
    if (field == "locationDescription") {
        return tr("at most 200 characters, without control characters.");
    }
    if (field == "locationType" || field == "reportChannel" || field == "journeyStage") {
        return tr("choose an entry from the list.");
    }
    return message(error);
}

QString ErrorText::unexpected()
{
    return tr("Something unexpected went wrong. Work saved earlier is unchanged.");
}

QString ErrorText::recordField(const core::Error& error, const core::RecordSpec& spec, bool requiredNow)
{
    namespace rt = core::recordtype;
    using core::FieldKind;
    if (error.code() == core::ErrorCode::GuardrailRefused) {
        return recordGuardrailMessage(spec, error.field());
    }
    if (error.code() != core::ErrorCode::Validation) {
        return message(error);
    }
    const std::string& key = error.field();
    const auto* field = spec.field(key);
    if (field == nullptr) {
        return message(error);
    }
    const QString name = FieldLabels::label(spec.type, key);
    if (spec.type == rt::kIdentifier && key == "value") {
        return tr("Value: enter the alias, number, address or other identifier.");
    }
    if (spec.type == rt::kRelationship && (key == "victim_id" || key == "suspect_id")) {
        return tr("Relationship: add a victim and a suspect to the case first.");
    }
    if (spec.type == rt::kExhibit && key == "reference") {
        return tr("Another exhibit in this case already has this reference.");
    }
    if (spec.type == rt::kDecision && key == "supersedes_id") {
        return tr("That entry has already been corrected. Correct the latest entry instead.");
    }
    if (spec.type == rt::kBailExtension && key == "authorised_rank") {
        return tr("This extension needs an authorising officer of the rank the extension names, or above.");
    }
    if (spec.type == rt::kBail && key == "abp_end") {
        return tr("Released under investigation has no bail period: leave this empty.");
    }
    if (spec.type == rt::kBail && key == "arrested_on") {
        return tr("Pre-charge bail: record the arrest date, not in the future. The bail period counts from the day "
                  "after it.");
    }
    if (spec.type == rt::kBailExtension && key == "designated_on") {
        return tr("This extension is for a case the DPP has designated as exceptionally complex: record the date "
                  "of the designation, not in the future.");
    }
    if (spec.type == rt::kBailExtension && key == "new_end") {
        return tr("New end: no later than this extension allows, its months counted from the bail start date "
                  "(the day after the arrest).");
    }
    if (spec.type == rt::kBailExtension && key == "extension") {
        return tr("Record the earlier extension on this bail first: the exceptionally complex extension follows a "
                  "superintendent's (s.47ZDA), the court's 18-month extension follows it.");
    }
    if (spec.type == rt::kBailPause && key == "note") {
        return tr("Record when the CPS decision was notified, or say in the note how the wait ended.");
    }
    if (spec.type == rt::kOrder && key == "served_at") {
        return tr("A notice runs from when it was served: record the date and time of service, not in the future.");
    }
    if (spec.type == rt::kOrder && key == "authorised_rank") {
        return tr("A DVPN needs an authorising officer of superintendent rank or above, a DAPN an inspector or "
                  "above.");
    }
    if (spec.type == rt::kOrder && key == "breach_action") {
        return tr("Record what was done about the breach.");
    }
    if (spec.type == rt::kOrder && key == "breached_at") {
        return tr("Breached at: a real date and time, not in the future, and not before the order was made or "
                  "the notice served.");
    }
    if (spec.type == rt::kContact && key == "victim_id") {
        return tr("The case has no victim. Add them on the People tab first.");
    }
    if (spec.type == rt::kContact && key == "deviation_reason") {
        return tr("The contact plan was not followed, so record why.");
    }
    switch (field->kind) {
    case FieldKind::Date:
    case FieldKind::DateTime:
    case FieldKind::ApproxDate: {
        QString text = tr("%1: enter a real date").arg(name);
        if (field->notFuture) {
            text += tr(", not in the future");
        }
        if (!field->notBefore.empty()) {
            text += tr(", not before %1").arg(FieldLabels::label(spec.type, field->notBefore));
        }
        return text + tr(".");
    }
    case FieldKind::Integer:
        return tr("%1: enter a whole number from %2 to %3.").arg(name).arg(field->minValue).arg(field->maxValue);
    case FieldKind::Choice: return tr("%1: choose an entry from the list.").arg(name);
    case FieldKind::PersonLink: return tr("%1: choose a person in this case.").arg(name);
    case FieldKind::RecordLink:
    case FieldKind::UuidList: return tr("%1: choose records of this case.").arg(name);
    case FieldKind::Text:
    case FieldKind::LongText:
        if (requiredNow) {
            return tr("%1 is required (at most %2 characters).").arg(name).arg(field->maxChars);
        }
        return tr("%1: at most %2 characters, without control characters.").arg(name).arg(field->maxChars);
    default: return tr("%1: this value is not valid.").arg(name);
    }
}

} // namespace wb::ui
