// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/training/PackLoader.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <fstream>
#include <initializer_list>
#include <set>
#include <sstream>
#include <system_error>
#include <utility>

#include <nlohmann/json.hpp>

#include "core/Error.h"
#include "core/catalogues/Catalogues.h"
#include "core/catalogues/SourceIndex.h"
#include "core/deadlines/DeadlineService.h"
#include "core/deadlines/RuleSet.h"
#include "core/domain/ApproxDate.h"
#include "core/domain/LondonTime.h"
#include "core/nom/OffenceCatalogue.h"
#include "core/nom/QuestionCatalogue.h"
#include "core/reference/ReferenceData.h"
#include "core/reference/ReferenceList.h"

namespace wb::core::training {

namespace {

using nlohmann::json;

constexpr std::size_t MaxTitle = 200;
constexpr std::size_t MaxText = 8000;

/// A file name an attachment may have: letters, digits, '.', '_' and '-' (never a path), an image or text suffix.
bool attachmentName(const std::string& file)
{
    if (file.empty() || file.size() > 80 || file.front() == '.' || file.front() == '-') {
        return false;
    }
    for (const char c : file) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
                        c == '_' || c == '-';
        if (!ok) {
            return false;
        }
    }
    std::string lower = file;
    for (auto& c : lower) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    const auto endsWith = [&](std::string_view suffix) {
        return lower.size() > suffix.size() && lower.compare(lower.size() - suffix.size(), suffix.size(), suffix) == 0;
    };
    return endsWith(".png") || endsWith(".jpg") || endsWith(".jpeg") || endsWith(".txt");
}

/// Whether the bytes are what the name says: a PNG or JPEG by its signature, a text file as UTF-8 without NUL.
bool attachmentContentMatches(const std::string& file, const std::string& content)
{
    std::string lower = file;
    for (auto& c : lower) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    if (lower.ends_with(".png")) {
        return content.rfind("\x89PNG\r\n\x1a\n", 0) == 0;
    }
    if (lower.ends_with(".jpg") || lower.ends_with(".jpeg")) {
        return content.size() > 3 && static_cast<unsigned char>(content[0]) == 0xFF &&
               static_cast<unsigned char>(content[1]) == 0xD8 && static_cast<unsigned char>(content[2]) == 0xFF;
    }
    if (content.find('\0') != std::string::npos) {
        return false;
    }
    try {
        (void)json(content).dump(); // nlohmann's strict UTF-8 check
        return true;
    } catch (const json::type_error&) {
        return false; // not UTF-8: the caller says so, naming the file
    }
}
constexpr long long MaxOffsetHours = 24LL * 366;

std::string join(const std::string& path, std::string_view key)
{
    return path.empty() ? std::string(key) : path + "." + std::string(key);
}

std::string at(const std::string& path, std::size_t index)
{
    return path + "[" + std::to_string(index) + "]";
}

/// "2026-03-14T02:10:00+00:00" (or "...Z"): the instant and the offset written, in seconds.
std::optional<std::pair<Instant, std::chrono::seconds>> parseWithOffset(std::string_view text)
{
    if (text.size() != 20 && text.size() != 25) {
        return std::nullopt;
    }
    const auto utc = parseIsoUtc(std::string(text.substr(0, 19)) + "Z");
    if (!utc) {
        return std::nullopt;
    }
    if (text.size() == 20) {
        return text[19] == 'Z' ? std::optional(std::pair(*utc, std::chrono::seconds{0})) : std::nullopt;
    }
    const auto sign = text[19];
    const auto digit = [&](std::size_t i) { return text[i] >= '0' && text[i] <= '9'; };
    if ((sign != '+' && sign != '-') || !digit(20) || !digit(21) || text[22] != ':' || !digit(23) || !digit(24)) {
        return std::nullopt;
    }
    const int hours = (text[20] - '0') * 10 + (text[21] - '0');
    const int minutes = (text[23] - '0') * 10 + (text[24] - '0');
    if (hours > 14 || minutes > 59) {
        return std::nullopt;
    }
    const std::chrono::seconds offset{(sign == '-' ? -1 : 1) * (hours * 3600 + minutes * 60)};
    return std::pair(*utc - offset, offset);
}

/// A JSON value no deeper than an answer can be (a value, a list of values, or an object of values), so that
/// writing it out again cannot recurse deeply on hostile input.
bool isShallow(const json& value)
{
    if (!value.is_structured()) {
        return true;
    }
    return std::all_of(value.begin(), value.end(), [](const json& item) { return !item.is_structured(); });
}

/// An approximate date in its stored form (ApproxDate::encode), parts fitting its precision.
bool isApproxDate(std::string_view text)
{
    const auto parsed = ApproxDate::parse(text);
    if (!parsed) {
        return false;
    }
    try {
        parsed->validate("value");
    } catch (const Error& e) {
        if (e.code() != ErrorCode::Validation) {
            throw;
        }
        return false;
    }
    return true;
}

class Reader
{
public:
    explicit Reader(const Catalogues& catalogues)
        : m_catalogues(catalogues)
    {
    }

