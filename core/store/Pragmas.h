// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string_view>

namespace wb::core::store {

class Database;
class SecureBuffer;
struct FileHeader;

/// How every workspace connection runs, once keyed (or, for the benchmarks' plain copy, unkeyed):
/// write-ahead logging, synchronous=FULL, foreign keys, secure_delete, temp store in memory, a
/// 64 MiB page cache, checkpoints left to Workspace::checkpoint() up to a 4 MiB log, and the
/// exclusive lock taken at once. Expects PRAGMA locking_mode = EXCLUSIVE to be set already.
/// Throws Error(Storage) when the file cannot be switched to write-ahead logging.
void configureConnection(Database& db);

/// Sets the cipher layout of a keyed database (`schema`: "main" or an attached name) for a
/// workspace header format: SQLCipher 3's settings (on a SQLCipher 4 build, cipher_compatibility
/// = 3) and the format's page size (format 1: 1024, format 2: 4096). Must run after the key and
/// before the first read or write of that database.
void setCipherLayout(Database& db, unsigned format, std::string_view schema = "main");

/// Keys a workspace connection for the file `header` describes and sets its cipher layout. With
/// `newFile`, the header goes into the key literal so SQLCipher writes it as the file's first
/// 16 bytes.
void keyWorkspace(Database& db, const SecureBuffer& key, const FileHeader& header, bool newFile);

} // namespace wb::core::store
