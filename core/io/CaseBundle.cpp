// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/CaseBundle.h"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>
#include <map>
#include <set>

#include <fcntl.h>
#include <nlohmann/json.hpp>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/Error.h"
#include "core/Workspace.h"
#include "core/audit/AuditLog.h"
#include "core/domain/Uuid.h"
#include "core/records/RecordSpec.h"
#include "core/security/PassphrasePolicy.h"
#include "core/store/Database.h"
#include "core/store/FileAccess.h"
#include "core/store/Statement.h"
#include "core/store/WriteScope.h"

namespace wb::core::bundle {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr std::string_view Magic = "RWBNDL01";
constexpr std::size_t SaltSize = 16;
constexpr std::size_t CheckSize = 8;
constexpr std::size_t FixedSize = 8 + 2 + SaltSize + CheckSize;
constexpr std::size_t StreamHeaderSize = crypto_secretstream_xchacha20poly1305_HEADERBYTES;
constexpr std::size_t ChunkSize = std::size_t{64} * 1024;
constexpr int DocumentVersion = 1;
constexpr std::string_view CheckContext = "rasso-workbench bundle key check v1";

/// Overwrites a string's bytes before it is freed (it held personal data).
struct WipedString {
    std::string text;
    ~WipedString() { sodium_memzero(text.data(), text.size()); }
};

store::SecureBuffer
deriveBundleKey(std::string_view passphrase, const unsigned char* salt, const store::KdfParams& params)
{
    store::SecureBuffer key(crypto_secretstream_xchacha20poly1305_KEYBYTES);
    if (crypto_pwhash(key.data(), key.size(), passphrase.data(), passphrase.size(), salt, params.opsLimit,
                      params.memLimitBytes(), crypto_pwhash_ALG_ARGON2ID13) != 0) {
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
    std::map<std::string, std::map<std::int64_t, std::string>> uuidOf; // table → id → uuid
    std::map<std::string, std::map<std::string, std::int64_t>> idOf;   // table → uuid → id

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

/// Flushes a file's data and then its folder's entry to disk.
void syncFd(int fd)
{
    if (::fsync(fd) != 0) {
        throw Error(ErrorCode::Io, "the bundle could not be flushed to disk");
    }
}

void syncFolder(const fs::path& file)
{
    const fs::path folder = file.has_parent_path() ? file.parent_path() : fs::path(".");
    const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        (void)::fsync(fd); // best effort: the file itself is already on disk
        ::close(fd);
    }
}

void writeAll(int fd, const unsigned char* data, std::size_t size)
{
    while (size > 0) {
        const ssize_t n = ::write(fd, data, size);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            throw Error(ErrorCode::Io, "the bundle file could not be written completely");
        }
        data += n;
        size -= static_cast<std::size_t>(n);
    }
}

std::uint32_t readLength(const unsigned char* p)
{
    return (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) | (std::uint32_t{p[2]} << 8) | p[3];
}

std::string mib(std::uint64_t bytes)
{
    return std::to_string(bytes >> 20) + " MiB";
}

std::string kib(std::uint64_t bytes)
{
    return std::to_string(bytes >> 10) + " KiB";
}

std::string sizeText(std::uint64_t bytes)
{
    return bytes >= (std::uint64_t{1} << 20) ? mib(bytes) : kib(bytes);
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
    for (const auto id : caseIds) {
        const auto c = ws.cases().find(id);
        if (!c) {
            throw Error(ErrorCode::NotFound, "no case with id " + std::to_string(id));
        }
        cases.push_back(caseDocument(ws, *c));
    }
    const auto info = ws.info();
    WipedString document{json{
        {"format", "rasso-workbench-bundle"},
        {"version", DocumentVersion},
        {"exportedAt", toIsoUtc(nowUtc())},
        {"exportedBy", info.owner.displayName + " (" + info.owner.staffNumber + ")"},
        {"auditAnchor", anchorToJson(ws.auditAnchor())},
        {"cases", cases}}.dump()};
    if (document.text.size() > MaxDocumentBytes) {
        throw Error(ErrorCode::Validation,
                    "the bundle would be larger than the " + mib(MaxDocumentBytes) +
                        " a bundle may hold; hand the cases over in several bundles",
                    "bundleSize");
    }

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

    // Written beside the target, readable by its owner only whatever the umask, flushed,
    // then renamed into place: a crash leaves no partial bundle under the target's name.
    const fs::path partial = target.string() + ".partial";
    if (store::files::heldInThisProcess(partial)) {
        throw Error(ErrorCode::AlreadyExists, "the bundle's temporary name is an open workspace; choose another name");
    }
    const int fd = ::open(partial.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0) {
        throw Error(errno == EACCES || errno == EPERM ? ErrorCode::PermissionDenied : ErrorCode::Io,
                    "the bundle file cannot be written");
    }
    try {
        if (::fchmod(fd, 0600) != 0) { // an old partial file keeps its mode through O_TRUNC
            throw Error(ErrorCode::Io, "the bundle file's permissions cannot be set");
        }
        writeAll(fd, fixed.data(), fixed.size());
        writeAll(fd, streamHeader.data(), streamHeader.size());
        std::vector<unsigned char> cipher(ChunkSize + crypto_secretstream_xchacha20poly1305_ABYTES);
        std::size_t offset = 0;
        while (true) {
            const std::size_t n = std::min(ChunkSize, document.text.size() - offset);
            const bool last = offset + n == document.text.size();
            unsigned long long written = 0;
            crypto_secretstream_xchacha20poly1305_push(
                &state, cipher.data(), &written, reinterpret_cast<const unsigned char*>(document.text.data()) + offset,
                n, fixed.data(), fixed.size(),
                last ? crypto_secretstream_xchacha20poly1305_TAG_FINAL
                     : crypto_secretstream_xchacha20poly1305_TAG_MESSAGE);
            const unsigned char length[4] = {
                static_cast<unsigned char>(written >> 24), static_cast<unsigned char>(written >> 16),
                static_cast<unsigned char>(written >> 8), static_cast<unsigned char>(written)};
            writeAll(fd, length, 4);
            writeAll(fd, cipher.data(), static_cast<std::size_t>(written));
            offset += n;
            if (last) {
                break;
            }
        }
        syncFd(fd);
    } catch (...) {
        sodium_memzero(&state, sizeof state);
        ::close(fd);
        fs::remove(partial, ec);
        throw;
    }
    sodium_memzero(&state, sizeof state);
    if (::close(fd) != 0) {
        fs::remove(partial, ec);
        throw Error(ErrorCode::Io, "the bundle file could not be written completely");
    }
    fs::rename(partial, target, ec);
    if (ec) {
        fs::remove(partial, ec);
        throw Error(ErrorCode::Io, "the bundle file could not be put in place");
    }
    syncFolder(target);
}

std::vector<unsigned char> readBundleFile(const fs::path& bundle)
{
    if (store::files::heldInThisProcess(bundle)) {
        // An open workspace (or its log) picked as the bundle: reading it by another descriptor
        // would drop SQLite's lock on it.
        throw Error(ErrorCode::LockedByOtherInstance, "the file is a workspace open in this program, not a bundle");
    }
    // O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused below.
    const int fd = ::open(bundle.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
    if (fd < 0) {
        const int error = errno;
        throw Error(error == ENOENT || error == ENOTDIR ? ErrorCode::FileNotFound
                    : error == EACCES || error == EPERM ? ErrorCode::PermissionDenied
                                                        : ErrorCode::Io,
                    "the bundle file cannot be read");
    }
    struct Closer {
        int fd;
        ~Closer() { ::close(fd); }
    } closer{fd};
    struct stat st = {};
    if (::fstat(fd, &st) != 0) {
        throw Error(ErrorCode::Io, "the bundle file cannot be read");
    }
    if (!S_ISREG(st.st_mode)) {
        throw Error(ErrorCode::Validation,
                    "the bundle path is not a regular file (a folder, device or pipe is never read as a bundle)",
                    "bundleFile");
    }
    const auto size = static_cast<std::uint64_t>(st.st_size);
    if (size > MaxFileBytes) {
        throw Error(ErrorCode::Validation,
                    "the bundle file is " + mib(size) + ", more than the " + mib(MaxFileBytes) + " a bundle may be",
                    "bundleSize");
    }
    std::vector<unsigned char> bytes(static_cast<std::size_t>(size) + 1);
    std::size_t got = 0;
    while (got < bytes.size()) {
        const ssize_t n = ::read(fd, bytes.data() + got, bytes.size() - got);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n < 0) {
            throw Error(ErrorCode::Io, "the bundle file cannot be read");
        }
        if (n == 0) {
            break;
        }
        got += static_cast<std::size_t>(n);
    }
    if (got > size) {
        throw Error(ErrorCode::Validation, "the bundle file grew while it was read; it is not a finished bundle",
                    "bundleFile");
    }
    bytes.resize(got);
    return bytes;
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
        if (length < crypto_secretstream_xchacha20poly1305_ABYTES ||
            length > ChunkSize + crypto_secretstream_xchacha20poly1305_ABYTES) {
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
                                                       fixed, FixedSize) != 0) {
            sodium_memzero(plain.data(), plain.size());
            throw Error(ErrorCode::Corrupted, "the bundle has been altered or damaged");
        }
        at += length;
        if (plain.size() + got > MaxDocumentBytes) {
            sodium_memzero(plain.data(), plain.size());
            throw Error(ErrorCode::Validation,
                        "the bundle's content is larger than the " + mib(MaxDocumentBytes) + " a bundle may hold",
                        "bundleSize");
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

/// Parses JSON that came from outside, refusing it as soon as it passes one of the
/// limits: no tree deeper than `maxDepth` is ever built (so none is ever copied or
/// destroyed recursively), and no text, list or document larger than allowed.
json parseBounded(std::string_view text, int maxDepth, std::size_t maxBytes)
{
    if (text.size() > maxBytes) {
        throw Error(ErrorCode::Validation,
                    "the bundle's content is larger than the " + sizeText(maxBytes) + " a bundle may hold",
                    "bundleSize");
    }
    std::vector<std::size_t> entries; // per open list or object: how many it holds so far
    std::size_t values = 0;
    const auto count = [&] {
        if (++values > MaxValues) {
            throw Error(ErrorCode::Validation,
                        "the bundle's content holds more than " + std::to_string(MaxValues) + " values", "bundleList");
        }
        if (!entries.empty() && ++entries.back() > MaxListEntries) {
            throw Error(ErrorCode::Validation,
                        "a list in the bundle holds more than " + std::to_string(MaxListEntries) + " entries",
                        "bundleList");
        }
    };
    const auto checkText = [](const json& value) {
        if (value.is_string() && value.get_ref<const std::string&>().size() > MaxTextBytes) {
            throw Error(ErrorCode::Validation,
                        "a text value in the bundle is longer than the " + kib(MaxTextBytes) + " allowed",
                        "bundleText");
        }
    };
    const json::parser_callback_t check = [&](int depth, json::parse_event_t event, json& parsed) {
        switch (event) {
        case json::parse_event_t::object_start:
        case json::parse_event_t::array_start:
            // `depth` counts the lists and objects already open around this one.
            if (depth >= maxDepth) {
                throw Error(ErrorCode::Validation,
                            "the bundle's content nests lists or objects more than " + std::to_string(maxDepth) +
                                " deep",
                            "bundleDepth");
            }
            count();
            entries.push_back(0);
            break;
        case json::parse_event_t::object_end:
        case json::parse_event_t::array_end:
            if (!entries.empty()) {
                entries.pop_back();
            }
            break;
        case json::parse_event_t::key: checkText(parsed); break;
        case json::parse_event_t::value:
            count();
            checkText(parsed);
            break;
        }
        return true;
    };
    try {
        return json::parse(text, check);
    } catch (const json::exception&) {
        throw Error(ErrorCode::Corrupted, "the bundle's content is not a valid document");
    }
}

/// A list in an object (absent or null: empty), without copying it.
const json& listIn(const json& object, const char* key)
{
    static const json empty = json::array();
    const auto it = object.find(key);
    if (it == object.end() || it->is_null()) {
        return empty;
    }
    if (!it->is_array()) {
        throw Error(ErrorCode::Corrupted, std::string("the bundle's content has a malformed list '") + key + "'");
    }
    return *it;
}

const RecordSpec* specForType(const json& record)
{
    if (!record.is_object()) {
        return nullptr;
    }
    const auto type = record.find("type");
    if (type == record.end() || !type->is_string()) {
        return nullptr;
    }
    for (const auto& spec : recordSpecs()) {
        if (spec.type == type->get_ref<const std::string&>()) {
            return &spec;
        }
    }
    return nullptr;
}

/// Finding 5: a UUID names one row of one table. Every UUID in the bundle must be
/// unique across the bundle, and must not be used here by a row of another table
/// (a record whose UUID is its case's would break the audit chain and every backup).
void checkUuidsUnique(store::Database& db, const json& cases)
{
    std::map<std::string, std::string> tableOf; // uuid → table, in the bundle
    const auto note = [&](const json& object, std::string_view table) {
        if (!object.is_object()) {
            return; // malformed: the merge says so
        }
        const auto it = object.find("uuid");
        if (it == object.end() || !it->is_string()) {
            return;
        }
        const auto& uuid = it->get_ref<const std::string&>();
        if (!isUuid(uuid)) {
            throw Error(ErrorCode::Validation, "bundle: a row of " + std::string(table) + " has an invalid uuid",
                        "uuid");
        }
        const auto [at, added] = tableOf.emplace(uuid, std::string(table));
        if (!added) {
            throw Error(ErrorCode::Validation,
                        "bundle: uuid " + uuid + " is used twice in the bundle (" + at->second + " and " +
                            std::string(table) + "); a uuid must name one row of one table",
                        "bundleUuid");
        }
    };
    for (const auto& entry : cases) {
        if (!entry.is_object()) {
            continue;
        }
        if (const auto c = entry.find("case"); c != entry.end()) {
            note(*c, "cases");
        }
        for (const auto& p : listIn(entry, "people")) {
            note(p, "people");
        }
        for (const auto& r : listIn(entry, "records")) {
            if (const auto* spec = specForType(r)) {
                note(r, spec->table);
            }
        }
        for (const auto& a : listIn(entry, "contextAnswers")) {
            note(a, "context_answers");
        }
    }
    std::string sql;
    for (const auto table : audit::auditedTables()) {
        sql += (sql.empty() ? "" : " UNION ALL ") + std::string("SELECT '") + std::string(table) + "' FROM " +
               std::string(table) + " WHERE uuid = :uuid";
    }
    store::Statement select(db, sql);
    for (const auto& [uuid, table] : tableOf) {
        select.reset();
        select.bind(":uuid", uuid);
        while (select.step()) {
            const std::string here = select.columnText(0);
            if (here != table) {
                throw Error(ErrorCode::Validation,
                            "bundle: uuid " + uuid + " of a row of " + table + " is already used here by a row of " +
                                here + "; a uuid must name one row of one table",
                            "bundleUuid");
            }
        }
    }
}

/// A record's values with local ids replaced by the linked rows' UUIDs, read from
/// this workspace (links may point to rows the bundle does not carry).
json localValuesAsUuids(store::Database& db, const Record& r)
{
    json values = json::object();
    for (const auto& f : r.spec->fields) {
        const std::string& v = r.get(f.key);
        if (v.empty()) {
            continue;
        }
        if (f.kind == FieldKind::PersonLink || f.kind == FieldKind::RecordLink) {
            store::Statement select(db, "SELECT uuid FROM " + linkTable(f) + " WHERE id = :id");
            select.bind(":id", static_cast<std::int64_t>(std::stoll(v)));
            values[std::string(f.key)] = select.step() ? select.columnText(0) : std::string();
        } else {
            values[std::string(f.key)] = v;
        }
    }
    return values;
}

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
        const auto version = doc.find("version");
        if (version == doc.end() || !version->is_number_integer()) {
            throw Error(ErrorCode::Corrupted, "the bundle's content has no version");
        }
        if (version->get<long long>() > DocumentVersion) {
            throw Error(ErrorCode::NewerVersion, "the bundle was written by a newer version of the workbench");
        }
        m_plan.claimedExportedBy = textOrNull(doc, "exportedBy").value_or("unknown");
        if (m_plan.claimedExportedBy.size() > 300) {
            throw Error(ErrorCode::Validation, "bundle: 'exportedBy' is longer than 300 bytes", "exportedBy");
        }
        // The importing officer is the actor; the bundle's author is only what it claims.
        const auto info = m_ws.info();
        m_actor = info.owner.staffNumber.empty() ? info.owner.displayName
                                                 : info.owner.displayName + " (" + info.owner.staffNumber + ")";
        m_notes = {audit::FieldChange{"bundle_claimed_exported_by", std::nullopt, m_plan.claimedExportedBy, false}};
        const auto cases = doc.find("cases");
        if (cases == doc.end() || !cases->is_array()) {
            throw Error(ErrorCode::Corrupted, "the bundle's content has no case list");
        }

        auto& db = m_ws.connectionForImport();
        store::WriteScope tx(db); // all or nothing: any failure below rolls every case back
        checkUuidsUnique(db, *cases);
        for (const auto& entry : *cases) {
            mergeCase(entry);
        }
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
            return;
        }
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
        const auto values = rj.find("values");
        if (values == rj.end() || !values->is_object()) {
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
            if (localValuesAsUuids(m_ws.connectionForImport(), *existing).dump() == incomingValues.dump()) {
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
        } catch (const Error& e) {
            throw Error(e.code(), "bundle: case " + m_case.reference + ": " + std::string(spec.type) + ": " + e.what(),
                        e.field());
        }
        ++m_report.recordsAdded;
    }

