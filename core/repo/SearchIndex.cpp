// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/repo/SearchIndex.h"

#include <cctype>

#include "core/store/Database.h"

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

} // namespace

void index(store::Database& db, std::string_view entity, std::string_view uuid, std::int64_t caseId,
           std::string_view body)
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
    store::Statement del(db, "DELETE FROM search_index WHERE docid = (SELECT docid FROM search_map WHERE uuid = :uuid)");
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
