// SPDX-License-Identifier: GPL-3.0-or-later
// Writing a bundle: the cases' document, then the encrypted file.
#include <algorithm>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "core/Error.h"
#include "core/Workspace.h"
#include "core/io/BundleDecisions.h"
#include "core/io/BundleEnvelope.h"
#include "core/io/BundleIdMap.h"
#include "core/io/BundleJson.h"
#include "core/io/CaseBundle.h"
#include "core/io/SizeText.h"
#include "core/io/WipedString.h"
#include "core/security/PassphrasePolicy.h"
#include "core/store/Database.h"
#include "core/store/Statement.h"

namespace wb::core::bundle {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

/// Records of a case in an order where every record comes after what it links to.
std::vector<Record> recordsInImportOrder(Workspace& ws, std::int64_t caseId)
{
    std::vector<Record> out;
    for (const auto& spec : recordSpecs()) { // parents' specs precede their children's
        auto records = ws.records().listForCase(spec, caseId);
        std::sort(records.begin(), records.end(), [](const Record& a, const Record& b) { return a.id < b.id; });
        out.insert(out.end(), records.begin(), records.end());
    }
    return out;
}

/// Whether a contact carries the mark "recorded before contacts said which events they explained".
bool contactEventsUnrecorded(Workspace& ws, std::int64_t contactId)
{
    store::Statement select(ws.connectionForImport(), "SELECT events_unrecorded FROM contacts WHERE id = :id");
    return select.bind(":id", contactId).step() && select.columnInt64(0) != 0;
}

/// The exporting workspace's chain head (additive in document version 1: readers ignore it).
json anchorToJson(const audit::Anchor& anchor)
{
    return json{{"sequence", anchor.sequence}, {"head", anchor.head}};
}

json caseDocument(Workspace& ws, const Case& c)
{
    IdMap ids;
    ids.add("cases", c.id, c.uuid);
    json people = json::array();
    for (const auto& p : ws.people().listForCase(c.id)) {
        ids.add("people", p.id, p.uuid);
        people.push_back(personToJson(p));
    }
    const auto records = recordsInImportOrder(ws, c.id);
    for (const auto& r : records) {
        ids.add(std::string(r.spec->table), r.id, r.uuid);
    }
    json out = json::array();
    for (const auto& r : records) {
        auto rj = recordToJson(r, ids);
        if (r.spec->table == "contacts") {
            // Not a field of the record (core/schema/ContactEventsSchema): the mark that the contact was recorded
            // before contacts said which events they explained (Right 6), carried since document version 2.
            rj["eventsUnrecorded"] = contactEventsUnrecorded(ws, r.id);
        }
        out.push_back(std::move(rj));
    }
    json answers = json::array();
    for (const auto& a : ws.context().storedAnswers(c.id)) {
        answers.push_back(json{{"uuid", a.uuid},
                               {"questionId", a.questionId},
                               {"value", a.valueJson ? json(*a.valueJson) : json(nullptr)},
                               {"answeredAt", toIsoUtc(a.answeredAt)},
                               {"answeredBy", a.answeredBy},
                               {"overrideReason", optionalText(a.overrideReason)}});
    }
    return json{{"case", caseToJson(c)}, {"people", people}, {"records", out}, {"contextAnswers", answers}};
}

} // namespace

void exportCases(Workspace& ws,
                 const std::vector<std::int64_t>& requestedIds,
                 const fs::path& target,
                 std::string_view passphrase,
                 const store::KdfParams& params)
{
    if (passphrase.empty()) {
        throw Error(ErrorCode::Validation, "the bundle passphrase is empty", "passphrase");
    }
    // A bundle travels and always carries real data: the live rule, for both programs.
    security::PassphrasePolicy::check(passphrase, security::PassphraseUse::Bundle);
    if (requestedIds.empty()) {
        throw Error(ErrorCode::Validation, "choose at least one case to hand over", "cases");
    }
    std::error_code ec;
    if (fs::exists(target, ec)) {
        throw Error(ErrorCode::AlreadyExists, "a file already exists at the bundle path; it will not be overwritten");
    }
    params.validate();
    // A case named twice is written once: its UUIDs must be unique in the bundle.
    std::vector<std::int64_t> caseIds;
    for (const auto id : requestedIds) {
        if (std::find(caseIds.begin(), caseIds.end(), id) == caseIds.end()) {
            caseIds.push_back(id);
        }
    }
    json cases = json::array();
    std::set<std::string> people; // of every case in the bundle: the decisions on pairs of them travel too
    for (const auto id : caseIds) {
        const auto c = ws.cases().find(id);
        if (!c) {
            throw Error(ErrorCode::NotFound, "no case with id " + std::to_string(id));
        }
        cases.push_back(caseDocument(ws, *c));
        for (const auto& p : cases.back().at("people")) {
            people.insert(p.at("uuid").get<std::string>());
        }
    }
    const auto info = ws.info();
    WipedString document{json{{"format", "rasso-workbench-bundle"},
                              {"version", DocumentVersion},
                              {"exportedAt", toIsoUtc(ws.clock().now())},
                              {"exportedBy", info.owner.displayName + " (" + info.owner.staffNumber + ")"},
                              {"training", info.training},
                              {"auditAnchor", anchorToJson(ws.auditAnchor())},
                              {"cases", cases},
                              {"matchDecisions", decisionsToJson(ws, people)}}
                             .dump()};
    if (document.text.size() > MaxDocumentBytes) {
        throw Error(ErrorCode::Validation,
                    "the bundle would be larger than the " + mib(MaxDocumentBytes) +
                        " a bundle may hold; hand the cases over in several bundles",
                    "bundleSize");
    }

    writeBundleFile(target, document.text, passphrase, params);
}

} // namespace wb::core::bundle
