// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "core/Error.h"

namespace wb::core::bundle {

/// Local ids ↔ UUIDs for every record of a case, so that links travel as UUIDs.
struct IdMap {
    std::map<std::string, std::map<std::int64_t, std::string>> uuidOf; // table → id → uuid
    std::map<std::string, std::map<std::string, std::int64_t>> idOf;   // table → uuid → id

    void add(const std::string& table, std::int64_t id, const std::string& uuid)
    {
        uuidOf[table][id] = uuid;
        idOf[table][uuid] = id;
    }
    std::string uuid(const std::string& table, std::int64_t id) const
    {
        const auto t = uuidOf.find(table);
        const auto it = t == uuidOf.end() ? decltype(t->second.end()){} : t->second.find(id);
        if (t == uuidOf.end() || it == t->second.end()) {
            throw Error(ErrorCode::Storage, "a link points outside the exported case");
        }
        return it->second;
    }
    std::optional<std::int64_t> id(const std::string& table, const std::string& uuid) const
    {
        const auto t = idOf.find(table);
        if (t == idOf.end()) {
            return std::nullopt;
        }
        const auto it = t->second.find(uuid);
        return it == t->second.end() ? std::nullopt : std::optional(it->second);
    }
};

} // namespace wb::core::bundle
