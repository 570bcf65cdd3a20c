// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/records/BailOrderSpecs.h"

#include "core/Error.h"
#include "core/records/BailPeriod.h"
#include "core/records/FieldBuilder.h"
#include "core/records/RecordTypes.h"
#include "core/records/SpecSupport.h"
#include "core/reference/ReferenceData.h"
#include "core/store/Database.h"
#include "core/store/Statement.h"

namespace wb::core::specs {

namespace {

using Field = FieldBuilder;
using K = FieldKind;

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

/// What an extension may do given the bail record it extends (issue 14), checked when that record is known:
/// - a step that follows another (the list's "after": a superintendent's s.47ZDA extension follows an inspector's
///   s.47ZD one; the court's 12 months, s.47ZF(4)(a), and the exceptionally complex extension, s.47ZE(1), follow
///   s.47ZDA; the court's 18 months follow s.47ZE, s.47ZF(1)(c)) needs that step recorded on the same bail record,
///   authorised no later than this one;
/// - its new end is no later than the step's months counted like the bail period itself (BailPeriod): beginning
///   with the bail start date, the day after the arrest (s.47ZB(4)(a)). The days of s.37(7)(a) pauses are added
///   to it afterwards (s.47ZL), not entered here.
void checkAgainstBailRecord(const CheckContext& c, const ReferenceItem& step)
{
    if (c.parentId == 0) {
        return;
    }
    if (const std::string_view after = step.extraValue("after"); !after.empty()) {
        store::Statement earlier(c.db, "SELECT 1 FROM bail_extensions WHERE bail_id = :bail AND extension = :after "
                                       "AND id != :id AND (:on = '' OR authorised_on <= :on)");
        earlier.bind(":bail", static_cast<std::int64_t>(c.parentId))
            .bind(":after", std::string(after))
            .bind(":id", static_cast<std::int64_t>(c.recordId))
            .bind(":on", value(c.values, "authorised_on"));
        if (!earlier.step()) {
            const auto* needed = c.lists.list("bail-extensions").find(after);
            invalid("extension", "this extension follows " + (needed ? needed->label : std::string(after)) +
                                     ": record that extension on this bail record first");
        }
    }
    store::Statement bail(c.db, "SELECT arrested_on FROM bail_records WHERE id = :bail");
    if (!bail.bind(":bail", static_cast<std::int64_t>(c.parentId)).step()) {
        return;
    }
    const auto start = bail::bailStartDate(bail.columnText(0));
    const std::string newEnd = value(c.values, "new_end");
    if (!start || newEnd.empty()) {
        return; // no arrest date recorded: the bail record's own check asks for it
    }
    const std::string months(step.extraValue("months"));
    const auto allowed = bail::endOfMonthsBeginningWith(*start, std::stoi(months));
    if (allowed && newEnd > *allowed) {
        invalid("new_end", "this extension allows " + months + " months beginning with the bail start date (" + *start +
                               "): the new end can be no later than " + *allowed);
    }
}

/// Each extension needs the authority the bail-extensions list names: a rank at
/// least as senior, or a court. Beyond the listed steps only a court may extend. The checks of the values
/// themselves come first, then those against the bail record it extends.
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
        checkAgainstBailRecord(c, *step);
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
    checkAgainstBailRecord(c, *step);
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

} // namespace

RecordSpec bailSpec()
{
    return make(recordtype::kBail, "bail_records", "cases", "case_id",
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
                "start_date DESC, id DESC", false, {}, checkBail, deriveBail);
}

RecordSpec bailExtensionSpec()
{
    return make(recordtype::kBailExtension, "bail_extensions", "bail_records", "bail_id",
                {
                    Field("extension", K::Choice).req().list("bail-extensions"),
                    Field("new_end", K::Date).req(),
                    Field("authorised_by", K::Text).req().sens(),
                    Field("authorised_rank", K::Choice).list("police-ranks"),
                    Field("authorised_on", K::Date).req().past(),
                    Field("designated_on", K::Date).past(),
                },
                "authorised_on, id", false, {}, checkBailExtension);
}

/// Time on bail under s.37(7)(a) awaiting a CPS charging decision is outside the bail time limits
/// (PACE s.47ZL): its days are not counted, and the clock stops while it lasts.
RecordSpec bailPauseSpec()
{
    return make(recordtype::kBailPause, "bail_pauses", "bail_records", "bail_id",
                {
                    Field("from_date", K::Date).req().past(),
                    Field("to_date", K::Date).past().after("from_date"),
                    Field("sent_to_cps_on", K::Date).past(),
                    Field("decision_notified_on", K::Date).past().after("from_date"),
                    Field("note", K::LongText).sens().max(2000),
                },
                "from_date, id", false, {}, checkBailPause);
}

RecordSpec ruiReviewSpec()
{
    return make(recordtype::kRuiReview, "rui_reviews", "bail_records", "bail_id",
                {
                    Field("due_on", K::Date).req(),
                    Field("reviewed_on", K::Date).past(),
                    Field("outcome", K::LongText).sens().max(2000),
                },
                "due_on, id");
}

/// Orders and notices (issue 14): DVPN/DVPO, DAPN/DAPO, SRO, SHPO, SPO, non-molestation, bail conditions.
/// A notice's hearing falls due 48 hours after service, not counting Sundays and holidays
/// (core/deadlines/BailOrderDueItems); an order's expiry falls due on its last day.
RecordSpec orderSpec()
{
    return make(recordtype::kOrder, "orders", "cases", "case_id",
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
                "coalesce(made_on, substr(served_at, 1, 10), applied_on) DESC, id DESC", false, {}, checkOrder);
}

} // namespace wb::core::specs
