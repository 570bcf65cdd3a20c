// SPDX-License-Identifier: GPL-3.0-or-later
// Importing a bundle's document: the plan (what it would do) and applying it.
#include <algorithm>
#include <iterator>
#include <map>

#include <nlohmann/json.hpp>
#include <sodium.h>

#include "core/Error.h"
#include "core/Workspace.h"
#include "core/audit/AuditLog.h"
#include "core/domain/Uuid.h"
#include "core/io/BundleDecisions.h"
#include "core/io/BundleDocument.h"
#include "core/io/BundleIdMap.h"
#include "core/io/BundleJson.h"
#include "core/io/CaseBundle.h"
#include "core/json/JsonReader.h"
#include "core/records/RecordSpec.h"
#include "core/store/Database.h"
#include "core/store/Statement.h"
#include "core/store/WriteScope.h"

namespace wb::core::bundle {

using nlohmann::json;

namespace {

/// Coded values only (choices, flags, dates, numbers): never names or narrative.
std::string recordSummary(const RecordSpec& spec, const Values& values)
{
    std::string out;
    int shown = 0;
    for (const auto& f : spec.fields) {
        if (f.sensitive || shown == 3) {
            continue;
        }
        if (f.kind != FieldKind::Choice && f.kind != FieldKind::Boolean && f.kind != FieldKind::Date &&
            f.kind != FieldKind::DateTime && f.kind != FieldKind::Integer) {
            continue;
        }
        const auto it = values.find(f.key);
        if (it == values.end() || it->second.empty()) {
            continue;
        }
        out += (out.empty() ? "" : "; ") + std::string(f.key) + ": " + it->second;
        ++shown;
    }
    return out;
}

/// Where a person of the bundle stands here, for the match decisions about them.
struct PersonHere {
    PersonRole role = PersonRole::Victim;
    std::string caseReference; ///< this workspace's reference for their case
    bool existingCase = false; ///< their case was here before the import
    bool proposed = false;     ///< new to a case already here: added only if the officer accepts them
    bool imported = true;      ///< false when their case was not imported (another case has its reference)
};

/// One pass over a document. Plan: everything is tried in a transaction that is
/// rolled back, and the proposed records are listed. Apply: the same, with only the
/// accepted proposed records added, then committed if the plan still holds.
class Merge
{
public:
    Merge(Workspace& ws, std::string_view document, const std::set<std::string>* accepted)
        : m_ws(ws)
        , m_document(document)
        , m_accepted(accepted)
    {
    }

    void run()
    {
        const json doc = parseBounded(m_document, MaxDepth, MaxDocumentBytes);
        if (!doc.is_object() || doc.value("format", std::string()) != "rasso-workbench-bundle") {
            throw Error(ErrorCode::NotAWorkspace, "the bundle's content is not a case bundle");
        }
        const json* version = core::json::findValue(doc, "version");
        if (version == nullptr || !version->is_number_integer()) {
            throw Error(ErrorCode::Corrupted, "the bundle's content has no version");
        }
        if (version->get<long long>() > DocumentVersion) {
            throw Error(ErrorCode::NewerVersion, "the bundle was written by a newer version of the workbench");
        }
        m_version = version->get<long long>();
        m_plan.claimedExportedBy = textOrNull(doc, "exportedBy").value_or("unknown");
        if (m_plan.claimedExportedBy.size() > 300) {
            throw Error(ErrorCode::Validation, "bundle: 'exportedBy' is longer than 300 bytes", "exportedBy");
        }
        const auto info = m_ws.info();
        // Training and live never mix (issue 17): a bundle says which kind of workspace wrote it (a bundle written
        // before it did is taken as live), and each kind imports only its own.
        const json* training = core::json::findValue(doc, "training");
        if (training != nullptr && !training->is_boolean()) {
            throw Error(ErrorCode::Corrupted, "the bundle's 'training' is neither true nor false");
        }
        const bool fromTraining = training != nullptr && training->get<bool>();
        if (fromTraining && !info.training) {
            throw Error(ErrorCode::Validation, "the bundle holds training cases and this workspace is live",
                        "bundleFromTraining");
        }
        if (!fromTraining && info.training) {
            throw Error(ErrorCode::Validation, "the bundle holds live cases and this workspace is for training",
                        "bundleFromLive");
        }
        // The importing officer is the actor; the bundle's author is only what it claims.
        m_actor = info.owner.staffNumber.empty() ? info.owner.displayName
                                                 : info.owner.displayName + " (" + info.owner.staffNumber + ")";
        m_notes = {audit::FieldChange{"bundle_claimed_exported_by", std::nullopt, m_plan.claimedExportedBy, false}};
        const json* cases = core::json::findValue(doc, "cases");
        if (cases == nullptr || !cases->is_array()) {
            throw Error(ErrorCode::Corrupted, "the bundle's content has no case list");
        }

        auto& db = m_ws.connectionForImport();
        store::WriteScope tx(db); // all or nothing: any failure below rolls every case back
        const json& decisions = listIn(doc, "matchDecisions"); // since document version 3
        checkUuidsUnique(db, *cases, decisions);
        for (const auto& entry : *cases) {
            mergeCase(entry);
        }
        mergeDecisions(decisions);
        finishDigest();
        if (m_accepted != nullptr) {
            if (m_expected == nullptr || m_plan.digest != m_expected->digest) {
                throw Error(ErrorCode::Conflict,
                            "the bundle or this workspace has changed since the import was reviewed; review it again",
                            "bundlePlan");
            }
            tx.commit();
        } // a plan is never committed: the scope rolls back
    }