    std::vector<PackProblem> problems;

    void problem(std::string field, std::string message)
    {
        problems.push_back(PackProblem{std::move(field), std::move(message)});
    }

    /// Reports every key of `object` not in `allowed`.
    void onlyKeys(const json& object, std::initializer_list<std::string_view> allowed, const std::string& path)
    {
        for (const auto& item : object.items()) {
            if (std::find(allowed.begin(), allowed.end(), item.key()) == allowed.end()) {
                problem(join(path, item.key()), "is not a known field (check its spelling)");
            }
        }
    }

    const json* member(const json& object, std::string_view key)
    {
        const auto it = object.find(key);
        return it == object.end() || it->is_null() ? nullptr : &*it;
    }

    const json* object(const json& parent, std::string_view key, const std::string& path, bool required)
    {
        const auto* value = member(parent, key);
        if (value == nullptr) {
            if (required) {
                problem(join(path, key), "is missing (an object is needed)");
            }
            return nullptr;
        }
        if (!value->is_object()) {
            problem(join(path, key), "must be an object");
            return nullptr;
        }
        return value;
    }

    const json* array(const json& parent, std::string_view key, const std::string& path, bool required)
    {
        const auto* value = member(parent, key);
        if (value == nullptr || (value->is_array() && value->empty())) {
            if (required) {
                problem(join(path, key), "is missing (a non-empty list is needed)");
            }
            return nullptr;
        }
        if (!value->is_array()) {
            problem(join(path, key), "must be a list");
            return nullptr;
        }
        return value;
    }

    std::string
    text(const json& parent, std::string_view key, const std::string& path, bool required, std::size_t maxBytes)
    {
        const auto* value = member(parent, key);
        if (value == nullptr) {
            if (required) {
                problem(join(path, key), "is missing (text is needed)");
            }
            return {};
        }
        if (!value->is_string()) {
            problem(join(path, key), "must be text");
            return {};
        }
        const auto& s = value->get_ref<const std::string&>();
        if (s.empty() && required) {
            problem(join(path, key), "must not be empty");
        } else if (s.size() > maxBytes) {
            problem(join(path, key), "is longer than " + std::to_string(maxBytes) + " characters");
            return {};
        }
        return s;
    }

    std::string key(const json& parent, std::string_view field, const std::string& path, std::size_t maxLength = 40)
    {
        auto value = text(parent, field, path, true, 200);
        if (!value.empty() && !isKey(value, maxLength)) {
            problem(join(path, field), "must be 1 to " + std::to_string(maxLength) +
                                           " lower-case letters, digits and hyphens, not starting with a hyphen");
            return {};
        }
        return value;
    }

    void header(const json& doc, ScenarioPack& pack)
    {
        const auto kind = text(doc, "kind", "", true, 100);
        if (!kind.empty() && kind != "scenario-pack") {
            problem("kind", "must be \"scenario-pack\"");
        }
        const auto* format = member(doc, "format");
        if (format == nullptr || !format->is_number_integer() || format->get<long long>() != PackFormat) {
            problem("format", "must be " + std::to_string(PackFormat) +
                                  " (the only pack format this version of the workbench reads)");
        }
        pack.id = key(doc, "id", "", 60);
        pack.version = text(doc, "version", "", true, 40);
        pack.title = text(doc, "title", "", true, MaxTitle);
        pack.summary = text(doc, "summary", "", true, MaxText);
        pack.startsAtText = text(doc, "startsAt", "", true, 40);
        if (!pack.startsAtText.empty()) {
            const auto parsed = parseWithOffset(pack.startsAtText);
            if (!parsed) {
                problem("startsAt", "must be a date and time with its offset, e.g. 2026-03-14T02:10:00+00:00");
            } else {
                pack.startsAt = parsed->first;
                const auto london = london::offset(parsed->first);
                if (london != parsed->second) {
                    problem("startsAt", "has the offset " + offsetText(parsed->second) + ", but Europe/London is " +
                                            offsetText(london) + " at that time");
                }
            }
        }
    }

