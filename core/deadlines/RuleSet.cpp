// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/deadlines/RuleSet.h"

#include <algorithm>
#include <array>
#include <set>
#include <utility>

#include <nlohmann/json.hpp>

#include "core/Error.h"
#include "core/nom/NomJson.h"
#include "core/records/RecordSpec.h"

namespace wb::core::deadlines {

namespace detail = nom::detail;
using json = nlohmann::json;

namespace {

constexpr std::array<std::pair<TriggerType, std::string_view>, 10> TriggerNames{{
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
}};

/// Triggers whose due date comes from the record itself.
bool datedByRecord(TriggerType t)
{
    return t == TriggerType::ContactPlan || t == TriggerType::BailPeriodEnd || t == TriggerType::RuiReview ||
           t == TriggerType::ForensicWindow || t == TriggerType::EnquiryDue;
}

bool validId(const std::string& id)
{
    if (id.empty() || id.size() > 60) {
        return false;
    }
    return std::all_of(id.begin(), id.end(),
                       [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

int readCount(const json& object, const char* key, int min, int max, std::string_view origin, const std::string& where)
{
    const auto& v = object.at(key);
    if (!v.is_number_integer() || v.get<long long>() < min || v.get<long long>() > max) {
        detail::fail(origin, where + ": '" + key + "' must be a whole number from " + std::to_string(min) + " to " +
                                 std::to_string(max));
    }
    return static_cast<int>(v.get<long long>());
}

Offset readOffset(const json& object, std::string_view origin, const std::string& where)
{
    if (!object.is_object() || object.size() != 1) {
        detail::fail(origin, where + ": must be an object with exactly one of 'workingDays', 'days', 'hours', "
                                     "'months' or 'fromRecord'");
    }
    detail::rejectUnknownKeys(object, {"workingDays", "days", "hours", "months", "fromRecord"}, origin, where);
    Offset offset;
    if (object.contains("workingDays")) {
        offset = {Offset::Unit::WorkingDays, readCount(object, "workingDays", 1, 366, origin, where)};
    } else if (object.contains("days")) {
        offset = {Offset::Unit::Days, readCount(object, "days", 0, 3660, origin, where)};
    } else if (object.contains("hours")) {
        offset = {Offset::Unit::Hours, readCount(object, "hours", 1, 87840, origin, where)};
    } else if (object.contains("months")) {
        offset = {Offset::Unit::Months, readCount(object, "months", 1, 120, origin, where)};
    } else {
        if (!object.at("fromRecord").is_boolean() || !object.at("fromRecord").get<bool>()) {
            detail::fail(origin, where + ": 'fromRecord' must be true");
        }
        offset = {Offset::Unit::FromRecord, 0};
    }
    return offset;
}

std::vector<std::string> readCodes(const json& rule, const char* key, std::string_view origin, const std::string& where)
{
    const auto it = rule.find(key);
    if (it == rule.end() || !it->is_array() || it->empty()) {
        detail::fail(origin, where + ": '" + key + "' must be a non-empty array of codes");
    }
    std::vector<std::string> codes;
    for (const auto& code : *it) {
        if (!code.is_string() || code.get_ref<const std::string&>().empty()) {
            detail::fail(origin, where + ": '" + key + "' must hold non-empty strings");
        }
        codes.push_back(code.get<std::string>());
    }
    return codes;
}

void readTrigger(const json& object, Rule& rule, std::string_view origin, const std::string& where)
{
    const std::string at = where + ": 'trigger'";
    if (!object.is_object()) {
        detail::fail(origin, at + " must be an object");
    }
    detail::rejectUnknownKeys(object, {"type", "eventKinds", "bailKinds", "per"}, origin, at);
    const auto type = triggerTypeFromString(detail::requireString(object, "type", origin, at));
    if (!type) {
        detail::fail(origin, at + ": 'type' is not a known trigger (case-event, bail-record, case-reported, "
                                  "contact-plan, bail-period-end, rui-review, forensic-window, victim-device, "
                                  "supervisory-review, enquiry-due)");
    }
    rule.trigger = *type;
    if (rule.trigger == TriggerType::CaseEvent) {
        rule.eventKinds = readCodes(object, "eventKinds", origin, at);
    } else if (object.contains("eventKinds")) {
        detail::fail(origin, at + ": 'eventKinds' is only for a case-event trigger");
    }
    if (rule.trigger == TriggerType::BailRecord) {
        rule.bailKinds = readCodes(object, "bailKinds", origin, at);
        for (const auto& kind : rule.bailKinds) {
            if (kind != "bail" && kind != "rui") {
                detail::fail(origin, at + ": 'bailKinds' may hold only \"bail\" and \"rui\"");
            }
        }
    } else if (object.contains("bailKinds")) {
        detail::fail(origin, at + ": 'bailKinds' is only for a bail-record trigger");
    }
    if (const auto per = object.find("per"); per != object.end()) {
        if (rule.trigger != TriggerType::CaseReported || !per->is_string() || (*per != "case" && *per != "victim")) {
            detail::fail(origin,
                         at + ": 'per' is only for a case-reported trigger, and must be \"case\" or \"victim\"");
        }
        rule.perCase = *per == "case";
    }
}

Satisfier readSatisfier(const json& object, const Rule& rule, std::string_view origin, const std::string& where)
{
    const std::string at = where + ": 'satisfiedBy'";
    if (!object.is_object()) {
        detail::fail(origin, at + " must be an object");
    }
    detail::rejectUnknownKeys(object, {"text", "contactPurposes", "anyContact", "isvaReferral", "supervisoryReview"},
                              origin, at);
    Satisfier s;
    s.text = detail::requireString(object, "text", origin, at);
    if (object.contains("contactPurposes")) {
        s.contactPurposes = readCodes(object, "contactPurposes", origin, at);
    }
    if (object.contains("anyContact")) {
        s.anyContact = detail::requireBool(object, "anyContact", origin, at);
    }
    if (object.contains("isvaReferral")) {
        s.isvaReferral = detail::requireBool(object, "isvaReferral", origin, at);
    }
    if (object.contains("supervisoryReview")) {
        s.supervisoryReview = detail::requireBool(object, "supervisoryReview", origin, at);
    }
    const bool contact = !s.contactPurposes.empty() || s.anyContact;
    if (!s.contactPurposes.empty() && s.anyContact) {
        detail::fail(origin, at + ": give either 'contactPurposes' or 'anyContact', not both");
    }
    switch (rule.trigger) {
    case TriggerType::CaseEvent:
    case TriggerType::BailRecord:
    case TriggerType::CaseReported:
        if (rule.perCase) {
            if (contact || s.isvaReferral || !s.supervisoryReview) {
                detail::fail(origin, at + ": a rule per case is met by a supervisory review only "
                                          "('supervisoryReview': true)");
            }
        } else if ((!contact && !s.isvaReferral) || s.supervisoryReview) {
            detail::fail(origin, at + ": a rule per victim is met by a contact ('contactPurposes' or 'anyContact') "
                                      "or an ISVA referral ('isvaReferral')");
        }
        break;
    case TriggerType::ContactPlan:
        if (!contact || s.isvaReferral || s.supervisoryReview) {
            detail::fail(origin, at + ": an agreed update is met by a contact only ('contactPurposes' or "
                                      "'anyContact')");
        }
        break;
    case TriggerType::SupervisoryReview:
        if (!s.supervisoryReview || contact || s.isvaReferral) {
            detail::fail(origin, at + ": a supervisory review point is met by a supervisory review only "
                                      "('supervisoryReview': true)");
        }
        break;
    default:
        if (contact || s.isvaReferral || s.supervisoryReview) {
            detail::fail(origin, at + ": this trigger is met by its own record (see DEADLINES.md); give 'text' only");
        }
        break;
    }
    return s;
}

DueAction readAction(const json& object, std::string_view origin, const std::string& where)
{
    const std::string at = where + ": 'action'";
    if (!object.is_object()) {
        detail::fail(origin, at + " must be an object");
    }
    detail::rejectUnknownKeys(object, {"recordType", "preset"}, origin, at);
    DueAction action;
    action.recordType = detail::requireString(object, "recordType", origin, at);
    const RecordSpec* spec = nullptr;
    for (const auto& s : recordSpecs()) {
        if (s.type == action.recordType) {
            spec = &s;
        }
    }
    if (spec == nullptr) {
        detail::fail(origin, at + ": 'recordType' is not a record type of the workbench");
    }
    if (const auto preset = object.find("preset"); preset != object.end()) {
        if (!preset->is_object()) {
            detail::fail(origin, at + ": 'preset' must be an object of field values");
        }
        for (const auto& [key, value] : preset->items()) {
            if (spec->field(key) == nullptr) {
                detail::fail(origin, at + ": 'preset': '" + key + "' is not a field of " + action.recordType);
            }
            if (!value.is_string()) {
                detail::fail(origin, at + ": 'preset': '" + key + "' must be a string");
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
        detail::fail(origin, where + ": must be an object");
    }
    Rule rule;
    rule.id = detail::requireString(object, "id", origin, where);
    if (!validId(rule.id)) {
        detail::fail(origin, where + ": 'id' must be 1-60 characters of a-z, 0-9 and '-'");
    }
    where = "rule " + rule.id;
    detail::rejectUnknownKeys(object,
                              {"id", "kind", "title", "detail", "enhancedDetail", "source", "confirmed", "trigger",
                               "offset", "enhanced", "warnBefore", "satisfiedBy", "action"},
                              origin, where);
    const auto kind = dueKindFromString(detail::requireString(object, "kind", origin, where));
    if (!kind) {
        detail::fail(origin, where + ": 'kind' is not a known kind of deadline (VictimUpdate, DecisionExplained, "
                                     "AgreedUpdate, SupportReferral, BailEnd, RuiReview, ForensicWindow, DeviceReturn, "
                                     "SupervisoryReview, EnquiryDue, Other)");
    }
    rule.kind = *kind;
    rule.title = detail::requireString(object, "title", origin, where);
    rule.detail = detail::requireString(object, "detail", origin, where);
    if (object.contains("enhancedDetail")) {
        rule.enhancedDetail = detail::requireString(object, "enhancedDetail", origin, where);
    }
    rule.source = detail::requireString(object, "source", origin, where);
    rule.confirmed = detail::requireBool(object, "confirmed", origin, where);
    if (!object.contains("trigger")) {
        detail::fail(origin, where + ": 'trigger' is missing");
    }
    readTrigger(object.at("trigger"), rule, origin, where);
    if (!object.contains("offset")) {
        detail::fail(origin, where + ": 'offset' is missing");
    }
    rule.offset = readOffset(object.at("offset"), origin, where + ": 'offset'");
    if (datedByRecord(rule.trigger) != (rule.offset.unit == Offset::Unit::FromRecord)) {
        detail::fail(origin,
                     where + ": 'offset': " + std::string(toString(rule.trigger)) +
                         (datedByRecord(rule.trigger) ? " takes its date from the record: use {\"fromRecord\": true}"
                                                      : " has no date of its own: give a time limit"));
    }
    if (object.contains("enhanced")) {
        if (!rule.perVictim()) {
            detail::fail(origin, where + ": 'enhanced' is only for rules that concern a victim");
        }
        rule.enhanced = readOffset(object.at("enhanced"), origin, where + ": 'enhanced'");
        if (rule.enhanced->unit == Offset::Unit::FromRecord) {
            detail::fail(origin, where + ": 'enhanced': give a time limit");
        }
    }
    if (!rule.enhancedDetail.empty() && !rule.enhanced) {
        detail::fail(origin, where + ": 'enhancedDetail' needs an 'enhanced' offset");
    }
    if (object.contains("warnBefore")) {
        const auto warn = readOffset(object.at("warnBefore"), origin, where + ": 'warnBefore'");
        if (warn.unit == Offset::Unit::Days) {
            rule.warnBefore = std::chrono::days(warn.amount);
        } else if (warn.unit == Offset::Unit::Hours) {
            rule.warnBefore = std::chrono::hours(warn.amount);
        } else {
            detail::fail(origin, where + ": 'warnBefore' must be in 'days' or 'hours'");
        }
    }
    if (!object.contains("satisfiedBy")) {
        detail::fail(origin, where + ": 'satisfiedBy' is missing");
    }
    rule.satisfiedBy = readSatisfier(object.at("satisfiedBy"), rule, origin, where);
    if (!object.contains("action")) {
        detail::fail(origin, where + ": 'action' is missing");
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
    case TriggerType::CaseEvent:
    case TriggerType::BailRecord:
    case TriggerType::ContactPlan: return true;
    case TriggerType::CaseReported: return !perCase;
    default: return false;
    }
}

RuleSet RuleSet::fromJson(std::string_view text, std::string_view origin)
{
    const auto doc = detail::parseTopLevel(text, origin);
    detail::rejectUnknownKeys(doc, {"kind", "format", "version", "source", "rules"}, origin, "top level");
    RuleSet set;
    set.m_version = detail::checkHeader(doc, origin, "deadline-rules");
    set.m_source = detail::requireString(doc, "source", origin, "top level");
    const auto rules = doc.find("rules");
    if (rules == doc.end() || !rules->is_array() || rules->empty()) {
        detail::fail(origin, "top level: 'rules' must be a non-empty array");
    }
    std::set<std::string, std::less<>> ids;
    for (std::size_t i = 0; i < rules->size(); ++i) {
        Rule rule = readRule((*rules)[i], i, origin);
        if (!ids.insert(rule.id).second) {
            detail::fail(origin, "rule " + rule.id + ": 'id' is used by an earlier rule");
        }
        set.m_rules.push_back(std::move(rule));
    }
    return set;
}

RuleSet RuleSet::fromFile(const std::filesystem::path& path)
{
    return fromJson(detail::readTextFile(path), path.filename().string());
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
