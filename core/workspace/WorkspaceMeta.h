// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/store/Database.h"
#include "core/store/KeyDerivation.h"

/// The workspace's metadata table: reading, the audited writes, and the names it gives.
namespace wb::core::workspace {

std::optional<std::string> metaValue(store::Database& db, std::string_view key);
/// Who the audit log names: the owner, with the staff number when there is one.
std::string actorOf(std::string_view owner, std::string_view staff);
std::string actorOf(store::Database& db);
/// Every metadata change is audited (audit::setMeta); only the chain head is written elsewhere.
void setMeta(store::Database& db, std::string_view actor, std::string_view key, std::string_view value);
/// The key derivation's parameters as recorded in the metadata.
std::string kdfDescription(const store::KdfParams& kdf);

} // namespace wb::core::workspace
