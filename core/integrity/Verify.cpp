// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/integrity/Verify.h"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "core/audit/AuditChain.h"
#include "core/repo/SearchIndex.h"
#include "core/schema/Migrations.h"
#include "core/store/Database.h"
#include "core/store/Statement.h"

namespace wb::core::integrity {

using namespace audit;
using namespace audit::detail;

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
    if (version < 1 || version > schema::currentSchemaVersion()) {
        return; // opening refuses a newer file; an empty one has nothing to compare
    }
    store::Database reference(":memory:", store::Database::OpenMode::CreateNew);
    schema::migrate(reference, version);
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

audit::Report verify(store::Database& db)
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

} // namespace wb::core::integrity
