// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace wb::core::store {

class Database;

/// How every workspace connection runs, once keyed (or, for the benchmarks' plain copy, unkeyed):
/// write-ahead logging, synchronous=FULL, foreign keys, secure_delete, temp store in memory, a
/// 64 MiB page cache, checkpoints left to Workspace::checkpoint() up to 4096 log pages, and the
/// exclusive lock taken at once. Expects PRAGMA locking_mode = EXCLUSIVE to be set already.
/// Throws Error(Storage) when the file cannot be switched to write-ahead logging.
void configureConnection(Database& db);

} // namespace wb::core::store
