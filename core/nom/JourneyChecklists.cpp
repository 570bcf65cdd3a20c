// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/nom/JourneyChecklists.h"

#include <algorithm>
#include <set>

#include <nlohmann/json.hpp>

#include "core/Error.h"
#include "core/nom/NomJson.h"
#include "core/nom/QuestionCatalogue.h"
#include "core/reference/ReferenceData.h"

namespace wb::core::nom {

namespace {

using json = nlohmann::json;

constexpr std::size_t MaxIdLength = 40;
constexpr int MaxNesting = 4;

bool isValidItemId(std::string_view id) noexcept
{
    return !id.empty() && id.size() <= MaxIdLength && std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    });
}

/// Splits "a|b|c" (a RecordSpec's fixed options).
std::vector<std::string_view> splitOptions(std::string_view options)
{
    std::vector<std::string_view> out;
    while (!options.empty()) {
        const auto bar = options.find('|');
        out.push_back(options.substr(0, bar));
        options = bar == std::string_view::npos ? std::string_view() : options.substr(bar + 1);
    }
    return out;
}

/// Reads the state the doneWhen parser needs to check names against.
struct Parser {
    const ReferenceData& lists;
    const QuestionCatalogue& questions;
    std::string_view origin;

    [[noreturn]] void fail(const std::string& where, const std::string& path, const std::string& what) const
    {
        detail::fail(origin, where + ": '" + path + "' " + what);
    }

    /// Checks one value of a "where" against the field it is for.
    void checkValue(const RecordSpec& spec,
                    const FieldSpec& field,
                    const std::string& value,
                    const std::string& where,
                    const std::string& path) const
    {
        if (value.empty()) {
            fail(where, path, "must not be empty");
        }
        if (field.kind == FieldKind::Boolean) {
            if (value != "0" && value != "1") {
                fail(where, path, "must be \"1\" (yes) or \"0\" (no) for a yes/no field");
            }
        } else if (field.kind == FieldKind::Choice) {
            if (!field.options.empty()) {
                const auto options = splitOptions(field.options);
                if (std::find(options.begin(), options.end(), value) == options.end()) {
                    fail(where, path,
                         "is not an option of " + std::string(spec.type) + "." + std::string(field.key) + " (" +
                             std::string(field.options) + ")");
                }
            } else if (!field.list.empty() && lists.has(field.list) && !lists.list(field.list).contains(value)) {
                fail(where, path, "is not a code of the reference list " + std::string(field.list));
            }
        } else if (field.kind != FieldKind::Text) {
            fail(where, path, "names a field that 'where' cannot compare (use a choice, yes/no or text field)");
        }
    }

    DoneWhen parseRecord(const json& object, const std::string& where, const std::string& path) const
    {
        DoneWhen d;
        d.kind = DoneWhen::Kind::Record;
        const auto& type = object.at("recordType");
        if (!type.is_string()) {
            fail(where, path + ".recordType", "must be a record type name");
        }
        d.recordType = type.get<std::string>();
        const auto& specs = recordSpecs();
        const auto spec =
            std::find_if(specs.begin(), specs.end(), [&](const RecordSpec& s) { return s.type == d.recordType; });
        if (spec == specs.end()) {
            fail(where, path + ".recordType", "is not a record type (\"" + d.recordType + "\")");
        }
        const auto whereIt = object.find("where");
        if (whereIt == object.end()) {
            return d;
        }
        if (!whereIt->is_object() || whereIt->empty()) {
            fail(where, path + ".where", "must be an object of field: value (or [values])");
        }
        for (const auto& [key, value] : whereIt->items()) {
            const std::string fieldPath = path + ".where." + key;
            const FieldSpec* field = spec->field(key);
            if (field == nullptr) {
                fail(where, fieldPath, "is not a field of record type " + d.recordType);
            }
            std::vector<std::string> values;
            if (value.is_string()) {
                values.push_back(value.get<std::string>());
            } else if (value.is_array() && !value.empty()) {
                for (const auto& v : value) {
                    if (!v.is_string()) {
                        fail(where, fieldPath, "must hold only strings");
                    }
                    values.push_back(v.get<std::string>());
                }
            } else {
                fail(where, fieldPath, "must be a string or a non-empty list of strings");
            }
            for (const auto& v : values) {
                checkValue(*spec, *field, v, where, fieldPath);
            }
            d.where.emplace(key, std::move(values));
        }
        return d;
    }