    PackPerson person(const json& item, const std::string& path)
    {
        PackPerson out;
        if (!item.is_object()) {
            problem(path, "must be an object");
            return out;
        }
        onlyKeys(item, {"key", "role", "givenName", "familyName", "description", "phone"}, path);
        out.key = key(item, "key", path);
        if (!out.key.empty() && !m_personKeys.insert(out.key).second) {
            problem(join(path, "key"), "is used by another person of the pack");
        }
        const auto role = text(item, "role", path, true, 40);
        if (const auto parsed = personRoleFromString(role)) {
            out.role = *parsed;
        } else if (!role.empty()) {
            problem(join(path, "role"), "must be \"victim\", \"suspect\" or \"witness\"");
        }
        out.givenName = text(item, "givenName", path, true, MaxTitle);
        out.familyName = text(item, "familyName", path, true, MaxTitle);
        out.description = text(item, "description", path, false, MaxText);
        out.phone = text(item, "phone", path, false, 40);
        if (!out.phone.empty() && !isDramaNumber(out.phone)) {
            problem(join(path, "phone"), "must be a fictional number from Ofcom's drama range, 07700 900000 to "
                                         "07700 900999");
        }
        return out;
    }

    std::vector<PackPerson> people(const json& parent, const std::string& path, bool required)
    {
        std::vector<PackPerson> out;
        if (const auto* list = array(parent, "people", path, required)) {
            for (std::size_t i = 0; i < list->size(); ++i) {
                out.push_back(person((*list)[i], at(join(path, "people"), i)));
            }
        }
        return out;
    }

    nom::Facts context(const json& parent, const std::string& path, bool required)
    {
        nom::Facts out;
        const auto* object = this->object(parent, "context", path, required);
        if (object == nullptr) {
            return out;
        }
        if (required && object->empty()) {
            problem(join(path, "context"), "must hold at least one answer");
        }
        const auto& questions = *m_catalogues.questions;
        for (const auto& item : object->items()) {
            const auto field = join(path, "context") + "[\"" + item.key() + "\"]";
            if (questions.find(item.key()) == nullptr) {
                problem(field, "is not a context question of nom/context-questions.json");
                continue;
            }
            if (!isShallow(item.value())) {
                problem(field, "is not a valid answer to this question");
                continue;
            }
            try {
                out.emplace(item.key(), questions.answerFromJson(item.key(), item.value().dump()));
            } catch (const Error& e) {
                if (e.code() != ErrorCode::Validation) {
                    throw;
                }
                problem(field, "is not a valid answer to this question (" + std::string(e.what()) + ")");
            }
        }
        return out;
    }

    void fieldValue(const FieldSpec& spec, const std::string& value, const std::string& path)
    {
        const auto& lists = *m_catalogues.lists;
        bool ok = true;
        std::string expected;
        switch (spec.kind) {
        case FieldKind::Text:
        case FieldKind::LongText:
            ok = value.size() <= spec.maxChars;
            expected = "at most " + std::to_string(spec.maxChars) + " characters";
            break;
        case FieldKind::Boolean:
            ok = value == "0" || value == "1";
            expected = "\"1\" (yes) or \"0\" (no)";
            break;
        case FieldKind::Integer: {
            long long number = 0;
            const auto* end = value.data() + value.size();
            const auto [ptr, ec] = std::from_chars(value.data(), end, number);
            ok = ec == std::errc() && ptr == end && number >= spec.minValue && number <= spec.maxValue;
            expected = "a whole number from " + std::to_string(spec.minValue) + " to " + std::to_string(spec.maxValue);
            break;
        }
        case FieldKind::Date:
            ok = isValidIsoDate(value);
            expected = "a date written YYYY-MM-DD";
            break;
        case FieldKind::DateTime:
            ok = parseIsoUtc(value).has_value();
            expected = "a UTC date and time written YYYY-MM-DDTHH:MM:SSZ";
            break;
        case FieldKind::Choice:
            if (!spec.list.empty()) {
                ok = lists.has(spec.list) && lists.list(spec.list).contains(value);
                expected = "a code of reference/" + std::string(spec.list) + ".json";
            } else {
                ok = false;
                std::string_view options = spec.options;
                while (!options.empty()) {
                    const auto bar = options.find('|');
                    ok = ok || options.substr(0, bar) == value;
                    options = bar == std::string_view::npos ? std::string_view{} : options.substr(bar + 1);
                }
                expected = "one of " + std::string(spec.options);
            }
            break;
        case FieldKind::PersonLink: m_personLinks.emplace_back(path, value); return;
        case FieldKind::ApproxDate:
            ok = isApproxDate(value);
            expected = "an approximate date in its stored form, e.g. \"day|2009-05-02|2009-05-02\" or "
                       "\"between|2009-04-01|2009-06-30\"";
            break;
        case FieldKind::RecordLink:
        case FieldKind::UuidList:
            problem(path, "cannot be set in a pack (it refers to what exists only in a workspace)");
            return;
        }
        if (!ok) {
            problem(path, "must be " + expected);
        }
    }

