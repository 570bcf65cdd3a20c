// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/CaseBundle.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <fstream>
#include <iterator>
#include <map>

#include <fcntl.h>
#include <nlohmann/json.hpp>
#include <sodium.h>
#include <unistd.h>

#include "core/Error.h"
#include "core/Workspace.h"
#include "core/domain/Uuid.h"
#include "core/records/RecordSpec.h"
#include "core/store/FileAccess.h"
#include "core/store/Database.h"

namespace wb::core::bundle {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr std::string_view Magic = "RWBNDL01";
constexpr std::size_t SaltSize = 16;
constexpr std::size_t CheckSize = 8;
constexpr std::size_t FixedSize = 8 + 2 + SaltSize + CheckSize;
constexpr std::size_t StreamHeaderSize = crypto_secretstream_xchacha20poly1305_HEADERBYTES;
constexpr std::size_t ChunkSize = 64 * 1024;
constexpr std::size_t MaxDocument = std::size_t{512} << 20;
constexpr int DocumentVersion = 1;
constexpr std::string_view CheckContext = "rasso-workbench bundle key check v1";

/// Overwrites a string's bytes before it is freed (it held personal data).
struct WipedString {
    std::string text;
    ~WipedString() { sodium_memzero(text.data(), text.size()); }
};

store::SecureBuffer deriveBundleKey(std::string_view passphrase, const unsigned char* salt,
                                    const store::KdfParams& params)
{
    store::SecureBuffer key(crypto_secretstream_xchacha20poly1305_KEYBYTES);
    if (crypto_pwhash(key.data(), key.size(), passphrase.data(), passphrase.size(), salt, params.opsLimit,
                      params.memLimitBytes(), crypto_pwhash_ALG_ARGON2ID13)
        != 0) {
        throw Error(ErrorCode::Io, "not enough memory to derive the bundle key");
    }
    return key;
}

std::array<unsigned char, CheckSize> keyCheck(const store::SecureBuffer& key)
{
    std::array<unsigned char, 32> digest{};
    crypto_generichash(digest.data(), digest.size(), reinterpret_cast<const unsigned char*>(CheckContext.data()),
                       CheckContext.size(), key.data(), key.size());
    std::array<unsigned char, CheckSize> out{};
    std::copy_n(digest.begin(), CheckSize, out.begin());
    return out;
}

// --- the JSON document ---------------------------------------------------------

json optionalText(const std::optional<std::string>& v)
{
    return v ? json(*v) : json(nullptr);
}

std::optional<std::string> textOrNull(const json& object, const char* key)
{
    const auto it = object.find(key);
    if (it == object.end() || it->is_null()) {
        return std::nullopt;
    }
    if (!it->is_string()) {
        throw Error(ErrorCode::Validation, std::string("bundle: '") + key + "' must be text", key);
    }
    return it->get<std::string>();
}

std::string text(const json& object, const char* key)
{
    const auto value = textOrNull(object, key);
    if (!value) {
        throw Error(ErrorCode::Validation, std::string("bundle: '") + key + "' is missing", key);
    }
    return *value;
}

bool flag(const json& object, const char* key, bool fallback)
{
    const auto it = object.find(key);
    if (it == object.end() || it->is_null()) {
        return fallback;
    }
    if (!it->is_boolean()) {
        throw Error(ErrorCode::Validation, std::string("bundle: '") + key + "' must be true or false", key);
    }
    return it->get<bool>();
}

Instant instant(const json& object, const char* key)
{
    const auto value = parseIsoUtc(text(object, key));
    if (!value) {
        throw Error(ErrorCode::Validation, std::string("bundle: '") + key + "' is not a UTC date and time", key);
    }
    return *value;
}

json caseToJson(const Case& c)
{
    return json{{"uuid", c.uuid},
                {"reference", c.reference},
                {"operationName", optionalText(c.operationName)},
                {"primaryOffence", c.primaryOffence},
                {"reportedAt", toIsoUtc(c.reportedAt)},
                {"status", std::string(toString(c.status))},
                {"otherOffences", c.otherOffences},
                {"offenceDate", c.offenceDate.encode()},
                {"locationType", optionalText(c.locationType)},
                {"locationDescription", optionalText(c.locationDescription)},
                {"reportChannel", optionalText(c.reportChannel)},
                {"journeyStage", optionalText(c.journeyStage)},
                {"outcomeCode", optionalText(c.outcomeCode)},
                {"outcomeDate", optionalText(c.outcomeDate)},
                {"outcomeReason", optionalText(c.outcomeReason)},
                {"createdAt", toIsoUtc(c.createdAt)},
                {"updatedAt", toIsoUtc(c.updatedAt)}};
}

Case caseFromJson(const json& j)
{
    if (!j.is_object()) {
        throw Error(ErrorCode::Validation, "bundle: a case must be an object", "case");
    }
    Case c;
    c.uuid = text(j, "uuid");
    c.reference = text(j, "reference");
    c.operationName = textOrNull(j, "operationName");
    c.primaryOffence = text(j, "primaryOffence");
    c.reportedAt = instant(j, "reportedAt");
    const auto status = caseStatusFromString(text(j, "status"));
    if (!status) {
        throw Error(ErrorCode::Validation, "bundle: unknown case status", "status");
    }
    c.status = *status;
    const auto others = j.find("otherOffences");
    if (others != j.end() && !others->is_null()) {
        if (!others->is_array()) {
            throw Error(ErrorCode::Validation, "bundle: 'otherOffences' must be a list", "otherOffences");
        }
        for (const auto& code : *others) {
            if (!code.is_string()) {
                throw Error(ErrorCode::Validation, "bundle: 'otherOffences' must list codes", "otherOffences");
            }
            c.otherOffences.push_back(code.get<std::string>());
        }
    }
    const auto date = ApproxDate::parse(textOrNull(j, "offenceDate").value_or("unknown||"));
    if (!date) {
        throw Error(ErrorCode::Validation, "bundle: 'offenceDate' is malformed", "offenceDate");
    }
    c.offenceDate = *date;
    c.locationType = textOrNull(j, "locationType");
    c.locationDescription = textOrNull(j, "locationDescription");
    c.reportChannel = textOrNull(j, "reportChannel");
    c.journeyStage = textOrNull(j, "journeyStage");
    c.outcomeCode = textOrNull(j, "outcomeCode");
    c.outcomeDate = textOrNull(j, "outcomeDate");
    c.outcomeReason = textOrNull(j, "outcomeReason");
    c.createdAt = instant(j, "createdAt");
    c.updatedAt = instant(j, "updatedAt");
    return c;
}

json personToJson(const Person& p)
{
    return json{{"uuid", p.uuid},
                {"role", std::string(toString(p.role))},
                {"givenName", p.givenName},
                {"familyName", p.familyName},
                {"dateOfBirth", optionalText(p.dateOfBirth)},
                {"ageYears", p.ageYears ? json(*p.ageYears) : json(nullptr)},
                {"pronouns", optionalText(p.pronouns)},
                {"language", optionalText(p.language)},
                {"interpreterNeeded", p.interpreterNeeded},
                {"needs", optionalText(p.needs)},
                {"enhancedRights", p.enhancedRights},
                {"firstDisclosure", p.firstDisclosure},
                {"createdAt", toIsoUtc(p.createdAt)},
                {"updatedAt", toIsoUtc(p.updatedAt)}};
}

Person personFromJson(const json& j, std::int64_t caseId)
{
    if (!j.is_object()) {
        throw Error(ErrorCode::Validation, "bundle: a person must be an object", "person");
    }
    Person p;
    p.caseId = caseId;
    p.uuid = text(j, "uuid");
    const auto role = personRoleFromString(text(j, "role"));
    if (!role) {
        throw Error(ErrorCode::Validation, "bundle: unknown role", "role");
    }
    p.role = *role;
    p.givenName = text(j, "givenName");
    p.familyName = text(j, "familyName");
    p.dateOfBirth = textOrNull(j, "dateOfBirth");
    const auto age = j.find("ageYears");
    if (age != j.end() && !age->is_null()) {
        if (!age->is_number_integer()) {
            throw Error(ErrorCode::Validation, "bundle: 'ageYears' must be a whole number", "ageYears");
        }
        const auto years = age->get<long long>();
        if (years < 0 || years > 150) {
            throw Error(ErrorCode::Validation, "bundle: 'ageYears' is out of range", "ageYears");
        }
        p.ageYears = static_cast<int>(years);
    }
    p.pronouns = textOrNull(j, "pronouns");
    p.language = textOrNull(j, "language");
    p.interpreterNeeded = flag(j, "interpreterNeeded", false);
    p.needs = textOrNull(j, "needs");
    p.enhancedRights = flag(j, "enhancedRights", true);
    p.firstDisclosure = flag(j, "firstDisclosure", false);
    p.createdAt = instant(j, "createdAt");
    p.updatedAt = instant(j, "updatedAt");
    return p;
}

/// Local ids ↔ UUIDs for every record of a case, so that links travel as UUIDs.
struct IdMap {
    std::map<std::string, std::map<std::int64_t, std::string>> uuidOf;  // table → id → uuid
    std::map<std::string, std::map<std::string, std::int64_t>> idOf;    // table → uuid → id