    DoneWhen parse(const json& object, const std::string& where, const std::string& path, int depth) const
    {
        if (!object.is_object() || object.empty()) {
            fail(where, path, "must be an object with one of recordType, fact, caseField, person, any");
        }
        if (depth > MaxNesting) {
            fail(where, path, "nests 'any' too deeply");
        }
        DoneWhen d;
        if (object.contains("recordType")) {
            detail::rejectUnknownKeys(object, {"recordType", "where"}, origin, where + ": '" + path + "'");
            return parseRecord(object, where, path);
        }
        if (object.size() != 1) {
            fail(where, path, "must have exactly one of fact, caseField, person, any (or recordType with where)");
        }
        const auto entry = object.begin();
        const std::string& key = entry.key();
        const json& value = entry.value();
        const std::string keyPath = path + "." + key;
        if (key == "fact") {
            if (!value.is_string() || questions.find(value.get<std::string>()) == nullptr) {
                fail(where, keyPath, "must name a question of the context catalogue");
            }
            d.kind = DoneWhen::Kind::Fact;
            d.fact = value.get<std::string>();
            d.asked = questions.find(d.fact)->showIf;
        } else if (key == "caseField") {
            const auto& fields = JourneyChecklists::caseFields();
            if (!value.is_string() ||
                std::find(fields.begin(), fields.end(), value.get<std::string>()) == fields.end()) {
                fail(where, keyPath,
                     "must be one of operation_name, other_offences, offence_date, location_type, "
                     "location_description, report_channel, outcome_code, outcome_date, "
                     "outcome_reason");
            }
            d.kind = DoneWhen::Kind::CaseField;
            d.caseField = value.get<std::string>();
        } else if (key == "person") {
            const auto role = value.is_string() ? personRoleFromString(value.get<std::string>()) : std::nullopt;
            if (!role) {
                fail(where, keyPath, "must be victim, suspect or witness");
            }
            d.kind = DoneWhen::Kind::Person;
            d.personRole = *role;
        } else if (key == "any") {
            if (!value.is_array() || value.size() < 2) {
                fail(where, keyPath, "must be a list of two or more conditions");
            }
            d.kind = DoneWhen::Kind::Any;
            for (std::size_t i = 0; i < value.size(); ++i) {
                d.any.push_back(parse(value[i], where, keyPath + "[" + std::to_string(i) + "]", depth + 1));
            }
        } else {
            fail(where, path, "has an unknown key \"" + key + "\" (use recordType, fact, caseField, person or any)");
        }
        return d;
    }
};

ChecklistItem readItem(const json& object,
                       const Parser& parser,
                       const std::string& stageWhere,
                       std::size_t index,
                       std::set<std::string>& ids)
{
    const std::string position = stageWhere + ": item " + std::to_string(index);
    if (!object.is_object()) {
        detail::fail(parser.origin, position + " must be an object");
    }
    ChecklistItem item;
    item.id = detail::requireString(object, "id", parser.origin, position);
    const std::string where = stageWhere + ": item " + item.id;
    if (!isValidItemId(item.id)) {
        detail::fail(parser.origin, where + ": 'id' must be lower-case letters, digits and '-', at most 40");
    }
    if (!ids.insert(item.id).second) {
        detail::fail(parser.origin, where + ": 'id' is a duplicate");
    }
    detail::rejectUnknownKeys(object, {"id", "text", "source", "confirmed", "doneWhen"}, parser.origin, where);
    item.text = detail::requireString(object, "text", parser.origin, where);
    item.source = detail::requireString(object, "source", parser.origin, where);
    item.confirmed = detail::requireBool(object, "confirmed", parser.origin, where);
    if (const auto done = object.find("doneWhen"); done != object.end()) {
        item.doneWhen = parser.parse(*done, where, "doneWhen", 0);
    }
    return item;
}

