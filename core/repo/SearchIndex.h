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
void index(store::Database& db, std::string_view entity, std::string_view uuid, std::int64_t caseId,
           std::string_view body);
void unindex(store::Database& db, std::string_view uuid);
/// Removes every entry of a case (when the case is deleted).
void unindexCase(store::Database& db, std::int64_t caseId);

/// Every word of `query` must match (as a prefix); punctuation is ignored, so any
/// text typed by a person is a valid query. At most `limit` hits, grouped by case.
std::vector<Hit> find(store::Database& db, std::string_view query, int limit = 200);

} // namespace wb::core::search
