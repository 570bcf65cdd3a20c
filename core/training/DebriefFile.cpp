// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/training/DebriefFile.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/Error.h"

namespace wb::core::training {

namespace {

using nlohmann::json;

/// A debrief file is small; anything larger is not one.
constexpr std::uintmax_t MaxDebriefBytes = std::uintmax_t{4} * 1024 * 1024;

std::string instantText(Instant at)
{
    return toIsoUtc(at);
}

json pointJson(const LearningPoint& p)
{
    return {{"id", p.id}, {"principle", nom::toString(p.principle)}, {"text", p.text}, {"source", p.source}};
}

/// Reads fields of one JSON object, naming the field at fault.
class Reader
{
public:
    Reader(const json& object, std::string where, std::string_view origin)
        : m_object(object)
        , m_where(std::move(where))
        , m_origin(origin)
    {
        if (!m_object.is_object()) {
            fail("");
        }
    }

    [[noreturn]] void fail(std::string_view field) const
    {
        const std::string name = field.empty() ? m_where : (m_where.empty() ? "" : m_where + ".") + std::string(field);
        throw Error(ErrorCode::Validation,
                    std::string(m_origin) + ": not a debrief file of this workbench ('" +
                        (name.empty() ? std::string("the file") : name) + "' is missing or wrong)",
                    "debriefFile");
    }

    std::string text(std::string_view field, bool required = true) const
    {
        const auto it = m_object.find(field);
        if (it == m_object.end() && !required) {
            return {};
        }
        if (it == m_object.end() || !it->is_string()) {
            fail(field);
        }
        return it->get<std::string>();
    }

    int number(std::string_view field, int min, int max) const
    {
        const auto it = m_object.find(field);
        if (it == m_object.end() || !it->is_number_integer() || it->get<long long>() < min ||
            it->get<long long>() > max) {
            fail(field);
        }
        return it->get<int>();
    }

    const json& array(std::string_view field) const
    {
        const auto it = m_object.find(field);
        if (it == m_object.end() || !it->is_array()) {
            fail(field);
        }
        return *it;
    }

    nom::Principle principle(std::string_view field) const
    {
        const auto parsed = nom::principleFromString(text(field));
        if (!parsed) {
            fail(field);
        }
        return *parsed;
    }

    Instant instant(std::string_view field) const
    {
        const auto parsed = parseIsoUtc(text(field));
        if (!parsed) {
            fail(field);
        }
        return *parsed;
    }

    std::string child(std::string_view field, std::size_t index) const
    {
        return (m_where.empty() ? "" : m_where + ".") + std::string(field) + "[" + std::to_string(index) + "]";
    }

