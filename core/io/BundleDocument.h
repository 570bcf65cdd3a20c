// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/records/RecordSpec.h"

namespace wb::core::store {
class Database;
}

/// Reading a bundle's decrypted document, which comes from outside: bounded parsing.
namespace wb::core::bundle {

/// Parses JSON that came from outside, refusing it as soon as it passes one of the
/// limits: no tree deeper than `maxDepth` is ever built (so none is ever copied or
/// destroyed recursively), and no text, list or document larger than allowed.
nlohmann::json parseBounded(std::string_view text, int maxDepth, std::size_t maxBytes);
/// A list in an object (absent or null: empty), without copying it.
const nlohmann::json& listIn(const nlohmann::json& object, const char* key);
/// The spec of a record in the document by its "type"; nullptr if none.
const RecordSpec* specForType(const nlohmann::json& record);
/// Finding 5: a UUID names one row of one table. Every UUID of the document's cases, people, records, context
/// answers and match decisions must be unique in the bundle and not used here by a row of another table
/// (Validation, "bundleUuid"; an invalid one: Validation, "uuid").
void checkUuidsUnique(store::Database& db, const nlohmann::json& cases, const nlohmann::json& decisions);

} // namespace wb::core::bundle