    void add(const std::string& table, std::int64_t id, const std::string& uuid)
    {
        uuidOf[table][id] = uuid;
        idOf[table][uuid] = id;
    }
    std::string uuid(const std::string& table, std::int64_t id) const
    {
        const auto t = uuidOf.find(table);
        const auto it = t == uuidOf.end() ? decltype(t->second.end()){} : t->second.find(id);
        if (t == uuidOf.end() || it == t->second.end()) {
            throw Error(ErrorCode::Storage, "a link points outside the exported case");
        }
        return it->second;
    }
    std::optional<std::int64_t> id(const std::string& table, const std::string& uuid) const
    {
        const auto t = idOf.find(table);
        if (t == idOf.end()) {
            return std::nullopt;
        }
        const auto it = t->second.find(uuid);
        return it == t->second.end() ? std::nullopt : std::optional(it->second);
    }
};

std::string linkTable(const FieldSpec& f)
{
    return f.kind == FieldKind::PersonLink ? std::string("people") : std::string(f.linkTable);
}

/// A record's values with local ids replaced by UUIDs.
json valuesToJson(const Record& r, const IdMap& ids)
{
    json values = json::object();
    for (const auto& f : r.spec->fields) {
        const std::string& v = r.get(f.key);
        if (v.empty()) {
            continue;
        }
        if (f.kind == FieldKind::PersonLink || f.kind == FieldKind::RecordLink) {
            values[std::string(f.key)] = ids.uuid(linkTable(f), std::stoll(v));
        } else {
            values[std::string(f.key)] = v;
        }
    }
    return values;
}

json recordToJson(const Record& r, const IdMap& ids)
{
    return json{{"type", std::string(r.spec->type)},
                {"uuid", r.uuid},
                {"parent", ids.uuid(std::string(r.spec->parentTable), r.parentId)},
                {"values", valuesToJson(r, ids)},
                {"createdAt", toIsoUtc(r.createdAt)},
                {"updatedAt", toIsoUtc(r.updatedAt)}};
}

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
        out.push_back(recordToJson(r, ids));
    }
    json answers = json::array();
    for (const auto& a : ws.context().storedAnswers(c.id)) {
        answers.push_back(json{{"uuid", a.uuid},
                               {"questionId", a.questionId},
                               {"value", a.valueJson ? json(*a.valueJson) : json(nullptr)},
                               {"answeredAt", toIsoUtc(a.answeredAt)},
                               {"answeredBy", a.answeredBy}});
    }
    return json{{"case", caseToJson(c)}, {"people", people}, {"records", out}, {"contextAnswers", answers}};
}