bool recordMatches(const DoneWhen& d, const Values& values)
{
    for (const auto& [field, accepted] : d.where) {
        const auto it = values.find(field);
        const std::string& value = it == values.end() ? std::string() : it->second;
        if (std::find(accepted.begin(), accepted.end(), value) == accepted.end()) {
            return false;
        }
    }
    return true;
}

bool caseFieldFilled(const Case& c, std::string_view field)
{
    auto filled = [](const std::optional<std::string>& v) { return v && !v->empty(); };
    if (field == "operation_name") {
        return filled(c.operationName);
    }
    if (field == "other_offences") {
        return !c.otherOffences.empty();
    }
    if (field == "offence_date") {
        return c.offenceDate.precision != ApproxDate::Precision::Unknown;
    }
    if (field == "location_type") {
        return filled(c.locationType);
    }
    if (field == "location_description") {
        return filled(c.locationDescription);
    }
    if (field == "report_channel") {
        return filled(c.reportChannel);
    }
    if (field == "outcome_code") {
        return filled(c.outcomeCode);
    }
    if (field == "outcome_date") {
        return filled(c.outcomeDate);
    }
    if (field == "outcome_reason") {
        return filled(c.outcomeReason);
    }
    return false;
}

void collectTypes(const DoneWhen& d, std::set<std::string>& out)
{
    if (d.kind == DoneWhen::Kind::Record) {
        out.insert(d.recordType);
    }
    for (const auto& alternative : d.any) {
        collectTypes(alternative, out);
    }
}

} // namespace

const std::vector<std::string_view>& JourneyChecklists::caseFields()
{
    static const std::vector<std::string_view> fields{"operation_name", "other_offences",       "offence_date",
                                                      "location_type",  "location_description", "report_channel",
                                                      "outcome_code",   "outcome_date",         "outcome_reason"};
    return fields;
}

JourneyChecklists JourneyChecklists::fromJson(std::string_view text,
                                              const ReferenceData& lists,
                                              const QuestionCatalogue& questions,
                                              std::string_view origin)
{
    const json doc = detail::parseTopLevel(text, origin);
    JourneyChecklists out;
    out.m_version = detail::checkHeader(doc, origin, "nom-journey-checklists");
    out.m_source = detail::requireString(doc, "source", origin, "top level");
    detail::rejectUnknownKeys(doc, {"kind", "format", "version", "source", "stages"}, origin, "top level");
    const auto stagesIt = doc.find("stages");
    if (stagesIt == doc.end() || !stagesIt->is_array()) {
        detail::fail(origin, "top level: 'stages' must be a list");
    }
    const ReferenceList& journey = lists.list("journey-stages");
    const Parser parser{lists, questions, origin};
    std::map<std::string, StageChecklist> byStage;
    std::set<std::string> ids;
    for (std::size_t i = 0; i < stagesIt->size(); ++i) {
        const json& stage = (*stagesIt)[i];
        const std::string position = "stage " + std::to_string(i);
        if (!stage.is_object()) {
            detail::fail(origin, position + " must be an object");
        }
        StageChecklist checklist;
        checklist.stage = detail::requireString(stage, "stage", origin, position);
        const std::string where = "stage " + checklist.stage;
        if (!journey.contains(checklist.stage)) {
            detail::fail(origin, where + ": 'stage' is not a code of reference/journey-stages.json");
        }
        if (byStage.count(checklist.stage) != 0) {
            detail::fail(origin, where + ": 'stage' appears twice");
        }
        detail::rejectUnknownKeys(stage, {"stage", "items"}, origin, where);
        const auto items = stage.find("items");
        if (items == stage.end() || !items->is_array() || items->empty()) {
            detail::fail(origin, where + ": 'items' must be a non-empty list");
        }
        for (std::size_t j = 0; j < items->size(); ++j) {
            checklist.items.push_back(readItem((*items)[j], parser, where, j, ids));
        }
        byStage.emplace(checklist.stage, std::move(checklist));
    }
    for (const ReferenceItem& stage : journey.items()) {
        auto it = byStage.find(stage.code);
        if (it == byStage.end()) {
            detail::fail(origin, "stage " + stage.code + ": has no checklist (every journey stage needs one)");
        }
        out.m_stages.push_back(std::move(it->second));
    }
    return out;
}

