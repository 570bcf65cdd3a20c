// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/repo/SearchIndex.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include <fmt/format.h>

#include "core/Error.h"
#include "core/domain/Text.h"
#include "core/records/RecordSpec.h"
#include "core/store/Database.h"
#include "core/store/Statement.h"
#include "core/store/WriteScope.h"

namespace wb::core::search {

namespace {

/// Words of the query as FTS4 prefix terms: "word*" joined by spaces (AND).
std::string matchExpression(std::string_view query)
{
    std::string out;
    std::string word;
    auto flush = [&] {
        if (!word.empty()) {
            if (!out.empty()) {
                out += ' ';
            }
            out += '"' + word + "*\"";
            word.clear();
        }
    };
    for (const char c : query) {
        const auto u = static_cast<unsigned char>(c);
        // Letters, digits and any non-ASCII byte (accented letters) make words.
        if (u >= 0x80 || std::isalnum(u)) {
            word += c;
        } else {
            flush();
        }
    }
    flush();
    return out;
}

/// White space collapsed and trimmed: migration 4 built some bodies in SQL with a
/// trailing space where the repositories write none; the words are what count.
std::string normalised(std::string_view body)
{
    std::string out;
    bool space = false;
    for (const char c : body) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            space = !out.empty();
            continue;
        }
        if (space) {
            out += ' ';
            space = false;
        }
        out += c;
    }
    return out;
}

/// The index's definition (migration 4), for the in-memory copy that checks its words.
constexpr const char* IndexColumns = "entity, uuid, case_id, body, notindexed=entity, notindexed=uuid, "
                                     "notindexed=case_id, tokenize=unicode61 \"remove_diacritics=1\"";
constexpr std::size_t MaxProblemsPerKind = 20;

/// Runs `work` with temporary (in-memory) tables allowed even on a query-only connection:
/// the main file is never written either way.
template <typename Work> void withTemporaryTables(store::Database& db, Work work)
{
    const bool queryOnly = db.queryInt("PRAGMA query_only") != 0;
    if (queryOnly) {
        db.exec("PRAGMA query_only = 0");
    }
    try {
        if (db.queryInt("PRAGMA temp_store") != 2) {
            db.exec("PRAGMA temp_store = MEMORY"); // never on disk: the copy holds personal data
        }
        work();
    } catch (...) {
        if (queryOnly) {
            db.exec("PRAGMA query_only = 1");
        }
        throw;
    }
    if (queryOnly) {
        db.exec("PRAGMA query_only = 1");
    }
}

/// Copies the index's stored text and word index into a temporary table and lets FTS4 check
/// that the words match the text. False when they do not.
bool wordIndexIsConsistent(store::Database& db)
{
    bool consistent = true;
    withTemporaryTables(db, [&] {
        db.exec("DROP TABLE IF EXISTS temp.wb_verify_search");
        db.exec(std::string("CREATE VIRTUAL TABLE temp.wb_verify_search USING fts4(") + IndexColumns + ")");
        try {
            db.exec("INSERT INTO temp.wb_verify_search_content SELECT * FROM main.search_index_content;"
                    "INSERT INTO temp.wb_verify_search_segments SELECT * FROM main.search_index_segments;"
                    "INSERT INTO temp.wb_verify_search_segdir SELECT * FROM main.search_index_segdir;"
                    "INSERT OR REPLACE INTO temp.wb_verify_search_docsize SELECT * FROM main.search_index_docsize;"
                    "INSERT OR REPLACE INTO temp.wb_verify_search_stat SELECT * FROM main.search_index_stat;");
            db.exec("INSERT INTO temp.wb_verify_search (wb_verify_search) VALUES ('integrity-check')");
        } catch (const Error& e) {
            if (e.code() != ErrorCode::Corrupted && e.code() != ErrorCode::Conflict) {
                db.exec("DROP TABLE temp.wb_verify_search");
                throw;
            }
            consistent = false; // FTS4 reports a mismatch as SQLITE_CORRUPT
        }
        db.exec("DROP TABLE temp.wb_verify_search");
    });
    return consistent;
}

} // namespace