    std::string_view origin() const noexcept { return m_origin; }

private:
    const json& m_object;
    std::string m_where;
    std::string_view m_origin;
};

LearningPoint readPoint(const Reader& r)
{
    return {r.text("id"), r.principle("principle"), r.text("text"), r.text("source", false)};
}

} // namespace

std::string debriefJson(const Debrief& d)
{
    json principles = json::array();
    for (const auto& p : d.principles) {
        principles.push_back({{"principle", nom::toString(p.principle)},
                              {"lines", p.lines},
                              {"followed", p.followed},
                              {"weight", p.weight},
                              {"weightFollowed", p.weightFollowed}});
    }
    json lines = json::array();
    for (const auto& l : d.lines) {
        lines.push_back({{"enquiry", l.enquiry},
                         {"title", l.title},
                         {"principle", nom::toString(l.principle)},
                         {"weight", l.weight},
                         {"why", l.why},
                         {"learningPoint", l.learningPoint},
                         {"outcome", toString(l.outcome)},
                         {"status", l.status},
                         {"rationale", l.rationale}});
    }
    json deadlines = json::array();
    for (const auto& dl : d.deadlines) {
        json items = json::array();
        for (const auto& item : dl.items) {
            json one = {{"title", item.title}, {"due", instantText(item.due)}, {"outcome", toString(item.outcome)}};
            if (item.metAt) {
                one["metAt"] = instantText(*item.metAt);
            }
            items.push_back(std::move(one));
        }
        deadlines.push_back({{"rule", dl.rule},
                             {"title", dl.title},
                             {"why", dl.why},
                             {"outcome", toString(dl.outcome)},
                             {"items", std::move(items)}});
    }
    json flagged = json::array();
    for (const auto& f : d.flagged) {
        json match = json::object();
        if (!f.match.enquiry.empty()) {
            match["enquiry"] = f.match.enquiry;
        } else {
            match["record"] = f.match.recordType;
            match["equals"] = f.match.equals;
            match["empty"] = f.match.empty;
        }
        flagged.push_back({{"error", f.error},
                           {"title", f.title},
                           {"match", std::move(match)},
                           {"record", f.recordUuid},
                           {"learningPoint", pointJson(f.point)}});
    }
    json decisions = json::array();
    for (const auto& x : d.decisions) {
        decisions.push_back({{"at", x.at}, {"decision", x.decision}, {"rationale", x.rationale}});
    }
    json contacts = json::array();
    for (const auto& c : d.contacts) {
        contacts.push_back({{"at", c.at}, {"method", c.method}, {"purpose", c.purpose}});
    }
    json points = json::array();
    for (const auto& p : d.learningPoints) {
        points.push_back(pointJson(p));
    }
    const json document = {{"format", DebriefFormat},
                           {"formatVersion", DebriefFormatVersion},
                           {"training", true},
                           {"pack", {{"id", d.packId}, {"version", d.packVersion}, {"title", d.packTitle}}},
                           {"trainee", d.trainee},
                           {"scenarioTime", instantText(d.scenarioTime)},
                           {"injects", d.injects},
                           {"principles", std::move(principles)},
                           {"lines", std::move(lines)},
                           {"deadlines", std::move(deadlines)},
                           {"flagged", std::move(flagged)},
                           {"decisions", std::move(decisions)},
                           {"contacts", std::move(contacts)},
                           {"learningPoints", std::move(points)}};
    return document.dump(2) + "\n";
}

Debrief parseDebrief(std::string_view text, std::string_view origin)
{
    json document;
    try {
        document = json::parse(text);
    } catch (const json::exception&) {
        throw Error(ErrorCode::Validation, std::string(origin) + ": not a debrief file of this workbench (not JSON)",
                    "debriefFile");
    }
    const Reader top(document, "", origin);
    if (top.text("format") != DebriefFormat) {
        top.fail("format");
    }
    if (top.number("formatVersion", 1, 1000) != DebriefFormatVersion) {
        throw Error(ErrorCode::Validation,
                    std::string(origin) + ": a debrief of a later format than this workbench reads", "debriefVersion");
    }
    Debrief d;
    const auto packIt = document.find("pack");
    if (packIt == document.end()) {
        top.fail("pack");
    }
    const Reader pack(*packIt, "pack", origin);
    d.packId = pack.text("id");
    d.packVersion = pack.text("version");
    d.packTitle = pack.text("title");
    d.trainee = top.text("trainee");
    d.scenarioTime = top.instant("scenarioTime");
    for (const auto& inject : top.array("injects")) {
        if (!inject.is_string()) {
            top.fail("injects");
        }
        d.injects.push_back(inject.get<std::string>());
    }
    const auto& principles = top.array("principles");
    for (std::size_t i = 0; i < principles.size(); ++i) {
        const Reader r(principles[i], top.child("principles", i), origin);
        PrincipleResult p;
        p.principle = r.principle("principle");
        p.lines = r.number("lines", 0, 1000);
        p.followed = r.number("followed", 0, p.lines);
        p.weight = r.number("weight", 0, 3000);
        p.weightFollowed = r.number("weightFollowed", 0, p.weight);
        d.principles.push_back(p);
    }
    const auto& lines = top.array("lines");
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const Reader r(lines[i], top.child("lines", i), origin);
        LineResult l;
        l.enquiry = r.text("enquiry");
        l.title = r.text("title");
        l.principle = r.principle("principle");
        l.weight = r.number("weight", 1, 3);
        l.why = r.text("why", false);
        l.learningPoint = r.text("learningPoint", false);
        const auto outcome = lineOutcomeFromString(r.text("outcome"));
        if (!outcome) {
            r.fail("outcome");
        }
        l.outcome = *outcome;
        l.status = r.text("status", false);
        l.rationale = r.text("rationale", false);
        d.lines.push_back(std::move(l));
    }
    const auto& deadlines = top.array("deadlines");
    for (std::size_t i = 0; i < deadlines.size(); ++i) {
        const Reader r(deadlines[i], top.child("deadlines", i), origin);
        DeadlineResult dl;
        dl.rule = r.text("rule");
        dl.title = r.text("title");
        dl.why = r.text("why", false);
        const auto outcome = deadlineOutcomeFromString(r.text("outcome"));
        if (!outcome) {
            r.fail("outcome");
        }
        dl.outcome = *outcome;
        const auto& items = r.array("items");
        for (std::size_t k = 0; k < items.size(); ++k) {
            const Reader ir(items[k], r.child("items", k), origin);
            DeadlineItemResult item;
            item.title = ir.text("title");
            item.due = ir.instant("due");
            if (items[k].contains("metAt")) {
                item.metAt = ir.instant("metAt");
            }
            const auto itemOutcome = deadlineOutcomeFromString(ir.text("outcome"));
            if (!itemOutcome) {
                ir.fail("outcome");
            }
            item.outcome = *itemOutcome;
            dl.items.push_back(std::move(item));
        }
        d.deadlines.push_back(std::move(dl));
    }
    const auto& flagged = top.array("flagged");
    for (std::size_t i = 0; i < flagged.size(); ++i) {
        const Reader r(flagged[i], top.child("flagged", i), origin);
        FlaggedChoice f;
        f.error = r.text("error");
        f.title = r.text("title");
        f.recordUuid = r.text("record", false);
        const auto matchIt = flagged[i].find("match");
        if (matchIt == flagged[i].end()) {
            r.fail("match");
        }
        const Reader m(*matchIt, top.child("flagged", i) + ".match", origin);
        f.match.enquiry = m.text("enquiry", false);
        f.match.recordType = m.text("record", false);
        if (f.match.enquiry.empty() == f.match.recordType.empty()) {
            m.fail("record");
        }
        if (!f.match.recordType.empty()) {
            try {
                f.match.equals = matchIt->at("equals").get<Values>();
                f.match.empty = matchIt->at("empty").get<std::vector<std::string>>();
            } catch (const json::exception&) {
                m.fail("equals");
            }
        }
        const auto pointIt = flagged[i].find("learningPoint");
        if (pointIt == flagged[i].end()) {
            r.fail("learningPoint");
        }
        f.point = readPoint(Reader(*pointIt, top.child("flagged", i) + ".learningPoint", origin));
        d.flagged.push_back(std::move(f));
    }
    const auto& decisions = top.array("decisions");
    for (std::size_t i = 0; i < decisions.size(); ++i) {
        const Reader r(decisions[i], top.child("decisions", i), origin);
        d.decisions.push_back({r.text("at"), r.text("decision"), r.text("rationale")});
    }
    const auto& contacts = top.array("contacts");
    for (std::size_t i = 0; i < contacts.size(); ++i) {
        const Reader r(contacts[i], top.child("contacts", i), origin);
        d.contacts.push_back({r.text("at"), r.text("method"), r.text("purpose")});
    }
    const auto& points = top.array("learningPoints");
    for (std::size_t i = 0; i < points.size(); ++i) {
        d.learningPoints.push_back(readPoint(Reader(points[i], top.child("learningPoints", i), origin)));
    }
    return d;
}