    PackRecord record(const json& item, const std::string& path)
    {
        PackRecord out;
        if (!item.is_object()) {
            problem(path, "must be an object");
            return out;
        }
        onlyKeys(item, {"type", "fields"}, path);
        out.type = text(item, "type", path, true, 60);
        const RecordSpec* spec = caseRecordSpec(out.type);
        if (!out.type.empty() && spec == nullptr) {
            problem(join(path, "type"), "is not a record type kept under a case (core/records)");
        }
        const auto* fields = object(item, "fields", path, true);
        if (fields == nullptr || spec == nullptr) {
            return out;
        }
        for (const auto& field : fields->items()) {
            const auto fieldPath = join(join(path, "fields"), field.key());
            const auto* fieldSpec = spec->field(field.key());
            if (fieldSpec == nullptr || fieldSpec->internal) {
                problem(fieldPath, "is not a field of a " + out.type + " record");
                continue;
            }
            if (!field.value().is_string()) {
                problem(fieldPath, "must be text (the record's own form of the value)");
                continue;
            }
            const auto& value = field.value().get_ref<const std::string&>();
            fieldValue(*fieldSpec, value, fieldPath);
            out.fields.emplace(field.key(), value);
        }
        for (const auto& fieldSpec : spec->fields) {
            if (fieldSpec.required && fieldSpec.defaultValue.empty() && !fieldSpec.internal &&
                out.fields.find(fieldSpec.key) == out.fields.end()) {
                problem(join(join(path, "fields"), fieldSpec.key), "is missing (a " + out.type + " record needs it)");
            }
        }
        return out;
    }

    std::vector<PackRecord> records(const json& parent, const std::string& path)
    {
        std::vector<PackRecord> out;
        if (const auto* list = array(parent, "records", path, false)) {
            for (std::size_t i = 0; i < list->size(); ++i) {
                out.push_back(record((*list)[i], at(join(path, "records"), i)));
            }
        }
        return out;
    }

    PackCase scenarioCase(const json& doc)
    {
        PackCase out;
        const auto* item = object(doc, "case", "", true);
        if (item == nullptr) {
            return out;
        }
        const std::string path = "case";
        onlyKeys(*item, {"crimeReference", "offence", "people", "context", "initialAccount", "records"}, path);
        out.crimeReference = text(*item, "crimeReference", path, true, 40);
        out.offence = text(*item, "offence", path, true, 60);
        if (!out.offence.empty() && m_catalogues.offences->find(out.offence) == nullptr) {
            problem(join(path, "offence"), "is not an offence code of reference/offences.json");
        }
        out.people = people(*item, path, true);
        if (std::none_of(out.people.begin(), out.people.end(),
                         [](const PackPerson& p) { return p.role == PersonRole::Victim && !p.key.empty(); })) {
            problem(join(path, "people"), "must include the victim (a person whose role is \"victim\")");
        }
        out.context = context(*item, path, true);
        out.initialAccount = text(*item, "initialAccount", path, true, MaxText);
        out.records = records(*item, path);
        return out;
    }

    InjectRelease release(const json& parent, const std::string& path)
    {
        InjectRelease out;
        const auto* item = object(parent, "release", path, true);
        if (item == nullptr) {
            return out;
        }
        const auto releasePath = join(path, "release");
        const auto by = text(*item, "by", releasePath, true, 40);
        const auto parsed = releaseByFromString(by);
        if (!parsed) {
            if (!by.empty()) {
                problem(join(releasePath, "by"), "must be \"trainer\", \"time\" or \"action\"");
            }
            return out;
        }
        out.by = *parsed;
        switch (out.by) {
        case ReleaseBy::Trainer: onlyKeys(*item, {"by"}, releasePath); break;
        case ReleaseBy::Time:
            onlyKeys(*item, {"by", "after"}, releasePath);
            out.after = duration(*item, releasePath);
            break;
        case ReleaseBy::Action: {
            onlyKeys(*item, {"by", "caseEvent", "record"}, releasePath);
            const bool hasEvent = member(*item, "caseEvent") != nullptr;
            const bool hasRecord = member(*item, "record") != nullptr;
            if (hasEvent == hasRecord) {
                problem(releasePath, "needs exactly one of \"caseEvent\" (a case event recorded) or \"record\" (a "
                                     "record added)");
            } else if (hasEvent) {
                out.caseEvent = text(*item, "caseEvent", releasePath, true, 60);
                const auto& kinds = m_catalogues.lists->list("case-event-kinds");
                if (!out.caseEvent.empty() && !kinds.contains(out.caseEvent)) {
                    problem(join(releasePath, "caseEvent"), "is not a code of reference/case-event-kinds.json");
                }
            } else {
                out.recordType = text(*item, "record", releasePath, true, 60);
                if (!out.recordType.empty() && caseRecordSpec(out.recordType) == nullptr) {
                    problem(join(releasePath, "record"), "is not a record type kept under a case (core/records)");
                }
            }
            break;
        }
        }
        return out;
    }

