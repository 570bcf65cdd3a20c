// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/letters/LetterTemplate.h"

#include <algorithm>
#include <set>

#include <nlohmann/json.hpp>

#include "core/Error.h"
#include "core/json/JsonReader.h"

namespace wb::core::letters {

namespace {

constexpr std::string_view Open = "{{";
constexpr std::string_view Close = "}}";

/// "case_event:arrest", "bail:rui" (the bail_record type), "victim_wish:withdrawn".
EventMatch parseEvent(const std::string& text, std::string_view origin, const std::string& where)
{
    const auto colon = text.find(':');
    const std::string type = colon == std::string::npos ? text : text.substr(0, colon);
    const std::string value = colon == std::string::npos ? std::string() : text.substr(colon + 1);
    if (value.empty() || (type != "case_event" && type != "bail" && type != "victim_wish")) {
        json::fail(origin,
                   where + ": '" + text +
                       "' must be \"case_event:<kind>\", \"bail:bail\", \"bail:rui\" or \"victim_wish:<wish>\"");
    }
    if (type == "bail" && value != "bail" && value != "rui") {
        json::fail(origin, where + ": a bail record's kind is \"bail\" or \"rui\", not '" + value + "'");
    }
    return {type, value};
}

} // namespace

bool LetterTemplate::isAbout(std::string_view recordType, std::string_view value) const
{
    return std::any_of(events.begin(), events.end(),
                       [&](const EventMatch& e) { return e.recordType == recordType && e.value == value; });
}

const std::vector<std::string_view>& knownPlaceholders()
{
    static const std::vector<std::string_view> names{"victim.name",         "case.reference", "officer.name",
                                                     "officer.staffNumber", "letter.date",    "event.date",
                                                     "bail.endDate",        "vrr.askBy"};
    return names;
}

std::vector<std::string> placeholdersIn(std::string_view text, std::string_view origin)
{
    std::vector<std::string> found;
    for (std::size_t at = text.find(Open); at != std::string_view::npos; at = text.find(Open, at)) {
        const std::size_t end = text.find(Close, at + Open.size());
        if (end == std::string_view::npos) {
            json::fail(origin, "a \"{{\" is not closed with \"}}\"");
        }
        const std::string name(text.substr(at + Open.size(), end - at - Open.size()));
        const auto& known = knownPlaceholders();
        if (std::find(known.begin(), known.end(), name) == known.end()) {
            json::fail(origin, "unknown placeholder {{" + name +
                                   "}}: use one of victim.name, case.reference, "
                                   "officer.name, officer.staffNumber, letter.date, "
                                   "event.date, bail.endDate, vrr.askBy");
        }
        if (std::find(found.begin(), found.end(), name) == found.end()) {
            found.push_back(name);
        }
        at = end + Close.size();
    }
    return found;
}

LetterTemplate parseLetter(std::string_view text, std::string_view origin)
{
    const nlohmann::json doc = json::parseTopLevel(text, origin);
    LetterTemplate letter;
    letter.version = json::checkHeader(doc, origin, "victim-letter");
    json::rejectUnknownKeys(
        doc,
        {"kind", "format", "version", "occasion", "name", "title", "contactPurpose", "events", "source", "paragraphs"},
        origin, "top level");
    letter.occasion = json::requireString(doc, "occasion", origin, "top level");
    letter.name = json::requireString(doc, "name", origin, "top level");
    letter.title = json::requireString(doc, "title", origin, "top level");
    letter.contactPurpose = json::requireString(doc, "contactPurpose", origin, "top level");
    letter.source = json::requireString(doc, "source", origin, "top level");
    for (const auto& event : json::requireCodeList(doc, "events", origin, "top level")) {
        letter.events.push_back(parseEvent(event, origin, "events"));
    }
    const auto& paragraphs = json::requireNonEmptyArray(doc, "paragraphs", origin, "top level");
    for (std::size_t i = 0; i < paragraphs.size(); ++i) {
        const std::string where = "paragraph " + std::to_string(i + 1);
        if (!paragraphs[i].is_string() || paragraphs[i].get_ref<const std::string&>().empty()) {
            json::fail(origin, where + ": must be a non-empty string");
        }
        const auto& paragraph = paragraphs[i].get_ref<const std::string&>();
        placeholdersIn(paragraph, std::string(origin) + ": " + where);
        letter.paragraphs.push_back(paragraph);
    }
    return letter;
}

std::vector<LetterTemplate> loadLetters(const std::filesystem::path& folder)
{
    std::vector<LetterTemplate> letters;
    std::error_code ec;
    if (!std::filesystem::is_directory(folder, ec)) {
        return letters;
    }
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(folder, ec)) {
        if (entry.path().extension() == ".json") {
            files.push_back(entry.path());
        }
    }
    std::sort(files.begin(), files.end());
    std::set<std::string> occasions;
    for (const auto& file : files) {
        const std::string origin = file.filename().string();
        LetterTemplate letter = parseLetter(json::readTextFile(file), origin);
        if (!occasions.insert(letter.occasion).second) {
            json::fail(origin, "top level: another letter file already has the occasion '" + letter.occasion + "'");
        }
        letters.push_back(std::move(letter));
    }
    return letters;
}

std::vector<std::string> fill(const LetterTemplate& letter, const std::map<std::string, std::string>& values)
{
    std::vector<std::string> out;
    out.reserve(letter.paragraphs.size());
    for (const auto& paragraph : letter.paragraphs) {
        std::string text;
        std::size_t from = 0;
        for (std::size_t at = paragraph.find(Open); at != std::string::npos; at = paragraph.find(Open, from)) {
            const std::size_t end = paragraph.find(Close, at + Open.size());
            const std::string name = paragraph.substr(at + Open.size(), end - at - Open.size());
            const auto value = values.find(name);
            if (value == values.end() || value->second.empty()) {
                throw Error(ErrorCode::Validation, "the letter needs " + name, name);
            }
            text += paragraph.substr(from, at - from);
            text += value->second;
            from = end + Close.size();
        }
        text += paragraph.substr(from);
        out.push_back(std::move(text));
    }
    return out;
}

} // namespace wb::core::letters
