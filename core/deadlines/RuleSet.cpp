// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/deadlines/RuleSet.h"

#include <algorithm>
#include <array>
#include <set>
#include <utility>

#include <nlohmann/json.hpp>

#include "core/Error.h"
#include "core/json/JsonReader.h"
#include "core/records/RecordSpec.h"

namespace wb::core::deadlines {

namespace reader = core::json;
using json = nlohmann::json;

namespace {

constexpr std::array<std::pair<TriggerType, std::string_view>, 12> TriggerNames{{
    {TriggerType::CaseEvent, "case-event"},
    {TriggerType::BailRecord, "bail-record"},
    {TriggerType::CaseReported, "case-reported"},
    {TriggerType::ContactPlan, "contact-plan"},
    {TriggerType::BailPeriodEnd, "bail-period-end"},
    {TriggerType::RuiReview, "rui-review"},
    {TriggerType::ForensicWindow, "forensic-window"},
    {TriggerType::VictimDevice, "victim-device"},
    {TriggerType::SupervisoryReview, "supervisory-review"},
    {TriggerType::EnquiryDue, "enquiry-due"},
    {TriggerType::OrderHearing, "order-hearing"},
    {TriggerType::OrderExpiry, "order-expiry"},
}};

/// Triggers whose due date comes from the record itself.
bool datedByRecord(TriggerType t)
{
    return t == TriggerType::ContactPlan || t == TriggerType::BailPeriodEnd || t == TriggerType::RuiReview ||
           t == TriggerType::ForensicWindow || t == TriggerType::EnquiryDue || t == TriggerType::OrderExpiry;
}

bool validId(const std::string& id)
{
    if (id.empty() || id.size() > 60) {
        return false;
    }
    return std::all_of(id.begin(), id.end(),
                       [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

Offset readOffset(const json& object, std::string_view origin, const std::string& where)
{
    if (!object.is_object() || object.size() != 1) {
        reader::fail(origin, where + ": must be an object with exactly one of 'workingDays', 'days', 'hours', "
                                     "'months' or 'fromRecord'");
    }
    reader::rejectUnknownKeys(object, {"workingDays", "days", "hours", "months", "fromRecord"}, origin, where);
    Offset offset;
    if (object.contains("workingDays")) {
        offset = {Offset::Unit::WorkingDays, reader::requireWholeNumber(object, "workingDays", 1, 366, origin, where)};
    } else if (object.contains("days")) {
        offset = {Offset::Unit::Days, reader::requireWholeNumber(object, "days", 0, 3660, origin, where)};
    } else if (object.contains("hours")) {
        offset = {Offset::Unit::Hours, reader::requireWholeNumber(object, "hours", 1, 87840, origin, where)};
    } else if (object.contains("months")) {
        offset = {Offset::Unit::Months, reader::requireWholeNumber(object, "months", 1, 120, origin, where)};
    } else {
        if (!object.at("fromRecord").is_boolean() || !object.at("fromRecord").get<bool>()) {
            reader::fail(origin, where + ": 'fromRecord' must be true");
        }
        offset = {Offset::Unit::FromRecord, 0};
    }
    return offset;
}

void readTrigger(const json& object, Rule& rule, std::string_view origin, const std::string& where)
{
    const std::string at = where + ": 'trigger'";
    if (!object.is_object()) {
        reader::fail(origin, at + " must be an object");
    }
    reader::rejectUnknownKeys(object, {"type", "eventKinds", "bailKinds", "per"}, origin, at);
    const auto type = triggerTypeFromString(reader::requireString(object, "type", origin, at));
    if (!type) {
        reader::fail(origin, at + ": 'type' is not a known trigger (case-event, bail-record, case-reported, "
                                  "contact-plan, bail-period-end, rui-review, forensic-window, victim-device, "
                                  "supervisory-review, enquiry-due, order-hearing, order-expiry)");
    }
    rule.trigger = *type;
    if (rule.trigger == TriggerType::CaseEvent) {
        rule.eventKinds = reader::requireCodeList(object, "eventKinds", origin, at);
    } else if (object.contains("eventKinds")) {
        reader::fail(origin, at + ": 'eventKinds' is only for a case-event trigger");
    }
    if (rule.trigger == TriggerType::BailRecord) {
        rule.bailKinds = reader::requireCodeList(object, "bailKinds", origin, at);
        for (const auto& kind : rule.bailKinds) {
            if (kind != "bail" && kind != "rui") {
                reader::fail(origin, at + ": 'bailKinds' may hold only \"bail\" and \"rui\"");
            }
        }
    } else if (object.contains("bailKinds")) {
        reader::fail(origin, at + ": 'bailKinds' is only for a bail-record trigger");
    }
    if (const auto per = object.find("per"); per != object.end()) {
        if ((rule.trigger != TriggerType::CaseReported && rule.trigger != TriggerType::CaseEvent) ||
            !per->is_string() || (*per != "case" && *per != "victim")) {
            reader::fail(origin, at + ": 'per' is only for a case-reported or case-event trigger, and must be "
                                      "\"case\" or \"victim\"");
        }
        rule.perCase = *per == "case";
    }
}

Satisfier readSatisfier(const json& object, const Rule& rule, std::string_view origin, const std::string& where)
{
    const std::string at = where + ": 'satisfiedBy'";
    if (!object.is_object()) {
        reader::fail(origin, at + " must be an object");
    }
    reader::rejectUnknownKeys(
        object,
        {"text", "contactPurposes", "anyContact", "isvaReferral", "supervisoryReview", "explainedEvent", "caseEvents"},
        origin, at);
    Satisfier s;
    s.text = reader::requireString(object, "text", origin, at);
    if (object.contains("contactPurposes")) {
        s.contactPurposes = reader::requireCodeList(object, "contactPurposes", origin, at);
    }
    if (object.contains("anyContact")) {
        s.anyContact = reader::requireBool(object, "anyContact", origin, at);
    }
    if (object.contains("isvaReferral")) {
        s.isvaReferral = reader::requireBool(object, "isvaReferral", origin, at);
    }
    if (object.contains("supervisoryReview")) {
        s.supervisoryReview = reader::requireBool(object, "supervisoryReview", origin, at);
    }
    if (object.contains("caseEvents")) {
        s.caseEvents = reader::requireCodeList(object, "caseEvents", origin, at);
        if (s.caseEvents.empty()) {
            reader::fail(origin, at + ": 'caseEvents' must name at least one kind of case event");
        }
    }
    if (object.contains("explainedEvent")) {
        s.explainedEvent = reader::requireBool(object, "explainedEvent", origin, at);
    }
    const bool contact = !s.contactPurposes.empty() || s.anyContact;
    if (s.explainedEvent && (s.contactPurposes.empty() ||
                             (rule.trigger != TriggerType::CaseEvent && rule.trigger != TriggerType::BailRecord))) {
        reader::fail(origin, at + ": 'explainedEvent' needs 'contactPurposes' and an event (a 'case-event' or "
                                  "'bail-record' trigger)");
    }
    if (!s.contactPurposes.empty() && s.anyContact) {
        reader::fail(origin, at + ": give either 'contactPurposes' or 'anyContact', not both");
    }
    switch (rule.trigger) {
    case TriggerType::CaseEvent:
    case TriggerType::BailRecord:
    case TriggerType::CaseReported:
        if (rule.perCase) {
            if (contact || s.isvaReferral || s.supervisoryReview == !s.caseEvents.empty()) {
                reader::fail(origin, at + ": a rule per case is met by a supervisory review ('supervisoryReview': "
                                          "true) or by case events ('caseEvents'), one of them");
            }
        } else if ((!contact && !s.isvaReferral) || s.supervisoryReview || !s.caseEvents.empty()) {
            reader::fail(origin, at + ": a rule per victim is met by a contact ('contactPurposes' or 'anyContact') "
                                      "or an ISVA referral ('isvaReferral')");
        }
        break;
    case TriggerType::ContactPlan:
        if (!contact || s.isvaReferral || s.supervisoryReview || !s.caseEvents.empty()) {
            reader::fail(origin, at + ": an agreed update is met by a contact only ('contactPurposes' or "
                                      "'anyContact')");
        }
        break;
    case TriggerType::SupervisoryReview:
        if (!s.supervisoryReview || contact || s.isvaReferral || !s.caseEvents.empty()) {
            reader::fail(origin, at + ": a supervisory review point is met by a supervisory review only "
                                      "('supervisoryReview': true)");
        }
        break;
    default:
        if (contact || s.isvaReferral || s.supervisoryReview || !s.caseEvents.empty()) {
            reader::fail(origin, at + ": this trigger is met by its own record (see DEADLINES.md); give 'text' only");
        }
        break;
    }
    return s;
}

DueAction readAction(const json& object, std::string_view origin, const std::string& where)
{
    const std::string at = where + ": 'action'";
    if (!object.is_object()) {
        reader::fail(origin, at + " must be an object");
    }
    reader::rejectUnknownKeys(object, {"recordType", "preset"}, origin, at);
    DueAction action;
    action.recordType = reader::requireString(object, "recordType", origin, at);
    const RecordSpec* spec = nullptr;
    for (const auto& s : recordSpecs()) {
        if (s.type == action.recordType) {
            spec = &s;
        }
    }
    if (spec == nullptr) {
        reader::fail(origin, at + ": 'recordType' is not a record type of the workbench");
    }
    if (const auto preset = object.find("preset"); preset != object.end()) {
        if (!preset->is_object()) {
            reader::fail(origin, at + ": 'preset' must be an object of field values");
        }
        for (const auto& [key, value] : preset->items()) {
            if (spec->field(key) == nullptr) {
                reader::fail(origin, at + ": 'preset': '" + key + "' is not a field of " + action.recordType);
            }
            if (!value.is_string()) {
                reader::fail(origin, at + ": 'preset': '" + key + "' must be a string");
            }
            action.preset[key] = value.get<std::string>();
        }
    }
    return action;
}

Rule readRule(const json& object, std::size_t index, std::string_view origin)
{
    std::string where = "rule " + std::to_string(index + 1);
    if (!object.is_object()) {
        reader::fail(origin, where + ": must be an object");
    }
    Rule rule;
    rule.id = reader::requireString(object, "id", origin, where);
    if (!validId(rule.id)) {
        reader::fail(origin, where + ": 'id' must be 1-60 characters of a-z, 0-9 and '-'");
    }
    where = "rule " + rule.id;
    reader::rejectUnknownKeys(object,
                              {"id", "kind", "title", "detail", "enhancedDetail", "source", "confirmed", "target",
                               "trigger", "offset", "enhanced", "warnBefore", "satisfiedBy", "action"},
                              origin, where);
    const auto kind = dueKindFromString(reader::requireString(object, "kind", origin, where));
    if (!kind) {
        reader::fail(origin, where + ": 'kind' is not a known kind of deadline (VictimUpdate, DecisionExplained, "
                                     "AgreedUpdate, SupportReferral, BailEnd, RuiReview, ForensicWindow, DeviceReturn, "
                                     "SupervisoryReview, EnquiryDue, Order, Other)");
    }
    rule.kind = *kind;
    rule.title = reader::requireString(object, "title", origin, where);
    rule.detail = reader::requireString(object, "detail", origin, where);
    if (object.contains("enhancedDetail")) {
        rule.enhancedDetail = reader::requireString(object, "enhancedDetail", origin, where);
    }
    rule.source = reader::requireString(object, "source", origin, where);
    rule.confirmed = reader::requireBool(object, "confirmed", origin, where);
    if (object.contains("target")) {
        rule.target = reader::requireBool(object, "target", origin, where);
    }
    if (!object.contains("trigger")) {
        reader::fail(origin, where + ": 'trigger' is missing");
    }
    readTrigger(object.at("trigger"), rule, origin, where);
    if (!object.contains("offset")) {
        reader::fail(origin, where + ": 'offset' is missing");
    }
    rule.offset = readOffset(object.at("offset"), origin, where + ": 'offset'");
    if (datedByRecord(rule.trigger) != (rule.offset.unit == Offset::Unit::FromRecord)) {
        reader::fail(origin,
                     where + ": 'offset': " + std::string(toString(rule.trigger)) +
                         (datedByRecord(rule.trigger) ? " takes its date from the record: use {\"fromRecord\": true}"
                                                      : " has no date of its own: give a time limit"));
    }
    if (object.contains("enhanced")) {
        if (!rule.perVictim()) {
            reader::fail(origin, where + ": 'enhanced' is only for rules that concern a victim");
        }
        rule.enhanced = readOffset(object.at("enhanced"), origin, where + ": 'enhanced'");
        if (rule.enhanced->unit == Offset::Unit::FromRecord) {
            reader::fail(origin, where + ": 'enhanced': give a time limit");
        }
    }
    if (!rule.enhancedDetail.empty() && !rule.enhanced) {
        reader::fail(origin, where + ": 'enhancedDetail' needs an 'enhanced' offset");
    }
    if (rule.trigger == TriggerType::OrderHearing && rule.offset.unit != Offset::Unit::Hours) {
        reader::fail(origin, where + ": 'offset': an order hearing is counted in 'hours' (Sundays and holidays "
                                     "disregarded)");
    }
    if (object.contains("warnBefore")) {
        const auto warn = readOffset(object.at("warnBefore"), origin, where + ": 'warnBefore'");
        if (warn.unit == Offset::Unit::Days) {
            rule.warnBefore = std::chrono::days(warn.amount);
        } else if (warn.unit == Offset::Unit::Hours) {
            rule.warnBefore = std::chrono::hours(warn.amount);
        } else {
            reader::fail(origin, where + ": 'warnBefore' must be in 'days' or 'hours'");
        }
    }
    if (!object.contains("satisfiedBy")) {
        reader::fail(origin, where + ": 'satisfiedBy' is missing");
    }
    rule.satisfiedBy = readSatisfier(object.at("satisfiedBy"), rule, origin, where);
    if (!object.contains("action")) {
        reader::fail(origin, where + ": 'action' is missing");
    }
    rule.action = readAction(object.at("action"), origin, where);
    const RecordSpec& spec = recordSpec(rule.action.recordType); // known: readAction checked it
    rule.actionHasVictim = spec.field("victim_id") != nullptr;
    rule.actionHasMethod = spec.field("method") != nullptr;
    return rule;
}

} // namespace

std::string_view toString(TriggerType type) noexcept
{
    for (const auto& [t, name] : TriggerNames) {
        if (t == type) {
            return name;
        }
    }
    return "case-event";
}

std::optional<TriggerType> triggerTypeFromString(std::string_view name) noexcept
{
    for (const auto& [t, n] : TriggerNames) {
        if (n == name) {
            return t;
        }
    }
    return std::nullopt;
}

std::string Offset::describe() const
{
    const std::string n = std::to_string(amount);
    switch (unit) {
    case Unit::WorkingDays: return n + (amount == 1 ? " working day" : " working days");
    case Unit::Days: return n + (amount == 1 ? " day" : " days");
    case Unit::Hours: return n + (amount == 1 ? " hour" : " hours");
    case Unit::Months: return n + (amount == 1 ? " month" : " months");
    case Unit::FromRecord: break;
    }
    return "as recorded";
}

bool Rule::perVictim() const noexcept
{
    switch (trigger) {
    case TriggerType::BailRecord:
    case TriggerType::ContactPlan: return true;
    case TriggerType::CaseEvent:
    case TriggerType::CaseReported: return !perCase;
    default: return false;
    }
}

RuleSet RuleSet::fromJson(std::string_view text, std::string_view origin)
{
    const auto doc = reader::parseTopLevel(text, origin);
    reader::rejectUnknownKeys(doc, {"kind", "format", "version", "source", "rules"}, origin, "top level");
    RuleSet set;
    set.m_version = reader::checkHeader(doc, origin, "deadline-rules");
    set.m_source = reader::requireString(doc, "source", origin, "top level");
    const auto& rules = reader::requireNonEmptyArray(doc, "rules", origin, "top level");
    std::set<std::string, std::less<>> ids;
    for (std::size_t i = 0; i < rules.size(); ++i) {
        Rule rule = readRule(rules[i], i, origin);
        if (!ids.insert(rule.id).second) {
            reader::fail(origin, "rule " + rule.id + ": 'id' is used by an earlier rule");
        }
        set.m_rules.push_back(std::move(rule));
    }
    return set;
}

RuleSet RuleSet::fromFile(const std::filesystem::path& path)
{
    return fromJson(reader::readTextFile(path), path.filename().string());
}

const Rule* RuleSet::find(std::string_view id) const noexcept
{
    for (const auto& rule : m_rules) {
        if (rule.id == id) {
            return &rule;
        }
    }
    return nullptr;
}

} // namespace wb::core::deadlines
