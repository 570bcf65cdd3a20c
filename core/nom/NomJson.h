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

#include "core/nom/Condition.h"

namespace wb::core::nom {

struct Question;

namespace detail {

/// Throws Error(ReferenceData, "<origin>: <what>").
[[noreturn]] void fail(std::string_view origin, const std::string& what);

/// The file's text; throws Error(ReferenceData) naming the path when it cannot be read.
std::string readTextFile(const std::filesystem::path& path);

/// Parses the text; throws Error(ReferenceData) "<origin>: not valid JSON (...)" or "the top level must be an object".
nlohmann::json parseTopLevel(std::string_view json, std::string_view origin);

/// Checks "kind" and "format" (must be 1) and returns the non-empty "version".
std::string checkHeader(const nlohmann::json& doc, std::string_view origin, std::string_view kind);

/// A non-empty string field; throws "<origin>: <where>: '<field>' must be a non-empty string".
std::string
requireString(const nlohmann::json& object, const char* field, std::string_view origin, const std::string& where);
/// A boolean field; throws "<origin>: <where>: '<field>' must be true or false".
bool requireBool(const nlohmann::json& object, const char* field, std::string_view origin, const std::string& where);
/// Rejects any key of the object not listed in `allowed` (catches typos such as "sourse").
void rejectUnknownKeys(const nlohmann::json& object,
                       std::initializer_list<std::string_view> allowed,
                       std::string_view origin,
                       const std::string& where);

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