JourneyChecklists JourneyChecklists::fromFile(const std::filesystem::path& path,
                                              const ReferenceData& lists,
                                              const QuestionCatalogue& questions)
{
    return fromJson(detail::readTextFile(path), lists, questions, path.filename().string());
}

const StageChecklist* JourneyChecklists::find(std::string_view stage) const noexcept
{
    for (const auto& checklist : m_stages) {
        if (checklist.stage == stage) {
            return &checklist;
        }
    }
    return nullptr;
}

std::vector<std::string> JourneyChecklists::recordTypes() const
{
    std::set<std::string> types;
    for (const auto& stage : m_stages) {
        for (const auto& item : stage.items) {
            if (item.doneWhen) {
                collectTypes(*item.doneWhen, types);
            }
        }
    }
    return {types.begin(), types.end()};
}

bool JourneyChecklists::holds(const DoneWhen& d, const CaseState& state)
{
    switch (d.kind) {
    case DoneWhen::Kind::Record: {
        const auto it = state.records.find(d.recordType);
        return it != state.records.end() &&
               std::any_of(it->second.begin(), it->second.end(), [&](const Values& v) { return recordMatches(d, v); });
    }
    case DoneWhen::Kind::Fact: return state.facts.find(d.fact) != state.facts.end();
    case DoneWhen::Kind::CaseField: return caseFieldFilled(state.record, d.caseField);
    case DoneWhen::Kind::Person:
        return std::find(state.people.begin(), state.people.end(), d.personRole) != state.people.end();
    case DoneWhen::Kind::Any:
        return std::any_of(d.any.begin(), d.any.end(), [&](const DoneWhen& a) { return holds(a, state); });
    }
    return false;
}

bool JourneyChecklists::asked(const DoneWhen& d, const CaseState& state)
{
    switch (d.kind) {
    case DoneWhen::Kind::Fact: return d.asked.holds(state.facts, state.now);
    case DoneWhen::Kind::Any:
        return std::any_of(d.any.begin(), d.any.end(), [&](const DoneWhen& a) { return asked(a, state); });
    case DoneWhen::Kind::Record:
    case DoneWhen::Kind::CaseField:
    case DoneWhen::Kind::Person: return true;
    }
    return true;
}

std::vector<ItemResult> JourneyChecklists::evaluate(std::string_view stage, const CaseState& state) const
{
    std::vector<ItemResult> out;
    if (const StageChecklist* checklist = find(stage)) {
        for (const auto& item : checklist->items) {
            const ItemState s = !item.doneWhen                  ? ItemState::Reminder
                                : holds(*item.doneWhen, state)  ? ItemState::Done
                                : !asked(*item.doneWhen, state) ? ItemState::NotAsked
                                                                : ItemState::Outstanding;
            out.push_back({&item, s});
        }
    }
    return out;
}

std::vector<const ChecklistItem*> JourneyChecklists::outstanding(std::string_view stage, const CaseState& state) const
{
    std::vector<const ChecklistItem*> out;
    for (const auto& result : evaluate(stage, state)) {
        if (result.state == ItemState::Outstanding) {
            out.push_back(result.item);
        }
    }
    return out;
}

} // namespace wb::core::nom