    void expect(const ImportPlan& plan) { m_expected = &plan; }
    ImportPlan& plan() { return m_plan; }
    ImportReport& report() { return m_report; }

private:
    bool isAccepted(const std::string& uuid) const { return m_accepted == nullptr || m_accepted->count(uuid) != 0; }

    void fingerprint(std::string_view kind, std::string_view value)
    {
        m_fingerprint += kind;
        m_fingerprint += '\x1f';
        m_fingerprint += value;
        m_fingerprint += '\x1e';
    }

    void finishDigest()
    {
        crypto_generichash_state state;
        crypto_generichash_init(&state, nullptr, 0, m_plan.digest.size());
        const std::string_view domain = "rasso-workbench bundle import plan v1";
        crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(domain.data()), domain.size());
        const std::uint64_t length = m_document.size();
        crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(&length), sizeof length);
        crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(m_document.data()), m_document.size());
        crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(m_fingerprint.data()),
                                  m_fingerprint.size());
        crypto_generichash_final(&state, m_plan.digest.data(), m_plan.digest.size());
    }

    void conflict(std::string text)
    {
        fingerprint("conflict", text);
        m_plan.conflicts.push_back(text);
        m_report.conflicts.push_back(std::move(text));
    }

    void unchanged(const std::string& uuid)
    {
        fingerprint("unchanged", uuid);
        ++m_plan.unchanged;
        ++m_report.unchanged;
    }

    /// Lists a record for a case already here; true when it is to be added now.
    bool propose(ProposedRecord item)
    {
        fingerprint("proposed", item.uuid);
        for (const auto& need : item.needs) {
            fingerprint("needs", need);
        }
        m_proposedHere.insert(item.uuid);
        const bool add = isAccepted(item.uuid);
        if (m_accepted != nullptr) {
            ++(add ? m_report.accepted : m_report.rejected);
        }
        m_plan.proposed.push_back(std::move(item));
        return add;
    }

    void mergeCase(const json& entry)
    {
        if (!entry.is_object() || !entry.contains("case")) {
            throw Error(ErrorCode::Corrupted, "the bundle's content has a malformed case");
        }
        const Case incoming = caseFromJson(entry.at("case"));
        if (!isUuid(incoming.uuid)) {
            throw Error(ErrorCode::Validation, "bundle: a case has an invalid uuid", "uuid");
        }
        m_ids = IdMap{};
        m_proposedHere.clear();
        if (const auto existing = m_ws.cases().findByUuid(incoming.uuid)) {
            m_case = *existing;
            m_existingCase = true;
            if (caseToJson(m_case).dump() == caseToJson(incoming).dump()) {
                unchanged(m_case.uuid);
            } else {
                conflict("case " + m_case.reference +
                         ": differs from this workspace's copy; this workspace's version was kept");
            }
        } else {
            try {
                m_case = m_ws.cases().import(incoming, m_actor, m_notes);
            } catch (const Error& e) {
                if (e.code() == ErrorCode::Conflict) {
                    conflict("case " + incoming.reference +
                             ": another case here already has this reference; not imported");
                    for (const auto& pj : listIn(entry, "people")) {
                        if (const json* uuid = pj.is_object() ? core::json::findValue(pj, "uuid") : nullptr;
                            uuid != nullptr && uuid->is_string()) {
                            m_people[uuid->get<std::string>()] =
                                PersonHere{PersonRole::Victim, incoming.reference, false, false, false};
                        }
                    }
                    return;
                }
                throw Error(e.code(), std::string("bundle: case ") + incoming.reference + ": " + e.what(), e.field());
            }
            m_existingCase = false;
            fingerprint("new case", m_case.uuid);
            m_plan.newCases.push_back(m_case.reference);
            ++m_report.casesAdded;
        }
        m_ids.add("cases", m_case.id, m_case.uuid);
        for (const auto& pj : listIn(entry, "people")) {
            mergePerson(pj);
        }
        for (const auto& rj : listIn(entry, "records")) {
            mergeRecord(rj);
        }
        for (const auto& aj : listIn(entry, "contextAnswers")) {
            mergeAnswer(aj);
        }
    }

    void mergePerson(const json& pj)
    {
        Person incoming = personFromJson(pj, m_case.id);
        if (const auto existing = m_ws.people().findByUuid(incoming.uuid)) {
            if (existing->caseId != m_case.id) {
                throw Error(ErrorCode::Corrupted, "bundle: a person belongs to a different case here");
            }
            incoming.id = existing->id;
            if (personToJson(*existing).dump() == personToJson(incoming).dump()) {
                unchanged(existing->uuid);
            } else {
                conflict("case " + m_case.reference + ": a " + std::string(toString(existing->role)) +
                         " differs from this workspace's copy; this workspace's version was kept");
            }
            m_ids.add("people", existing->id, existing->uuid);
            m_people[existing->uuid] = PersonHere{existing->role, m_case.reference, true, false, true};
            return;
        }
        m_people[incoming.uuid] = PersonHere{incoming.role, m_case.reference, m_existingCase, m_existingCase, true};
        if (m_existingCase) {
            if (!propose(ProposedRecord{incoming.uuid,
                                        "people",
                                        "person",
                                        m_case.reference,
                                        incoming.createdAt,
                                        "role: " + std::string(toString(incoming.role)),
                                        {}})) {
                return;
            }
        } else {
            ++m_plan.newPeople;
        }
        try {
            const auto stored = m_ws.people().import(incoming, m_actor, m_notes);
            m_ids.add("people", stored.id, stored.uuid);
        } catch (const Error& e) {
            throw Error(e.code(), std::string("bundle: case ") + m_case.reference + ": person: " + e.what(), e.field());
        }
        ++m_report.peopleAdded;
    }

    void mergeRecord(const json& rj)
    {
        if (!rj.is_object()) {
            throw Error(ErrorCode::Corrupted, "the bundle's content has a malformed record");
        }
        const RecordSpec* found = specForType(rj);
        if (found == nullptr) {
            throw Error(ErrorCode::Corrupted, "the bundle has a record of an unknown type");
        }
        const RecordSpec& spec = *found;
        Record incoming;
        incoming.spec = &spec;
        incoming.uuid = text(rj, "uuid");
        incoming.createdAt = instant(rj, "createdAt");
        incoming.updatedAt = instant(rj, "updatedAt");
        const std::string parentUuid = text(rj, "parent");
        const json* values = core::json::findValue(rj, "values");
        if (values == nullptr || !values->is_object()) {
            throw Error(ErrorCode::Corrupted, "bundle: a " + std::string(spec.type) + " has no values");
        }
        // The values as the bundle has them (links as UUIDs), and what this record needs.
        Values raw;
        std::vector<std::string> needs;
        if (m_proposedHere.count(parentUuid) != 0) {
            needs.push_back(parentUuid);
        }
        for (const auto& [key, value] : values->items()) {
            const auto* field = spec.field(key);
            if (field == nullptr || !value.is_string()) {
                throw Error(ErrorCode::Validation,
                            "bundle: " + std::string(spec.type) + ": unknown or malformed field " + key, key);
            }
            raw[key] = value.get<std::string>();
            if ((field->kind == FieldKind::PersonLink || field->kind == FieldKind::RecordLink) &&
                m_proposedHere.count(raw[key]) != 0 && std::find(needs.begin(), needs.end(), raw[key]) == needs.end()) {
                needs.push_back(raw[key]);
            }
        }

        // A contact's mark "recorded before contacts said which events they explained" (Right 6) is not a field:
        // carried beside the values since document version 2. A contact from an older bundle was recorded by a
        // workbench that could not say which events it explained, so it gets the mark as the migration gave it.
        const bool contact = spec.table == "contacts";
        const bool incomingUnrecorded = contact && flag(rj, "eventsUnrecorded", m_version < 2);
        if (const auto existing = m_ws.records().findByUuid(spec, incoming.uuid)) {
            if (existing->caseId != m_case.id) {
                throw Error(ErrorCode::Corrupted, "bundle: a record belongs to a different case here");
            }
            m_ids.add(std::string(spec.table), existing->id, existing->uuid);
            json incomingValues = json::object();
            for (const auto& [key, value] : raw) {
                if (!value.empty()) {
                    incomingValues[key] = value;
                }
            }
            if (localValuesAsUuids(m_ws.connectionForImport(), *existing).dump() == incomingValues.dump() &&
                (!contact || eventsUnrecorded(existing->id) == incomingUnrecorded)) {
                unchanged(existing->uuid);
            } else {
                conflict("case " + m_case.reference + ": a " + std::string(spec.type) +
                         " differs from this workspace's copy; this workspace's version was kept");
            }
            return;
        }
        if (m_existingCase) {
            if (!propose(ProposedRecord{incoming.uuid, std::string(spec.table), std::string(spec.type),
                                        m_case.reference, incoming.createdAt, recordSummary(spec, raw), needs})) {
                return;
            }
        } else {
            ++m_plan.newRecords;
        }
        const auto parent = m_ids.id(std::string(spec.parentTable), parentUuid);
        if (!parent) {
            throw Error(ErrorCode::Corrupted,
                        "bundle: a " + std::string(spec.type) + " belongs to a record the bundle does not contain");
        }
        incoming.parentId = *parent;
        for (const auto& [key, value] : raw) {
            const auto* field = spec.field(key);
            std::string v = value;
            if (field->kind == FieldKind::PersonLink || field->kind == FieldKind::RecordLink) {
                const auto target = m_ids.id(linkTable(*field), v);
                if (!target) {
                    throw Error(ErrorCode::Corrupted, "bundle: a " + std::string(spec.type) +
                                                          " links to a record the bundle does not contain");
                }
                v = std::to_string(*target);
            }
            incoming.values[key] = v;
        }
        try {
            const auto stored = m_ws.records().import(incoming, m_actor, m_notes);
            m_ids.add(std::string(spec.table), stored.id, stored.uuid);
            if (incomingUnrecorded) {
                // Set as the bundle has it, and audited (the entry records the row's state with the mark).
                auto& db = m_ws.connectionForImport();
                store::Statement mark(db, "UPDATE contacts SET events_unrecorded = 1 WHERE id = :id");
                mark.bind(":id", stored.id).run();
                auto notes = m_notes;
                notes.insert(notes.begin(),
                             audit::FieldChange{"events_unrecorded", std::string("0"), std::string("1"), false});
                audit::append(db, m_actor, "contacts", stored.uuid, audit::Action::Update, notes);
            }
        } catch (const Error& e) {
            throw Error(e.code(), "bundle: case " + m_case.reference + ": " + std::string(spec.type) + ": " + e.what(),
                        e.field());
        }
        ++m_report.recordsAdded;
    }

    /// The bundle's decisions, pair by pair, oldest first within a pair (see applyImport()).
    void mergeDecisions(const json& list)
    {
        std::map<std::string, std::vector<MatchDecision>> byPair; // by "first|second" (uuids have no '|')
        std::vector<PersonPair> pairs;                            // in the order the bundle first names them
        for (const auto& dj : list) {
            auto d = decisionFromJson(dj);
            for (const auto& person : {d.pair.first, d.pair.second}) {
                if (m_people.count(person) == 0) {
                    throw Error(ErrorCode::Validation,
                                "bundle: match decision " + d.uuid + " names a person the bundle does not carry",
                                "matchDecisions");
                }
            }
            auto& rows = byPair[d.pair.first + '|' + d.pair.second];
            if (rows.empty()) {
                pairs.push_back(d.pair);
            }
            rows.push_back(std::move(d));
        }
        for (const auto& pair : pairs) {
            mergePair(m_people.at(pair.first), m_people.at(pair.second), byPair.at(pair.first + '|' + pair.second));
        }
    }

    void mergePair(const PersonHere& a, const PersonHere& b, const std::vector<MatchDecision>& rows)
    {
        const std::string where = a.caseReference == b.caseReference
                                      ? "case " + a.caseReference
                                      : "cases " + a.caseReference + " and " + b.caseReference;
        if (!a.imported || !b.imported) {
            conflict(where + ": a match decision concerns a person of a case not imported; not imported");
            return;
        }
        // Victim-centred: a decision is about a suspect, and never pairs two victims (core/suspects/Decisions).
        if (a.role != PersonRole::Suspect && b.role != PersonRole::Suspect) {
            throw Error(ErrorCode::Validation, "bundle: match decision " + rows.back().uuid + " is not about a suspect",
                        "role");
        }
        const auto here = m_ws.matchDecisions().history(rows.front().pair);
        if (!here.empty()) {
            bool differs = here.back().verdict != rows.back().verdict;
            for (const auto& row : rows) {
                const auto same =
                    std::find_if(here.begin(), here.end(), [&](const MatchDecision& h) { return h.uuid == row.uuid; });
                differs = differs || (same != here.end() && !sameDecision(*same, row));
            }
            if (differs) {
                conflict(where + ": a match decision differs from this workspace's (here: " +
                         std::string(toString(here.back().verdict)) + ", in the bundle: " +
                         std::string(toString(rows.back().verdict)) + "); this workspace's decision was kept");
                return;
            }
            for (const auto& row : rows) {
                unchanged(row.uuid);
            }
            return;
        }
        const bool intoExisting = a.existingCase || b.existingCase;
        std::string previous; // a later decision on the pair needs the earlier ones: its history stays whole
        for (const auto& row : rows) {
            if (intoExisting) {
                std::vector<std::string> needs;
                for (const auto* person : {&a, &b}) {
                    if (person->proposed) {
                        needs.push_back(person == &a ? row.pair.first : row.pair.second);
                    }
                }
                if (!previous.empty()) {
                    needs.push_back(previous);
                }
                previous = row.uuid;
                if (!propose(ProposedRecord{row.uuid, "match_decisions", "match decision",
                                            a.existingCase ? a.caseReference : b.caseReference, row.decidedAt,
                                            "decision: " + std::string(toString(row.verdict)), needs})) {
                    continue;
                }
            } else {
                fingerprint("new decision", row.uuid);
                ++m_plan.newDecisions;
                ++m_plan.newRecords;
            }
            try {
                m_ws.matchDecisions().import(row, m_actor, m_notes);
            } catch (const Error& e) {
                throw Error(e.code(), "bundle: " + where + ": match decision: " + e.what(), e.field());
            }
            ++m_report.decisionsAdded;
            ++m_report.recordsAdded;
        }
    }

    bool eventsUnrecorded(std::int64_t contactId) const
    {
        store::Statement select(m_ws.connectionForImport(), "SELECT events_unrecorded FROM contacts WHERE id = :id");
        return select.bind(":id", contactId).step() && select.columnInt64(0) != 0;
    }

    void mergeAnswer(const json& aj)
    {
        if (!aj.is_object()) {
            throw Error(ErrorCode::Corrupted, "the bundle's content has a malformed context answer");
        }
        // "overrideReason" arrived with document version 2; an older bundle's answers are not overrides.
        ContextRepository::StoredAnswer answer{text(aj, "uuid"),        text(aj, "questionId"),
                                               textOrNull(aj, "value"), instant(aj, "answeredAt"),
                                               text(aj, "answeredBy"),  textOrNull(aj, "overrideReason")};
        if (answer.valueJson) {
            // Stored, and parsed again whenever the case's facts are read: bounded like the document.
            (void)parseBounded(*answer.valueJson, 4, MaxTextBytes);
        }
        if (const auto existing = m_ws.context().findStored(answer.uuid)) {
            // Answers never change once given: the same uuid must be the same answer.
            if (existing->valueJson != answer.valueJson || existing->questionId != answer.questionId ||
                existing->overrideReason != answer.overrideReason) {
                conflict("case " + m_case.reference +
                         ": a context answer differs from this workspace's copy; this workspace's version was kept");
            } else {
                unchanged(answer.uuid);
            }
            return;
        }
        if (m_existingCase) {
            if (!propose(ProposedRecord{answer.uuid,
                                        "context_answers",
                                        "context answer",
                                        m_case.reference,
                                        answer.answeredAt,
                                        "question: " + answer.questionId,
                                        {}})) {
                return;
            }
        } else {
            ++m_plan.newRecords;
        }
        m_ws.context().import(m_case.id, answer, m_actor, m_notes);
        ++m_report.recordsAdded;
    }

    Workspace& m_ws;
    std::string_view m_document;
    long long m_version = DocumentVersion;   ///< the document's version (older ones lack later fields)
    const std::set<std::string>* m_accepted; ///< null while planning
    const ImportPlan* m_expected = nullptr;
    ImportPlan m_plan;
    ImportReport m_report;
    std::string m_fingerprint;
    std::string m_actor;
    std::vector<audit::FieldChange> m_notes;
    Case m_case;
    bool m_existingCase = false;
    IdMap m_ids;
    std::set<std::string> m_proposedHere;       ///< proposed records of the current case, by uuid
    std::map<std::string, PersonHere> m_people; ///< every person of the bundle, by uuid
};