void syncFile(const fs::path& path)
{
    const int fd = ::open(path.c_str(), O_RDWR | O_CLOEXEC);
    if (fd < 0 || ::fsync(fd) != 0) {
        if (fd >= 0) {
            ::close(fd);
        }
        throw Error(ErrorCode::Io, "the bundle could not be flushed to disk");
    }
    ::close(fd);
}

std::uint32_t readLength(const unsigned char* p)
{
    return (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) | (std::uint32_t{p[2]} << 8) | p[3];
}

} // namespace

void exportCases(Workspace& ws, const std::vector<std::int64_t>& caseIds, const fs::path& target,
                 std::string_view passphrase, const store::KdfParams& params)
{
    if (passphrase.empty()) {
        throw Error(ErrorCode::Validation, "the bundle passphrase is empty", "passphrase");
    }
    if (caseIds.empty()) {
        throw Error(ErrorCode::Validation, "choose at least one case to hand over", "cases");
    }
    std::error_code ec;
    if (fs::exists(target, ec)) {
        throw Error(ErrorCode::AlreadyExists, "a file already exists at the bundle path; it will not be overwritten");
    }
    params.validate();
    json cases = json::array();
    for (const auto id : caseIds) {
        const auto c = ws.cases().find(id);
        if (!c) {
            throw Error(ErrorCode::NotFound, "no case with id " + std::to_string(id));
        }
        cases.push_back(caseDocument(ws, *c));
    }
    const auto info = ws.info();
    WipedString document{json{{"format", "rasso-workbench-bundle"},
                              {"version", DocumentVersion},
                              {"exportedAt", toIsoUtc(nowUtc())},
                              {"exportedBy", info.owner.displayName + " (" + info.owner.staffNumber + ")"},
                              {"cases", cases}}
                             .dump()};

    store::ensureSodium();
    std::array<unsigned char, FixedSize> fixed{};
    std::memcpy(fixed.data(), Magic.data(), Magic.size());
    fixed[8] = static_cast<unsigned char>(params.opsLimit);
    fixed[9] = static_cast<unsigned char>(params.memExponent);
    randombytes_buf(fixed.data() + 10, SaltSize);
    const auto key = deriveBundleKey(passphrase, fixed.data() + 10, params);
    const auto check = keyCheck(key);
    std::copy(check.begin(), check.end(), fixed.begin() + 10 + SaltSize);

    crypto_secretstream_xchacha20poly1305_state state;
    std::array<unsigned char, StreamHeaderSize> streamHeader{};
    crypto_secretstream_xchacha20poly1305_init_push(&state, streamHeader.data(), key.data());

    const fs::path partial = target.string() + ".partial";
    if (store::files::heldInThisProcess(partial)) {
        throw Error(ErrorCode::AlreadyExists, "the bundle's temporary name is an open workspace; choose another name");
    }
    {
        std::ofstream out(partial, std::ios::binary | std::ios::trunc);
        if (!out) {
            throw Error(ErrorCode::Io, "the bundle file cannot be written");
        }
        out.write(reinterpret_cast<const char*>(fixed.data()), fixed.size());
        out.write(reinterpret_cast<const char*>(streamHeader.data()), streamHeader.size());
        std::vector<unsigned char> cipher(ChunkSize + crypto_secretstream_xchacha20poly1305_ABYTES);
        std::size_t offset = 0;
        do {
            const std::size_t n = std::min(ChunkSize, document.text.size() - offset);
            const bool last = offset + n == document.text.size();
            unsigned long long written = 0;
            crypto_secretstream_xchacha20poly1305_push(
                &state, cipher.data(), &written, reinterpret_cast<const unsigned char*>(document.text.data()) + offset,
                n, fixed.data(), fixed.size(),
                last ? crypto_secretstream_xchacha20poly1305_TAG_FINAL : crypto_secretstream_xchacha20poly1305_TAG_MESSAGE);
            const unsigned char length[4] = {static_cast<unsigned char>(written >> 24),
                                             static_cast<unsigned char>(written >> 16),
                                             static_cast<unsigned char>(written >> 8),
                                             static_cast<unsigned char>(written)};
            out.write(reinterpret_cast<const char*>(length), 4);
            out.write(reinterpret_cast<const char*>(cipher.data()), static_cast<std::streamsize>(written));
            offset += n;
            if (last) {
                break;
            }
        } while (true);
        if (!out.flush()) {
            out.close();
            fs::remove(partial, ec);
            throw Error(ErrorCode::Io, "the bundle file could not be written completely");
        }
    }
    sodium_memzero(&state, sizeof state);
    syncFile(partial);
    fs::rename(partial, target, ec);
    if (ec) {
        fs::remove(partial, ec);
        throw Error(ErrorCode::Io, "the bundle file could not be put in place");
    }
}

