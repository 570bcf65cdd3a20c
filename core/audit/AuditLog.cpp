// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/audit/AuditLog.h"

#include <algorithm>
#include <array>
#include <map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <sodium.h>

#include "core/Error.h"
#include "core/records/RecordSpec.h"
#include "core/repo/SearchIndex.h"
#include "core/store/Database.h"
#include "core/store/Migrations.h"
#include "core/store/Statement.h"
#include "core/store/WriteScope.h"

namespace wb::core::audit {

namespace {

using Hash = std::array<unsigned char, 32>;
constexpr std::string_view Domain = "rasso-workbench audit v1";

/// Length-prefixed concatenation: unambiguous for any bytes.
class Encoder
{
public:
    Encoder() { crypto_generichash_init(&m_state, nullptr, 0, Hash{}.size()); }
    void add(std::string_view bytes)
    {
        unsigned char length[8];
        auto n = static_cast<std::uint64_t>(bytes.size());
        for (int i = 7; i >= 0; --i) {
            length[i] = static_cast<unsigned char>(n & 0xFF);
            n >>= 8;
        }
        crypto_generichash_update(&m_state, length, sizeof length);
        crypto_generichash_update(&m_state, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
    }
    void add(const std::vector<unsigned char>& bytes)
    {
        add(std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
    }
    Hash finish()
    {
        Hash out{};
        crypto_generichash_final(&m_state, out.data(), out.size());
        return out;
    }

private:
    crypto_generichash_state m_state{};
};

std::vector<unsigned char> toBytes(const Hash& h)
{
    return {h.begin(), h.end()};
}

std::string hex(const std::vector<unsigned char>& bytes)
{
    std::string out(bytes.size() * 2 + 1, '\0');
    sodium_bin2hex(out.data(), out.size(), bytes.data(), bytes.size());
    out.pop_back();
    return out;
}

constexpr std::string_view MetaEntity = "meta";
constexpr std::string_view HeadKey = "audit_head";
constexpr int FirstSchemaAuditingMeta = 9;

bool isAuditedRecordTable(std::string_view table)
{
    const auto& tables = auditedTables();
    return std::find(tables.begin(), tables.end(), table) != tables.end();
}

bool isAudited(std::string_view table)
{
    return table == MetaEntity || isAuditedRecordTable(table);
}

/// BLAKE2b-256 over every column of one stored row (name, type and value), in
/// the table's column order: the state the audit log vouches for.
Hash rowHash(const store::Statement& row)
{
    Encoder enc;
    enc.add(Domain);
    for (int i = 0; i < row.columnCount(); ++i) {
        enc.add(row.columnName(i));
        switch (row.columnType(i)) {
        case store::Statement::Type::Null: enc.add("N"); break;
        case store::Statement::Type::Integer:
            enc.add("I");
            enc.add(std::to_string(row.columnInt64(i)));
            break;
        case store::Statement::Type::Real:
            enc.add("R");
            enc.add(fmt::format("{:.17g}", row.columnDouble(i)));
            break;
        case store::Statement::Type::Text:
            enc.add("T");
            enc.add(row.columnText(i));
            break;
        case store::Statement::Type::Blob:
            enc.add("B");
            enc.add(row.columnBlob(i));
            break;
        }
    }
    return enc.finish();
}

/// The state of one audited row: a record by its UUID, or a metadata row by its key.
std::optional<Hash> currentRowHash(store::Database& db, std::string_view table, std::string_view uuid)
{
    store::Statement select(db, table == MetaEntity ? std::string("SELECT * FROM meta WHERE key = :uuid")
                                                    : "SELECT * FROM " + std::string(table) + " WHERE uuid = :uuid");
    select.bind(":uuid", uuid);
    if (!select.step()) {
        return std::nullopt;
    }
    return rowHash(select);
}

struct Stored {
    std::int64_t id;
    std::string at;
    std::string actor;
    std::string entity;
    std::string uuid;
    std::string action;
    std::string changes;
    std::vector<unsigned char> rowHash;
    std::vector<unsigned char> prevHash;
    std::vector<unsigned char> hash;
};

Hash chainHash(const Stored& e)
{
    Encoder enc;
    enc.add(Domain);
    enc.add(std::to_string(e.id));
    enc.add(e.at);
    enc.add(e.actor);
    enc.add(e.entity);
    enc.add(e.uuid);
    enc.add(e.action);
    enc.add(e.changes);
    enc.add(e.rowHash);
    enc.add(e.prevHash);
    return enc.finish();
}

constexpr const char* EntryColumns = "id, at, actor, entity, entity_uuid, action, changes, row_hash, prev_hash, hash";

Stored readStored(const store::Statement& row)
{
    return Stored{row.columnInt64(0), row.columnText(1), row.columnText(2), row.columnText(3), row.columnText(4),
                  row.columnText(5),  row.columnText(6), row.columnBlob(7), row.columnBlob(8), row.columnBlob(9)};
}

std::optional<Action> actionFromString(std::string_view text)
{
    for (auto a : {Action::Create, Action::Update, Action::Delete, Action::Baseline}) {
        if (toString(a) == text) {
            return a;
        }
    }
    return std::nullopt;
}

} // namespace

std::string_view toString(Action action) noexcept
{
    switch (action) {
    case Action::Create: return "create";
    case Action::Update: return "update";
    case Action::Delete: return "delete";
    case Action::Baseline: return "baseline";
    }
    return "create";
}

const std::vector<std::string_view>& auditedTables()
{
    static const std::vector<std::string_view> tables = [] {
        std::vector<std::string_view> all{"cases", "people", "context_answers"};
        for (const auto& spec : recordSpecs()) {
            all.push_back(spec.table);
        }
        return all;
    }();
    return tables;
}

const std::vector<TableCoverage>& tableCoverage()
{
    static const std::vector<TableCoverage> tables = [] {
        std::vector<TableCoverage> all;
        for (const auto table : auditedTables()) {
            all.push_back({table, "audited"});
        }
        all.push_back({MetaEntity, "audited"}); // every key but the two isAuditedMetaKey() names
        // The chain itself: every entry is checked against its hash and its predecessor's.
        all.push_back({"audit_log", "internal"});
        // Derived from the records, rebuilt in memory and compared by verify(); `repair` rebuilds them.
        for (const std::string_view table :
             {"search_index", "search_index_content", "search_index_segments", "search_index_segdir",
              "search_index_docsize", "search_index_stat", "search_map"}) {
            all.push_back({table, "derived"});
        }
        // Derived; compared with a fresh evaluation by deadlines::verifyDueIndex (it needs the rules).
        all.push_back({"due_items", "derived"});
        all.push_back({"due_dirty", "derived"});
        // SQLite's own statistics and counters (created by ANALYZE or AUTOINCREMENT, which the
        // workbench does not use): they hold no data and cannot change what a query returns.
        all.push_back({"sqlite_stat1", "internal"});
        all.push_back({"sqlite_stat4", "internal"});
        all.push_back({"sqlite_sequence", "internal"});
        return all;
    }();
    return tables;
}

bool isAuditedMetaKey(std::string_view key) noexcept
{
    return key != HeadKey && key != "due_index_fingerprint";
}

void setMeta(store::Database& db, std::string_view actor, std::string_view key, std::string_view value)
{
    if (!isAuditedMetaKey(key)) {
        throw Error(ErrorCode::Storage, "this metadata key is not written through the audit log: " + std::string(key));
    }
    std::optional<std::string> before;
    {
        store::Statement select(db, "SELECT value FROM meta WHERE key = :key");
        select.bind(":key", key);
        if (select.step()) {
            before = select.columnText(0);
        }
    }
    if (before && *before == value) {
        return;
    }
    store::WriteScope scope(db);
    store::Statement upsert(db, "INSERT OR REPLACE INTO meta (key, value) VALUES (:key, :value)");
    upsert.bind(":key", key).bind(":value", value).run();
    std::vector<FieldChange> changes;
    noteChange(changes, "value", before, std::string(value));
    append(db, actor, MetaEntity, key, before ? Action::Update : Action::Create, changes);
    scope.commit();
}

std::string formatAnchor(const Anchor& anchor)
{
    return fmt::format("seq {} · head {}", anchor.sequence, anchor.head.empty() ? "none" : anchor.head);
}

Anchor currentAnchor(store::Database& db)
{
    store::Statement last(db, "SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1");
    if (!last.step()) {
        return {};
    }
    return Anchor{last.columnInt64(0), hex(last.columnBlob(1))};
}

void checkAnchor(store::Database& db, const Anchor& anchor, Report& report)
{
    if (anchor.sequence == 0) {
        return; // taken from an empty log: every chain contains it
    }
    store::Statement entry(db, "SELECT hash FROM audit_log WHERE id = :id");
    entry.bind(":id", anchor.sequence);
    if (!entry.step()) {
        report.problems.push_back(fmt::format(
            "the anchor's entry {} is not in this workspace's log, which ends at entry {}: history was cut or "
            "rewritten after the anchor was taken",
            anchor.sequence, report.head.sequence));
        return;
    }
    if (hex(entry.columnBlob(0)) != anchor.head) {
        report.problems.push_back(fmt::format(
            "entry {} no longer has the chain hash the anchor recorded: history up to entry {} was rewritten "
            "after the anchor was taken (or the anchor comes from another workspace)",
            anchor.sequence, anchor.sequence));
    }
}

void noteChange(std::vector<FieldChange>& changes,
                std::string field,
                const std::optional<std::string>& before,
                const std::optional<std::string>& after,
                bool freeText)
{
    if (before == after) {
        return;
    }
    changes.push_back(FieldChange{std::move(field), before, after, freeText});
}

void append(store::Database& db,
            std::string_view actor,
            std::string_view table,
            std::string_view uuid,
            Action action,
            const std::vector<FieldChange>& changes)
{
    if (!isAudited(table)) {
        throw Error(ErrorCode::Storage, "not an audited table: " + std::string(table));
    }
    if (table == MetaEntity && !isAuditedMetaKey(uuid)) {
        throw Error(ErrorCode::Storage, "this metadata key is not audited: " + std::string(uuid));
    }
    Stored e;
    e.prevHash = toBytes(Hash{});
    e.id = 1;
    {
        store::Statement last(db, "SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1");
        if (last.step()) {
            e.id = last.columnInt64(0) + 1;
            e.prevHash = last.columnBlob(1);
        }
    }
    e.at = toIsoUtc(nowUtc());
    e.actor = std::string(actor);
    e.entity = std::string(table);
    e.uuid = std::string(uuid);
    e.action = std::string(toString(action));
    nlohmann::json json = nlohmann::json::object();
    for (const auto& c : changes) {
        if (c.freeText) {
            json[c.field] = {{"changed", true}};
        } else {
            json[c.field] = {{"old", c.before ? nlohmann::json(*c.before) : nlohmann::json(nullptr)},
                             {"new", c.after ? nlohmann::json(*c.after) : nlohmann::json(nullptr)}};
        }
    }
    e.changes = json.dump(); // object keys are sorted: the encoding is canonical
    if (action != Action::Delete) {
        const auto state = currentRowHash(db, table, uuid);
        if (!state) {
            throw Error(ErrorCode::Storage, "audited record not found after writing it: " + std::string(table));
        }
        e.rowHash = toBytes(*state);
    }
    e.hash = toBytes(chainHash(e));

    store::Statement insert(db, "INSERT INTO audit_log (id, at, actor, entity, entity_uuid, action, changes, "
                                "row_hash, prev_hash, hash) VALUES (:id, :at, :actor, :entity, :uuid, :action, "
                                ":changes, :row, :prev, :hash)");
    insert.bind(":id", e.id)
        .bind(":at", e.at)
        .bind(":actor", e.actor)
        .bind(":entity", e.entity)
        .bind(":uuid", e.uuid)
        .bind(":action", e.action)
        .bind(":changes", e.changes)
        .bindBlob(":row", e.rowHash)
        .bindBlob(":prev", e.prevHash)
        .bindBlob(":hash", e.hash)
        .run();
    store::Statement head(db, "INSERT OR REPLACE INTO meta (key, value) VALUES ('audit_head', :head)");
    head.bind(":head", std::to_string(e.id) + ":" + hex(e.hash)).run();
}

namespace {

/// Table names and metadata keys come from the file: print them only when they look like ours.
std::string nameOrPlaceholder(std::string_view name)
{
    const bool plain = !name.empty() && name.size() <= 64 && std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    });
    return plain ? std::string(name) : std::string("(a name the workbench does not use)");
}

std::vector<std::string> tablesOf(store::Database& db)
{
    store::Statement select(db, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
    std::vector<std::string> out;
    while (select.step()) {
        out.push_back(select.columnText(0));
    }
    return out;
}

/// Every table, index, trigger and view of the file must be what the migrations create at its
/// schema version, statement for statement: a trigger or index added or changed outside the
/// workbench shows, not only a table. The reference is built in memory; the file is only read.
void checkSchema(store::Database& db, Report& report)
{
    const auto objects = [](store::Database& from) {
        std::map<std::pair<std::string, std::string>, std::string> out; // (type, name) → sql
        store::Statement select(from, "SELECT type, name, coalesce(sql, '') FROM sqlite_master "
                                      "WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'");
        while (select.step()) {
            out[{select.columnText(0), select.columnText(1)}] = select.columnText(2);
        }
        return out;
    };
    const int version = db.userVersion();
    if (version < 1 || version > store::currentSchemaVersion()) {
        return; // opening refuses a newer file; an empty one has nothing to compare
    }
    store::Database reference(":memory:", store::Database::OpenMode::CreateNew);
    store::migrate(reference, version);
    const auto expected = objects(reference);
    const auto actual = objects(db);
    for (const auto& [key, sql] : actual) {
        const auto it = expected.find(key);
        if (it == expected.end()) {
            report.problems.push_back(fmt::format("{} {} is not part of the workspace's schema: it was added outside "
                                                  "the workbench",
                                                  nameOrPlaceholder(key.first), nameOrPlaceholder(key.second)));
        } else if (it->second != sql) {
            report.problems.push_back(fmt::format("{} {} differs from the workspace's schema: it was changed outside "
                                                  "the workbench",
                                                  key.first, key.second));
        }
    }
    for (const auto& [key, sql] : expected) {
        if (actual.count(key) == 0) {
            report.problems.push_back(fmt::format("{} {} is missing from the workspace's schema: it was removed "
                                                  "outside the workbench",
                                                  key.first, key.second));
        }
    }
}

} // namespace

Report verify(store::Database& db)
{
    Report report;
    struct Last {
        std::string action;
        std::vector<unsigned char> rowHash;
        std::int64_t entry;
    };
    // Keyed by table and UUID (metadata: "meta" and the key): a UUID shared by two tables
    // must not make one record's entries stand for the other's.
    std::map<std::pair<std::string, std::string>, Last> last;
    std::vector<unsigned char> previous = toBytes(Hash{});
    std::int64_t expected = 1;
    {
        store::Statement select(db, std::string("SELECT ") + EntryColumns + " FROM audit_log ORDER BY id");
        while (select.step()) {
            const Stored e = readStored(select);
            ++report.entries;
            if (e.id != expected) {
                report.problems.push_back(fmt::format("entries {} to {} are missing: the chain breaks after entry {}",
                                                      expected, e.id - 1, expected - 1));
            } else if (e.prevHash != previous) {
                report.problems.push_back(
                    fmt::format("entry {} does not follow entry {}: the chain is broken", e.id, e.id - 1));
            }
            if (toBytes(chainHash(e)) != e.hash) {
                report.problems.push_back(
                    fmt::format("entry {} does not match its hash: it was changed after it was written", e.id));
            }
            if (!isAudited(e.entity) || !actionFromString(e.action)) {
                report.problems.push_back(fmt::format("entry {} names an unknown record type or action", e.id));
            }
            previous = e.hash;
            expected = e.id + 1;
            last[{e.entity, e.uuid}] = Last{e.action, e.rowHash, e.id};
        }
    }
    if (report.entries > 0) {
        report.head = Anchor{expected - 1, hex(previous)};
    }
    const std::string recordedHead = [&] {
        store::Statement head(db, "SELECT value FROM meta WHERE key = 'audit_head'");
        return head.step() ? head.columnText(0) : std::string();
    }();
    const std::string actualHead =
        report.entries == 0 ? std::string() : std::to_string(expected - 1) + ":" + hex(previous);
    if (recordedHead != actualHead) {
        report.problems.push_back(fmt::format(
            "the log ends at entry {} but the workspace recorded {} as its last entry: entries were removed or added "
            "outside the workbench",
            expected - 1, recordedHead.empty() ? std::string("none") : recordedHead.substr(0, recordedHead.find(':'))));
    }

    // Every table of the file is audited, derived or internal (tableCoverage(), enforced by a test over
    // the schema), and every schema object is what the migrations create: anything else was added outside.
    const auto tables = tablesOf(db);
    checkSchema(db, report);
    const auto exists = [&](std::string_view table) {
        return std::find(tables.begin(), tables.end(), table) != tables.end();
    };

    std::map<std::string, std::pair<std::string, std::int64_t>> firstWithUuid; // uuid → (table, id)
    for (const auto table : auditedTables()) {
        if (!exists(table)) {
            continue; // a file from before the schema that added it (verify does not migrate)
        }
        store::Statement rows(db, "SELECT * FROM " + std::string(table) + " ORDER BY id");
        int uuidColumn = -1;
        for (int i = 0; i < rows.columnCount(); ++i) {
            if (rows.columnName(i) == "uuid") {
                uuidColumn = i;
            }
        }
        while (rows.step()) {
            ++report.records;
            const std::string uuid = rows.columnText(uuidColumn);
            const std::int64_t id = rows.columnInt64(0);
            const auto [other, unique] = firstWithUuid.try_emplace(uuid, std::string(table), id);
            if (!unique) {
                report.problems.push_back(fmt::format(
                    "{} record {} has the same UUID as {} record {}: a UUID must name one record only (delete one of "
                    "them in the workbench, or restore a backup from before it arrived)",
                    table, id, other->second.first, other->second.second));
            }
            const auto it = last.find({std::string(table), uuid});
            if (it == last.end()) {
                report.problems.push_back(
                    fmt::format("{} record {} has no audit entry: it was added outside the workbench", table, id));
                continue;
            }
            if (it->second.action == toString(Action::Delete)) {
                report.problems.push_back(
                    fmt::format("{} record {} is present although entry {} deleted it", table, id, it->second.entry));
            } else if (toBytes(rowHash(rows)) != it->second.rowHash) {
                report.problems.push_back(fmt::format(
                    "{} record {} differs from the state entry {} recorded: it was changed outside the workbench",
                    table, id, it->second.entry));
            }
            last.erase(it);
        }
    }

    // The workspace metadata, from schema 9 (which gave the keys already there a baseline entry).
    const bool metaAudited = db.userVersion() >= FirstSchemaAuditingMeta;
    if (metaAudited) {
        store::Statement rows(db, "SELECT * FROM meta ORDER BY key");
        while (rows.step()) {
            const std::string key = rows.columnText(0);
            if (!isAuditedMetaKey(key)) {
                continue;
            }
            ++report.metaKeys;
            const auto it = last.find({std::string(MetaEntity), key});
            if (it == last.end()) {
                report.problems.push_back(fmt::format(
                    "metadata {} has no audit entry: it was added outside the workbench", nameOrPlaceholder(key)));
                continue;
            }
            if (it->second.action == toString(Action::Delete)) {
                report.problems.push_back(fmt::format("metadata {} is present although entry {} deleted it",
                                                      nameOrPlaceholder(key), it->second.entry));
            } else if (toBytes(rowHash(rows)) != it->second.rowHash) {
                report.problems.push_back(fmt::format(
                    "metadata {} differs from the state entry {} recorded: it was changed outside the workbench",
                    nameOrPlaceholder(key), it->second.entry));
            }
            last.erase(it);
        }
    }
    for (const auto& [key, state] : last) {
        if (state.action == toString(Action::Delete)) {
            continue;
        }
        if (key.first == MetaEntity) {
            if (metaAudited) {
                report.problems.push_back(fmt::format("metadata {} (entry {}) is missing: it was removed outside the "
                                                      "workbench",
                                                      nameOrPlaceholder(key.second), state.entry));
            }
        } else if (exists(key.first)) {
            report.problems.push_back(fmt::format(
                "a {} record (entry {}) is missing: it was removed outside the workbench", key.first, state.entry));
        }
    }

    // Derived: the search index, rebuilt in memory from the records and compared.
    if (exists("search_index") && exists("search_map")) {
        search::verifyIndex(db, report.problems);
    }
    return report;
}

std::vector<Entry> entriesFor(store::Database& db, std::string_view uuid, std::string_view table)
{
    store::Statement select(db,
                            "SELECT id, at, actor, entity, entity_uuid, action, changes FROM audit_log "
                            "WHERE entity_uuid = :uuid AND (coalesce(:table, '') = '' OR entity = :table) ORDER BY id");
    select.bind(":uuid", uuid).bind(":table", table);
    std::vector<Entry> out;
    while (select.step()) {
        Entry e;
        e.id = select.columnInt64(0);
        e.at = parseIsoUtc(select.columnText(1)).value_or(Instant{});
        e.actor = select.columnText(2);
        e.entity = select.columnText(3);
        e.entityUuid = select.columnText(4);
        e.action = actionFromString(select.columnText(5)).value_or(Action::Update);
        e.changes = select.columnText(6);
        out.push_back(std::move(e));
    }
    return out;
}

} // namespace wb::core::audit
