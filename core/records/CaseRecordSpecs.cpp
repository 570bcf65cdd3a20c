// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/records/CaseRecordSpecs.h"

#include "core/records/FieldBuilder.h"
#include "core/records/GuardrailChecks.h"
#include "core/records/RecordTypes.h"
#include "core/records/SpecSupport.h"
#include "core/store/Database.h"
#include "core/store/Statement.h"

namespace wb::core::specs {

namespace {

using Field = FieldBuilder;
using K = FieldKind;

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
    checkSupersedes(c);
    if (!value(c.values, "catalogue_version").empty() && value(c.values, "enquiry_ref").empty()) {
        invalid("enquiry_ref", "a catalogue version is recorded only with the line of enquiry it belongs to");
    }
}

void checkUnusedMaterial(const CheckContext& c)
{
    const std::string source = value(c.values, "source_ref");
    if (source.empty()) {
        return;
    }
    store::Statement same(c.db, "SELECT id FROM unused_material WHERE case_id = :case AND source_ref = :source");
    same.bind(":case", static_cast<std::int64_t>(c.caseId)).bind(":source", source);
    while (same.step()) {
        if (same.columnInt64(0) != c.recordId) {
            invalid("source_ref", "this record is already on the disclosure schedules");
        }
    }
}

} // namespace

RecordSpec identifierSpec()
{
    return make(recordtype::kIdentifier, "person_identifiers", "people", "person_id",
                {
                    Field("kind", K::Choice).req().list("identifier-kinds"),
                    Field("value", K::Text).req().sens().search(),
                    Field("note", K::Text).sens(),
                },
                "kind, id");
}

RecordSpec relationshipSpec()
{
    return make(recordtype::kRelationship, "relationships", "cases", "case_id",
                {
                    Field("victim_id", K::PersonLink).req().roles("victim"),
                    Field("suspect_id", K::PersonLink).req().roles("suspect"),
                    Field("category", K::Choice).req().list("relationship-types"),
                    Field("description", K::LongText).sens().max(2000),
                },
                "id");
}

RecordSpec decisionSpec()
{
    return make(recordtype::kDecision, "decisions", "cases", "case_id",
                {
                    Field("decided_at", K::DateTime).req().past(),
                    Field("decision", K::LongText).req().sens().search().max(2000),
                    Field("rationale", K::LongText).req().sens().search().max(4000),
                    Field("alternatives", K::LongText).sens().max(4000),
                    Field("decided_by", K::Text).req().sens().byOwner(),
                    Field("supersedes_id", K::RecordLink).link("decisions"),
                    Field("rests_on", K::UuidList).max(2000),
                    Field("enquiry_ref", K::Text).max(40).internal(),
                    Field("catalogue_version", K::Text).max(40).internal(),
                },
                "decided_at DESC, id DESC", true, {}, checkDecision);
}

RecordSpec timelineEventSpec()
{
    return make(recordtype::kTimelineEvent, "timeline_events", "cases", "case_id",
                {
                    Field("occurred", K::ApproxDate).req(),
                    Field("title", K::Text).req().sens().search(),
                    Field("details", K::LongText).sens().search().max(4000),
                    Field("source", K::Text).sens(),
                    Field("links", K::UuidList).max(2000),
                },
                "occurred_from, id");
}

RecordSpec exhibitSpec()
{
    return make(recordtype::kExhibit, "exhibits", "cases", "case_id",
                {
                    Field("reference", K::Text).req().max(40).search(),
                    Field("description", K::LongText).req().sens().search().max(2000),
                    Field("seized_from", K::Text).sens(),
                    Field("seized_by", K::Text).sens(),
                    Field("seized_at", K::DateTime).past(),
                    Field("storage_location", K::Text),
                },
                "reference, id", false, {}, checkExhibit);
}

RecordSpec exhibitMovementSpec()
{
    return make(recordtype::kExhibitMovement, "exhibit_movements", "exhibits", "exhibit_id",
                {
                    Field("moved_at", K::DateTime).req().past(),
                    Field("from_location", K::Text).req(),
                    Field("to_location", K::Text).req(),
                    Field("moved_by", K::Text).req().sens().byOwner(),
                    Field("reason", K::Text).sens(),
                },
                "moved_at, id");
}

RecordSpec deviceSpec()
{
    return make(recordtype::kDevice, "devices", "cases", "case_id",
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
                "id", false, {}, guardrails::checkDevice);
}

RecordSpec tpmRequestSpec()
{
    return make(recordtype::kTpmRequest, "tpm_requests", "cases", "case_id",
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
                "id", false, {}, guardrails::checkTpmRequest, guardrails::deriveTpmRequest);
}

RecordSpec unusedMaterialSpec()
{
    // One item of unused material as the disclosure schedules list it (core/disclosure): MG6C when not sensitive,
    // MG6D when sensitive, and on the MG6E when it might meet the disclosure test. source_ref names the exhibit,
    // device or third-party material request it was drafted from ("exhibit:<uuid>"); empty for an item the officer
    // added. A sensitivity reason is not required here: a draft may lack one, and the schedules say what is missing.
    return make(
        recordtype::kUnusedMaterial, "unused_material", "cases", "case_id",
        {
            Field("description", K::LongText).req().sens().search().max(2000),
            Field("relevant_date", K::Date).past(),
            Field("location", K::Text),
            Field("sensitivity", K::Choice).req().options("not-sensitive|sensitive"),
            Field("sensitivity_reason", K::LongText).sens().max(2000),
            Field("disclosure_test", K::Choice).req().options("not-assessed|not-met|may-meet").def("not-assessed"),
            Field("disclosure_reason", K::LongText).sens().max(2000).when("disclosure_test", {"may-meet"}),
            Field("source_ref", K::Text).max(80).internal(),
        },
        "id", false, {}, checkUnusedMaterial);
}

RecordSpec reviewSpec()
{
    return make(recordtype::kReview, "reviews", "cases", "case_id",
                {
                    Field("reviewed_at", K::DateTime).req().past(),
                    Field("reviewer_name", K::Text).req().sens(),
                    Field("reviewer_rank", K::Choice).req().list("police-ranks"),
                    Field("scope", K::LongText).req().sens().max(4000),
                    Field("directions", K::LongText).sens().search().max(4000),
                    Field("signed_off", K::Boolean).def("0"),
                },
                "reviewed_at DESC, id DESC", false, "reviewer_name");
}

} // namespace wb::core::specs
