// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/FieldLabels.h"

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
        {"exhibit_movement", WB_TR("Exhibit movement"), WB_TR("Movements (chain of custody)"),
         {"moved_at", "from_location", "to_location", "moved_by"}},
        {"device", WB_TR("Digital device"), WB_TR("Digital devices"),
         {"owner_role", "person_id", "device_type", "legal_basis", "returned_at"}},
        {"tpm_request", WB_TR("Third-party material request"), WB_TR("Third-party material requests"),
         {"tpm_type", "holder", "requested_on", "response_on"}},
        {"bail", WB_TR("Bail or RUI"), WB_TR("Bail and RUI"), {"suspect_id", "kind", "start_date", "abp_end", "ended_on"}},
        {"bail_extension", WB_TR("Bail extension"), WB_TR("Bail extensions"),
         {"extension", "new_end", "authorised_by", "authorised_rank", "authorised_on"}},
        {"rui_review", WB_TR("RUI review"), WB_TR("RUI reviews"), {"due_on", "reviewed_on", "outcome"}},
        {"review", WB_TR("Supervisory review"), WB_TR("Supervisory reviews"),
         {"reviewed_at", "reviewer_name", "reviewer_rank", "signed_off"}},
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
    FieldEntry{"bail", "suspect_id", WB_TR("Suspect"), nullptr},
    FieldEntry{"bail", "kind", WB_TR("Bail or RUI"), nullptr},
    FieldEntry{"bail", "start_date", WB_TR("Start date"), nullptr},
    FieldEntry{"bail", "conditions", WB_TR("Conditions"), nullptr},
    FieldEntry{"bail", "victim_views_sought", WB_TR("Victim's views sought"), nullptr},
    FieldEntry{"bail", "victim_views", WB_TR("Victim's views"), nullptr},
    FieldEntry{"bail", "abp_end", WB_TR("Applicable bail period ends"),
               WB_TR("Bail only: 3 months from the start unless recorded otherwise.")},
    FieldEntry{"bail", "ended_on", WB_TR("Ended on"), nullptr},
    FieldEntry{"bail", "end_reason", WB_TR("End reason"), nullptr},
    FieldEntry{"bail_extension", "extension", WB_TR("Extension"), nullptr},
    FieldEntry{"bail_extension", "new_end", WB_TR("New end date"), nullptr},
    FieldEntry{"bail_extension", "authorised_by", WB_TR("Authorised by"), nullptr},
    FieldEntry{"bail_extension", "authorised_rank", WB_TR("Authorising rank"),
               WB_TR("Must be at least the rank the extension needs.")},
    FieldEntry{"bail_extension", "authorised_on", WB_TR("Authorised on"), nullptr},
    FieldEntry{"rui_review", "due_on", WB_TR("Review due"), nullptr},
    FieldEntry{"rui_review", "reviewed_on", WB_TR("Reviewed on"), nullptr},
    FieldEntry{"rui_review", "outcome", WB_TR("Outcome"), nullptr},
    FieldEntry{"review", "reviewed_at", WB_TR("Reviewed at"), nullptr},
    FieldEntry{"review", "reviewer_name", WB_TR("Reviewer"), nullptr},
    FieldEntry{"review", "reviewer_rank", WB_TR("Reviewer's rank"), nullptr},
    FieldEntry{"review", "scope", WB_TR("What was reviewed"), nullptr},
    FieldEntry{"review", "directions", WB_TR("Directions given"), nullptr},
    FieldEntry{"review", "signed_off", WB_TR("Signed off"), nullptr},
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
    return QString::fromUtf8(code.data(), static_cast<qsizetype>(code.size()));
}

std::vector<std::string_view> FieldLabels::columns(std::string_view type)
{
    const auto* entry = findType(type);
    return entry ? entry->columns : std::vector<std::string_view>{};
}

} // namespace wb::ui
