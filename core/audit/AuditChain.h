// SPDX-License-Identifier: GPL-3.0-or-later
// Internal to core/audit and the verifier (core/integrity): how entries and row states are hashed and
// stored. Include only from .cpp files.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/audit/AuditLog.h"

namespace wb::core::store {
class Database;
class Statement;
} // namespace wb::core::store

namespace wb::core::audit::detail {

using Hash = std::array<unsigned char, 32>;

inline constexpr std::string_view MetaEntity = "meta";
inline constexpr std::string_view HeadKey = "audit_head";
inline constexpr int FirstSchemaAuditingMeta = 9;
inline constexpr const char* EntryColumns =
    "id, at, actor, entity, entity_uuid, action, changes, row_hash, prev_hash, hash";

/// One entry as stored in audit_log.
struct Stored {
    std::int64_t id;
    std::string at;
    std::string actor;
    std::string entity;
    std::string uuid;
    std::string action;
    std::string changes;
    std::vector<unsigned char> rowHash;
    std::vector<unsigned char> prevHash;
    std::vector<unsigned char> hash;
};

std::vector<unsigned char> toBytes(const Hash& h);
std::string hex(const std::vector<unsigned char>& bytes);
bool isAudited(std::string_view table);
/// BLAKE2b-256 over every column of one stored row (name, type and value), in
/// the table's column order: the state the audit log vouches for.
Hash rowHash(const store::Statement& row);
/// The state of one audited row: a record by its UUID, or a metadata row by its key.
std::optional<Hash> currentRowHash(store::Database& db, std::string_view table, std::string_view uuid);
Hash chainHash(const Stored& e);
/// Reads the EntryColumns of one row.
Stored readStored(const store::Statement& row);
std::optional<Action> actionFromString(std::string_view text);

} // namespace wb::core::audit::detail