Debrief readDebriefFile(const std::filesystem::path& path)
{
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (ec || std::filesystem::is_directory(path, ec)) {
        throw Error(ErrorCode::FileNotFound, "cannot read the debrief file " + path.filename().string(), "file");
    }
    if (size > MaxDebriefBytes) {
        throw Error(ErrorCode::Validation, path.filename().string() + " is larger than any debrief file",
                    "debriefFile");
    }
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    if (!in && !in.eof()) {
        throw Error(ErrorCode::Io, "cannot read the debrief file " + path.filename().string(), "file");
    }
    return parseDebrief(text.str(), path.filename().string());
}

ClassDebrief classDebrief(const std::vector<Debrief>& debriefs)
{
    if (debriefs.empty()) {
        throw Error(ErrorCode::Validation, "no debrief files to put together", "debriefPack");
    }
    ClassDebrief room;
    room.packId = debriefs.front().packId;
    room.packVersion = debriefs.front().packVersion;
    room.packTitle = debriefs.front().packTitle;
    std::map<std::string, std::size_t, std::less<>> lineIndex;
    std::map<std::string, std::size_t, std::less<>> choiceIndex;
    std::map<nom::Principle, PrincipleResult> totals;
    for (const auto& d : debriefs) {
        if (d.packId != room.packId || d.packVersion != room.packVersion) {
            throw Error(ErrorCode::Validation,
                        "the debriefs are of different exercises (" + room.packId + " " + room.packVersion + " and " +
                            d.packId + " " + d.packVersion + "): put each exercise's files together on their own",
                        "debriefPack");
        }
        room.trainees.push_back(d.trainee);
        for (const auto& l : d.lines) {
            auto [it, added] = lineIndex.try_emplace(l.enquiry, room.lines.size());
            if (added) {
                room.lines.push_back({l.enquiry, l.title, l.principle, l.weight, 0, 0});
            }
            auto& line = room.lines[it->second];
            line.missed += l.outcome == LineOutcome::Missed ? 1 : 0;
            line.declined += l.outcome == LineOutcome::Declined ? 1 : 0;
        }
        for (const auto& f : d.flagged) {
            auto [it, added] = choiceIndex.try_emplace(f.error, room.choices.size());
            if (added) {
                room.choices.push_back({f.error, f.title, f.point.text, 0});
            }
            ++room.choices[it->second].trainees;
        }
        for (const auto& p : d.principles) {
            auto& t = totals[p.principle];
            t.principle = p.principle;
            t.lines += p.lines;
            t.followed += p.followed;
            t.weight += p.weight;
            t.weightFollowed += p.weightFollowed;
        }
        room.deadlinesMissed += d.deadlinesWith(DeadlineOutcome::Missed);
        room.deadlinesLate += d.deadlinesWith(DeadlineOutcome::Late);
    }
    std::stable_sort(room.lines.begin(), room.lines.end(), [](const ClassLine& a, const ClassLine& b) {
        return a.missed != b.missed ? a.missed > b.missed : a.weight > b.weight;
    });
    std::stable_sort(room.choices.begin(), room.choices.end(),
                     [](const ClassChoice& a, const ClassChoice& b) { return a.trainees > b.trainees; });
    for (const auto& [principle, total] : totals) {
        room.totals.push_back(total);
    }
    return room;
}

} // namespace wb::core::training
