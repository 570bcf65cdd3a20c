// SPDX-License-Identifier: GPL-3.0-or-later
// The record types of a case. Columns match migration 4 (core/schema/Migrations.cpp);
// RecordSpecTest checks that every field has its column.
#include "core/records/RecordSpec.h"

#include <fmt/format.h>

#include "core/Error.h"
#include "core/records/BailPeriod.h"
#include "core/records/GuardrailChecks.h"
#include "core/records/RecordTypes.h"
#include "core/reference/ReferenceData.h"
#include "core/store/Database.h"
#include "core/store/Statement.h"

namespace wb::core {

namespace {

/// Builder for readable field lists.
struct Field {
    FieldSpec spec;
    Field(std::string_view key, FieldKind kind) { spec.key = key, spec.kind = kind; }
    Field& req() { return spec.required = true, *this; }
    Field& max(std::size_t n) { return spec.maxChars = n, *this; }
    Field& sens() { return spec.sensitive = true, *this; }
    Field& search() { return spec.searchable = true, *this; }
    Field& past() { return spec.notFuture = true, *this; }
    Field& after(std::string_view other) { return spec.notBefore = other, *this; }
    Field& list(std::string_view kind) { return spec.list = kind, *this; }
    Field& options(std::string_view codes) { return spec.options = codes, *this; }
    Field& link(std::string_view table) { return spec.linkTable = table, *this; }
    Field& roles(std::string_view r) { return spec.roles = r, *this; }
    Field& def(std::string_view v) { return spec.defaultValue = v, *this; }
    Field& minMax(long long lo, long long hi) { return spec.minValue = lo, spec.maxValue = hi, *this; }
    Field& when(std::string_view field, std::vector<std::string_view> values)
    {
        return spec.requiredWhen.push_back({field, std::move(values)}), *this;
    }
    operator FieldSpec() const { return spec; } // NOLINT: builder converts implicitly by design
};

using K = FieldKind;

[[noreturn]] void invalid(const char* field, const std::string& what)
{
    throw Error(ErrorCode::Validation, std::string(field) + ": " + what, field);
}

/// The credibility guardrail's refusal: an intrusive enquiry without what justifies it.
[[noreturn]] void refused(const char* field, const std::string& what)
{
    throw Error(ErrorCode::GuardrailRefused, std::string(field) + ": " + what, field);
}

/// A value the record's state needs is missing (an enquiry done without its result).
[[noreturn]] void missing(const char* field, const std::string& what)
{
    throw Error(ErrorCode::Required, std::string(field) + ": " + what, field);
}

std::string value(const Values& values, std::string_view key)
{
    const auto it = values.find(key);
    return it == values.end() ? std::string() : it->second;
}

/// Pre-charge bail: the applicable bail period is the 3 months beginning with the bail start date, the
/// day after the day of arrest (PACE s.47ZB(1)(b) and (4)(a), as amended by the PCSC Act 2022): arrest
/// 30 April -> ends 31 July. Counted from the arrest, so it follows the arrest date whenever that changes.
void deriveBail(Values& v)
{
    if (value(v, "kind") != "bail") {
        return;
    }
    if (const auto end = bail::initialBailEnd(value(v, "arrested_on"))) {
        v["abp_end"] = *end;
    }
}

void checkBail(const CheckContext& c)
{
    if (value(c.values, "kind") == "rui" && !value(c.values, "abp_end").empty()) {
        invalid("abp_end", "released under investigation has no bail period");
    }
}

/// A period on bail awaiting a CPS charging decision (s.37(7)(a)): its last day, when known, is not
/// before its first.
void checkBailPause(const CheckContext& c)
{
    const std::string to = value(c.values, "to_date");
    if (!to.empty() && value(c.values, "decision_notified_on").empty() && value(c.values, "note").empty()) {
        invalid("note", "say how the pause ended (the CPS decision notified, or bail under s.37(7)(a) ended)");
    }
}

int rankLevel(const ReferenceData& lists, const std::string& rank)
{
    const auto* item = lists.list("police-ranks").find(rank);
    if (item == nullptr) {
        return -1;
    }
    const auto level = item->extra.find("level");
    return level == item->extra.end() ? -1 : std::stoi(level->second);
}

/// Each extension needs the authority the bail-extensions list names: a rank at
/// least as senior, or a court. Beyond the listed steps only a court may extend.
void checkBailExtension(const CheckContext& c)
{
    const std::string code = value(c.values, "extension");
    const auto* step = c.lists.list("bail-extensions").find(code);
    if (step == nullptr) {
        return; // the Choice check reports an unknown code
    }
    const auto authority = step->extra.find("authority");
    const std::string needed = authority == step->extra.end() ? std::string() : authority->second;
    if (needed == "court") {
        if (step->extra.count("designation") != 0 && value(c.values, "designated_on").empty()) {
            invalid("designated_on", "this extension is for a case designated as exceptionally complex: record the "
                                     "date of the designation");
        }
        return;
    }
    if (step->extra.count("designation") != 0 && value(c.values, "designated_on").empty()) {
        invalid("designated_on", "this extension needs the case designated as exceptionally complex first: "
                                 "record the date of the designation");
    }
    const std::string rank = value(c.values, "authorised_rank");
    if (rank.empty()) {
        invalid("authorised_rank", "this extension must be authorised by an officer of a stated rank");
    }
    const int have = rankLevel(c.lists, rank);
    const int want = rankLevel(c.lists, needed);
    if (want >= 0 && have < want) {
        const auto* neededItem = c.lists.list("police-ranks").find(needed);
        invalid("authorised_rank",
                "this extension needs the authority of " + (neededItem ? neededItem->label : needed) + " or above");
    }
}

/// Orders and notices (issue 14): a notice (DVPN, DAPN) is served, by the authority of an officer of
/// at least the rank order-types names; a breach says what was done about it.
void checkOrder(const CheckContext& c)
{
    const auto* type = c.lists.list("order-types").find(value(c.values, "order_type"));
    if (type == nullptr) {
        return; // the Choice check reports an unknown code
    }
    const bool notice = type->extraValue("group") == "notice";
    if (notice && value(c.values, "served_at").empty()) {
        invalid("served_at", "a notice runs from when it was served: record when");
    }
    const std::string needed(type->extraValue("authority"));
    if (!needed.empty()) {
        const std::string rank = value(c.values, "authorised_rank");
        if (rank.empty()) {
            invalid("authorised_rank", "this notice must be authorised by an officer of a stated rank");
        }
        if (rankLevel(c.lists, rank) < rankLevel(c.lists, needed)) {
            const auto* neededItem = c.lists.list("police-ranks").find(needed);
            invalid("authorised_rank",
                    "this notice needs the authority of " + (neededItem ? neededItem->label : needed) + " or above");
        }
    }
    const std::string breached = value(c.values, "breached_at");
    if (!breached.empty()) {
        if (value(c.values, "breach_action").empty()) {
            invalid("breach_action", "record what was done about the breach");
        }
        const std::string from =
            !value(c.values, "served_at").empty() ? value(c.values, "served_at") : value(c.values, "made_on");
        if (from.empty()) {
            invalid("breached_at", "a breach needs the date the order was made or the notice served");
        }
        if (breached.substr(0, 10) < from.substr(0, 10)) {
            invalid("breached_at", "the breach cannot be before the order was made or the notice served");
        }
    }
}

void checkExhibit(const CheckContext& c)
{
    store::Statement same(c.db, "SELECT id FROM exhibits WHERE case_id = :case AND reference = :ref COLLATE NOCASE");
    same.bind(":case", static_cast<std::int64_t>(c.caseId)).bind(":ref", value(c.values, "reference"));
    while (same.step()) {
        if (same.columnInt64(0) != c.recordId) {
            invalid("reference", "another exhibit in this case has this reference");
        }
    }
}

/// An immutable entry with a history (decisions, contact plans, the victim's wishes):
/// each entry may be superseded once, so the history stays a single line.
void checkSupersedes(const CheckContext& c)
{
    const std::string supersedes = value(c.values, "supersedes_id");
    if (supersedes.empty()) {
        return;
    }
    store::Statement later(c.db, "SELECT count(*) FROM " + std::string(c.spec.table) + " WHERE supersedes_id = :id");
    later.bind(":id", static_cast<std::int64_t>(std::stoll(supersedes)));
    if (later.step() && later.columnInt64(0) > 0) {
        invalid("supersedes_id", "that entry has already been superseded; supersede the later entry");
    }
}

void checkDecision(const CheckContext& c)
{
    checkSupersedes(c);
    if (!value(c.values, "catalogue_version").empty() && value(c.values, "enquiry_ref").empty()) {
        invalid("enquiry_ref", "a catalogue version is recorded only with the line of enquiry it belongs to");
    }
}

bool isYes(const Values& v, std::string_view key)
{
    return value(v, key) == "1";
}

/// The credibility guardrail (nom-brief §6.7–6.9): an enquiry into the victim's private
/// life is a deliberate, justified and reviewable choice.
void checkEnquiry(const CheckContext& c)
{
    const std::string status = value(c.values, "status");
    if (isYes(c.values, "intrudes")) {
        if (value(c.values, "line_of_enquiry").empty()) {
            refused("line_of_enquiry", "this enquiry intrudes on the victim's private life: state the reasonable "
                                       "line of enquiry it serves");
        }
        if (value(c.values, "necessity_proportionality").empty()) {
            refused("necessity_proportionality", "this enquiry intrudes on the victim's private life: explain why it "
                                                 "is necessary and proportionate");
        }
        if (value(c.values, "less_intrusive_options").empty()) {
            refused("less_intrusive_options", "this enquiry intrudes on the victim's private life: record the less "
                                              "intrusive options considered and why they are not enough");
        }
        if (value(c.values, "supervisor_review") == "not_needed") {
            refused("supervisor_review", "an enquiry that intrudes on the victim's private life needs supervisory "
                                         "review");
        }
        if (isYes(c.values, "involves_device") && (status == "in_progress" || status == "done") &&
            value(c.values, "s37_notice_date").empty()) {
            refused("s37_notice_date", "a victim's device cannot be examined before the written notice under s.37 "
                                       "PCSC Act 2022 has been given: record the date it was given");
        }
    }
    const std::string review = value(c.values, "supervisor_review");
    if (review == "approved" || review == "refused") {
        if (value(c.values, "supervisor_name").empty()) {
            invalid("supervisor_name", "name the supervisor who reviewed this enquiry");
        }
        if (value(c.values, "supervisor_reviewed_at").empty()) {
            invalid("supervisor_reviewed_at", "record when the supervisor reviewed this enquiry");
        }
    }
    if (review == "refused" && (status == "in_progress" || status == "done")) {
        invalid("status", "the supervisor refused this enquiry; it cannot be started");
    }
    if ((status == "done" || status == "not_possible") && value(c.values, "result").empty()) {
        missing("result",
                status == "done" ? "record the result of the enquiry" : "record why the enquiry was not possible");
    }
}

void deriveEnquiry(Values& v)
{
    if (value(v, "supervisor_review").empty()) {
        v["supervisor_review"] = isYes(v, "intrudes") ? "pending" : "not_needed";
    }
}

void checkContactPlan(const CheckContext& c)
{
    checkSupersedes(c);
    if (value(c.values, "method") == "other" && value(c.values, "other_method").empty()) {
        invalid("other_method", "describe the agreed method of contact");
    }
    if (value(c.values, "through_whom") != "direct" && value(c.values, "through_whom") != "" &&
        value(c.values, "through_details").empty()) {
        invalid("through_details", "name who contact goes through and how to reach them");
    }
}

/// A contact's explained events (Right 6, issue 14) are case events or bail records of the same case.
void checkContact(const CheckContext& c)
{
    const std::string list = value(c.values, "explained_events");
    std::size_t start = 0;
    while (start < list.size()) {
        auto end = list.find(',', start);
        if (end == std::string::npos) {
            end = list.size();
        }
        std::string uuid = list.substr(start, end - start);
        uuid.erase(0, uuid.find_first_not_of(' '));
        uuid.erase(uuid.find_last_not_of(' ') + 1);
        store::Statement event(c.db, "SELECT 1 FROM case_events WHERE uuid = :uuid AND case_id = :case UNION ALL "
                                     "SELECT 1 FROM bail_records WHERE uuid = :uuid AND case_id = :case");
        if (!uuid.empty() && !event.bind(":uuid", uuid).bind(":case", static_cast<std::int64_t>(c.caseId)).step()) {
            invalid("explained_events", "choose events of this case (case events or bail records)");
        }
        start = end + 1;
    }
}

void checkWish(const CheckContext& c)
{
    checkSupersedes(c);
    if (value(c.values, "wish") == "withdrawn") {
        if (value(c.values, "reason").empty()) {
            invalid("reason", "record the main reason the victim gave for withdrawing");
        }
        if (value(c.values, "spoken_directly").empty()) {
            invalid("spoken_directly", "record whether the victim was spoken to directly about withdrawing");
        }
    }
    if (value(c.values, "evidence_led_considered") == "yes" && value(c.values, "evidence_led_rationale").empty()) {
        invalid("evidence_led_rationale", "record what was concluded about an evidence-led prosecution, and why");
    }
}

RecordSpec make(std::string_view type,
                std::string_view table,
                std::string_view parentTable,
                std::string_view parentColumn,
                std::vector<FieldSpec> fields,
                std::string_view orderBy,
                bool immutable = false,
                std::string_view actorField = {},
                void (*check)(const CheckContext&) = nullptr,
                void (*derive)(Values&) = nullptr)
{
    RecordSpec spec;
    spec.type = type;
    spec.table = table;
    spec.parentTable = parentTable;
    spec.parentColumn = parentColumn;
    spec.fields = std::move(fields);
    spec.orderBy = orderBy;
    spec.immutable = immutable;
    spec.actorField = actorField;
    spec.check = check;
    spec.derive = derive;
    return spec;
}

std::vector<RecordSpec> makeSpecs()
{
    std::vector<RecordSpec> specs;

    specs.push_back(make(recordtype::kIdentifier, "person_identifiers", "people", "person_id",
                         {
                             Field("kind", K::Choice).req().list("identifier-kinds"),
                             Field("value", K::Text).req().sens().search(),
                             Field("note", K::Text).sens(),
                         },
                         "kind, id"));

    specs.push_back(make(recordtype::kRelationship, "relationships", "cases", "case_id",
                         {
                             Field("victim_id", K::PersonLink).req().roles("victim"),
                             Field("suspect_id", K::PersonLink).req().roles("suspect"),
                             Field("category", K::Choice).req().list("relationship-types"),
                             Field("description", K::LongText).sens().max(2000),
                         },
                         "id"));

    specs.push_back(make(recordtype::kDecision, "decisions", "cases", "case_id",
                         {
                             Field("decided_at", K::DateTime).req().past(),
                             Field("decision", K::LongText).req().sens().search().max(2000),
                             Field("rationale", K::LongText).req().sens().search().max(4000),
                             Field("alternatives", K::LongText).sens().max(4000),
                             Field("decided_by", K::Text).req().sens(),
                             Field("supersedes_id", K::RecordLink).link("decisions"),
                             Field("rests_on", K::UuidList).max(2000),
                             Field("enquiry_ref", K::Text).max(40),
                             Field("catalogue_version", K::Text).max(40),
                         },
                         "decided_at DESC, id DESC", true, {}, checkDecision));

    specs.push_back(make(recordtype::kTimelineEvent, "timeline_events", "cases", "case_id",
                         {
                             Field("occurred", K::ApproxDate).req(),
                             Field("title", K::Text).req().sens().search(),
                             Field("details", K::LongText).sens().search().max(4000),
                             Field("source", K::Text).sens(),
                             Field("links", K::UuidList).max(2000),
                         },
                         "occurred_from, id"));

    specs.push_back(make(recordtype::kExhibit, "exhibits", "cases", "case_id",
                         {
                             Field("reference", K::Text).req().max(40).search(),
                             Field("description", K::LongText).req().sens().search().max(2000),
                             Field("seized_from", K::Text).sens(),
                             Field("seized_by", K::Text).sens(),
                             Field("seized_at", K::DateTime).past(),
                             Field("storage_location", K::Text),
                         },
                         "reference, id", false, {}, checkExhibit));

    specs.push_back(make(recordtype::kExhibitMovement, "exhibit_movements", "exhibits", "exhibit_id",
                         {
                             Field("moved_at", K::DateTime).req().past(),
                             Field("from_location", K::Text).req(),
                             Field("to_location", K::Text).req(),
                             Field("moved_by", K::Text).req().sens(),
                             Field("reason", K::Text).sens(),
                         },
                         "moved_at, id"));

    specs.push_back(
        make(recordtype::kDevice, "devices", "cases", "case_id",
             {
                 Field("owner_role", K::Choice).req().list("device-owner-roles"),
                 Field("person_id", K::PersonLink),
                 Field("device_type", K::Choice).req().list("device-types"),
                 Field("description", K::Text).sens(),
                 Field("legal_basis", K::Choice).req().list("device-legal-bases"),
                 Field("s37_notice_date", K::Date).past().when("legal_basis", {"pcsc2022-s37"}),
                 Field("line_of_enquiry", K::LongText).sens().max(4000).when("owner_role", {"victim", "witness"}),
                 Field("proportionality", K::LongText).sens().max(4000).when("owner_role", {"victim", "witness"}),
                 Field("data_types", K::Text).max(400),
                 Field("data_from", K::Date),
                 Field("data_to", K::Date).after("data_from"),
                 Field("seized_at", K::DateTime).past(),
                 Field("extraction_started", K::Date).past(),
                 Field("extraction_completed", K::Date).past().after("extraction_started"),
                 Field("returned_at", K::DateTime).past().after("seized_at"),
                 Field("swap_given", K::Boolean).def("0"),
             },
             "id", false, {}, guardrails::checkDevice));

    specs.push_back(make(recordtype::kTpmRequest, "tpm_requests", "cases", "case_id",
                         {
                             Field("person_id", K::PersonLink),
                             Field("tpm_type", K::Choice).req().list("tpm-types"),
                             Field("holder", K::Text).req().sens(),
                             Field("line_of_enquiry", K::LongText).req().sens().max(4000),
                             Field("proportionality", K::LongText).req().sens().max(4000),
                             Field("requested_on", K::Date).past(),
                             Field("victim_informed_on", K::Date).past(),
                             Field("response", K::LongText).sens().max(4000),
                             Field("response_on", K::Date).past().after("requested_on"),
                             Field("supervisor_review", K::Choice).options("pending|approved|refused"),
                             Field("supervisor_name", K::Text).sens(),
                             Field("supervisor_rank", K::Choice).list("police-ranks"),
                             Field("supervisor_reviewed_at", K::DateTime).past(),
                         },
                         "id", false, {}, guardrails::checkTpmRequest, guardrails::deriveTpmRequest));

    specs.push_back(make(recordtype::kBail, "bail_records", "cases", "case_id",
                         {
                             Field("suspect_id", K::PersonLink).req().roles("suspect"),
                             Field("kind", K::Choice).req().options("bail|rui"),
                             Field("arrested_on", K::Date).past().when("kind", {"bail"}),
                             Field("start_date", K::Date).req().past().after("arrested_on"),
                             Field("conditions", K::LongText).sens().max(4000),
                             Field("victim_views_sought", K::Boolean).def("0"),
                             Field("victim_views", K::LongText).sens().max(4000),
                             Field("abp_end", K::Date).after("start_date"),
                             Field("ended_on", K::Date).after("start_date"),
                             Field("end_reason", K::Text).sens(),
                         },
                         "start_date DESC, id DESC", false, {}, checkBail, deriveBail));

    specs.push_back(make(recordtype::kBailExtension, "bail_extensions", "bail_records", "bail_id",
                         {
                             Field("extension", K::Choice).req().list("bail-extensions"),
                             Field("new_end", K::Date).req(),
                             Field("authorised_by", K::Text).req().sens(),
                             Field("authorised_rank", K::Choice).list("police-ranks"),
                             Field("authorised_on", K::Date).req().past(),
                             Field("designated_on", K::Date).past(),
                         },
                         "authorised_on, id", false, {}, checkBailExtension));

    // Time on bail under s.37(7)(a) awaiting a CPS charging decision is outside the bail time limits
    // (PACE s.47ZL): its days are not counted, and the clock stops while it lasts.
    specs.push_back(make(recordtype::kBailPause, "bail_pauses", "bail_records", "bail_id",
                         {
                             Field("from_date", K::Date).req().past(),
                             Field("to_date", K::Date).past().after("from_date"),
                             Field("sent_to_cps_on", K::Date).past(),
                             Field("decision_notified_on", K::Date).past().after("from_date"),
                             Field("note", K::LongText).sens().max(2000),
                         },
                         "from_date, id", false, {}, checkBailPause));

    specs.push_back(make(recordtype::kRuiReview, "rui_reviews", "bail_records", "bail_id",
                         {
                             Field("due_on", K::Date).req(),
                             Field("reviewed_on", K::Date).past(),
                             Field("outcome", K::LongText).sens().max(2000),
                         },
                         "due_on, id"));

    specs.push_back(make(recordtype::kReview, "reviews", "cases", "case_id",
                         {
                             Field("reviewed_at", K::DateTime).req().past(),
                             Field("reviewer_name", K::Text).req().sens(),
                             Field("reviewer_rank", K::Choice).req().list("police-ranks"),
                             Field("scope", K::LongText).req().sens().max(4000),
                             Field("directions", K::LongText).sens().search().max(4000),
                             Field("signed_off", K::Boolean).def("0"),
                         },
                         "reviewed_at DESC, id DESC", false, "reviewer_name"));

    // The investigation plan (issue 4): lines of enquiry accepted from the catalogue or
    // added by the officer, and the plan reviews that tell what is new since the last one.
    specs.push_back(
        make(recordtype::kEnquiry, "enquiries", "cases", "case_id",
             {
                 Field("title", K::Text).req().sens().search().max(300),
                 Field("catalogue_id", K::Text).max(40),
                 Field("catalogue_version", K::Text).max(40),
                 Field("principle", K::Choice)
                     .req()
                     .options("suspect-focused|disrupting-repeat-suspects|victim-centred|context-led|digital-forensics|"
                              "victim-information"),
                 Field("owner", K::Text).req().sens(),
                 Field("due_on", K::Date),
                 Field("status", K::Choice).req().options("planned|in_progress|done|not_possible").def("planned"),
                 Field("result", K::LongText).sens().search().max(4000),
                 Field("accepted_at", K::DateTime).req().past(),
                 Field("accepted_by", K::Text).req().sens(),
                 Field("intrudes", K::Boolean).def("0"),
                 Field("involves_device", K::Boolean).def("0"),
                 Field("line_of_enquiry", K::LongText).sens().max(4000),
                 Field("necessity_proportionality", K::LongText).sens().max(4000),
                 Field("less_intrusive_options", K::LongText).sens().max(4000),
                 Field("s37_notice_date", K::Date).past(),
                 Field("supervisor_review", K::Choice).options("pending|approved|refused|not_needed"),
                 Field("supervisor_name", K::Text).sens(),
                 Field("supervisor_rank", K::Choice).list("police-ranks"),
                 Field("supervisor_reviewed_at", K::DateTime).past(),
                 Field("supervisor_comment", K::LongText).sens().max(4000),
             },
             "CASE status WHEN 'planned' THEN 0 WHEN 'in_progress' THEN 0 ELSE 1 END, due_on IS NULL, due_on, id",
             false, {}, checkEnquiry, deriveEnquiry));

    specs.push_back(make(recordtype::kPlanSnapshot, "plan_snapshots", "cases", "case_id",
                         {
                             Field("taken_at", K::DateTime).req().past(),
                             Field("taken_by", K::Text).req().sens(),
                             Field("catalogue_version", K::Text).req().max(40),
                             Field("enquiry_ids", K::Text).max(20000),
                         },
                         "taken_at DESC, id DESC", true));

    // Victim engagement and deadlines (issue 5).
    specs.push_back(make(recordtype::kCaseEvent, "case_events", "cases", "case_id",
                         {
                             Field("kind", K::Choice).req().list("case-event-kinds"),
                             Field("occurred_at", K::DateTime).req().past(),
                             Field("suspect_id", K::PersonLink).roles("suspect"),
                             Field("details", K::LongText).sens().search().max(4000),
                         },
                         "occurred_at DESC, id DESC"));

    specs.push_back(make(
        recordtype::kContactPlan, "contact_plans", "cases", "case_id",
        {
            Field("victim_id", K::PersonLink).req().roles("victim"),
            Field("agreed_on", K::Date).req().past(),
            Field("frequency_days", K::Integer).minMax(1, 365),
            Field("method", K::Choice).req().list("contact-methods"),
            Field("other_method", K::Text).sens(),
            Field("safe_times", K::Text).sens().max(400),
            Field("safe_channels", K::Text).sens().max(400),
            Field("may_leave_messages", K::Boolean).def("0"),
            Field("through_whom", K::Choice).req().options("direct|isva|intermediary|interpreter|other").def("direct"),
            Field("through_details", K::Text).sens().max(400),
            Field("language", K::Text).max(80),
            Field("avoid", K::LongText).sens().max(2000),
            Field("do_not_contact", K::Boolean).def("0"),
            Field("do_not_contact_reason", K::LongText).sens().max(2000).when("do_not_contact", {"1"}),
            Field("recorded_by", K::Text).req().sens(),
            Field("supersedes_id", K::RecordLink).link("contact_plans"),
        },
        "agreed_on DESC, id DESC", true, {}, checkContactPlan));

    specs.push_back(make(recordtype::kContact, "contacts", "cases", "case_id",
                         {
                             Field("victim_id", K::PersonLink).req().roles("victim"),
                             Field("contacted_at", K::DateTime).req().past(),
                             Field("method", K::Choice).req().list("contact-methods"),
                             Field("purpose", K::Choice).req().list("contact-purposes"),
                             Field("by_whom", K::Text).req().sens(),
                             // Right 6 (issue 14): the events this contact told the victim about; it meets
                             // only their items. Case events and bail records of the case (uuids); the link
                             // names the tables the form offers.
                             Field("explained_events", K::UuidList).max(2000).link("case_events|bail_records"),
                             Field("explained", K::LongText).sens().search().max(4000),
                             Field("victim_views", K::LongText).sens().search().max(4000),
                             Field("plan_followed", K::Boolean).def("1"),
                             Field("deviation_reason", K::LongText).sens().max(2000).when("plan_followed", {"0"}),
                             Field("next_due", K::Date),
                         },
                         "contacted_at DESC, id DESC", false, {}, checkContact));

    specs.push_back(make(recordtype::kVictimRight, "victim_rights", "cases", "case_id",
                         {
                             Field("victim_id", K::PersonLink).req().roles("victim"),
                             Field("right_code", K::Choice).req().list("victims-code-rights"),
                             Field("action", K::LongText).req().sens().max(2000),
                             Field("done_on", K::Date).req().past(),
                             Field("done_by", K::Text).sens(),
                         },
                         "right_code, done_on, id"));

    specs.push_back(make(recordtype::kIsvaReferral, "isva_referrals", "cases", "case_id",
                         {
                             Field("victim_id", K::PersonLink).req().roles("victim"),
                             Field("offered_on", K::Date).req().past(),
                             Field("accepted", K::Choice).req().options("yes|no|undecided").def("undecided"),
                             Field("service", K::Text).max(200),
                             Field("isva_contact", K::Text).sens(),
                             Field("consent_to_share", K::Boolean).def("0"),
                             Field("consent_on", K::Date).past().after("offered_on"),
                             Field("notes", K::LongText).sens().max(2000),
                         },
                         "offered_on DESC, id DESC"));

    specs.push_back(make(recordtype::kVictimWish, "victim_wishes", "cases", "case_id",
                         {
                             Field("victim_id", K::PersonLink).req().roles("victim"),
                             Field("recorded_at", K::DateTime).req().past(),
                             Field("wish", K::Choice).req().options("full|intelligence_only|undecided|withdrawn"),
                             Field("reason", K::Choice).list("withdrawal-reasons"),
                             Field("second_reason", K::Choice).list("withdrawal-reasons"),
                             Field("spoken_directly", K::Choice).options("yes|no"),
                             Field("evidence_led_considered", K::Choice).options("yes|no"),
                             Field("evidence_led_rationale", K::LongText).sens().max(4000),
                             Field("support_continues", K::LongText).sens().max(2000),
                             Field("notes", K::LongText).sens().max(2000),
                             Field("recorded_by", K::Text).req().sens(),
                             Field("supersedes_id", K::RecordLink).link("victim_wishes"),
                         },
                         "recorded_at DESC, id DESC", true, {}, checkWish));

    // Orders and notices (issue 14): DVPN/DVPO, DAPN/DAPO, SRO, SHPO, SPO, non-molestation, bail conditions.
    // A notice's hearing falls due 48 hours after service, not counting Sundays and holidays
    // (core/deadlines/BailOrderDueItems); an order's expiry falls due on its last day.
    specs.push_back(make(recordtype::kOrder, "orders", "cases", "case_id",
                         {
                             Field("order_type", K::Choice).req().list("order-types"),
                             Field("subject_id", K::PersonLink).req().roles("suspect"),
                             Field("protected_id", K::PersonLink).roles("victim|witness"),
                             Field("authorised_by", K::Text).sens(),
                             Field("authorised_rank", K::Choice).list("police-ranks"),
                             Field("served_at", K::DateTime).past(),
                             Field("applied_on", K::Date).past(),
                             Field("hearing_at", K::DateTime).after("served_at"),
                             Field("made_on", K::Date).past(),
                             Field("expires_on", K::Date).after("made_on"),
                             Field("conditions", K::LongText).sens().max(4000),
                             Field("breached_at", K::DateTime).past(),
                             Field("breach_action", K::LongText).sens().max(4000),
                             Field("ended_on", K::Date).past(),
                             Field("end_reason", K::Text).sens(),
                         },
                         "coalesce(made_on, substr(served_at, 1, 10), applied_on) DESC, id DESC", false, {},
                         checkOrder));

    return specs;
}

} // namespace

const FieldSpec* RecordSpec::field(std::string_view key) const noexcept
{
    for (const auto& f : fields) {
        if (f.key == key) {
            return &f;
        }
    }
    return nullptr;
}

const std::vector<RecordSpec>& recordSpecs()
{
    static const std::vector<RecordSpec> specs = makeSpecs();
    return specs;
}

const RecordSpec& recordSpec(std::string_view type)
{
    for (const auto& spec : recordSpecs()) {
        if (spec.type == type) {
            return spec;
        }
    }
    throw Error(ErrorCode::Storage, "unknown record type " + std::string(type));
}

} // namespace wb::core
