// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/text/FieldLabels.h"

#include <array>

namespace wb::ui {

namespace {

#define WB_TR(text) QT_TRANSLATE_NOOP("wb::ui::FieldLabels", text)

struct TypeEntry {
    std::string_view type;
    const char* title;
    const char* plural;
    std::vector<std::string_view> columns;
};

const std::vector<TypeEntry>& types()
{
    static const std::vector<TypeEntry> entries = {
        {"identifier", WB_TR("Identifier"), WB_TR("Identifiers"), {"kind", "value"}},
        {"relationship", WB_TR("Relationship"), WB_TR("Relationships"), {"victim_id", "suspect_id", "category"}},
        {"decision", WB_TR("Decision"), WB_TR("Decisions"), {"decided_at", "decision", "decided_by"}},
        {"timeline_event", WB_TR("Timeline event"), WB_TR("Timeline"), {"occurred", "title", "source"}},
        {"exhibit", WB_TR("Exhibit"), WB_TR("Exhibits"), {"reference", "description", "seized_at", "storage_location"}},
        {"exhibit_movement",
         WB_TR("Exhibit movement"),
         WB_TR("Movements (chain of custody)"),
         {"moved_at", "from_location", "to_location", "moved_by"}},
        {"device",
         WB_TR("Digital device"),
         WB_TR("Digital devices"),
         {"owner_role", "person_id", "device_type", "legal_basis", "returned_at"}},
        {"tpm_request",
         WB_TR("Third-party material request"),
         WB_TR("Third-party material requests"),
         {"tpm_type", "holder", "requested_on", "response_on"}},
        {"unused_material",
         WB_TR("Item of unused material"),
         WB_TR("Unused material"),
         {"description", "location", "sensitivity", "disclosure_test"}},
        {"bail",
         WB_TR("Bail or RUI"),
         WB_TR("Bail and RUI"),
         {"suspect_id", "kind", "start_date", "abp_end", "ended_on"}},
        {"bail_extension",
         WB_TR("Bail extension"),
         WB_TR("Bail extensions"),
         {"extension", "new_end", "authorised_by", "authorised_rank", "authorised_on"}},
        {"bail_pause",
         WB_TR("Awaiting a CPS charging decision"),
         WB_TR("Time awaiting a CPS charging decision (not counted)"),
         {"from_date", "to_date", "decision_notified_on"}},
        {"rui_review", WB_TR("RUI review"), WB_TR("RUI reviews"), {"due_on", "reviewed_on", "outcome"}},
        {"order",
         WB_TR("Order or notice"),
         WB_TR("Orders and notices"),
         {"order_type", "subject_id", "served_at", "made_on", "expires_on", "breached_at", "ended_on"}},
        {"review",
         WB_TR("Supervisory review"),
         WB_TR("Supervisory reviews"),
         {"reviewed_at", "reviewer_name", "reviewer_rank", "signed_off"}},
        {"enquiry",
         WB_TR("Line of enquiry"),
         WB_TR("Lines of enquiry"),
         {"title", "owner", "due_on", "status", "supervisor_review"}},
        {"plan_snapshot", WB_TR("Plan review"), WB_TR("Plan reviews"), {"taken_at", "taken_by", "catalogue_version"}},
        {"case_event",
         WB_TR("Investigation event"),
         WB_TR("Investigation events"),
         {"occurred_at", "kind", "suspect_id"}},
        {"contact_plan",
         WB_TR("Contact plan"),
         WB_TR("Contact plans"),
         {"victim_id", "agreed_on", "frequency_days", "method", "through_whom", "do_not_contact"}},
        {"contact",
         WB_TR("Contact"),
         WB_TR("Contact log"),
         {"contacted_at", "victim_id", "method", "purpose", "by_whom"}},
        {"victim_right",
         WB_TR("Victims' Code entry"),
         WB_TR("Victims' Code"),
         {"victim_id", "right_code", "done_on", "action"}},
        {"isva_referral",
         WB_TR("ISVA referral"),
         WB_TR("ISVA"),
         {"victim_id", "offered_on", "accepted", "service", "consent_to_share"}},
        {"victim_wish",
         WB_TR("Victim's wishes"),
         WB_TR("Victim's wishes"),
         {"recorded_at", "victim_id", "wish", "reason", "spoken_directly"}},
    };
    return entries;
}

struct FieldEntry {
    std::string_view type;
    std::string_view key;
    const char* label;
    const char* help;
};

constexpr std::array Fields = {
    FieldEntry{"identifier", "kind", WB_TR("Kind"), WB_TR("Phone number, email, handle, vehicle, police identifier…")},
    FieldEntry{"identifier", "value", WB_TR("Value"), nullptr},
    FieldEntry{"identifier", "note", WB_TR("Note"), nullptr},
    FieldEntry{"relationship", "victim_id", WB_TR("Victim"), nullptr},
    FieldEntry{"relationship", "suspect_id", WB_TR("Suspect"), nullptr},
    FieldEntry{"relationship", "category", WB_TR("Relationship"), nullptr},
    FieldEntry{"relationship", "description", WB_TR("Description"), WB_TR("In the victim's own terms where possible.")},
    FieldEntry{"decision", "decided_at", WB_TR("Decided at"), WB_TR("Date and time, UK time.")},
    FieldEntry{"decision", "decision", WB_TR("Decision"), nullptr},
    FieldEntry{"decision", "rationale", WB_TR("Rationale"), WB_TR("Why this decision was made.")},
    FieldEntry{"decision", "alternatives", WB_TR("Alternatives considered"), nullptr},
    FieldEntry{"decision", "decided_by", WB_TR("Decided by"), WB_TR("Name and rank of the decision maker.")},
    FieldEntry{"decision", "supersedes_id", WB_TR("Supersedes"), WB_TR("The earlier entry this one corrects.")},
    FieldEntry{"decision", "rests_on", WB_TR("Rests on"), WB_TR("The people and records this decision rests on.")},
    FieldEntry{"timeline_event", "occurred", WB_TR("When"), WB_TR("Only as precisely as it is known.")},
    FieldEntry{"timeline_event", "title", WB_TR("Event"), nullptr},
    FieldEntry{"timeline_event", "details", WB_TR("Details"), nullptr},
    FieldEntry{"timeline_event", "source", WB_TR("Source"), WB_TR("Who or what this comes from.")},
    FieldEntry{"timeline_event", "links", WB_TR("Linked people and records"), nullptr},
    FieldEntry{"exhibit", "reference", WB_TR("Exhibit reference"), WB_TR("Unique within the case, e.g. ABC/1.")},
    FieldEntry{"exhibit", "description", WB_TR("Description"), nullptr},
    FieldEntry{"exhibit", "seized_from", WB_TR("Seized from"), nullptr},
    FieldEntry{"exhibit", "seized_by", WB_TR("Seized by"), nullptr},
    FieldEntry{"exhibit", "seized_at", WB_TR("Seized at"), nullptr},
    FieldEntry{"exhibit", "storage_location", WB_TR("Storage location"), nullptr},
    FieldEntry{"exhibit_movement", "moved_at", WB_TR("Moved at"), nullptr},
    FieldEntry{"exhibit_movement", "from_location", WB_TR("From"), nullptr},
    FieldEntry{"exhibit_movement", "to_location", WB_TR("To"), nullptr},
    FieldEntry{"exhibit_movement", "moved_by", WB_TR("Moved by"), nullptr},
    FieldEntry{"exhibit_movement", "reason", WB_TR("Reason"), nullptr},
    FieldEntry{"device", "owner_role", WB_TR("Owner"), WB_TR("Whose device: victim, suspect, witness or scene.")},
    FieldEntry{"device", "person_id", WB_TR("Person"), nullptr},
    FieldEntry{"device", "device_type", WB_TR("Device type"), nullptr},
    FieldEntry{"device", "description", WB_TR("Description"), nullptr},
    FieldEntry{"device", "legal_basis", WB_TR("Legal basis"), nullptr},
    FieldEntry{"device", "s37_notice_date", WB_TR("s.37 notice date"),
               WB_TR("Required when the legal basis is an s.37 agreement.")},
    FieldEntry{"device", "line_of_enquiry", WB_TR("Reasonable line of enquiry"),
               WB_TR("Required when the owner is a victim or witness.")},
    FieldEntry{"device", "proportionality", WB_TR("Necessity and proportionality"),
               WB_TR("Required when the owner is a victim or witness.")},
    FieldEntry{"device", "data_types", WB_TR("Data types in scope"), nullptr},
    FieldEntry{"device", "data_from", WB_TR("Data from"), nullptr},
    FieldEntry{"device", "data_to", WB_TR("Data to"), nullptr},
    FieldEntry{"device", "seized_at", WB_TR("Seized or received at"), nullptr},
    FieldEntry{"device", "extraction_started", WB_TR("Extraction started"), nullptr},
    FieldEntry{"device", "extraction_completed", WB_TR("Extraction completed"), nullptr},
    FieldEntry{"device", "returned_at", WB_TR("Returned at"), nullptr},
    FieldEntry{"device", "swap_given", WB_TR("Like-for-like swap given"), nullptr},
    FieldEntry{"tpm_request", "person_id", WB_TR("About"), nullptr},
    FieldEntry{"tpm_request", "tpm_type", WB_TR("Material type"), nullptr},
    FieldEntry{"tpm_request", "holder", WB_TR("Holder"), nullptr},
    FieldEntry{"tpm_request", "line_of_enquiry", WB_TR("Why it is a reasonable line of enquiry"), nullptr},
    FieldEntry{"tpm_request", "proportionality", WB_TR("Necessity and proportionality"), nullptr},
    FieldEntry{"tpm_request", "requested_on", WB_TR("Requested on"), nullptr},
    FieldEntry{"tpm_request", "victim_informed_on", WB_TR("Victim informed on"), nullptr},
    FieldEntry{"tpm_request", "response", WB_TR("Response"), nullptr},
    FieldEntry{"tpm_request", "response_on", WB_TR("Response on"), nullptr},
    FieldEntry{"tpm_request", "supervisor_review", WB_TR("Supervisory review"),
               WB_TR("An intrusive request: a supervisor approves it before it is sent.")},
    FieldEntry{"tpm_request", "supervisor_name", WB_TR("Reviewing supervisor"), nullptr},
    FieldEntry{"tpm_request", "supervisor_rank", WB_TR("Supervisor's rank"), nullptr},
    FieldEntry{"tpm_request", "supervisor_reviewed_at", WB_TR("Reviewed at"), nullptr},
    FieldEntry{"unused_material", "description", WB_TR("Description"),
               WB_TR("Enough for the prosecutor to judge it without seeing it: what it is, whose, and what it shows.")},
    FieldEntry{"unused_material", "relevant_date", WB_TR("Relevant date"), nullptr},
    FieldEntry{"unused_material", "location", WB_TR("Where it is held"), nullptr},
    FieldEntry{"unused_material", "sensitivity", WB_TR("Sensitivity"),
               WB_TR("Sensitive material goes on the MG6D, for the prosecutor only, never on the MG6C.")},
    FieldEntry{"unused_material", "sensitivity_reason", WB_TR("Reason for sensitivity"),
               WB_TR("Why disclosing it would risk serious prejudice to an important public interest.")},
    FieldEntry{"unused_material", "disclosure_test", WB_TR("Disclosure test"),
               WB_TR("Might it reasonably undermine the prosecution case or assist the defence? Such items go on "
                     "the MG6E.")},
    FieldEntry{"unused_material", "disclosure_reason", WB_TR("Why it might meet the test"), nullptr},
    FieldEntry{"unused_material", "source_ref", WB_TR("Drafted from"), nullptr},
    FieldEntry{"bail", "suspect_id", WB_TR("Suspect"), nullptr},
    FieldEntry{"bail", "kind", WB_TR("Bail or RUI"), nullptr},
    FieldEntry{"bail", "arrested_on", WB_TR("Arrested on"),
               WB_TR("Pre-charge bail: the bail period is the 3 months beginning with the day after the arrest.")},
    FieldEntry{"bail", "start_date", WB_TR("Released on"), nullptr},
    FieldEntry{"bail", "conditions", WB_TR("Conditions"), nullptr},
    FieldEntry{"bail", "victim_views_sought", WB_TR("Victim's views sought"), nullptr},
    FieldEntry{"bail", "victim_views", WB_TR("Victim's views"), nullptr},
    FieldEntry{"bail", "abp_end", WB_TR("Applicable bail period ends"),
               WB_TR("Counted from the arrest date: the 3 months beginning with the day after the arrest.")},
    FieldEntry{"bail", "ended_on", WB_TR("Ended on"), nullptr},
    FieldEntry{"bail", "end_reason", WB_TR("End reason"), nullptr},
    FieldEntry{"bail_extension", "extension", WB_TR("Extension"), nullptr},
    FieldEntry{"bail_extension", "new_end", WB_TR("New end date"), nullptr},
    FieldEntry{"bail_extension", "authorised_by", WB_TR("Authorised by"), nullptr},
    FieldEntry{"bail_extension", "authorised_rank", WB_TR("Authorising rank"),
               WB_TR("Must be at least the rank the extension needs.")},
    FieldEntry{"bail_extension", "authorised_on", WB_TR("Authorised on"), nullptr},
    FieldEntry{"bail_extension", "designated_on", WB_TR("Designated exceptionally complex on"),
               WB_TR("Only for the exceptionally complex route: the date the DPP designated the case.")},
    FieldEntry{"bail_pause", "from_date", WB_TR("First day awaiting the decision"), nullptr},
    FieldEntry{"bail_pause", "to_date", WB_TR("Last day awaiting the decision"),
               WB_TR("Leave empty while the decision is awaited: the bail period's clock is paused.")},
    FieldEntry{"bail_pause", "sent_to_cps_on", WB_TR("Sent to the CPS on"), nullptr},
    FieldEntry{"bail_pause", "decision_notified_on", WB_TR("CPS decision notified on"), nullptr},
    FieldEntry{"bail_pause", "note", WB_TR("Note"), nullptr},
    FieldEntry{"order", "order_type", WB_TR("Order or notice"), nullptr},
    FieldEntry{"order", "subject_id", WB_TR("Against"), nullptr},
    FieldEntry{"order", "protected_id", WB_TR("Protects"), nullptr},
    FieldEntry{"order", "authorised_by", WB_TR("Authorised by"), nullptr},
    FieldEntry{"order", "authorised_rank", WB_TR("Authorising rank"),
               WB_TR("A DVPN needs a superintendent or above; a DAPN an inspector or above.")},
    FieldEntry{"order", "served_at", WB_TR("Served at"),
               WB_TR("A DVPN or DAPN lasts until the order hearing, which must be held within 48 hours of "
                     "service, not counting Sundays, Christmas Day, Good Friday and bank holidays.")},
    FieldEntry{"order", "applied_on", WB_TR("Applied for on"), nullptr},
    FieldEntry{"order", "hearing_at", WB_TR("Hearing at"), nullptr},
    FieldEntry{"order", "made_on", WB_TR("Made on"), nullptr},
    FieldEntry{"order", "expires_on", WB_TR("Expires on"), nullptr},
    FieldEntry{"order", "conditions", WB_TR("Conditions and prohibitions"), nullptr},
    FieldEntry{"order", "breached_at", WB_TR("Breached at"), nullptr},
    FieldEntry{"order", "breach_action", WB_TR("Action on the breach"), nullptr},
    FieldEntry{"order", "ended_on", WB_TR("Ended on"), nullptr},
    FieldEntry{"order", "end_reason", WB_TR("How it ended"), nullptr},
    FieldEntry{"rui_review", "due_on", WB_TR("Review due"), nullptr},
    FieldEntry{"rui_review", "reviewed_on", WB_TR("Reviewed on"), nullptr},
    FieldEntry{"rui_review", "outcome", WB_TR("Outcome"), nullptr},
    FieldEntry{"review", "reviewed_at", WB_TR("Reviewed at"), nullptr},
    FieldEntry{"review", "reviewer_name", WB_TR("Reviewer"), nullptr},
    FieldEntry{"review", "reviewer_rank", WB_TR("Reviewer's rank"), nullptr},
    FieldEntry{"review", "scope", WB_TR("What was reviewed"), nullptr},
    FieldEntry{"review", "directions", WB_TR("Directions given"), nullptr},
    FieldEntry{"review", "signed_off", WB_TR("Signed off"), nullptr},
    FieldEntry{"decision", "enquiry_ref", WB_TR("Line of enquiry (catalogue id)"),
               WB_TR("Set when the decision accepts or declines a line of enquiry from the catalogue.")},
    FieldEntry{"decision", "catalogue_version", WB_TR("Catalogue version"), nullptr},
    FieldEntry{"enquiry", "title", WB_TR("Line of enquiry"), nullptr},
    FieldEntry{"enquiry", "catalogue_id", WB_TR("Catalogue id"), WB_TR("Empty for an enquiry the officer added.")},
    FieldEntry{"enquiry", "catalogue_version", WB_TR("Catalogue version"), nullptr},
    FieldEntry{"enquiry", "principle", WB_TR("Principle"), WB_TR("The NOM principle this enquiry serves.")},
    FieldEntry{"enquiry", "owner", WB_TR("Owner"), WB_TR("Who will carry out the enquiry.")},
    FieldEntry{"enquiry", "due_on", WB_TR("Due"), nullptr},
    FieldEntry{"enquiry", "status", WB_TR("Status"), nullptr},
    FieldEntry{"enquiry", "result", WB_TR("Result"), WB_TR("What was found, or why the enquiry was not possible.")},
    FieldEntry{"enquiry", "accepted_at", WB_TR("Accepted at"), nullptr},
    FieldEntry{"enquiry", "accepted_by", WB_TR("Accepted by"), nullptr},
    FieldEntry{"enquiry", "intrudes", WB_TR("Intrudes on the victim's private life"),
               WB_TR("Phone download, third-party records, sexual history or character: needs justification and "
                     "supervisory review.")},
    FieldEntry{"enquiry", "involves_device", WB_TR("Involves the victim's device"),
               WB_TR("Examining a device needs the written notice under s.37 PCSC Act 2022 first.")},
    FieldEntry{"enquiry", "line_of_enquiry", WB_TR("Reasonable line of enquiry it serves"), nullptr},
    FieldEntry{"enquiry", "necessity_proportionality", WB_TR("Necessity and proportionality"),
               WB_TR("Why this intrusion is necessary, and why it is proportionate.")},
    FieldEntry{"enquiry", "less_intrusive_options", WB_TR("Less intrusive options considered"), nullptr},
    FieldEntry{"enquiry", "s37_notice_date", WB_TR("s.37 notice given on"), nullptr},
    FieldEntry{"enquiry", "supervisor_review", WB_TR("Supervisory review"), nullptr},
    FieldEntry{"enquiry", "supervisor_name", WB_TR("Reviewing supervisor"), nullptr},
    FieldEntry{"enquiry", "supervisor_rank", WB_TR("Supervisor's rank"), nullptr},
    FieldEntry{"enquiry", "supervisor_reviewed_at", WB_TR("Reviewed at"), nullptr},
    FieldEntry{"enquiry", "supervisor_comment", WB_TR("Supervisor's comment"), nullptr},
    FieldEntry{"plan_snapshot", "taken_at", WB_TR("Reviewed at"), nullptr},
    FieldEntry{"plan_snapshot", "taken_by", WB_TR("Reviewed by"), nullptr},
    FieldEntry{"plan_snapshot", "catalogue_version", WB_TR("Catalogue version"), nullptr},
    FieldEntry{"plan_snapshot", "enquiry_ids", WB_TR("Proposed lines of enquiry"), nullptr},
    FieldEntry{"case_event", "kind", WB_TR("Event"), nullptr},
    FieldEntry{"case_event", "occurred_at", WB_TR("When"), WB_TR("Date and time, UK time.")},
    FieldEntry{"case_event", "suspect_id", WB_TR("Suspect"), nullptr},
    FieldEntry{"case_event", "details", WB_TR("Details"), nullptr},
    FieldEntry{"contact_plan", "victim_id", WB_TR("Victim"), nullptr},
    FieldEntry{"contact_plan", "agreed_on", WB_TR("Agreed on"), nullptr},
    FieldEntry{"contact_plan", "frequency_days", WB_TR("Update every (days)"),
               WB_TR("How often the victim wants to be updated.")},
    FieldEntry{"contact_plan", "method", WB_TR("Method"), nullptr},
    FieldEntry{"contact_plan", "other_method", WB_TR("Other method"), nullptr},
    FieldEntry{"contact_plan", "safe_times", WB_TR("Safe times"), nullptr},
    FieldEntry{"contact_plan", "safe_channels", WB_TR("Safe numbers or addresses"), nullptr},
    FieldEntry{"contact_plan", "may_leave_messages", WB_TR("Messages may be left"), nullptr},
    FieldEntry{"contact_plan", "through_whom", WB_TR("Contact through"), nullptr},
    FieldEntry{"contact_plan", "through_details", WB_TR("Go-between's details"), nullptr},
    FieldEntry{"contact_plan", "language", WB_TR("Language"), nullptr},
    FieldEntry{"contact_plan", "avoid", WB_TR("Words or topics to avoid"), nullptr},
    FieldEntry{"contact_plan", "do_not_contact", WB_TR("Do not contact"), nullptr},
    FieldEntry{"contact_plan", "do_not_contact_reason", WB_TR("Why not to contact"), nullptr},
    FieldEntry{"contact_plan", "recorded_by", WB_TR("Recorded by"), nullptr},
    FieldEntry{"contact_plan", "supersedes_id", WB_TR("Replaces"), WB_TR("The earlier plan this one replaces.")},
    FieldEntry{"contact", "victim_id", WB_TR("Victim"), nullptr},
    FieldEntry{"contact", "contacted_at", WB_TR("When"), WB_TR("Date and time, UK time.")},
    FieldEntry{"contact", "method", WB_TR("Method"), nullptr},
    FieldEntry{"contact", "purpose", WB_TR("Purpose"), nullptr},
    FieldEntry{"contact", "by_whom", WB_TR("By"), nullptr},
    FieldEntry{"contact", "explained_events", WB_TR("Events explained to the victim"),
               WB_TR("Tick each event this contact told the victim about (Victims' Code Right 6): it meets the update "
                     "due for those events only.")},
    FieldEntry{"contact", "explained", WB_TR("What was explained"), nullptr},
    FieldEntry{"contact", "victim_views", WB_TR("Victim's views and questions"), nullptr},
    FieldEntry{"contact", "plan_followed", WB_TR("Contact plan followed"), nullptr},
    FieldEntry{"contact", "deviation_reason", WB_TR("Why the plan could not be followed"), nullptr},
    FieldEntry{"contact", "next_due", WB_TR("Next contact due"), nullptr},
    FieldEntry{"victim_right", "victim_id", WB_TR("Victim"), nullptr},
    FieldEntry{"victim_right", "right_code", WB_TR("Right"), nullptr},
    FieldEntry{"victim_right", "action", WB_TR("What was done"), nullptr},
    FieldEntry{"victim_right", "done_on", WB_TR("Done on"), nullptr},
    FieldEntry{"victim_right", "done_by", WB_TR("Done by"), nullptr},
    FieldEntry{"isva_referral", "victim_id", WB_TR("Victim"), nullptr},
    FieldEntry{"isva_referral", "offered_on", WB_TR("ISVA offered on"), nullptr},
    FieldEntry{"isva_referral", "accepted", WB_TR("Accepted"), nullptr},
    FieldEntry{"isva_referral", "service", WB_TR("ISVA service"), nullptr},
    FieldEntry{"isva_referral", "isva_contact", WB_TR("ISVA contact"), nullptr},
    FieldEntry{"isva_referral", "consent_to_share", WB_TR("Consent to share information"), nullptr},
    FieldEntry{"isva_referral", "consent_on", WB_TR("Consent given on"), nullptr},
    FieldEntry{"isva_referral", "notes", WB_TR("Notes"), nullptr},
    FieldEntry{"victim_wish", "victim_id", WB_TR("Victim"), nullptr},
    FieldEntry{"victim_wish", "recorded_at", WB_TR("Recorded at"), nullptr},
    FieldEntry{"victim_wish", "wish", WB_TR("The victim's wish"), nullptr},
    FieldEntry{"victim_wish", "reason", WB_TR("Main reason for withdrawing"), nullptr},
    FieldEntry{"victim_wish", "second_reason", WB_TR("Another reason"), nullptr},
    FieldEntry{"victim_wish", "spoken_directly", WB_TR("Victim spoken to directly"), nullptr},
    FieldEntry{"victim_wish", "evidence_led_considered", WB_TR("Evidence-led prosecution considered"),
               WB_TR("Whether the case could go on without the victim's support (needed before outcome 16).")},
    FieldEntry{"victim_wish", "evidence_led_rationale", WB_TR("Evidence-led prosecution: conclusion and why"), nullptr},
    FieldEntry{"victim_wish", "support_continues", WB_TR("Support that continues"), nullptr},
    FieldEntry{"victim_wish", "notes", WB_TR("Notes"), nullptr},
    FieldEntry{"victim_wish", "recorded_by", WB_TR("Recorded by"), nullptr},
    FieldEntry{"victim_wish", "supersedes_id", WB_TR("Replaces"), WB_TR("The earlier entry this one replaces.")},
};
struct OptionEntry {
    std::string_view type, key, code;
    const char* label;
};
constexpr std::array Options = {
    OptionEntry{"enquiry", "principle", "suspect-focused", WB_TR("Suspect-focused")},
    OptionEntry{"enquiry", "principle", "disrupting-repeat-suspects", WB_TR("Disrupting repeat suspects")},
    OptionEntry{"enquiry", "principle", "victim-centred", WB_TR("Victim-centred")},
    OptionEntry{"enquiry", "principle", "context-led", WB_TR("Context-led")},
    OptionEntry{"enquiry", "principle", "digital-forensics", WB_TR("Digital forensics")},
    OptionEntry{"enquiry", "principle", "victim-information",
                WB_TR("Victim's information (only if necessary and proportionate, with notice)")},
    OptionEntry{"enquiry", "status", "planned", WB_TR("Planned")},
    OptionEntry{"enquiry", "status", "in_progress", WB_TR("In progress")},
    OptionEntry{"enquiry", "status", "done", WB_TR("Done")},
    OptionEntry{"enquiry", "status", "not_possible", WB_TR("Not possible")},
    OptionEntry{"enquiry", "supervisor_review", "pending", WB_TR("Awaiting supervisory review")},
    OptionEntry{"enquiry", "supervisor_review", "approved", WB_TR("Approved by supervisor")},
    OptionEntry{"enquiry", "supervisor_review", "refused", WB_TR("Refused by supervisor")},
    OptionEntry{"enquiry", "supervisor_review", "not_needed", WB_TR("Not needed")},
    OptionEntry{"contact_plan", "through_whom", "direct", WB_TR("Directly")},
    OptionEntry{"contact_plan", "through_whom", "isva", WB_TR("Through the ISVA")},
    OptionEntry{"contact_plan", "through_whom", "intermediary", WB_TR("Through an intermediary")},
    OptionEntry{"contact_plan", "through_whom", "interpreter", WB_TR("With an interpreter")},
    OptionEntry{"contact_plan", "through_whom", "other", WB_TR("Through someone else")},
    OptionEntry{"isva_referral", "accepted", "yes", WB_TR("Yes")},
    OptionEntry{"isva_referral", "accepted", "no", WB_TR("No")},
    OptionEntry{"isva_referral", "accepted", "undecided", WB_TR("Not yet decided")},
    OptionEntry{"victim_wish", "wish", "full", WB_TR("Wants a full investigation")},
    OptionEntry{"victim_wish", "wish", "intelligence_only", WB_TR("Report for intelligence only")},
    OptionEntry{"victim_wish", "wish", "undecided", WB_TR("Not yet decided")},
    OptionEntry{"victim_wish", "wish", "withdrawn", WB_TR("Withdraws support for the investigation")},
    OptionEntry{"victim_wish", "spoken_directly", "yes", WB_TR("Yes")},
    OptionEntry{"victim_wish", "spoken_directly", "no", WB_TR("No")},
    OptionEntry{"victim_wish", "evidence_led_considered", "yes", WB_TR("Yes")},
    OptionEntry{"victim_wish", "evidence_led_considered", "no", WB_TR("Not yet")},
    OptionEntry{"unused_material", "sensitivity", "not-sensitive", WB_TR("Not sensitive (MG6C)")},
    OptionEntry{"unused_material", "sensitivity", "sensitive", WB_TR("Sensitive (MG6D)")},
    OptionEntry{"unused_material", "disclosure_test", "not-assessed", WB_TR("Not yet assessed")},
    OptionEntry{"unused_material", "disclosure_test", "not-met", WB_TR("Does not meet the test")},
    OptionEntry{"unused_material", "disclosure_test", "may-meet",
                WB_TR("Might undermine the prosecution or assist the defence (MG6E)")},
    OptionEntry{"tpm_request", "supervisor_review", "pending", WB_TR("Awaiting supervisory review")},
    OptionEntry{"tpm_request", "supervisor_review", "approved", WB_TR("Approved by supervisor")},
    OptionEntry{"tpm_request", "supervisor_review", "refused", WB_TR("Refused by supervisor")},
};

#undef WB_TR

const FieldEntry* findField(std::string_view type, std::string_view key)
{
    for (const auto& entry : Fields) {
        if (entry.type == type && entry.key == key) {
            return &entry;
        }
    }
    return nullptr;
}

const TypeEntry* findType(std::string_view type)
{
    for (const auto& entry : types()) {
        if (entry.type == type) {
            return &entry;
        }
    }
    return nullptr;
}

} // namespace

QString FieldLabels::title(std::string_view type)
{
    const auto* entry = findType(type);
    return entry ? tr(entry->title) : QString::fromUtf8(type.data(), static_cast<qsizetype>(type.size()));
}

QString FieldLabels::plural(std::string_view type)
{
    const auto* entry = findType(type);
    return entry ? tr(entry->plural) : title(type);
}

QString FieldLabels::label(std::string_view type, std::string_view key)
{
    const auto* entry = findField(type, key);
    return entry ? tr(entry->label) : QString();
}

QString FieldLabels::help(std::string_view type, std::string_view key)
{
    const auto* entry = findField(type, key);
    return entry && entry->help ? tr(entry->help) : QString();
}

QString FieldLabels::option(std::string_view type, std::string_view key, std::string_view code)
{
    if (type == "bail" && key == "kind") {
        if (code == "bail") {
            return tr("Pre-charge bail");
        }
        if (code == "rui") {
            return tr("Released under investigation (RUI)");
        }
    }
    for (const auto& entry : Options) {
        if (entry.type == type && entry.key == key && entry.code == code) {
            return tr(entry.label);
        }
    }
    return QString::fromUtf8(code.data(), static_cast<qsizetype>(code.size()));
}

std::vector<std::string_view> FieldLabels::columns(std::string_view type)
{
    const auto* entry = findType(type);
    return entry ? entry->columns : std::vector<std::string_view>{};
}

} // namespace wb::ui