std::vector<ExpectedEntry> expectedEntries(store::Database& db)
{
    std::vector<ExpectedEntry> out;
    {
        store::Statement select(db, "SELECT id, uuid, reference, operation_name FROM cases ORDER BY id");
        while (select.step()) {
            const auto operation = select.columnOptionalText(3);
            out.push_back({"cases", select.columnInt64(0), "case", select.columnText(1), select.columnInt64(0),
                           select.columnText(2) + (operation ? " " + *operation : std::string())});
        }
    }
    {
        store::Statement select(db, "SELECT id, uuid, case_id, given_name, family_name FROM people ORDER BY id");
        while (select.step()) {
            out.push_back({"people", select.columnInt64(0), "person", select.columnText(1), select.columnInt64(2),
                           trimmed(select.columnText(3) + " " + select.columnText(4))});
        }
    }
    std::set<std::string> tables; // a file verified without migrating may predate some of them
    {
        store::Statement select(db, "SELECT name FROM sqlite_master WHERE type = 'table'");
        while (select.step()) {
            tables.insert(select.columnText(0));
        }
    }
    for (const auto& spec : recordSpecs()) {
        if (tables.count(std::string(spec.table)) == 0) {
            continue;
        }
        std::vector<std::string_view> fields;
        std::string columns;
        for (const auto& f : spec.fields) {
            if (f.searchable) {
                fields.push_back(f.key);
                columns += ", " + std::string(f.key);
            }
        }
        if (fields.empty()) {
            continue;
        }
        store::Statement select(db, "SELECT id, uuid, case_id" + columns + " FROM " + std::string(spec.table) +
                                        " ORDER BY id");
        while (select.step()) {
            std::string body; // as RecordRepository::indexForSearch joins them
            for (std::size_t i = 0; i < fields.size(); ++i) {
                const auto value = select.columnOptionalText(static_cast<int>(i) + 3).value_or("");
                if (!value.empty()) {
                    body += (body.empty() ? "" : " ") + value;
                }
            }
            out.push_back({std::string(spec.table), select.columnInt64(0), std::string(spec.type), select.columnText(1),
                           select.columnInt64(2), body});
        }
    }
    out.erase(std::remove_if(out.begin(), out.end(), [](const ExpectedEntry& e) { return e.body.empty(); }), out.end());
    return out;
}

void verifyIndex(store::Database& db, std::vector<std::string>& problems)
{
    // A UUID used by two records cannot have an entry for each (verify reports the pair).
    std::map<std::string, const ExpectedEntry*> expected;
    std::set<std::string> shared;
    const auto entries = expectedEntries(db);
    for (const auto& e : entries) {
        if (!expected.emplace(e.uuid, &e).second) {
            shared.insert(e.uuid);
        }
    }
    struct Mapped {
        std::int64_t docid;
        std::int64_t caseId;
    };
    std::map<std::string, Mapped> map;
    {
        store::Statement select(db, "SELECT uuid, docid, case_id FROM search_map");
        while (select.step()) {
            map[select.columnText(0)] = Mapped{select.columnInt64(1), select.columnInt64(2)};
        }
    }
    struct Stored {
        std::string entity;
        std::string uuid;
        std::int64_t caseId;
        std::string body;
    };
    std::map<std::int64_t, Stored> stored;
    {
        store::Statement select(db, "SELECT docid, entity, uuid, case_id, body FROM search_index");
        while (select.step()) {
            stored[select.columnInt64(0)] =
                Stored{select.columnOptionalText(1).value_or(""), select.columnOptionalText(2).value_or(""),
                       select.columnInt64(3), select.columnOptionalText(4).value_or("")};
        }
    }

    std::size_t wrong = 0;
    const auto report = [&](std::string problem) {
        if (++wrong <= MaxProblemsPerKind) {
            problems.push_back("search index: " + std::move(problem) +
                               " (derived data: `rasso-workbench-cli repair` rebuilds it)");
        }
    };
    std::set<std::int64_t> accounted;
    for (const auto& [uuid, e] : expected) {
        if (shared.count(uuid) != 0) {
            if (const auto m = map.find(uuid); m != map.end()) {
                accounted.insert(m->second.docid);
            }
            continue;
        }
        const auto m = map.find(uuid);
        if (m == map.end()) {
            report(fmt::format("{} record {} is missing from it", e->table, e->id));
            continue;
        }
        accounted.insert(m->second.docid);
        const auto s = stored.find(m->second.docid);
        if (s == stored.end() || s->second.entity != e->entity || s->second.uuid != uuid ||
            s->second.caseId != e->caseId || m->second.caseId != e->caseId ||
            normalised(s->second.body) != normalised(e->body)) {
            report(fmt::format("the entry for {} record {} differs from the record", e->table, e->id));
        }
    }
    for (const auto& [uuid, m] : map) {
        if (expected.count(uuid) == 0) {
            report(fmt::format("entry {} belongs to no record", m.docid));
            accounted.insert(m.docid);
        }
    }
    for (const auto& [docid, s] : stored) {
        if (accounted.count(docid) == 0) {
            report(fmt::format("entry {} is not in its map of records", docid));
        }
    }
    if (wrong > MaxProblemsPerKind) {
        problems.push_back(fmt::format("search index: {} more entries are wrong", wrong - MaxProblemsPerKind));
    }
    if (!wordIndexIsConsistent(db)) {
        problems.push_back("search index: its word index does not match its stored text (derived data: "
                           "`rasso-workbench-cli repair` rebuilds it)");
    }
}