/// A value of the wrong JSON type somewhere is a damaged bundle, not a crash.
template <typename F> auto guarded(F&& f)
{
    try {
        return f();
    } catch (const json::exception&) {
        throw Error(ErrorCode::Corrupted, "the bundle's content has a value of the wrong kind");
    }
}

} // namespace

ImportPlan planImport(Workspace& ws, std::string_view document)
{
    return guarded([&] {
        Merge merge(ws, document, nullptr);
        merge.run();
        return std::move(merge.plan());
    });
}

ImportReport
applyImport(Workspace& ws, std::string_view document, const ImportPlan& plan, const std::set<std::string>& accepted)
{
    // Each accepted record must be proposed, and what it needs accepted with it.
    std::map<std::string, const ProposedRecord*> proposed;
    for (const auto& item : plan.proposed) {
        proposed.emplace(item.uuid, &item);
    }
    for (const auto& uuid : accepted) {
        const auto it = proposed.find(uuid);
        if (it == proposed.end()) {
            throw Error(ErrorCode::Validation,
                        "accepted record " + uuid + " is not among the records this bundle proposes",
                        "acceptedRecords");
        }
        for (const auto& need : it->second->needs) {
            if (accepted.count(need) == 0) {
                const auto needed = proposed.find(need);
                throw Error(ErrorCode::Validation,
                            "accepted " + it->second->type + " " + uuid + " needs " +
                                (needed == proposed.end() ? std::string("record") : needed->second->type) + " " + need +
                                ", which was not accepted",
                            "acceptedRecords");
            }
        }
    }
    return guarded([&] {
        Merge merge(ws, document, &accepted);
        merge.expect(plan);
        merge.run();
        return std::move(merge.report());
    });
}

ImportReport importDocument(Workspace& ws, std::string_view document)
{
    const auto plan = planImport(ws, document);
    return applyImport(ws, document, plan, {});
}

} // namespace wb::core::bundle
