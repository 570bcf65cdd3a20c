// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "core/domain/Case.h"
#include "core/domain/Person.h"
#include "core/domain/Time.h"
#include "core/records/RecordSpec.h"
#include "core/repo/RecordRepository.h"

namespace wb::core::store {
class Database;
}

/// The bundle's JSON document: a case, its people and records, to and from JSON.
namespace wb::core::bundle {

struct IdMap;

/// 2 (issue 14): context answers carry "overrideReason" and contacts "eventsUnrecorded". A version-1 document
/// still imports (no override reasons; its contacts get the mark, as the migration gave existing contacts); a
/// workbench that reads only version 1 refuses version 2 rather than drop those silently.
/// 3 (issue 16): "matchDecisions" beside the cases, every decision (all history rows) on a pair of persons both in
/// the bundle (core/io/BundleDecisions). Versions 1 and 2 still import (no decisions); a workbench that reads only
/// version 2 refuses version 3 rather than drop the decisions silently.
inline constexpr int DocumentVersion = 3;

nlohmann::json optionalText(const std::optional<std::string>& v);
/// A text value (absent or null: std::nullopt); Validation naming `key` if not text.
std::optional<std::string> textOrNull(const nlohmann::json& object, const char* key);
std::string text(const nlohmann::json& object, const char* key);
bool flag(const nlohmann::json& object, const char* key, bool fallback);
Instant instant(const nlohmann::json& object, const char* key);

nlohmann::json caseToJson(const Case& c);
Case caseFromJson(const nlohmann::json& j);
nlohmann::json personToJson(const Person& p);
Person personFromJson(const nlohmann::json& j, std::int64_t caseId);

/// The table a link field points into.
std::string linkTable(const FieldSpec& f);
/// A record's values with local ids replaced by UUIDs.
nlohmann::json valuesToJson(const Record& r, const IdMap& ids);
nlohmann::json recordToJson(const Record& r, const IdMap& ids);
/// A stored record's values with local ids replaced by the linked rows' UUIDs, read from this workspace (links
/// may point to rows a bundle does not carry): to compare it with a bundle's copy.
nlohmann::json localValuesAsUuids(store::Database& db, const Record& r);

} // namespace wb::core::bundle
