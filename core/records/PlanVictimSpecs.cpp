// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/records/PlanVictimSpecs.h"

#include "core/domain/Text.h"
#include "core/records/FieldBuilder.h"
#include "core/records/RecordTypes.h"
#include "core/records/SpecSupport.h"
#include "core/store/Database.h"
#include "core/store/Statement.h"

namespace wb::core::specs {

namespace {

using Field = FieldBuilder;
using K = FieldKind;

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
    for (const auto& uuid : splitList(value(c.values, "explained_events"))) {
        store::Statement event(c.db, "SELECT 1 FROM case_events WHERE uuid = :uuid AND case_id = :case UNION ALL "
                                     "SELECT 1 FROM bail_records WHERE uuid = :uuid AND case_id = :case");
        if (!event.bind(":uuid", uuid).bind(":case", static_cast<std::int64_t>(c.caseId)).step()) {
            invalid("explained_events", "choose events of this case (case events or bail records)");
        }
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

} // namespace

/// The investigation plan (issue 4): lines of enquiry accepted from the catalogue or
/// added by the officer, and the plan reviews that tell what is new since the last one.
RecordSpec enquirySpec()
{
    return make(
        recordtype::kEnquiry, "enquiries", "cases", "case_id",
        {
            Field("title", K::Text).req().sens().search().max(300),
            Field("catalogue_id", K::Text).max(40).internal(),
            Field("catalogue_version", K::Text).max(40).internal(),
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
        "CASE status WHEN 'planned' THEN 0 WHEN 'in_progress' THEN 0 ELSE 1 END, due_on IS NULL, due_on, id", false, {},
        checkEnquiry, deriveEnquiry);
}

RecordSpec planSnapshotSpec()
{
    return make(recordtype::kPlanSnapshot, "plan_snapshots", "cases", "case_id",
                {
                    Field("taken_at", K::DateTime).req().past(),
                    Field("taken_by", K::Text).req().sens(),
                    Field("catalogue_version", K::Text).req().max(40),
                    Field("enquiry_ids", K::Text).max(20000),
                },
                "taken_at DESC, id DESC", true);
}

/// Victim engagement and deadlines (issue 5).
RecordSpec caseEventSpec()
{
    return make(recordtype::kCaseEvent, "case_events", "cases", "case_id",
                {
                    Field("kind", K::Choice).req().list("case-event-kinds"),
                    Field("occurred_at", K::DateTime).req().past(),
                    Field("suspect_id", K::PersonLink).roles("suspect"),
                    Field("details", K::LongText).sens().search().max(4000),
                },
                "occurred_at DESC, id DESC");
}

RecordSpec contactPlanSpec()
{
    return make(
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
            Field("recorded_by", K::Text).req().sens().byOwner(),
            Field("supersedes_id", K::RecordLink).link("contact_plans"),
        },
        "agreed_on DESC, id DESC", true, {}, checkContactPlan);
}

RecordSpec contactSpec()
{
    return make(recordtype::kContact, "contacts", "cases", "case_id",
                {
                    Field("victim_id", K::PersonLink).req().roles("victim"),
                    Field("contacted_at", K::DateTime).req().past(),
                    Field("method", K::Choice).req().list("contact-methods"),
                    Field("purpose", K::Choice).req().list("contact-purposes"),
                    Field("by_whom", K::Text).req().sens().byOwner(),
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
                "contacted_at DESC, id DESC", false, {}, checkContact);
}

RecordSpec victimRightSpec()
{
    return make(recordtype::kVictimRight, "victim_rights", "cases", "case_id",
                {
                    Field("victim_id", K::PersonLink).req().roles("victim"),
                    Field("right_code", K::Choice).req().list("victims-code-rights"),
                    Field("action", K::LongText).req().sens().max(2000),
                    Field("done_on", K::Date).req().past(),
                    Field("done_by", K::Text).sens(),
                },
                "right_code, done_on, id");
}

RecordSpec isvaReferralSpec()
{
    return make(recordtype::kIsvaReferral, "isva_referrals", "cases", "case_id",
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
                "offered_on DESC, id DESC");
}

RecordSpec victimWishSpec()
{
    return make(recordtype::kVictimWish, "victim_wishes", "cases", "case_id",
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
                    Field("recorded_by", K::Text).req().sens().byOwner(),
                    Field("supersedes_id", K::RecordLink).link("victim_wishes"),
                },
                "recorded_at DESC, id DESC", true, {}, checkWish);
}

} // namespace wb::core::specs
