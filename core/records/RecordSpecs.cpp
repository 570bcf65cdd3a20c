// SPDX-License-Identifier: GPL-3.0-or-later
// The record types of a case. Columns match migration 4 (core/store/Migrations.cpp);
// RecordSpecTest checks that every field has its column.
#include "core/records/RecordSpec.h"

#include <chrono>

#include <fmt/format.h>

#include "core/Error.h"
#include "core/nom/ReferenceData.h"
#include "core/store/Database.h"

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

std::string value(const Values& values, std::string_view key)
{
    const auto it = values.find(key);
    return it == values.end() ? std::string() : it->second;
}

std::string addMonths(const std::string& isoDate, int months)
{
    using namespace std::chrono;
    const year_month_day start{year{std::stoi(isoDate.substr(0, 4))},
                               month{static_cast<unsigned>(std::stoi(isoDate.substr(5, 2)))},
                               day{static_cast<unsigned>(std::stoi(isoDate.substr(8, 2)))}};
    year_month_day end = start + std::chrono::months{months};
    if (!end.ok()) { // 31 January + 1 month: the last day of February
        end = year_month_day_last{end.year(), month_day_last{end.month()}};
    }
    return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(end.year()), static_cast<unsigned>(end.month()),
                       static_cast<unsigned>(end.day()));
}

/// Pre-charge bail: the applicable bail period ends 3 months after the start
/// (PACE as amended by PCSC Act 2022, nom-brief §5.3) unless recorded otherwise.
void deriveBail(Values& v)
{
    if (value(v, "kind") == "bail" && value(v, "abp_end").empty() && value(v, "start_date").size() == 10) {
        v["abp_end"] = addMonths(value(v, "start_date"), 3);
    }
}

