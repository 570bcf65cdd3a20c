// SPDX-License-Identifier: GPL-3.0-or-later
// Internal to core/nom: JSON helpers shared by the NOM catalogue loaders. Include only from .cpp files.
#pragma once

#include <chrono>
#include <filesystem>
#include <functional>
#include <initializer_list>
#include <string>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

#include "core/json/JsonReader.h"
#include "core/nom/Condition.h"

namespace wb::core::nom {

struct Question;

namespace detail {

// The generic readers live in core/json/JsonReader.h; these names stay for the nom loaders.
using json::checkHeader;
using json::fail;
using json::parseTopLevel;
using json::readTextFile;
using json::rejectUnknownKeys;
using json::requireBool;
using json::requireNonEmptyArray;
using json::requireString;

using QuestionLookup = std::function<const Question*(std::string_view)>;

/// Parses a condition object. Errors read "<origin>: <where>: '<path>': ...", path such as "when.all[1].equals".
Condition parseCondition(const nlohmann::json& json,
                         const QuestionLookup& lookup,
                         std::string_view origin,
                         const std::string& where,
                         const std::string& path);

/// Reads "hours" or "days" (exactly one, a positive whole number) from an object; path names it in errors.
std::chrono::seconds
readDuration(const nlohmann::json& object, std::string_view origin, const std::string& where, const std::string& path);

} // namespace detail
} // namespace wb::core::nom
