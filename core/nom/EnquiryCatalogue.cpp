// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/nom/EnquiryCatalogue.h"

#include <algorithm>
#include <array>
#include <set>

#include <nlohmann/json.hpp>

#include "core/nom/NomJson.h"
#include "core/reference/ReferenceData.h"

namespace wb::core::nom {

namespace {

using json = nlohmann::json;

constexpr std::array<std::pair<EnquiryCategory, std::string_view>, 14> CategoryNames{{
    {EnquiryCategory::SuspectBehaviourBefore, "suspect-behaviour-before"},
    {EnquiryCategory::SuspectBehaviourDuring, "suspect-behaviour-during"},
    {EnquiryCategory::SuspectBehaviourAfter, "suspect-behaviour-after"},
    {EnquiryCategory::TargetingVulnerability, "targeting-vulnerability"},
    {EnquiryCategory::PriorReportsIntelligence, "prior-reports-intelligence"},
    {EnquiryCategory::RepeatSuspect, "repeat-suspect"},
    {EnquiryCategory::SuspectDigital, "suspect-digital"},
    {EnquiryCategory::WitnessesAssociates, "witnesses-associates"},
    {EnquiryCategory::ForensicScene, "forensic-scene"},
    {EnquiryCategory::ArrestInterview, "arrest-interview"},
    {EnquiryCategory::Disruption, "disruption"},
    {EnquiryCategory::VictimCentred, "victim-centred"},
    {EnquiryCategory::DigitalForensics, "digital-forensics"},
    {EnquiryCategory::ThirdPartyMaterial, "third-party-material"},
}};

constexpr std::array<std::pair<Principle, std::string_view>, 6> PrincipleNames{{
    {Principle::SuspectFocused, "suspect-focused"},
    {Principle::DisruptingRepeatSuspects, "disrupting-repeat-suspects"},
    {Principle::VictimCentred, "victim-centred"},
    {Principle::ContextLed, "context-led"},
    {Principle::DigitalForensics, "digital-forensics"},
    {Principle::VictimInformation, "victim-information"},
}};

constexpr std::array<std::pair<Priority, std::string_view>, 3> PriorityNames{{
    {Priority::EvidenceAtRisk, "evidence-at-risk"},
    {Priority::HighValue, "high-value"},
    {Priority::Standard, "standard"},
}};

template <typename Enum, std::size_t N>
std::string_view nameOf(const std::array<std::pair<Enum, std::string_view>, N>& names, Enum value) noexcept
{
    for (const auto& [e, name] : names) {
        if (e == value) {
            return name;
        }
    }
    return "unknown";
}

template <typename Enum, std::size_t N>
std::optional<Enum> valueOf(const std::array<std::pair<Enum, std::string_view>, N>& names,
                            std::string_view name) noexcept
{
    for (const auto& [e, n] : names) {
        if (n == name) {
            return e;
        }
    }
    return std::nullopt;
}

template <typename Enum, std::size_t N>
std::string allNames(const std::array<std::pair<Enum, std::string_view>, N>& names)
{
    std::string out;
    for (const auto& [e, n] : names) {
        out += (out.empty() ? "" : ", ") + std::string(n);
    }
    return out;
}

/// Upper-case words joined by '-', then '-' and three digits: "SUS-PRE-001", "VIC-012". At most 32 characters.
bool isValidEntryId(std::string_view id) noexcept
{
    if (id.size() < 5 || id.size() > 32) {
        return false;
    }
    const auto digits = id.substr(id.size() - 4);
    if (digits[0] != '-' ||
        !std::all_of(digits.begin() + 1, digits.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        return false;
    }
    const auto words = id.substr(0, id.size() - 4);
    bool previousDash = true;
    for (const char c : words) {
        if (c == '-') {
            if (previousDash) {
                return false;
            }
            previousDash = true;
        } else if (c >= 'A' && c <= 'Z') {
            previousDash = false;
        } else {
            return false;
        }
    }
    return !previousDash;
}

Enquiry readEntry(const json& item,
                  std::size_t index,
                  std::string_view origin,
                  const QuestionCatalogue& questions,
                  const ReferenceList& stages,
                  const std::set<std::string>& seen)
{
    const std::string position = "entry " + std::to_string(index);
    if (!item.is_object()) {
        detail::fail(origin, position + " must be an object");
    }
    Enquiry e;
    e.order = static_cast<int>(index);
    e.id = detail::requireString(item, "id", origin, position);
    const std::string where = "entry " + e.id;
    if (!isValidEntryId(e.id)) {
        detail::fail(origin, where + ": 'id' must be upper-case words and a three-digit number, e.g. SUS-PRE-001");
    }
    if (seen.count(e.id) != 0) {
        detail::fail(origin, where + ": 'id' is a duplicate");
    }
    detail::rejectUnknownKeys(item,
                              {"id", "title", "category", "principle", "context", "stage", "when", "why", "basis",
                               "source", "confirmed", "deadline", "intrudesOnVictimPrivacy", "priority",
                               "priorityReason"},
                              origin, where);
    e.title = detail::requireString(item, "title", origin, where);

    const auto category = enquiryCategoryFromString(detail::requireString(item, "category", origin, where));
    if (!category) {
        detail::fail(origin, where + ": 'category' must be one of " + allNames(CategoryNames));
    }
    e.category = *category;
    const auto principle = principleFromString(detail::requireString(item, "principle", origin, where));
    if (!principle) {
        detail::fail(origin, where + ": 'principle' must be one of " + allNames(PrincipleNames));
    }
    e.principle = *principle;
    const auto context = contextGroupFromString(detail::requireString(item, "context", origin, where));
    if (!context) {
        detail::fail(origin, where + ": 'context' must be one of relationship, victim, suspect, offence");
    }
    e.context = *context;
    e.stage = detail::requireString(item, "stage", origin, where);
    if (!stages.contains(e.stage)) {
        detail::fail(origin, where + ": 'stage' '" + e.stage +
                                 "' is not a journey stage code (stage-01..stage-15 in "
                                 "journey-stages.json)");
    }

    const auto when = item.find("when");
    if (when == item.end()) {
        detail::fail(origin, where + ": 'when' is missing (a condition, or \"always\")");
    }
    if (when->is_string()) {
        if (when->get_ref<const std::string&>() != "always") {
            detail::fail(origin, where + ": 'when' must be a condition object or the string \"always\"");
        }
    } else {
        const detail::QuestionLookup lookup = [&questions](std::string_view id) { return questions.find(id); };
        e.when = detail::parseCondition(*when, lookup, origin, where, "when");
    }

    e.why = detail::requireString(item, "why", origin, where);
    e.basis = detail::requireString(item, "basis", origin, where);
    e.source = detail::requireString(item, "source", origin, where);
    e.confirmed = detail::requireBool(item, "confirmed", origin, where);
    e.intrudesOnVictimPrivacy = detail::requireBool(item, "intrudesOnVictimPrivacy", origin, where);

    // Required since issue 14: every entry says how urgently it should be worked, and why.
    const auto priority = priorityFromString(detail::requireString(item, "priority", origin, where));
    if (!priority) {
        detail::fail(origin, where + ": 'priority' must be one of " + allNames(PriorityNames));
    }
    e.priority = *priority;
    e.priorityReason = detail::requireString(item, "priorityReason", origin, where);

    const auto deadline = item.find("deadline");
    if (deadline != item.end()) {
        const std::string dw = where + ": 'deadline'";
        if (!deadline->is_object()) {
            detail::fail(origin, dw + " must be an object {\"from\": fact, \"hours\": n, \"label\": ..., \"source\": "
                                      "..., \"confirmed\": ...}");
        }
        detail::rejectUnknownKeys(*deadline, {"from", "hours", "days", "label", "source", "confirmed"}, origin, dw);
        DeadlineRule rule;
        rule.from = detail::requireString(*deadline, "from", origin, dw);
        const Question* start = questions.find(rule.from);
        if (start == nullptr) {
            detail::fail(origin, where + ": 'deadline.from' names an unknown fact key '" + rule.from + "'");
        }
        if (start->type != AnswerType::Instant && start->type != AnswerType::DateRange) {
            detail::fail(origin, where + ": 'deadline.from' must be an instant or date-range fact; '" + rule.from +
                                     "' is " + std::string(toString(start->type)));
        }
        rule.after = detail::readDuration(*deadline, origin, where, "deadline");
        rule.label = detail::requireString(*deadline, "label", origin, dw);
        rule.source = detail::requireString(*deadline, "source", origin, dw);
        rule.confirmed = detail::requireBool(*deadline, "confirmed", origin, dw);
        e.deadline = std::move(rule);
    }
    return e;
}

} // namespace

std::string_view toString(Priority priority) noexcept
{
    return nameOf(PriorityNames, priority);
}

std::optional<Priority> priorityFromString(std::string_view name) noexcept
{
    return valueOf(PriorityNames, name);
}

std::string_view toString(EnquiryCategory category) noexcept
{
    return nameOf(CategoryNames, category);
}

std::optional<EnquiryCategory> enquiryCategoryFromString(std::string_view name) noexcept
{
    return valueOf(CategoryNames, name);
}

std::string_view toString(Principle principle) noexcept
{
    return nameOf(PrincipleNames, principle);
}

std::optional<Principle> principleFromString(std::string_view name) noexcept
{
    return valueOf(PrincipleNames, name);
}

EnquiryCatalogue EnquiryCatalogue::fromJson(std::string_view json,
                                            const QuestionCatalogue& questions,
                                            const ReferenceList& journeyStages,
                                            std::string_view origin)
{
    const auto doc = detail::parseTopLevel(json, origin);
    EnquiryCatalogue catalogue;
    catalogue.m_version = detail::checkHeader(doc, origin, "nom-enquiries");
    catalogue.m_source = detail::requireString(doc, "source", origin, "top level");
    detail::rejectUnknownKeys(doc, {"kind", "format", "version", "source", "entries"}, origin, "top level");
    const auto& items = detail::requireNonEmptyArray(doc, "entries", origin, "top level");
    std::set<std::string> seen;
    catalogue.m_entries.reserve(items.size());
    for (std::size_t i = 0; i < items.size(); ++i) {
        auto entry = readEntry(items[i], i, origin, questions, journeyStages, seen);
        seen.insert(entry.id);
        catalogue.m_entries.push_back(std::move(entry));
    }
    return catalogue;
}

EnquiryCatalogue EnquiryCatalogue::fromFile(const std::filesystem::path& path,
                                            const QuestionCatalogue& questions,
                                            const ReferenceList& journeyStages)
{
    return fromJson(detail::readTextFile(path), questions, journeyStages, path.filename().string());
}

const Enquiry* EnquiryCatalogue::find(std::string_view id) const noexcept
{
    for (const auto& e : m_entries) {
        if (e.id == id) {
            return &e;
        }
    }
    return nullptr;
}

} // namespace wb::core::nom
