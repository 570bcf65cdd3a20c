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

/// The bundle's JSON document: a case, its people and records, to and from JSON.
namespace wb::core::bundle {

struct IdMap;

/// 2 (issue 14): context answers carry "overrideReason" and contacts "eventsUnrecorded". A version-1 document
/// still imports (no override reasons; its contacts get the mark, as the migration gave existing contacts); a
/// workbench that reads only version 1 refuses version 2 rather than drop those silently.
inline constexpr int DocumentVersion = 2;

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

} // namespace wb::core::bundle