std::string decrypt(std::span<const unsigned char> bytes, std::string_view passphrase)
{
    store::ensureSodium();
    if (bytes.size() < Magic.size() || std::memcmp(bytes.data(), Magic.data(), Magic.size() - 2) != 0) {
        throw Error(ErrorCode::NotAWorkspace, "the file is not a case bundle");
    }
    if (std::memcmp(bytes.data(), Magic.data(), Magic.size()) != 0) {
        throw Error(ErrorCode::NewerVersion, "the bundle was written in a newer format than this version reads");
    }
    if (bytes.size() < FixedSize + StreamHeaderSize) {
        throw Error(ErrorCode::Truncated, "the bundle has been cut short");
    }
    store::KdfParams params{bytes[8], bytes[9]};
    try {
        params.validate();
    } catch (const Error&) {
        throw Error(ErrorCode::Corrupted, "the bundle header is damaged");
    }
    // A bundle comes from outside: it may not make this machine spend more than
    // 1 GiB or 10 passes on its key (this version writes at most the defaults).
    if (params.memExponent > 7 || params.opsLimit > 10) {
        throw Error(ErrorCode::Corrupted, "the bundle asks for more key-derivation work than any this version writes");
    }
    const unsigned char* fixed = bytes.data();
    const auto key = deriveBundleKey(passphrase, fixed + 10, params);
    const auto check = keyCheck(key);
    if (sodium_memcmp(check.data(), fixed + 10 + SaltSize, CheckSize) != 0) {
        throw Error(ErrorCode::WrongPassphrase, "the passphrase does not open this bundle");
    }
    return decryptWithKey(bytes, key);
}

