// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/store/Pragmas.h"

#include "core/Error.h"
#include "core/store/Database.h"

namespace wb::core::store {

void configureConnection(Database& db)
{
    const auto mode = db.queryText("PRAGMA journal_mode = WAL");
    if (!mode || *mode != "wal") {
        throw Error(ErrorCode::Storage, "the workspace could not be switched to write-ahead logging");
    }
    db.exec("PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA secure_delete = ON; "
            "PRAGMA temp_store = MEMORY");
    // 64 MiB of decrypted pages (SQLite's default is 2 MiB): every page read from the file
    // is decrypted and authenticated, so a warm cache is what keeps large workspaces quick.
    // The cache is freed, and SQLCipher wipes it, when the connection closes on lock.
    db.exec("PRAGMA cache_size = -65536");
    // A save appends its pages to the log and syncs it; copying the log back into the file (a
    // checkpoint: more writes and two more syncs) is left to checkpoint(), which the workbench calls
    // when the officer pauses, so that a save does not pay for it. SQLite still checkpoints by itself
    // once the log reaches 4096 pages (4 MiB of 1 KiB pages), for programs that never call checkpoint().
    db.exec("PRAGMA wal_autocheckpoint = 4096");
    // Take the exclusive lock now rather than at the first save.
    db.exec("BEGIN EXCLUSIVE; COMMIT");
}

} // namespace wb::core::store