    void mergeAnswer(const json& aj)
    {
        if (!aj.is_object()) {
            throw Error(ErrorCode::Corrupted, "the bundle's content has a malformed context answer");
        }
        ContextRepository::StoredAnswer answer{text(aj, "uuid"), text(aj, "questionId"), textOrNull(aj, "value"),
                                               instant(aj, "answeredAt"), text(aj, "answeredBy")};
        if (answer.valueJson) {
            // Stored, and parsed again whenever the case's facts are read: bounded like the document.
            (void)parseBounded(*answer.valueJson, 4, MaxTextBytes);
        }
        if (const auto existing = m_ws.context().findStored(answer.uuid)) {
            // Answers never change once given: the same uuid must be the same answer.
            if (existing->valueJson != answer.valueJson || existing->questionId != answer.questionId) {
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
    std::set<std::string> m_proposedHere; ///< proposed records of the current case, by uuid
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

ImportReport importCases(Workspace& ws, const fs::path& bundle, std::string_view passphrase)
{
    const auto bytes = readBundleFile(bundle);
    WipedString document{decrypt(bytes, passphrase)};
    return importDocument(ws, document.text);
}

std::optional<audit::Anchor> anchorOf(const fs::path& bundle, std::string_view passphrase)
{
    // The same bounded reading and parsing as an import: regular files only, limits checked while parsing.
    const auto bytes = readBundleFile(bundle);
    WipedString document{decrypt(bytes, passphrase)};
    const json doc = parseBounded(document.text, MaxDepth, MaxDocumentBytes);
    const auto anchor = doc.is_object() ? doc.find("auditAnchor") : doc.end();
    if (!doc.is_object() || anchor == doc.end()) {
        return std::nullopt;
    }
    const auto sequence = anchor->is_object() ? anchor->find("sequence") : anchor->end();
    const auto head = anchor->is_object() ? anchor->find("head") : anchor->end();
    if (!anchor->is_object() || sequence == anchor->end() || head == anchor->end() || !sequence->is_number_integer() ||
        !head->is_string() || sequence->get<long long>() < 0) {
        throw Error(ErrorCode::Corrupted, "the bundle's audit anchor is malformed");
    }
    const auto text = head->get<std::string>();
    const bool hexDigits =
        std::all_of(text.begin(), text.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
    if (!hexDigits || (text.size() != 64 && !(text.empty() && sequence->get<long long>() == 0))) {
        throw Error(ErrorCode::Corrupted, "the bundle's audit anchor is malformed");
    }
    return audit::Anchor{sequence->get<std::int64_t>(), text};
}

} // namespace wb::core::bundle
