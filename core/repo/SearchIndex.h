// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace wb::core::store {
class Database;
}

namespace wb::core::search {

/// One full-text hit: which record, in which case, and a short excerpt around the match.
struct Hit {
    std::string entity; ///< "case", "person", or a record type ("decision", …)
    std::string uuid;
    std::int64_t caseId = 0;
    std::string snippet; ///< the matched words between [ and ]
};

/// Replaces the index entry of one record (FTS4, inside the encrypted file), in the
/// caller's transaction. An empty body removes it.
void index(
    store::Database& db, std::string_view entity, std::string_view uuid, std::int64_t caseId, std::string_view body);
void unindex(store::Database& db, std::string_view uuid);
/// Removes every entry of a case (when the case is deleted).
void unindexCase(store::Database& db, std::int64_t caseId);

/// What the index should hold for one record, computed from the records alone (the same
/// text the repositories index on every save).
struct ExpectedEntry {
    std::string table; ///< "cases", "people", "decisions"…
    std::int64_t id = 0;
    std::string entity;
    std::string uuid;
    std::int64_t caseId = 0;
    std::string body;
};
std::vector<ExpectedEntry> expectedEntries(store::Database& db);

/// Compares the index (search_map, the stored text, and the word index itself) with one
/// rebuilt from the records, in memory only: reads the file, never writes it (a temporary
/// in-memory table checks the word index). Adds a problem per wrong entry, naming the
/// record's table and id or the entry's number, never its text.
void verifyIndex(store::Database& db, std::vector<std::string>& problems);

/// Empties the index and rebuilds it from the records, in the caller's transaction.
/// Returns the entries written. Touches no audited table.
std::size_t rebuildIndex(store::Database& db);

/// Every word of `query` must match (as a prefix); punctuation is ignored, so any
/// text typed by a person is a valid query. At most `limit` hits, grouped by case.
std::vector<Hit> find(store::Database& db, std::string_view query, int limit = 200);

} // namespace wb::core::search
