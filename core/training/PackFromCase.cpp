// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/training/PackFromCase.h"

#include <algorithm>
#include <array>
#include <map>
#include <optional>

#include <nlohmann/json.hpp>

#include "core/Error.h"
#include "core/Workspace.h"
#include "core/catalogues/Catalogues.h"
#include "core/domain/LondonTime.h"
#include "core/nom/Facts.h"
#include "core/records/RecordSpec.h"
#include "core/records/RecordTypes.h"
#include "core/training/Exercise.h"
#include "core/training/PackLoader.h"

namespace wb::core::training {

namespace {

using ojson = nlohmann::ordered_json;

/// The records a pack carries at first report: what a first responder hands over, never the investigation's own
/// decisions (those are the trainee's to make).
constexpr std::array<std::string_view, 3> CarriedTypes{recordtype::kTimelineEvent, recordtype::kExhibit,
                                                       recordtype::kDevice};

/// "2026-03-14T04:20:00+00:00": the instant as Europe/London wall-clock time with its offset.
std::string londonText(Instant at)
{
    const auto offset = london::offset(at);
    std::string text = toIsoUtc(at + offset);
    text.pop_back(); // the "Z"
    return text + offsetText(offset);
}

} // namespace

SavedPack
packFromCase(Workspace& workspace, std::int64_t caseId, const std::string& packId, const Catalogues& catalogues)
{
    SavedPack saved;
    if (!workspace.info().training) {
        throw Error(ErrorCode::Validation, "only a case of a training workspace can become a scenario pack",
                    "training");
    }
    if (!isKey(packId, 60)) {
        throw Error(ErrorCode::Validation, "a pack id is lower-case letters, digits and hyphens", "packId");
    }
    const auto theCase = workspace.cases().find(caseId);
    if (!theCase) {
        throw Error(ErrorCode::NotFound, "no such case", "case");
    }
    const Instant start = workspace.clock().now();

    // The exercise this case is, if any: its pack gives the injects still to come and the model answers.
    std::optional<ScenarioPack> base;
    std::optional<ExerciseState> state = exerciseState(workspace);
    ojson baseDocument;
    if (state && state->caseUuid == theCase->uuid) {
        base = exercisePack(workspace, catalogues);
        baseDocument = ojson::parse(*workspace.setting("training_pack"));
    }

    ojson people = ojson::array();
    std::map<std::int64_t, std::string> keys;
    std::map<std::string, int> perRole;
    std::map<std::int64_t, std::string> phones;
    for (const auto& id : workspace.records().listForCase(recordSpec(recordtype::kIdentifier), caseId)) {
        if (id.get("kind") == "phone" && isDramaNumber(id.get("value")) && !phones.contains(id.parentId)) {
            phones[id.parentId] = id.get("value");
        }
    }
    for (const auto& person : workspace.people().listForCase(caseId)) {
        const std::string role(toString(person.role));
        const int n = ++perRole[role];
        const std::string key = n == 1 ? role : role + "-" + std::to_string(n);
        keys[person.id] = key;
        ojson p = {{"key", key}, {"role", role}, {"givenName", person.givenName}, {"familyName", person.familyName}};
        if (phones.contains(person.id)) {
            p["phone"] = phones[person.id];
        }
        people.push_back(std::move(p));
    }

    ojson records = ojson::array();
    std::string account;
    for (const auto type : CarriedTypes) {
        const auto& spec = recordSpec(type);
        for (const auto& record : workspace.records().listForCase(spec, caseId)) {
            if (type == recordtype::kTimelineEvent) {
                const auto& title = record.get("title");
                if (title.rfind("First account", 0) == 0 && account.empty()) {
                    account = record.get("details");
                    continue;
                }
                if (title.rfind("New information: ", 0) == 0) {
                    continue; // an inject already released: its content is in the case
                }
            }
            ojson fields = ojson::object();
            bool carried = true;
            for (const auto& [key, value] : record.values) {
                const auto* field = spec.field(key);
                if (field == nullptr || field->internal || value.empty()) {
                    continue;
                }
                if (field->kind == FieldKind::RecordLink || field->kind == FieldKind::UuidList) {
                    carried = false; // a link to another record cannot be written in a pack
                    break;
                }
                if (field->kind == FieldKind::PersonLink) {
                    const auto person = keys.find(std::stoll(value));
                    if (person == keys.end()) {
                        carried = false;
                        break;
                    }
                    fields[key] = person->second;
                } else {
                    fields[key] = value;
                }
            }
            if (carried) {
                records.push_back({{"type", spec.type}, {"fields", std::move(fields)}});
            }
        }
    }

    ojson context = ojson::object();
    const auto facts = workspace.context().facts(caseId, *catalogues.questions);
    const auto contextJson = ojson::parse(nom::factsToJson(facts));
    for (const auto& [question, value] : contextJson.items()) {
        context[question] = value;
    }

    ojson caseJson = {
        {"crimeReference", theCase->reference},
        {"offence", theCase->primaryOffence},
        {"people", std::move(people)},
        {"context", std::move(context)},
        {"initialAccount", account.empty() ? std::string("Write the victim's first account here.") : account}};
    if (!records.empty()) {
        caseJson["records"] = std::move(records);
    }

    ojson injects = ojson::array();
    ojson model = {{"lines", ojson::array()},
                   {"deadlines", ojson::array()},
                   {"errors", ojson::array()},
                   {"learningPoints", ojson::array()}};
    std::string title = "Saved from " + theCase->reference;
    std::string summary = "Saved from case " + theCase->reference +
                          " of a training workspace: write what the "
                          "exercise teaches here.";
    if (base) {
        title = base->title + " (from " + londonText(start).substr(0, 10) + ")";
        summary = base->summary;
        model = baseDocument.at("model");
        const auto moved = std::chrono::duration_cast<std::chrono::seconds>(start - base->startsAt);
        for (const auto& inject : baseDocument.at("injects")) {
            if (state->isReleased(inject.at("id").get<std::string>())) {
                continue;
            }
            ojson next = inject;
            const auto& release = inject.at("release");
            if (release.at("by") == "time") {
                const auto* original = base->findInject(inject.at("id").get<std::string>());
                const auto remaining = original->release.after - moved;
                const auto hours = std::max<long long>(1, (remaining.count() + 3599) / 3600);
                next["release"] = {{"by", "time"}, {"after", {{"hours", hours}}}};
            }
            for (const auto& attachment : inject.value("attachments", ojson::array())) {
                const auto file = attachment.at("file").get<std::string>();
                if (const auto content = exerciseAttachment(workspace, file)) {
                    saved.attachments.emplace(file, *content);
                }
            }
            injects.push_back(std::move(next));
        }
    }

    const ojson pack = {{"kind", "scenario-pack"},
                        {"format", PackFormat},
                        {"id", packId},
                        {"version", "draft-" + londonText(start).substr(0, 10)},
                        {"title", title},
                        {"summary", summary},
                        {"startsAt", londonText(start)},
                        {"case", std::move(caseJson)},
                        {"injects", std::move(injects)},
                        {"model", std::move(model)}};
    saved.json = pack.dump(2) + "\n";
    return saved;
}

} // namespace wb::core::training