    std::chrono::seconds duration(const json& parent, const std::string& path)
    {
        const auto* after = object(parent, "after", path, true);
        if (after == nullptr) {
            return {};
        }
        const auto afterPath = join(path, "after");
        onlyKeys(*after, {"hours", "days"}, afterPath);
        const auto* hours = member(*after, "hours");
        const auto* days = member(*after, "days");
        if ((hours == nullptr) == (days == nullptr)) {
            problem(afterPath, "needs exactly one of \"hours\" or \"days\"");
            return {};
        }
        const bool inHours = hours != nullptr;
        const auto& amount = inHours ? *hours : *days;
        const long long max = inHours ? MaxOffsetHours : MaxOffsetHours / 24;
        if (!amount.is_number_integer() || amount.get<long long>() <= 0 || amount.get<long long>() > max) {
            problem(join(afterPath, inHours ? "hours" : "days"),
                    "must be a whole number from 1 to " + std::to_string(max));
            return {};
        }
        return std::chrono::hours{amount.get<long long>() * (inHours ? 1 : 24)};
    }

    Inject inject(const json& item, const std::string& path)
    {
        Inject out;
        if (!item.is_object()) {
            problem(path, "must be an object");
            return out;
        }
        onlyKeys(item, {"id", "title", "text", "kind", "release", "adds", "attachments"}, path);
        out.id = key(item, "id", path);
        if (!out.id.empty() && !m_injectIds.insert(out.id).second) {
            problem(join(path, "id"), "is the id of another inject");
        }
        out.title = text(item, "title", path, true, MaxTitle);
        out.text = text(item, "text", path, true, MaxText);
        const auto kind = text(item, "kind", path, true, 40);
        if (const auto parsed = injectKindFromString(kind)) {
            out.kind = *parsed;
        } else if (!kind.empty()) {
            problem(join(path, "kind"), "must be one of cctv, interview, withdrawal, bail-breach, forensic, witness, "
                                        "digital, intelligence, other");
        }
        out.release = release(item, path);
        if (const auto* adds = object(item, "adds", path, false)) {
            const auto addsPath = join(path, "adds");
            onlyKeys(*adds, {"context", "people", "records"}, addsPath);
            out.context = context(*adds, addsPath, false);
            out.people = people(*adds, addsPath, false);
            out.records = records(*adds, addsPath);
        }
        eachObject(item, "attachments", path, false, [&](const json& a, const std::string& aPath) {
            onlyKeys(a, {"file", "title"}, aPath);
            InjectAttachment attachment;
            attachment.file = text(a, "file", aPath, true, 80);
            attachment.title = text(a, "title", aPath, true, MaxTitle);
            if (!attachment.file.empty() && !attachmentName(attachment.file)) {
                problem(join(aPath, "file"), "must be a file beside the pack, named with letters, digits, '.', '_' "
                                             "and '-' only, ending .png, .jpg, .jpeg or .txt");
            }
            out.attachments.push_back(std::move(attachment));
        });
        return out;
    }

    std::vector<Inject> injects(const json& doc)
    {
        std::vector<Inject> out;
        if (const auto* list = array(doc, "injects", "", true)) {
            for (std::size_t i = 0; i < list->size(); ++i) {
                out.push_back(inject((*list)[i], at("injects", i)));
            }
        }
        return out;
    }

    /// The items of a list of objects, each checked to be an object; `read` is called with each and its path.
    template <typename Read>
    void eachObject(const json& parent, std::string_view key, const std::string& path, bool required, Read read)
    {
        const auto* list = array(parent, key, path, required);
        if (list == nullptr) {
            return;
        }
        for (std::size_t i = 0; i < list->size(); ++i) {
            const auto itemPath = at(join(path, key), i);
            if (!(*list)[i].is_object()) {
                problem(itemPath, "must be an object");
                continue;
            }
            read((*list)[i], itemPath);
        }
    }

    void learningPointRef(const json& item, const std::string& path, bool required, std::string& into)
    {
        into = text(item, "learningPoint", path, required, 60);
        if (!into.empty()) {
            m_learningPointRefs.emplace_back(join(path, "learningPoint"), into);
        }
    }

