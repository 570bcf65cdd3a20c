// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/workspace/WorkspaceMeta.h"

#include "core/audit/AuditLog.h"
#include "core/store/Statement.h"

namespace wb::core::workspace {

using store::Database;

std::optional<std::string> metaValue(Database& db, std::string_view key)
{
    store::Statement select(db, "SELECT value FROM meta WHERE key = :key");
    select.bind(":key", key);
    if (!select.step()) {
        return std::nullopt;
    }
    return select.columnText(0);
}
std::string actorOf(std::string_view owner, std::string_view staff)
{
    return staff.empty() ? std::string(owner) : std::string(owner) + " (" + std::string(staff) + ")";
}

std::string actorOf(Database& db)
{
    return actorOf(metaValue(db, "owner_name").value_or("workspace owner"), metaValue(db, "staff_number").value_or(""));
}
void setMeta(Database& db, std::string_view actor, std::string_view key, std::string_view value)
{
    audit::setMeta(db, actor, key, value);
}

std::string kdfDescription(const store::KdfParams& kdf)
{
    return "argon2id13 ops=" + std::to_string(kdf.opsLimit) + " mem=" + std::to_string(kdf.memLimitBytes() >> 20) +
           "MiB";
}

} // namespace wb::core::workspace
