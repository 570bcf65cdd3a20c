// SPDX-License-Identifier: GPL-3.0-or-later
// Reading JSON. findValue is the one lookup every reader shares (data files and case bundles).
// The require* helpers read the workbench's JSON data files (reference lists, catalogues, rules): each
// throws Error(ReferenceData) "<origin>: <where>: <what>", naming the file, the item and the field.
// A case bundle words its own errors (Validation naming the field: core/io/BundleJson.h) over findValue.
#pragma once

#include <filesystem>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace wb::core::json {

/// The value of `field`, or nullptr when the object has no such field or holds null there.
const nlohmann::json* findValue(const nlohmann::json& object, const char* field);

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
/// A whole number from `min` to `max`; throws "<origin>: <where>: '<field>' must be a whole number from <min> to
/// <max>".
int requireWholeNumber(const nlohmann::json& object,
                       const char* field,
                       int min,
                       int max,
                       std::string_view origin,
                       const std::string& where);
/// A non-empty array field; throws "<origin>: <where>: '<field>' must be a non-empty array".
const nlohmann::json& requireNonEmptyArray(const nlohmann::json& object,
                                           const char* field,
                                           std::string_view origin,
                                           const std::string& where);
/// A non-empty array of non-empty strings (codes); throws "<origin>: <where>: '<field>' must be a non-empty array of
/// codes" or "... must hold non-empty strings".
std::vector<std::string>
requireCodeList(const nlohmann::json& object, const char* field, std::string_view origin, const std::string& where);
/// Rejects any key of the object not listed in `allowed` (catches typos such as "sourse").
void rejectUnknownKeys(const nlohmann::json& object,
                       std::initializer_list<std::string_view> allowed,
                       std::string_view origin,
                       const std::string& where);

} // namespace wb::core::json