    ChoiceMatch match(const json& parent, const std::string& path)
    {
        ChoiceMatch out;
        const auto* item = object(parent, "match", path, true);
        if (item == nullptr) {
            return out;
        }
        const auto matchPath = join(path, "match");
        onlyKeys(*item, {"record", "equals", "empty", "enquiry"}, matchPath);
        const bool byRecord = member(*item, "record") != nullptr;
        const bool byEnquiry = member(*item, "enquiry") != nullptr;
        if (byRecord == byEnquiry) {
            problem(matchPath, "needs exactly one of \"record\" (with \"equals\" and \"empty\") or \"enquiry\"");
            return out;
        }
        if (byEnquiry) {
            if (member(*item, "equals") != nullptr || member(*item, "empty") != nullptr) {
                problem(matchPath, "\"equals\" and \"empty\" go with \"record\", not with \"enquiry\"");
            }
            out.enquiry = text(*item, "enquiry", matchPath, true, 60);
            if (!out.enquiry.empty() && m_catalogues.enquiries->find(out.enquiry) == nullptr) {
                problem(join(matchPath, "enquiry"), "is not a line of enquiry of nom/enquiries.json");
            }
            return out;
        }
        out.recordType = text(*item, "record", matchPath, true, 60);
        const RecordSpec* spec = caseRecordSpec(out.recordType);
        if (!out.recordType.empty() && spec == nullptr) {
            problem(join(matchPath, "record"), "is not a record type kept under a case (core/records)");
            return out;
        }
        if (const auto* equals = object(*item, "equals", matchPath, false); equals != nullptr && spec != nullptr) {
            for (const auto& field : equals->items()) {
                const auto fieldPath = join(join(matchPath, "equals"), field.key());
                const auto* fieldSpec = spec->field(field.key());
                if (fieldSpec == nullptr || fieldSpec->internal) {
                    problem(fieldPath, "is not a field of a " + out.recordType + " record");
                } else if (fieldSpec->kind != FieldKind::Choice && fieldSpec->kind != FieldKind::Boolean) {
                    problem(fieldPath, "can only be a choice or yes/no field");
                } else if (!field.value().is_string()) {
                    problem(fieldPath, "must be text (a code of the field's list)");
                } else {
                    fieldValue(*fieldSpec, field.value().get<std::string>(), fieldPath);
                    out.equals.emplace(field.key(), field.value().get<std::string>());
                }
            }
        }
        if (const auto* empty = array(*item, "empty", matchPath, false); empty != nullptr && spec != nullptr) {
            for (std::size_t i = 0; i < empty->size(); ++i) {
                const auto fieldPath = at(join(matchPath, "empty"), i);
                const auto& name = (*empty)[i];
                const auto* fieldSpec = name.is_string() ? spec->field(name.get<std::string>()) : nullptr;
                if (fieldSpec == nullptr || fieldSpec->internal) {
                    problem(fieldPath, "is not a field of a " + out.recordType + " record");
                } else {
                    out.empty.push_back(name.get<std::string>());
                }
            }
        }
        if (out.equals.empty() && out.empty.empty() && spec != nullptr) {
            problem(matchPath, "needs \"equals\" or \"empty\": any " + out.recordType + " record is not an error");
        }
        return out;
    }

