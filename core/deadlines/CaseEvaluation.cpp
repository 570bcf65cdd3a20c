// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/deadlines/CaseEvaluation.h"

#include <algorithm>
#include <tuple>

#include "core/Error.h"
#include "core/deadlines/BailOrderDueItems.h"
#include "core/nom/EnquiryCatalogue.h"
#include "core/victim/CurrentContactPlan.h"

namespace wb::core::deadlines {

using namespace std::chrono;

namespace {

using Snapshot = CaseSnapshot;

/// A due instant, and whether it had to be counted without bank holidays.
struct Due {
    Instant at{};
    bool weekdaysOnly = false;
    bool timed = false; ///< a time of its own (hours from an instant), not the end of a London day
};

Date plusDays(Date date, int n)
{
    return Date{sys_days{date} + days(n)};
}

Due applyOffset(const Calendar& calendar, const Offset& offset, Instant from)
{
    const Date start = Calendar::londonDate(from);
    switch (offset.unit) {
    case Offset::Unit::WorkingDays: try { return {calendar.addWorkingDays(from, offset.amount), false, false};
        } catch (const Error&) {
            return {Calendar::endOfLondonDay(Calendar::addWeekdays(start, offset.amount)), true, false};
        }
    case Offset::Unit::Days: return {Calendar::endOfLondonDay(plusDays(start, offset.amount)), false, false};
    case Offset::Unit::Hours: return {from + hours(offset.amount), false, true};
    case Offset::Unit::Months: {
        Date end = start + months(offset.amount);
        if (!end.ok()) { // 31 January + 1 month: the last day of February
            end = year_month_day_last{end.year(), month_day_last{end.month()}};
        }
        return {Calendar::endOfLondonDay(end), false, false};
    }
    case Offset::Unit::FromRecord: break;
    }
    return {from, false, false};
}

/// The victim's current contact plan, by the one rule in core/victim/CurrentContactPlan.
const Snapshot::ContactPlan* currentPlan(const Snapshot& s, std::int64_t victimId)
{
    std::vector<victim::PlanEntry> entries;
    entries.reserve(s.plans.size());
    for (const auto& p : s.plans) {
        entries.push_back({p.id, p.victimId, p.agreedOn, p.supersedesId});
    }
    const auto index = victim::currentPlanIndex(entries, victimId);
    return index ? &s.plans[*index] : nullptr;
}

bool purposeMatches(const Satisfier& s, const std::string& purpose)
{
    return s.anyContact ||
           std::find(s.contactPurposes.begin(), s.contactPurposes.end(), purpose) != s.contactPurposes.end();
}

/// Whether a contact meets an item of the event `eventUuid` (Right 6, issue 14): when the satisfier asks for the
/// explained event, only a contact that records it does (or one recorded before contacts could say which).
bool explains(const Satisfier& sat, const Snapshot::Contact& c, const std::string& eventUuid)
{
    return !sat.explainedEvent || (c.eventsUnrecorded && c.explainedEvents.empty()) ||
           std::find(c.explainedEvents.begin(), c.explainedEvents.end(), eventUuid) != c.explainedEvents.end();
}

/// The earliest contact or ISVA referral for the victim that meets the satisfier at or after `from`, for the item
/// of the record `triggerUuid`.
std::optional<Instant>
firstMet(const Snapshot& s, std::int64_t victimId, const Satisfier& sat, Instant from, const std::string& triggerUuid)
{
    std::optional<Instant> met;
    auto consider = [&met](Instant at) {
        if (!met || at < *met) {
            met = at;
        }
    };
    if (!sat.contactPurposes.empty() || sat.anyContact) {
        for (const auto& c : s.contacts) {
            if (c.victimId == victimId && c.at >= from && purposeMatches(sat, c.purpose) &&
                explains(sat, c, triggerUuid)) {
                consider(c.at);
            }
        }
    }
    if (sat.isvaReferral) {
        const Date fromDate = Calendar::londonDate(from);
        for (const auto& r : s.isvaReferrals) {
            if (r.victimId == victimId && sys_days{r.offeredOn} >= sys_days{fromDate}) {
                consider(std::max(from, Calendar::londonMidnight(r.offeredOn)));
            }
        }
    }
    for (const auto& e : s.events) {
        if (e.occurredAt >= from &&
            std::find(sat.caseEvents.begin(), sat.caseEvents.end(), e.kind) != sat.caseEvents.end()) {
            consider(e.occurredAt);
        }
    }
    if (sat.supervisoryReview) {
        for (const auto& r : s.reviews) {
            if (r.reviewedAt >= from) {
                consider(r.reviewedAt);
            }
        }
    }
    return met;
}

class CaseEvaluator
{
public:
    CaseEvaluator(const RuleSet& rules,
                  const Calendar& calendar,
                  const Snapshot& s,
                  Instant now,
                  const nom::EnquiryCatalogue* enquiries)
        : m_rules(rules)
        , m_calendar(calendar)
        , m_s(s)
        , m_now(now)
        , m_enquiries(enquiries)
    {
        for (const auto& v : s.victims) {
            m_plans.emplace_back(v.id, currentPlan(s, v.id));
        }
    }