void checkBail(const CheckContext& c)
{
    if (value(c.values, "kind") == "rui" && !value(c.values, "abp_end").empty()) {
        invalid("abp_end", "released under investigation has no bail period");
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
        return;
    }
    const std::string rank = value(c.values, "authorised_rank");
    if (rank.empty()) {
        invalid("authorised_rank", "this extension must be authorised by an officer of a stated rank");
    }
    const int have = rankLevel(c.lists, rank);
    const int want = rankLevel(c.lists, needed);
    if (want >= 0 && have < want) {
        const auto* neededItem = c.lists.list("police-ranks").find(needed);
        invalid("authorised_rank", "this extension needs the authority of " +
                                       (neededItem ? neededItem->label : needed) + " or above");
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

void checkDecision(const CheckContext& c)
{
    const std::string supersedes = value(c.values, "supersedes_id");
    if (supersedes.empty()) {
        return;
    }
    store::Statement later(c.db, "SELECT count(*) FROM decisions WHERE supersedes_id = :id");
    later.bind(":id", static_cast<std::int64_t>(std::stoll(supersedes)));
    if (later.step() && later.columnInt64(0) > 0) {
        invalid("supersedes_id", "that decision has already been superseded; supersede the later entry");
    }
}

RecordSpec make(std::string_view type, std::string_view table, std::string_view parentTable,
                std::string_view parentColumn, std::vector<FieldSpec> fields, std::string_view orderBy,
                bool immutable = false, std::string_view actorField = {}, void (*check)(const CheckContext&) = nullptr,
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

    specs.push_back(make(
        "identifier", "person_identifiers", "people", "person_id",
        {
            Field("kind", K::Choice).req().list("identifier-kinds"),
            Field("value", K::Text).req().sens().search(),
            Field("note", K::Text).sens(),
        },
        "kind, id"));

    specs.push_back(make(
        "relationship", "relationships", "cases", "case_id",
        {
            Field("victim_id", K::PersonLink).req().roles("victim"),
            Field("suspect_id", K::PersonLink).req().roles("suspect"),
            Field("category", K::Choice).req().list("relationship-types"),
            Field("description", K::LongText).sens().max(2000),
        },
        "id"));

    specs.push_back(make(
        "decision", "decisions", "cases", "case_id",
        {
            Field("decided_at", K::DateTime).req().past(),
            Field("decision", K::LongText).req().sens().search().max(2000),
            Field("rationale", K::LongText).req().sens().search().max(4000),
            Field("alternatives", K::LongText).sens().max(4000),
            Field("decided_by", K::Text).req().sens(),
            Field("supersedes_id", K::RecordLink).link("decisions"),
            Field("rests_on", K::UuidList).max(2000),
        },
        "decided_at DESC, id DESC", true, {}, checkDecision));

    specs.push_back(make(
        "timeline_event", "timeline_events", "cases", "case_id",
        {
            Field("occurred", K::ApproxDate).req(),
            Field("title", K::Text).req().sens().search(),
            Field("details", K::LongText).sens().search().max(4000),
            Field("source", K::Text).sens(),
            Field("links", K::UuidList).max(2000),
        },
        "occurred_from, id"));

    specs.push_back(make(
        "exhibit", "exhibits", "cases", "case_id",
        {
            Field("reference", K::Text).req().max(40).search(),
            Field("description", K::LongText).req().sens().search().max(2000),
            Field("seized_from", K::Text).sens(),
            Field("seized_by", K::Text).sens(),
            Field("seized_at", K::DateTime).past(),
            Field("storage_location", K::Text),
        },
        "reference, id", false, {}, checkExhibit));

    specs.push_back(make(
        "exhibit_movement", "exhibit_movements", "exhibits", "exhibit_id",
        {
            Field("moved_at", K::DateTime).req().past(),
            Field("from_location", K::Text).req(),
            Field("to_location", K::Text).req(),
            Field("moved_by", K::Text).req().sens(),
            Field("reason", K::Text).sens(),
        },
        "moved_at, id"));

    specs.push_back(make(
        "device", "devices", "cases", "case_id",
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
        "id"));

    specs.push_back(make(
        "tpm_request", "tpm_requests", "cases", "case_id",
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
        },
        "id"));

    specs.push_back(make(
        "bail", "bail_records", "cases", "case_id",
        {
            Field("suspect_id", K::PersonLink).req().roles("suspect"),
            Field("kind", K::Choice).req().options("bail|rui"),
            Field("start_date", K::Date).req().past(),
            Field("conditions", K::LongText).sens().max(4000),
            Field("victim_views_sought", K::Boolean).def("0"),
            Field("victim_views", K::LongText).sens().max(4000),
            Field("abp_end", K::Date).after("start_date"),
            Field("ended_on", K::Date).after("start_date"),
            Field("end_reason", K::Text).sens(),
        },
        "start_date DESC, id DESC", false, {}, checkBail, deriveBail));

    specs.push_back(make(
        "bail_extension", "bail_extensions", "bail_records", "bail_id",
        {
            Field("extension", K::Choice).req().list("bail-extensions"),
            Field("new_end", K::Date).req(),
            Field("authorised_by", K::Text).req().sens(),
            Field("authorised_rank", K::Choice).list("police-ranks"),
            Field("authorised_on", K::Date).req().past(),
        },
        "authorised_on, id", false, {}, checkBailExtension));

    specs.push_back(make(
        "rui_review", "rui_reviews", "bail_records", "bail_id",
        {
            Field("due_on", K::Date).req(),
            Field("reviewed_on", K::Date).past(),
            Field("outcome", K::LongText).sens().max(2000),
        },
        "due_on, id"));

    specs.push_back(make(
        "review", "reviews", "cases", "case_id",
        {
            Field("reviewed_at", K::DateTime).req().past(),
            Field("reviewer_name", K::Text).req().sens(),
            Field("reviewer_rank", K::Choice).req().list("police-ranks"),
            Field("scope", K::LongText).req().sens().max(4000),
            Field("directions", K::LongText).sens().search().max(4000),
            Field("signed_off", K::Boolean).def("0"),
        },
        "reviewed_at DESC, id DESC", false, "reviewer_name"));

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