std::string decryptWithKey(std::span<const unsigned char> bytes, const store::SecureBuffer& key)
{
    if (bytes.size() < FixedSize + StreamHeaderSize || key.size() != crypto_secretstream_xchacha20poly1305_KEYBYTES) {
        throw Error(ErrorCode::Truncated, "the bundle has been cut short");
    }
    const unsigned char* fixed = bytes.data();
    crypto_secretstream_xchacha20poly1305_state state;
    if (crypto_secretstream_xchacha20poly1305_init_pull(&state, fixed + FixedSize, key.data()) != 0) {
        throw Error(ErrorCode::Corrupted, "the bundle has been altered or damaged");
    }
    std::string plain;
    std::vector<unsigned char> chunk(ChunkSize);
    std::size_t at = FixedSize + StreamHeaderSize;
    bool final = false;
    while (!final) {
        if (at == bytes.size()) {
            sodium_memzero(plain.data(), plain.size());
            throw Error(ErrorCode::Truncated, "the bundle has been cut short");
        }
        if (bytes.size() - at < 4) {
            sodium_memzero(plain.data(), plain.size());
            throw Error(ErrorCode::Truncated, "the bundle has been cut short");
        }
        const std::uint32_t length = readLength(bytes.data() + at);
        at += 4;
        if (length < crypto_secretstream_xchacha20poly1305_ABYTES
            || length > ChunkSize + crypto_secretstream_xchacha20poly1305_ABYTES) {
            sodium_memzero(plain.data(), plain.size());
            throw Error(ErrorCode::Corrupted, "the bundle has been altered or damaged");
        }
        if (bytes.size() - at < length) {
            sodium_memzero(plain.data(), plain.size());
            throw Error(ErrorCode::Truncated, "the bundle has been cut short");
        }
        unsigned long long got = 0;
        unsigned char tag = 0;
        if (crypto_secretstream_xchacha20poly1305_pull(&state, chunk.data(), &got, &tag, bytes.data() + at, length,
                                                       fixed, FixedSize)
            != 0) {
            sodium_memzero(plain.data(), plain.size());
            throw Error(ErrorCode::Corrupted, "the bundle has been altered or damaged");
        }
        at += length;
        if (plain.size() + got > MaxDocument) {
            sodium_memzero(plain.data(), plain.size());
            throw Error(ErrorCode::Corrupted, "the bundle is larger than any this version writes");
        }
        plain.append(reinterpret_cast<const char*>(chunk.data()), static_cast<std::size_t>(got));
        final = tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL;
    }
    sodium_memzero(chunk.data(), chunk.size());
    sodium_memzero(&state, sizeof state);
    if (at != bytes.size()) {
        sodium_memzero(plain.data(), plain.size());
        throw Error(ErrorCode::Corrupted, "the bundle has data after its end");
    }
    return plain;
}

namespace {
ImportReport importParsed(Workspace& ws, std::string_view document);
} // namespace

ImportReport importDocument(Workspace& ws, std::string_view document)
{
    try {
        return importParsed(ws, document);
    } catch (const json::exception&) {
        // A value of the wrong JSON type somewhere: the unit of work has rolled back.
        throw Error(ErrorCode::Corrupted, "the bundle's content has a value of the wrong kind");
    }
}