    std::vector<DueItem> run()
    {
        for (const auto& rule : m_rules.rules()) {
            evaluate(rule);
        }
        sortByUrgency(m_items);
        return std::move(m_items);
    }

private:
    void evaluate(const Rule& rule)
    {
        switch (rule.trigger) {
        case TriggerType::CaseEvent:
            for (const auto& e : m_s.events) {
                if (std::find(rule.eventKinds.begin(), rule.eventKinds.end(), e.kind) == rule.eventKinds.end()) {
                    continue;
                }
                if (rule.perCase) {
                    caseItem(rule, e.occurredAt, e.uuid);
                } else {
                    forEachVictim(rule, e.occurredAt, e.uuid);
                }
            }
            break;
        case TriggerType::BailRecord:
            for (const auto& b : m_s.bails) {
                if (std::find(rule.bailKinds.begin(), rule.bailKinds.end(), b.kind) != rule.bailKinds.end()) {
                    forEachVictim(rule, Calendar::londonMidnight(b.startDate), b.uuid);
                }
            }
            break;
        case TriggerType::CaseReported:
            if (rule.perCase) {
                caseItem(rule, m_s.reportedAt, m_s.uuid);
            } else {
                forEachVictim(rule, m_s.reportedAt, m_s.uuid);
            }
            break;
        case TriggerType::ContactPlan:
            for (const auto& v : m_s.victims) {
                agreedUpdates(rule, v);
            }
            break;
        case TriggerType::BailPeriodEnd:
            for (const auto& b : m_s.bails) {
                addSteps(rule, bailEndSteps(b));
            }
            break;
        case TriggerType::RuiReview: ruiReviews(rule); break;
        case TriggerType::ForensicWindow: forensicWindows(rule); break;
        case TriggerType::VictimDevice: devices(rule); break;
        case TriggerType::SupervisoryReview: supervisoryReviews(rule); break;
        case TriggerType::EnquiryDue: enquiriesDue(rule); break;
        case TriggerType::OrderHearing: addSteps(rule, orderHearingSteps(m_s, m_calendar, rule.offset.amount)); break;
        case TriggerType::OrderExpiry: addSteps(rule, orderExpirySteps(m_s)); break;
        }
    }

    DueItem base(const Rule& rule, Instant triggeredAt, const std::string& triggerUuid) const
    {
        DueItem item;
        item.ruleId = rule.id;
        item.kind = rule.kind;
        item.caseId = m_s.caseId;
        item.caseReference = m_s.reference;
        item.title = rule.title;
        item.detail = rule.detail;
        item.source = rule.source;
        item.confirmed = rule.confirmed;
        item.triggeredAt = triggeredAt;
        item.satisfiedBy = rule.satisfiedBy.text;
        item.triggerUuid = triggerUuid;
        item.action = rule.action;
        item.target = rule.target;
        return item;
    }

    void finish(DueItem item, const Due& due, const Rule& rule)
    {
        item.due = due.at;
        item.timed = due.timed;
        if (due.weekdaysOnly) {
            item.detail += " Bank holidays are not known for this date, so only weekends were skipped: check the "
                           "due date.";
        }
        if (rule.warnBefore && !item.warnFrom) {
            const auto warn = *rule.warnBefore;
            if (warn % days(1) == seconds(0)) {
                item.warnFrom = Calendar::londonMidnight(
                    plusDays(Calendar::londonDate(item.due), -static_cast<int>(warn / days(1))));
            } else {
                item.warnFrom = item.due - warn;
            }
        }
        item.state = stateOf(item.due, item.metAt, m_now);
        m_items.push_back(std::move(item));
    }

