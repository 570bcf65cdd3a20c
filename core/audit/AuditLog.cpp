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
#include "core/store/Database.h"

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

bool isAudited(std::string_view table)
{
    const auto& tables = auditedTables();
    return std::find(tables.begin(), tables.end(), table) != tables.end();
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

std::optional<Hash> currentRowHash(store::Database& db, std::string_view table, std::string_view uuid)
{
    store::Statement select(db, "SELECT * FROM " + std::string(table) + " WHERE uuid = :uuid");
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

constexpr const char* EntryColumns =
    "id, at, actor, entity, entity_uuid, action, changes, row_hash, prev_hash, hash";

Stored readStored(const store::Statement& row)
{
    return Stored{row.columnInt64(0), row.columnText(1), row.columnText(2), row.columnText(3),
                  row.columnText(4),  row.columnText(5), row.columnText(6), row.columnBlob(7),
                  row.columnBlob(8),  row.columnBlob(9)};
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

void noteChange(std::vector<FieldChange>& changes, std::string field, const std::optional<std::string>& before,
                const std::optional<std::string>& after, bool freeText)
{
    if (before == after) {
        return;
    }
    changes.push_back(FieldChange{std::move(field), before, after, freeText});
}

void append(store::Database& db, std::string_view actor, std::string_view table, std::string_view uuid,
            Action action, const std::vector<FieldChange>& changes)
{
    if (!isAudited(table)) {
        throw Error(ErrorCode::Storage, "not an audited table: " + std::string(table));
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
            throw Error(ErrorCode::Storage, "audited record not found after writing it");
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

Report verify(store::Database& db)
{
    Report report;
    struct Last {
        std::string table;
        std::string action;
        std::vector<unsigned char> rowHash;
        std::int64_t entry;
    };
    std::map<std::string, Last> last;
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
            last[e.uuid] = Last{e.entity, e.action, e.rowHash, e.id};
        }
    }
    const std::string recordedHead = [&] {
        store::Statement head(db, "SELECT value FROM meta WHERE key = 'audit_head'");
        return head.step() ? head.columnText(0) : std::string();
    }();
    const std::string actualHead = report.entries == 0 ? std::string() : std::to_string(expected - 1) + ":" + hex(previous);
    if (recordedHead != actualHead) {
        report.problems.push_back(fmt::format(
            "the log ends at entry {} but the workspace recorded {} as its last entry: entries were removed or added "
            "outside the workbench",
            expected - 1, recordedHead.empty() ? std::string("none") : recordedHead.substr(0, recordedHead.find(':'))));
    }

    for (const auto table : auditedTables()) {
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
            const auto it = last.find(uuid);
            if (it == last.end() || it->second.table != table) {
                report.problems.push_back(fmt::format(
                    "{} record {} has no audit entry: it was added outside the workbench", table, id));
                continue;
            }
            if (it->second.action == toString(Action::Delete)) {
                report.problems.push_back(fmt::format(
                    "{} record {} is present although entry {} deleted it", table, id, it->second.entry));
            } else if (toBytes(rowHash(rows)) != it->second.rowHash) {
                report.problems.push_back(fmt::format(
                    "{} record {} differs from the state entry {} recorded: it was changed outside the workbench",
                    table, id, it->second.entry));
            }
            last.erase(it);
        }
    }
    for (const auto& [uuid, state] : last) {
        if (state.action != toString(Action::Delete)) {
            report.problems.push_back(fmt::format(
                "a {} record (entry {}) is missing: it was removed outside the workbench", state.table, state.entry));
        }
    }
    return report;
}

std::vector<Entry> entriesFor(store::Database& db, std::string_view uuid)
{
    store::Statement select(db, "SELECT id, at, actor, entity, entity_uuid, action, changes FROM audit_log "
                                "WHERE entity_uuid = :uuid ORDER BY id");
    select.bind(":uuid", uuid);
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
