// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/audit/AuditLog.h"

#include <algorithm>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/Error.h"
#include "core/audit/AuditChain.h"
#include "core/records/RecordSpec.h"
#include "core/store/Database.h"
#include "core/store/Statement.h"
#include "core/store/WriteScope.h"

namespace wb::core::audit {

using namespace detail;

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
        all.push_back("match_decisions"); // schema 15: decisions on pairs of persons (repeat suspects)
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
        // Unsaved edits kept across a lock (core/repo/DraftRepository): never records (nothing reads them
        // but the restore, which only fills forms the officer still has to save), removed once restored.
        all.push_back({"drafts", "internal"});
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
    e.at = toIsoUtc(db.clock().now()); // the workspace's clock
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