    /// A victim's item: the victim link, the contact method of their plan, enhanced rights, do-not-contact.
    const Snapshot::ContactPlan* planOf(std::int64_t victimId) const
    {
        for (const auto& [id, plan] : m_plans) {
            if (id == victimId) {
                return plan;
            }
        }
        return nullptr;
    }

    void forVictim(DueItem& item, const Rule& rule, const Snapshot::Victim& v) const
    {
        item.personId = v.id;
        if (rule.actionHasVictim) {
            item.action.preset["victim_id"] = std::to_string(v.id);
        }
        const auto* plan = planOf(v.id);
        if (plan != nullptr && rule.actionHasMethod && item.action.preset.count("method") == 0 &&
            !plan->method.empty()) {
            item.action.preset["method"] = plan->method;
        }
        if (v.enhancedRights && rule.enhanced && !rule.enhancedDetail.empty()) {
            item.detail = rule.enhancedDetail;
        }
        if (plan != nullptr && plan->doNotContact) {
            item.detail += " The victim's contact plan says do not contact: follow the plan (for example through "
                           "the person it names) and record what was done.";
        }
    }

    void forEachVictim(const Rule& rule, Instant triggeredAt, const std::string& triggerUuid)
    {
        for (const auto& v : m_s.victims) {
            DueItem item = base(rule, triggeredAt, triggerUuid);
            forVictim(item, rule, v);
            const Offset& offset = v.enhancedRights && rule.enhanced ? *rule.enhanced : rule.offset;
            item.metAt = firstMet(m_s, v.id, rule.satisfiedBy, triggeredAt, triggerUuid);
            if (rule.satisfiedBy.explainedEvent && rule.action.recordType == "contact") {
                item.action.preset["explained_events"] = triggerUuid; // the contact opened from it explains it
            }
            finish(std::move(item), applyOffset(m_calendar, offset, triggeredAt), rule);
        }
    }

    void caseItem(const Rule& rule, Instant triggeredAt, const std::string& triggerUuid)
    {
        DueItem item = base(rule, triggeredAt, triggerUuid);
        item.metAt = firstMet(m_s, 0, rule.satisfiedBy, triggeredAt, triggerUuid);
        finish(std::move(item), applyOffset(m_calendar, rule.offset, triggeredAt), rule);
    }

    /// One item per interval of the agreed frequency: each contact meets the update due after the one before.
    void agreedUpdates(const Rule& rule, const Snapshot::Victim& v)
    {
        const auto* plan = planOf(v.id);
        if (plan == nullptr || plan->doNotContact || !plan->frequencyDays) {
            return; // no agreed frequency, or the victim asked not to be contacted: nothing falls due
        }
        struct Anchor {
            Instant at;
            std::string uuid;
        };
        std::vector<Anchor> anchors{{Calendar::londonMidnight(plan->agreedOn), plan->uuid}};
        for (const auto& c : m_s.contacts) {
            if (c.victimId == v.id && c.at >= anchors.front().at && purposeMatches(rule.satisfiedBy, c.purpose)) {
                anchors.push_back({c.at, c.uuid});
            }
        }
        std::stable_sort(anchors.begin() + 1, anchors.end(),
                         [](const Anchor& a, const Anchor& b) { return a.at < b.at; });
        for (std::size_t i = 0; i < anchors.size(); ++i) {
            const bool last = i + 1 == anchors.size();
            if (last && !m_s.open) {
                break; // a closed case has no further updates due
            }
            DueItem item = base(rule, anchors[i].at, anchors[i].uuid);
            forVictim(item, rule, v);
            item.detail += " Agreed: every " + std::to_string(*plan->frequencyDays) +
                           (*plan->frequencyDays == 1 ? " day." : " days.");
            if (!last) {
                item.metAt = anchors[i + 1].at;
            }
            const Date dueDate = plusDays(Calendar::londonDate(anchors[i].at), *plan->frequencyDays);
            finish(std::move(item), {Calendar::endOfLondonDay(dueDate), false, false}, rule);
        }
    }

    /// Bail and order items: their dates and how they were computed come from BailOrderDueItems.
    void addSteps(const Rule& rule, const std::vector<DueStep>& due)
    {
        for (const auto& step : due) {
            DueItem item = base(rule, step.from, step.uuid);
            item.action.recordId = step.recordId;
            item.metAt = step.metAt;
            item.detail += step.detail;
            finish(std::move(item), {step.due, step.weekdaysOnly, step.timed}, rule);
        }
    }

