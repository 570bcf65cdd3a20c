// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/training/Exercise.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <set>

#include <nlohmann/json.hpp>
#include <sodium.h>

#include "core/Error.h"
#include "core/Workspace.h"
#include "core/catalogues/Catalogues.h"
#include "core/deadlines/DeadlineService.h"
#include "core/domain/ApproxDate.h"
#include "core/domain/Text.h"
#include "core/records/RecordSpec.h"
#include "core/records/RecordTypes.h"
#include "core/store/WriteScope.h"
#include "core/training/PackLoader.h"

namespace wb::core::training {

namespace {

using nlohmann::json;

/// The workspace settings the exercise keeps: the pack (compact JSON) and the exercise's state.
constexpr std::string_view PackKey = "training_pack";
constexpr std::string_view StateKey = "training_exercise";

json toJson(const ExerciseState& s)
{
    json released = json::array();
    for (const auto& r : s.released) {
        released.push_back({{"inject", r.injectId}, {"at", toIsoUtc(r.at)}, {"by", toString(r.by)}});
    }
    return {{"pack", s.packId},
            {"version", s.packVersion},
            {"trainee", s.trainee},
            {"case", s.caseUuid},
            {"people", s.personUuids},
            {"released", released},
            {"packRecords", s.packRecords},
            {"closedOnArrival", s.closedOnArrival}};
}

ExerciseState fromJson(const json& j)
{
    ExerciseState s;
    s.packId = j.at("pack").get<std::string>();
    s.packVersion = j.at("version").get<std::string>();
    s.trainee = j.at("trainee").get<std::string>();
    s.caseUuid = j.at("case").get<std::string>();
    for (const auto& [key, uuid] : j.at("people").items()) {
        s.personUuids.emplace(key, uuid.get<std::string>());
    }
    if (const auto records = j.find("packRecords"); records != j.end()) {
        s.packRecords = records->get<std::vector<std::string>>();
    }
    if (const auto closed = j.find("closedOnArrival"); closed != j.end()) {
        s.closedOnArrival = closed->get<std::vector<std::string>>();
    }
    for (const auto& r : j.at("released")) {
        ReleasedInject released;
        released.injectId = r.at("inject").get<std::string>();
        const auto at = parseIsoUtc(r.at("at").get<std::string>());
        const auto by = releaseByFromString(r.at("by").get<std::string>());
        if (!at || !by) {
            throw Error(ErrorCode::Corrupted, "the exercise's record of released injects cannot be read", "exercise");
        }
        released.at = *at;
        released.by = *by;
        s.released.push_back(std::move(released));
    }
    return s;
}

void saveState(Workspace& workspace, const ExerciseState& state)
{
    workspace.setSetting(StateKey, toJson(state).dump());
}

std::int64_t caseIdOf(Workspace& workspace, const ExerciseState& state)
{
    const auto found = workspace.cases().findByUuid(state.caseUuid);
    if (!found) {
        throw Error(ErrorCode::NotFound, "the exercise's case is no longer in the workspace", "exercise");
    }
    return found->id;
}

/// Adds the people of the pack (or of an inject) to the case; a phone becomes their identifier.
void addPeople(Workspace& workspace, std::int64_t caseId, const std::vector<PackPerson>& people, ExerciseState& state)
{
    for (const auto& p : people) {
        PersonDraft draft;
        draft.caseId = caseId;
        draft.role = p.role;
        draft.givenName = p.givenName;
        draft.familyName = p.familyName;
        const Person person = workspace.people().add(draft);
        state.personUuids[p.key] = person.uuid;
        if (!p.phone.empty()) {
            workspace.records().add(recordSpec(recordtype::kIdentifier), person.id,
                                    {{"kind", "phone"}, {"value", p.phone}, {"note", "From the scenario pack"}});
        }
    }
}

/// A pack record's values with each person link's key replaced by the person's id in this workspace.
Values resolved(Workspace& workspace, const PackRecord& record, const ExerciseState& state)
{
    const auto& spec = recordSpec(record.type);
    Values values = record.fields;
    for (auto& [key, value] : values) {
        const auto* field = spec.field(key);
        if (field == nullptr || field->kind != FieldKind::PersonLink || value.empty()) {
            continue;
        }
        const auto uuid = state.personUuids.find(value);
        const auto person =
            uuid == state.personUuids.end() ? std::nullopt : workspace.people().findByUuid(uuid->second);
        if (!person) {
            throw Error(ErrorCode::Validation, "the pack's record names a person the exercise does not have: " + value,
                        "exercise");
        }
        value = std::to_string(person->id);
    }
    return values;
}

void addRecords(Workspace& workspace, std::int64_t caseId, const std::vector<PackRecord>& records, ExerciseState& state)
{
    for (const auto& record : records) {
        const Record added =
            workspace.records().add(recordSpec(record.type), caseId, resolved(workspace, record, state));
        state.packRecords.push_back(added.uuid);
    }
}

void answerAll(Workspace& workspace, std::int64_t caseId, const nom::Facts& facts, const Catalogues& catalogues)
{
    for (const auto& [question, value] : facts) {
        workspace.context().answer(caseId, question, value, *catalogues.questions);
    }
}

/// What an inject brings, added to the case, and the "New information" event on its timeline.
void apply(Workspace& workspace,
           std::int64_t caseId,
           const Inject& inject,
           ReleaseBy by,
           ExerciseState& state,
           const Catalogues& catalogues)
{
    const Instant now = workspace.clock().now();
    // What the inject makes applicable may already be past due (a forensic window that closed before the suspect
    // was named): such items are kept, so the debrief does not count them against the trainee.
    std::set<std::string> before;
    for (const auto& item : catalogues.deadlines->forCase(workspace, caseId, now)) {
        before.insert(item.key());
    }
    answerAll(workspace, caseId, inject.context, catalogues);
    addPeople(workspace, caseId, inject.people, state);
    addRecords(workspace, caseId, inject.records, state);
    for (const auto& item : catalogues.deadlines->forCase(workspace, caseId, now)) {
        if (item.due < now && !before.contains(item.key())) {
            state.closedOnArrival.push_back(item.key());
        }
    }
    workspace.records().add(recordSpec(recordtype::kTimelineEvent), caseId,
                            {{"occurred", ApproxDate::exact(toIsoUtc(now)).encode()},
                             {"title", clippedUtf8("New information: " + inject.title, 200)},
                             {"details", clippedUtf8(inject.text, 4000)},
                             {"source", "Exercise: " + std::string(toString(inject.kind))}});
    state.released.push_back({inject.id, now, by});
}

/// Whether the trainee has done what an action-released inject waits for.
bool actionDone(Workspace& workspace, std::int64_t caseId, const InjectRelease& release)
{
    if (!release.caseEvent.empty()) {
        const auto events = workspace.records().listForCase(recordSpec(recordtype::kCaseEvent), caseId);
        return std::any_of(events.begin(), events.end(),
                           [&](const Record& e) { return e.get("kind") == release.caseEvent; });
    }
    return !workspace.records().listForCase(recordSpec(release.recordType), caseId).empty();
}

std::string normalisedCode(std::string_view code)
{
    std::string out;
    for (const char c : code) {
        if (c == ' ' || c == '-') {
            continue;
        }
        out += static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
    }
    return out;
}

} // namespace

bool ExerciseState::isReleased(std::string_view injectId) const noexcept
{
    return std::any_of(released.begin(), released.end(),
                       [&](const ReleasedInject& r) { return r.injectId == injectId; });
}

namespace {

/// Puts the pack's case at first report into the workspace, on the pack's clock, with the pack and a fresh state.
ExerciseState setUp(Workspace& workspace,
                    const ScenarioPack& pack,
                    const std::string& packDocument,
                    const std::string& trainee,
                    const Catalogues& catalogues)
{
    ExerciseState state;
    state.packId = pack.id;
    state.packVersion = pack.version;
    state.trainee = trainee;

    workspace.setScenarioTime(pack.startsAt); // first: the case is reported, and its records made, at the start
    store::WriteScope tx(workspace.connectionForImport()); // all or nothing
    CaseDraft draft;
    draft.reference = pack.scenarioCase.crimeReference;
    draft.primaryOffence = pack.scenarioCase.offence;
    draft.reportedAt = pack.startsAt;
    const Case theCase = workspace.cases().add(draft);
    state.caseUuid = theCase.uuid;
    addPeople(workspace, theCase.id, pack.scenarioCase.people, state);
    answerAll(workspace, theCase.id, pack.scenarioCase.context, catalogues);
    std::string account = pack.scenarioCase.initialAccount;
    for (const auto& p : pack.scenarioCase.people) {
        if (!p.description.empty()) {
            account += "\n\n" + p.givenName + " " + p.familyName + " (" + std::string(toString(p.role)) +
                       "): " + p.description;
        }
    }
    workspace.records().add(recordSpec(recordtype::kTimelineEvent), theCase.id,
                            {{"occurred", ApproxDate::exact(toIsoUtc(pack.startsAt)).encode()},
                             {"title", "First account (summary), as handed over at first report"},
                             {"details", clippedUtf8(account, 4000)},
                             {"source", "First responder"}});
    addRecords(workspace, theCase.id, pack.scenarioCase.records, state);
    workspace.setSetting(PackKey, packDocument);
    saveState(workspace, state);
    tx.commit();
    return state;
}

} // namespace

namespace {

/// The setting that keeps one attachment (base64, in the encrypted workspace).
std::string attachmentKey(std::string_view file)
{
    return "training_attachment:" + std::string(file);
}

} // namespace

ExerciseState startExercise(Workspace& workspace,
                            const ScenarioPack& pack,
                            std::string_view packJson,
                            const Catalogues& catalogues,
                            const PackAttachments& attachments)
{
    if (!workspace.info().training) {
        throw Error(ErrorCode::Validation, "an exercise runs only in a training workspace", "training");
    }
    if (workspace.cases().count() != 0 || workspace.setting(StateKey)) {
        throw Error(ErrorCode::Validation, "an exercise starts in a new training workspace, with no case in it",
                    "exercise");
    }
    json packDocument;
    try {
        packDocument = json::parse(packJson);
    } catch (const json::exception&) {
        throw Error(ErrorCode::Validation, "the pack's text is not JSON", "pack");
    }
    for (const auto& inject : pack.injects) {
        for (const auto& attachment : inject.attachments) {
            if (!attachments.contains(attachment.file)) {
                throw Error(ErrorCode::Validation, "the attachment " + attachment.file + " was not given",
                            "attachment");
            }
        }
    }
    store::WriteScope tx(workspace.connectionForImport());
    for (const auto& [file, content] : attachments) {
        std::string encoded(sodium_base64_ENCODED_LEN(content.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
        sodium_bin2base64(encoded.data(), encoded.size(), reinterpret_cast<const unsigned char*>(content.data()),
                          content.size(), sodium_base64_VARIANT_ORIGINAL);
        encoded.resize(std::strlen(encoded.c_str()));
        workspace.setSetting(attachmentKey(file), encoded);
    }
    auto state = setUp(workspace, pack, packDocument.dump(), workspace.info().owner.displayName, catalogues);
    tx.commit();
    return state;
}

std::optional<std::string> exerciseAttachment(Workspace& workspace, std::string_view file)
{
    const auto stored = workspace.setting(attachmentKey(file));
    if (!stored) {
        return std::nullopt;
    }
    std::string content(stored->size(), '\0');
    std::size_t length = 0;
    if (sodium_base642bin(reinterpret_cast<unsigned char*>(content.data()), content.size(), stored->data(),
                          stored->size(), nullptr, &length, nullptr, sodium_base64_VARIANT_ORIGINAL) != 0) {
        throw Error(ErrorCode::Corrupted, "an attachment of the exercise cannot be read", "exercise");
    }
    content.resize(length);
    return content;
}

ExerciseState resetExercise(Workspace& workspace, const Catalogues& catalogues)
{
    const auto state = exerciseState(workspace);
    const auto packDocument = workspace.setting(PackKey);
    if (!state || !packDocument) {
        throw Error(ErrorCode::NotFound, "this workspace runs no exercise", "exercise");
    }
    const ScenarioPack pack = loadPack(*packDocument, catalogues);
    const Instant before = workspace.clock().now();
    try {
        store::WriteScope tx(workspace.connectionForImport());
        for (const auto& c : workspace.cases().list()) {
            workspace.cases().remove(c.id); // its people and records go with it
        }
        ExerciseState fresh = setUp(workspace, pack, *packDocument, state->trainee, catalogues);
        tx.commit();
        return fresh;
    } catch (const std::exception&) {
        workspace.setScenarioTime(before); // nothing was reset: the clock where it was
        throw;
    }
}

std::optional<ExerciseState> exerciseState(Workspace& workspace)
{
    const auto stored = workspace.setting(StateKey);
    if (!stored) {
        return std::nullopt;
    }
    try {
        return fromJson(json::parse(*stored));
    } catch (const json::exception&) {
        throw Error(ErrorCode::Corrupted, "the exercise's state in this workspace cannot be read", "exercise");
    }
}

ScenarioPack exercisePack(Workspace& workspace, const Catalogues& catalogues)
{
    const auto stored = workspace.setting(PackKey);
    if (!stored) {
        throw Error(ErrorCode::NotFound, "this workspace runs no exercise", "exercise");
    }
    return loadPack(*stored, catalogues);
}

std::string releaseCode(const ScenarioPack& pack, std::string_view injectId)
{
    static constexpr std::string_view Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    const std::string input = "rasso-workbench release|" + pack.id + "|" + pack.version + "|" + std::string(injectId);
    std::array<unsigned char, 16> hash{};
    crypto_generichash(hash.data(), hash.size(), reinterpret_cast<const unsigned char*>(input.data()), input.size(),
                       nullptr, 0);
    std::string code;
    for (std::size_t i = 0; i < 6; ++i) {
        code += Alphabet[hash[i] % Alphabet.size()];
    }
    return code;
}

std::vector<Inject> releaseDue(Workspace& workspace, const Catalogues& catalogues)
{
    auto state = exerciseState(workspace);
    if (!state) {
        return {};
    }
    const ScenarioPack pack = exercisePack(workspace, catalogues);
    const std::int64_t caseId = caseIdOf(workspace, *state);
    std::vector<Inject> released;
    store::WriteScope tx(workspace.connectionForImport());
    // Until nothing more is due: an inject's own records may be what another waits for.
    for (bool more = true; more;) {
        more = false;
        const Instant now = workspace.clock().now();
        for (const auto& inject : pack.injects) {
            if (state->isReleased(inject.id)) {
                continue;
            }
            const bool due = (inject.release.by == ReleaseBy::Time && now >= pack.startsAt + inject.release.after) ||
                             (inject.release.by == ReleaseBy::Action && actionDone(workspace, caseId, inject.release));
            if (due) {
                apply(workspace, caseId, inject, inject.release.by, *state, catalogues);
                released.push_back(inject);
                more = true;
            }
        }
    }
    if (!released.empty()) {
        saveState(workspace, *state);
    }
    tx.commit();
    return released;
}

CodeRelease releaseByCode(Workspace& workspace, const Catalogues& catalogues, std::string_view code)
{
    auto state = exerciseState(workspace);
    if (!state) {
        throw Error(ErrorCode::NotFound, "this workspace runs no exercise", "exercise");
    }
    const ScenarioPack pack = exercisePack(workspace, catalogues);
    const std::string wanted = normalisedCode(code);
    for (const auto& inject : pack.injects) {
        if (releaseCode(pack, inject.id) != wanted) {
            continue;
        }
        if (state->isReleased(inject.id)) {
            return {inject, true};
        }
        store::WriteScope tx(workspace.connectionForImport());
        apply(workspace, caseIdOf(workspace, *state), inject, ReleaseBy::Trainer, *state, catalogues);
        saveState(workspace, *state);
        tx.commit();
        return {inject, false};
    }
    throw Error(ErrorCode::Validation, "no new information of this exercise has that release code", "code");
}

std::vector<std::pair<ReleasedInject, Inject>> releasedInjects(Workspace& workspace, const Catalogues& catalogues)
{
    const auto state = exerciseState(workspace);
    if (!state) {
        return {};
    }
    const ScenarioPack pack = exercisePack(workspace, catalogues);
    std::vector<std::pair<ReleasedInject, Inject>> out;
    for (auto it = state->released.rbegin(); it != state->released.rend(); ++it) {
        if (const auto* inject = pack.findInject(it->injectId)) {
            out.emplace_back(*it, *inject);
        }
    }
    return out;
}

} // namespace wb::core::training