std::size_t rebuildIndex(store::Database& db)
{
    const auto entries = expectedEntries(db);
    store::WriteScope scope(db);
    // Emptied through its stored text and FTS4's own rebuild, which never reads the (perhaps
    // damaged) word index that a row-by-row delete would have to.
    db.exec("DELETE FROM search_map; DELETE FROM search_index_content;");
    db.exec("INSERT INTO search_index (search_index) VALUES ('rebuild')");
    for (const auto& e : entries) {
        index(db, e.entity, e.uuid, e.caseId, e.body);
    }
    scope.commit();
    return entries.size();
}

void index(
    store::Database& db, std::string_view entity, std::string_view uuid, std::int64_t caseId, std::string_view body)
{
    unindex(db, uuid);
    if (body.empty()) {
        return;
    }
    store::Statement insert(db, "INSERT INTO search_index (entity, uuid, case_id, body) "
                                "VALUES (:entity, :uuid, :case, :body)");
    insert.bind(":entity", entity).bind(":uuid", uuid).bind(":case", caseId).bind(":body", body).run();
    store::Statement map(db, "INSERT INTO search_map (uuid, docid, case_id) VALUES (:uuid, :docid, :case)");
    map.bind(":uuid", uuid).bind(":docid", db.lastInsertRowId()).bind(":case", caseId).run();
}

void unindex(store::Database& db, std::string_view uuid)
{
    // FTS4 finds rows fast only by docid: search_map keeps each record's docid.
    store::Statement del(db,
                         "DELETE FROM search_index WHERE docid = (SELECT docid FROM search_map WHERE uuid = :uuid)");
    del.bind(":uuid", uuid).run();
    store::Statement unmap(db, "DELETE FROM search_map WHERE uuid = :uuid");
    unmap.bind(":uuid", uuid).run();
}

void unindexCase(store::Database& db, std::int64_t caseId)
{
    store::Statement del(db, "DELETE FROM search_index WHERE docid IN (SELECT docid FROM search_map WHERE "
                             "case_id = :case)");
    del.bind(":case", caseId).run();
    store::Statement unmap(db, "DELETE FROM search_map WHERE case_id = :case");
    unmap.bind(":case", caseId).run();
}

std::vector<Hit> find(store::Database& db, std::string_view query, int limit)
{
    const std::string expression = matchExpression(query);
    std::vector<Hit> hits;
    if (expression.empty()) {
        return hits;
    }
    store::Statement select(db, "SELECT entity, uuid, case_id, snippet(search_index, '[', ']', '…', 3, 12) "
                                "FROM search_index WHERE body MATCH :q ORDER BY case_id, entity LIMIT :limit");
    select.bind(":q", expression).bind(":limit", limit);
    while (select.step()) {
        hits.push_back(Hit{select.columnText(0), select.columnText(1), select.columnInt64(2), select.columnText(3)});
    }
    return hits;
}

} // namespace wb::core::search