    void ruiReviews(const Rule& rule)
    {
        for (const auto& r : m_s.ruiReviews) {
            const Snapshot::Bail* bail = nullptr;
            for (const auto& b : m_s.bails) {
                if (b.id == r.bailId) {
                    bail = &b;
                }
            }
            if (!r.reviewedOn && bail != nullptr && bail->endedOn) {
                continue; // the release under investigation has ended: the review is no longer needed
            }
            const Instant from = Calendar::londonMidnight(bail != nullptr ? bail->startDate : r.dueOn);
            DueItem item = base(rule, from, r.uuid);
            item.action.recordId = r.id;
            if (r.reviewedOn) {
                item.metAt = Calendar::londonMidnight(*r.reviewedOn);
            }
            finish(std::move(item), {Calendar::endOfLondonDay(r.dueOn), false, false}, rule);
        }
    }

    /// When the catalogue entry's window closes for this case, if it gives an item: its `when` holds for the facts
    /// as at the report, the time it counts from is recorded, and it was still open when the case was reported.
    std::optional<Instant> windowCloses(const nom::Enquiry& entry) const
    {
        if (!entry.deadline) {
            return std::nullopt;
        }
        const auto fact = m_s.facts.find(entry.deadline->from);
        if (fact == m_s.facts.end()) {
            return std::nullopt;
        }
        std::optional<Instant> from;
        if (const auto* at = std::get_if<Instant>(&fact->second)) {
            from = *at;
        } else if (const auto* range = std::get_if<nom::DateRange>(&fact->second)) {
            from = range->to; // the latest possible time of last contact
        }
        if (!from || !entry.when.holds(m_s.facts, m_s.reportedAt)) {
            return std::nullopt;
        }
        const Instant due = *from + entry.deadline->after;
        if (due <= m_s.reportedAt) {
            return std::nullopt; // the window had closed before the report
        }
        return due;
    }

    void forensicWindows(const Rule& rule)
    {
        if (m_enquiries == nullptr) {
            return;
        }
        for (const auto& entry : m_enquiries->entries()) {
            const auto due = windowCloses(entry);
            if (!due) {
                continue;
            }
            DueItem item = base(rule, *due - entry.deadline->after, "catalogue:" + entry.id);
            item.title = rule.title + ": " + entry.deadline->label;
            item.source = entry.deadline->source;
            item.confirmed = entry.deadline->confirmed;
            item.detail = rule.detail + " Line of enquiry " + entry.id + ".";
            const Snapshot::Enquiry* tracked = nullptr;
            for (const auto& e : m_s.enquiries) {
                if (e.catalogueId == entry.id &&
                    (tracked == nullptr || e.status == "done" || e.status == "not_possible")) {
                    tracked = &e;
                }
            }
            if (tracked != nullptr) {
                item.action.recordId = tracked->id;
                item.action.preset.clear();
                if (tracked->status == "done" || tracked->status == "not_possible") {
                    item.metAt = tracked->updatedAt;
                }
            } else {
                item.action.preset["catalogue_id"] = entry.id;
            }
            finish(std::move(item), {*due, false, true}, rule);
        }
    }

    void devices(const Rule& rule)
    {
        for (const auto& d : m_s.victimDevices) {
            if (!d.seizedAt) {
                continue;
            }
            DueItem item = base(rule, *d.seizedAt, d.uuid);
            item.personId = d.personId;
            item.action.recordId = d.id;
            if (d.returnedAt) {
                item.metAt = d.returnedAt;
            }
            if (d.swapGiven) {
                const Instant swap = std::max(*d.seizedAt, d.updatedAt);
                item.metAt = item.metAt ? std::min(*item.metAt, swap) : swap;
            }
            finish(std::move(item), applyOffset(m_calendar, rule.offset, *d.seizedAt), rule);
        }
    }

    void supervisoryReviews(const Rule& rule)
    {
        auto reviews = m_s.reviews;
        std::stable_sort(reviews.begin(), reviews.end(), [](const Snapshot::Review& a, const Snapshot::Review& b) {
            return a.reviewedAt < b.reviewedAt;
        });
        for (std::size_t i = 0; i < reviews.size(); ++i) {
            const bool last = i + 1 == reviews.size();
            if (last && !m_s.open) {
                break; // a closed case has no further review due
            }
            DueItem item = base(rule, reviews[i].reviewedAt, reviews[i].uuid);
            if (!last) {
                item.metAt = reviews[i + 1].reviewedAt;
            }
            finish(std::move(item), applyOffset(m_calendar, rule.offset, reviews[i].reviewedAt), rule);
        }
    }