    ModelAnswers model(const json& doc)
    {
        ModelAnswers out;
        const auto* item = object(doc, "model", "", true);
        if (item == nullptr) {
            return out;
        }
        const std::string path = "model";
        onlyKeys(*item, {"lines", "deadlines", "errors", "learningPoints"}, path);
        std::set<std::string, std::less<>> seen;
        eachObject(*item, "learningPoints", path, false, [&](const json& lp, const std::string& lpPath) {
            onlyKeys(lp, {"id", "principle", "text", "source"}, lpPath);
            LearningPoint point;
            point.id = key(lp, "id", lpPath);
            if (!point.id.empty() && !seen.insert(point.id).second) {
                problem(join(lpPath, "id"), "is the id of another learning point");
            }
            const auto principle = text(lp, "principle", lpPath, true, 60);
            if (const auto parsed = nom::principleFromString(principle)) {
                point.principle = *parsed;
            } else if (!principle.empty()) {
                problem(join(lpPath, "principle"), "is not a principle of nom/enquiries.json (suspect-focused, "
                                                   "disrupting-repeat-suspects, victim-centred, context-led, "
                                                   "digital-forensics, victim-information)");
            }
            point.text = text(lp, "text", lpPath, true, MaxText);
            point.source = text(lp, "source", lpPath, true, 400);
            if (!point.source.empty() &&
                (point.source.find("nom-brief §") == std::string::npos || sourceTags(point.source).empty())) {
                problem(join(lpPath, "source"), "must name the section of the NOM brief and its confidence tag, e.g. "
                                                "\"nom-brief §6.8 [C]\"");
            }
            out.learningPoints.push_back(std::move(point));
        });
        seen.clear();
        eachObject(*item, "lines", path, true, [&](const json& line, const std::string& linePath) {
            onlyKeys(line, {"enquiry", "weight", "why", "learningPoint"}, linePath);
            ModelLine model;
            model.enquiry = text(line, "enquiry", linePath, true, 60);
            if (!model.enquiry.empty()) {
                if (m_catalogues.enquiries->find(model.enquiry) == nullptr) {
                    problem(join(linePath, "enquiry"), "is not a line of enquiry of nom/enquiries.json");
                } else if (!seen.insert(model.enquiry).second) {
                    problem(join(linePath, "enquiry"), "is listed twice among the model lines");
                }
            }
            const auto* weight = member(line, "weight");
            if (weight == nullptr || !weight->is_number_integer() || weight->get<long long>() < 1 ||
                weight->get<long long>() > 3) {
                problem(join(linePath, "weight"), "must be 1 (useful), 2 (important) or 3 (essential)");
            } else {
                model.weight = static_cast<int>(weight->get<long long>());
            }
            model.why = text(line, "why", linePath, true, MaxText);
            learningPointRef(line, linePath, false, model.learningPoint);
            out.lines.push_back(std::move(model));
        });
        seen.clear();
        eachObject(*item, "deadlines", path, false, [&](const json& deadline, const std::string& deadlinePath) {
            onlyKeys(deadline, {"rule", "why"}, deadlinePath);
            ModelDeadline model;
            model.rule = text(deadline, "rule", deadlinePath, true, 60);
            if (!model.rule.empty()) {
                if (m_catalogues.deadlines->rules().find(model.rule) == nullptr) {
                    problem(join(deadlinePath, "rule"), "is not a rule of nom/deadline-rules.json");
                } else if (!seen.insert(model.rule).second) {
                    problem(join(deadlinePath, "rule"), "is listed twice among the model deadlines");
                }
            }
            model.why = text(deadline, "why", deadlinePath, true, MaxText);
            out.deadlines.push_back(std::move(model));
        });
        seen.clear();
        eachObject(*item, "errors", path, false, [&](const json& error, const std::string& errorPath) {
            onlyKeys(error, {"id", "title", "match", "learningPoint"}, errorPath);
            CredibilityError model;
            model.id = key(error, "id", errorPath);
            if (!model.id.empty() && !seen.insert(model.id).second) {
                problem(join(errorPath, "id"), "is the id of another error");
            }
            model.title = text(error, "title", errorPath, true, MaxTitle);
            model.match = match(error, errorPath);
            learningPointRef(error, errorPath, true, model.learningPoint);
            out.errors.push_back(std::move(model));
        });
        for (const auto& [refPath, id] : m_learningPointRefs) {
            if (out.findLearningPoint(id) == nullptr) {
                problem(refPath, "is not the id of a learning point of model.learningPoints");
            }
        }
        return out;
    }

    /// Person links are checked once every person of the pack is known.
    void checkPersonLinks()
    {
        for (const auto& [path, key] : m_personLinks) {
            if (m_personKeys.find(key) == m_personKeys.end()) {
                problem(path, "is not the key of a person of the pack");
            }
        }
    }

private:
    static const RecordSpec* caseRecordSpec(std::string_view type)
    {
        for (const auto& spec : recordSpecs()) {
            if (spec.type == type && spec.parentTable == "cases") {
                return &spec;
            }
        }
        return nullptr;
    }

    const Catalogues& m_catalogues;
    std::set<std::string, std::less<>> m_personKeys;
    std::set<std::string, std::less<>> m_injectIds;
    std::vector<std::pair<std::string, std::string>> m_personLinks;
    std::vector<std::pair<std::string, std::string>> m_learningPointRefs;
};

} // namespace

PackCheck checkPack(std::string_view text, const Catalogues& catalogues)
{
    PackCheck out;
    json doc;
    try {
        doc = json::parse(text);
    } catch (const json::exception& e) { // parse_error, and out_of_range for a number too large
        out.problems.push_back(PackProblem{"", std::string("not valid JSON (") + e.what() + ")"});
        return out;
    }
    if (!doc.is_object()) {
        out.problems.push_back(PackProblem{"", "the top level must be an object"});
        return out;
    }
    Reader reader(catalogues);
    reader.onlyKeys(
        doc, {"kind", "format", "id", "version", "title", "summary", "startsAt", "case", "injects", "model"}, "");
    ScenarioPack pack;
    reader.header(doc, pack);
    pack.scenarioCase = reader.scenarioCase(doc);
    pack.injects = reader.injects(doc);
    pack.model = reader.model(doc);
    reader.checkPersonLinks();
    out.problems = std::move(reader.problems);
    if (out.problems.empty()) {
        out.pack = std::move(pack);
    }
    return out;
}

ScenarioPack loadPack(std::string_view json, const Catalogues& catalogues)
{
    auto check = checkPack(json, catalogues);
    if (check.pack) {
        return std::move(*check.pack);
    }
    std::string message = "the scenario pack is not valid:";
    for (const auto& problem : check.problems) {
        message += "\n" + (problem.field.empty() ? std::string("(file)") : problem.field) + ": " + problem.message;
    }
    throw Error(ErrorCode::Validation, message, check.problems.front().field);
}

