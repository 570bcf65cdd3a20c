// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/store/Pragmas.h"

#include <string>

#include "core/Error.h"
#include "core/store/Database.h"
#include "core/store/KeyDerivation.h"

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
    // once the log reaches 4 MiB (1024 pages of 4 KiB, 4096 of a format-1 file's 1 KiB), for
    // programs that never call checkpoint().
    const auto pageSize = db.queryInt("PRAGMA page_size");
    db.exec("PRAGMA wal_autocheckpoint = " + std::to_string((4 << 20) / (pageSize > 0 ? pageSize : 1024)));
    // Take the exclusive lock now rather than at the first save.
    db.exec("BEGIN EXCLUSIVE; COMMIT");
}

void setCipherLayout(Database& db, unsigned format, std::string_view schema)
{
    const std::string prefix = "PRAGMA " + std::string(schema) + ".";
    // SQLCipher 4's defaults differ (page size, HMAC, KDF); every workspace format uses SQLCipher
    // 3's, so a 4.x build is told so, per database, once it has a key (before that the pragma
    // has no codec to set). Debian 12 ships 3.4.1, where the defaults already are these.
    if (const auto version = db.cipherVersion(); !version.empty() && version.front() >= '4') {
        db.exec(prefix + "cipher_compatibility = 3");
    }
    db.exec(prefix + "cipher_page_size = " + std::to_string(FileHeader::pageSizeOf(format)));
}

void keyWorkspace(Database& db, const SecureBuffer& key, const FileHeader& header, bool newFile)
{
    db.key(keyLiteral(key, newFile ? &header : nullptr));
    setCipherLayout(db, header.format);
}

} // namespace wb::core::store
