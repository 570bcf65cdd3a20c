// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string_view>

namespace wb::core::store {
class Database;
}

namespace wb::core::schema {

/// PRAGMA application_id of every workspace file ('RWB1'): tells our files apart
/// from other encrypted SQLite databases.
inline constexpr long long WorkspaceApplicationId = 0x52574231;

/// The schema version this build writes (PRAGMA user_version).
int currentSchemaVersion() noexcept;

/// Brings the schema from PRAGMA user_version up to `target` (default: current),
/// one numbered migration at a time, each in its own transaction. A file at a
/// higher version than this build knows is refused by the caller before this runs.
void migrate(store::Database& db, int target = -1);

/// One line per migration, for `rasso-workbench-cli info` and the README.
std::string_view migrationDescription(int version);

} // namespace wb::core::schema