    /// "Line of enquiry due: take penile swabs from the suspect on arrest": the catalogue's title (or the officer's
    /// own), its first letter lowered unless it starts an abbreviation ("CCTV ...").
    std::string enquiryTitle(const Rule& rule, const Snapshot::Enquiry& e, const nom::Enquiry* entry) const
    {
        std::string about = entry != nullptr ? entry->title : e.title;
        if (about.empty()) {
            return rule.title;
        }
        if (about.size() > 1 && about[0] >= 'A' && about[0] <= 'Z' && !(about[1] >= 'A' && about[1] <= 'Z')) {
            about[0] = static_cast<char>(about[0] - 'A' + 'a');
        }
        return rule.title + ": " + about;
    }

    void enquiriesDue(const Rule& rule)
    {
        const bool windowRule = std::any_of(m_rules.rules().begin(), m_rules.rules().end(),
                                            [](const Rule& r) { return r.trigger == TriggerType::ForensicWindow; });
        for (const auto& e : m_s.enquiries) {
            if (!e.dueOn) {
                continue;
            }
            const nom::Enquiry* entry =
                m_enquiries != nullptr && !e.catalogueId.empty() ? m_enquiries->find(e.catalogueId) : nullptr;
            Due due{Calendar::endOfLondonDay(*e.dueOn), false, false};
            if (entry != nullptr) {
                // Accepted with the window's day as its due date: due when the window closes, not at the end of
                // that day. The window's own item already says so (and opens this enquiry): no second item.
                if (const auto closes = windowCloses(*entry);
                    closes && sys_days{Calendar::londonDate(*closes)} == sys_days{*e.dueOn}) {
                    if (windowRule) {
                        continue;
                    }
                    due = {*closes, false, true};
                }
            }
            const bool closed = e.status == "done" || e.status == "not_possible";
            DueItem item = base(rule, e.acceptedAt, e.uuid);
            item.title = enquiryTitle(rule, e, entry);
            if (!e.catalogueId.empty()) {
                item.detail += " Catalogue entry " + e.catalogueId + ".";
            }
            item.action.recordId = e.id;
            if (closed) {
                item.metAt = e.updatedAt;
            }
            finish(std::move(item), due, rule);
        }
    }

    const RuleSet& m_rules;
    const Calendar& m_calendar;
    const Snapshot& m_s;
    Instant m_now;
    const nom::EnquiryCatalogue* m_enquiries;
    std::vector<std::pair<std::int64_t, const Snapshot::ContactPlan*>> m_plans; ///< each victim's current plan
    std::vector<DueItem> m_items;
};

int urgencyRank(DueState state)
{
    switch (state) {
    case DueState::Overdue: return 0;
    case DueState::DueToday: return 1;
    case DueState::Upcoming: return 2;
    case DueState::MetOnTime:
    case DueState::MetLate: break;
    }
    return 3;
}

} // namespace

DueState stateOf(Instant due, const std::optional<Instant>& metAt, Instant now) noexcept
{
    if (metAt) {
        return *metAt <= due ? DueState::MetOnTime : DueState::MetLate;
    }
    if (now > due) {
        return DueState::Overdue;
    }
    return Calendar::londonDate(now) == Calendar::londonDate(due) ? DueState::DueToday : DueState::Upcoming;
}

void sortByUrgency(std::vector<DueItem>& items)
{
    std::sort(items.begin(), items.end(), [](const DueItem& a, const DueItem& b) {
        return std::forward_as_tuple(urgencyRank(a.state), a.due, a.caseId, a.ruleId, a.triggerUuid, a.personId) <
               std::forward_as_tuple(urgencyRank(b.state), b.due, b.caseId, b.ruleId, b.triggerUuid, b.personId);
    });
}

std::vector<DueItem> evaluateCase(const RuleSet& rules,
                                  const Calendar& calendar,
                                  const CaseSnapshot& snapshot,
                                  Instant now,
                                  const nom::EnquiryCatalogue* enquiries)
{
    return CaseEvaluator(rules, calendar, snapshot, now, enquiries).run();
}

} // namespace wb::core::deadlines
