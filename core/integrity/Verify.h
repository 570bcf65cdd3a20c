// SPDX-License-Identifier: GPL-3.0-or-later
// The workspace verifier: it reads the audit chain, the records, the derived search index and the
// schema objects, so it sits above audit/, schema/ and repo/ (they never call it).
#pragma once

#include "core/audit/AuditLog.h"

namespace wb::core::store {
class Database;
}

namespace wb::core::integrity {

/// Walks the chain from the first entry and checks every link and hash, that the
/// chain reaches the recorded head, that every audited record and metadata key's
/// stored state matches the state its last entry recorded (so an edit, insert or
/// delete made outside the workbench shows up), that no UUID is used by two records,
/// that the derived search index matches the records, and that every table, index, trigger and view
/// is what the migrations create at the file's schema version. Records are keyed by table
/// and UUID. Reads only (temporary tables in memory): works on a read-only connection.
///
/// Known limit: someone with the passphrase can rewrite records and entries and
/// recompute every hash; that passes verify() and is caught only by audit::checkAnchor()
/// against an anchor held outside the file.
audit::Report verify(store::Database& db);

} // namespace wb::core::integrity