namespace {

ImportReport importParsed(Workspace& ws, std::string_view document)
{
    json doc;
    try {
        doc = json::parse(document);
    } catch (const json::exception&) {
        throw Error(ErrorCode::Corrupted, "the bundle's content is not a valid document");
    }
    if (!doc.is_object() || doc.value("format", std::string()) != "rasso-workbench-bundle") {
        throw Error(ErrorCode::NotAWorkspace, "the bundle's content is not a case bundle");
    }
    const auto version = doc.find("version");
    if (version == doc.end() || !version->is_number_integer()) {
        throw Error(ErrorCode::Corrupted, "the bundle's content has no version");
    }
    if (version->get<long long>() > DocumentVersion) {
        throw Error(ErrorCode::NewerVersion, "the bundle was written by a newer version of the workbench");
    }
    const std::string actor = "bundle import (from " + doc.value("exportedBy", std::string("unknown")) + ")";
    const auto cases = doc.find("cases");
    if (cases == doc.end() || !cases->is_array()) {
        throw Error(ErrorCode::Corrupted, "the bundle's content has no case list");
    }

    ImportReport report;
    auto& db = ws.connectionForImport();
    store::WriteScope tx(db); // all or nothing: any failure below rolls every case back
    for (const auto& entry : *cases) {
        if (!entry.is_object() || !entry.contains("case")) {
            throw Error(ErrorCode::Corrupted, "the bundle's content has a malformed case");
        }
        const Case incoming = caseFromJson(entry.at("case"));
        if (!isUuid(incoming.uuid)) {
            throw Error(ErrorCode::Validation, "bundle: a case has an invalid uuid", "uuid");
        }
        IdMap ids;
        Case local;
        if (const auto existing = ws.cases().findByUuid(incoming.uuid)) {
            local = *existing;
            if (caseToJson(local).dump() == caseToJson(incoming).dump()) {
                ++report.unchanged;
            } else {
                report.conflicts.push_back("case " + local.reference + ": differs from this workspace's copy; "
                                                                       "this workspace's version was kept");
            }
        } else {
            try {
                local = ws.cases().import(incoming, actor);
            } catch (const Error& e) {
                if (e.code() == ErrorCode::Conflict) {
                    report.conflicts.push_back("case " + incoming.reference
                                               + ": another case here already has this reference; not imported");
                    continue;
                }
                throw Error(e.code(), std::string("bundle: case ") + incoming.reference + ": " + e.what(), e.field());
            }
            ++report.casesAdded;
        }
        ids.add("cases", local.id, local.uuid);

        for (const auto& pj : entry.value("people", json::array())) {
            Person incomingPerson = personFromJson(pj, local.id);
            if (const auto existing = ws.people().findByUuid(incomingPerson.uuid)) {
                if (existing->caseId != local.id) {
                    throw Error(ErrorCode::Corrupted, "bundle: a person belongs to a different case here");
                }
                incomingPerson.id = existing->id;
                if (personToJson(*existing).dump() == personToJson(incomingPerson).dump()) {
                    ++report.unchanged;
                } else {
                    report.conflicts.push_back("case " + local.reference + ": a " + std::string(toString(existing->role))
                                               + " differs from this workspace's copy; this workspace's version was kept");
                }
                ids.add("people", existing->id, existing->uuid);
                continue;
            }
            try {
                const auto stored = ws.people().import(incomingPerson, actor);
                ids.add("people", stored.id, stored.uuid);
            } catch (const Error& e) {
                throw Error(e.code(), std::string("bundle: case ") + local.reference + ": person: " + e.what(),
                            e.field());
            }
            ++report.peopleAdded;
        }

        for (const auto& rj : entry.value("records", json::array())) {
            if (!rj.is_object()) {
                throw Error(ErrorCode::Corrupted, "the bundle's content has a malformed record");
            }
            const RecordSpec& spec = [&]() -> const RecordSpec& {
                try {
                    return recordSpec(text(rj, "type"));
                } catch (const Error&) {
                    throw Error(ErrorCode::Corrupted, "the bundle has a record of an unknown type");
                }
            }();
            Record incomingRecord;
            incomingRecord.spec = &spec;
            incomingRecord.uuid = text(rj, "uuid");
            incomingRecord.createdAt = instant(rj, "createdAt");
            incomingRecord.updatedAt = instant(rj, "updatedAt");
            const auto parent = ids.id(std::string(spec.parentTable), text(rj, "parent"));
            if (!parent) {
                throw Error(ErrorCode::Corrupted, "bundle: a " + std::string(spec.type)
                                                      + " belongs to a record the bundle does not contain");
            }
            incomingRecord.parentId = *parent;
            const auto values = rj.find("values");
            if (values == rj.end() || !values->is_object()) {
                throw Error(ErrorCode::Corrupted, "bundle: a " + std::string(spec.type) + " has no values");
            }
            for (const auto& [key, value] : values->items()) {
                const auto* field = spec.field(key);
                if (field == nullptr || !value.is_string()) {
                    throw Error(ErrorCode::Validation,
                                "bundle: " + std::string(spec.type) + ": unknown or malformed field " + key, key);
                }
                std::string v = value.get<std::string>();
                if (field->kind == FieldKind::PersonLink || field->kind == FieldKind::RecordLink) {
                    const auto target = ids.id(linkTable(*field), v);
                    if (!target) {
                        throw Error(ErrorCode::Corrupted, "bundle: a " + std::string(spec.type)
                                                              + " links to a record the bundle does not contain");
                    }
                    v = std::to_string(*target);
                }
                incomingRecord.values[key] = v;
            }
            if (const auto existing = ws.records().findByUuid(spec, incomingRecord.uuid)) {
                if (existing->caseId != local.id) {
                    throw Error(ErrorCode::Corrupted, "bundle: a record belongs to a different case here");
                }
                ids.add(std::string(spec.table), existing->id, existing->uuid);
                if (valuesToJson(*existing, ids).dump() == valuesToJson(incomingRecord, ids).dump()) {
                    ++report.unchanged;
                } else {
                    report.conflicts.push_back("case " + local.reference + ": a " + std::string(spec.type)
                                               + " differs from this workspace's copy; this workspace's version was "
                                                 "kept");
                }
                continue;
            }
            try {
                const auto stored = ws.records().import(incomingRecord, actor);
                ids.add(std::string(spec.table), stored.id, stored.uuid);
            } catch (const Error& e) {
                throw Error(e.code(), "bundle: case " + local.reference + ": " + std::string(spec.type) + ": " + e.what(),
                            e.field());
            }
            ++report.recordsAdded;
        }

        for (const auto& aj : entry.value("contextAnswers", json::array())) {
            if (!aj.is_object()) {
                throw Error(ErrorCode::Corrupted, "the bundle's content has a malformed context answer");
            }
            core::ContextRepository::StoredAnswer answer{text(aj, "uuid"), text(aj, "questionId"),
                                                         textOrNull(aj, "value"), instant(aj, "answeredAt"),
                                                         text(aj, "answeredBy")};
            if (answer.valueJson && !json::accept(*answer.valueJson)) {
                throw Error(ErrorCode::Corrupted, "the bundle has a context answer that is not valid");
            }
            if (const auto existing = ws.context().findStored(answer.uuid)) {
                // Answers never change once given: the same uuid must be the same answer.
                if (existing->valueJson != answer.valueJson || existing->questionId != answer.questionId) {
                    report.conflicts.push_back("case " + local.reference
                                               + ": a context answer differs from this workspace's copy; this "
                                                 "workspace's version was kept");
                } else {
                    ++report.unchanged;
                }
                continue;
            }
            ws.context().import(local.id, answer, actor);
            ++report.recordsAdded;
        }
    }
    tx.commit();
    return report;
}

} // namespace

ImportReport importCases(Workspace& ws, const fs::path& bundle, std::string_view passphrase)
{
    if (store::files::heldInThisProcess(bundle)) {
        // An open workspace (or its log) picked as the bundle: reading it by another descriptor
        // would drop SQLite's lock on it.
        throw Error(ErrorCode::LockedByOtherInstance, "the file is a workspace open in this program, not a bundle");
    }
    std::ifstream in(bundle, std::ios::binary);
    if (!in) {
        std::error_code ec;
        throw Error(fs::exists(bundle, ec) ? ErrorCode::PermissionDenied : ErrorCode::FileNotFound,
                    "the bundle file cannot be read");
    }
    const std::vector<unsigned char> bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    WipedString document{decrypt(bytes, passphrase)};
    return importDocument(ws, document.text);
}

} // namespace wb::core::bundle