PackAttachments readPackAttachments(const ScenarioPack& pack, const std::filesystem::path& folder)
{
    PackAttachments out;
    std::uintmax_t total = 0;
    for (const auto& inject : pack.injects) {
        for (const auto& attachment : inject.attachments) {
            if (out.contains(attachment.file)) {
                continue;
            }
            const auto path = folder / attachment.file;
            std::error_code ec;
            if (!attachmentName(attachment.file) || !std::filesystem::is_regular_file(path, ec)) {
                throw Error(ErrorCode::FileNotFound,
                            "the attachment " + attachment.file + " is not beside the pack in " + folder.string(),
                            "attachment");
            }
            const auto size = std::filesystem::file_size(path, ec);
            total += size;
            if (ec || size > MaxAttachmentBytes || total > MaxAttachmentsBytes) {
                throw Error(ErrorCode::Validation,
                            "the attachment " + attachment.file +
                                " is larger than an attachment may be (2 MiB each, "
                                "8 MiB for a pack)",
                            "attachment");
            }
            std::ifstream in(path, std::ios::binary);
            std::ostringstream bytes;
            bytes << in.rdbuf();
            if (!in && !in.eof()) {
                throw Error(ErrorCode::Io, "cannot read the attachment " + attachment.file, "attachment");
            }
            std::string content = bytes.str();
            if (!attachmentContentMatches(attachment.file, content)) {
                throw Error(ErrorCode::Validation,
                            "the attachment " + attachment.file + " is not the image or text its name says",
                            "attachment");
            }
            out.emplace(attachment.file, std::move(content));
        }
    }
    return out;
}

std::string readPackFile(const std::filesystem::path& path)
{
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) {
        throw Error(ErrorCode::FileNotFound, "no such scenario pack: " + path.string());
    }
    const auto size = std::filesystem::file_size(path, ec);
    if (ec || std::filesystem::is_directory(path, ec)) {
        throw Error(ErrorCode::Io, "cannot read the scenario pack " + path.string());
    }
    if (size > MaxPackBytes) {
        throw Error(ErrorCode::Validation, "the scenario pack is larger than 4 MiB: " + path.string());
    }
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    if (!in && !in.eof()) {
        throw Error(ErrorCode::Io, "cannot read the scenario pack " + path.string());
    }
    return text.str();
}

PackCheck checkPackFile(const std::filesystem::path& path, const Catalogues& catalogues)
{
    auto check = checkPack(readPackFile(path), catalogues);
    if (check.pack) {
        try {
            readPackAttachments(*check.pack, path.parent_path());
        } catch (const Error& e) {
            check.problems.push_back({"attachments", e.what()});
            check.pack.reset();
        }
    }
    return check;
}

std::vector<PackFile> packsIn(const std::filesystem::path& folder, const Catalogues& catalogues)
{
    std::vector<PackFile> out;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(folder, ec)) {
        if (entry.path().extension() != ".json" || !entry.is_regular_file(ec)) {
            continue;
        }
        PackFile file;
        file.path = entry.path();
        try {
            file.text = readPackFile(file.path);
            file.check = checkPack(file.text, catalogues);
            if (file.check.pack) {
                file.attachments = readPackAttachments(*file.check.pack, file.path.parent_path());
            }
        } catch (const Error& e) {
            file.check.pack.reset();
            file.check.problems.push_back({"", e.what()});
        }
        out.push_back(std::move(file));
    }
    std::sort(out.begin(), out.end(),
              [](const PackFile& a, const PackFile& b) { return a.path.filename() < b.path.filename(); });
    return out;
}

/// A key, id or code written in a pack: lower-case letters, digits and hyphens.
bool isKey(std::string_view text, std::size_t maxLength)
{
    return !text.empty() && text.size() <= maxLength && text.front() != '-' &&
           std::all_of(text.begin(), text.end(),
                       [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

/// Ofcom's drama range for mobiles: 07700 900000 to 07700 900999 (spaces allowed, or +44 7700 900xxx).
bool isDramaNumber(std::string_view text)
{
    std::string digits;
    for (const char c : text) {
        if (c == ' ') {
            continue;
        }
        digits.push_back(c);
    }
    if (digits.rfind("+44", 0) == 0) {
        digits = "0" + digits.substr(3);
    }
    return digits.size() == 11 && digits.rfind("07700900", 0) == 0 &&
           std::all_of(digits.begin() + 8, digits.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string offsetText(std::chrono::seconds offset)
{
    const auto total = offset.count();
    const auto magnitude = total < 0 ? -total : total;
    std::string out = total < 0 ? "-" : "+";
    const auto two = [](long long n) { return (n < 10 ? "0" : "") + std::to_string(n); };
    return out + two(magnitude / 3600) + ":" + two((magnitude % 3600) / 60);
}

} // namespace wb::core::training
