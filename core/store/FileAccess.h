// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <filesystem>
#include <vector>

struct sqlite3;

namespace wb::core::store {

class Database;

/// File-system work around files that SQLite holds open.
///
/// SQLite's unix VFS locks a workspace with POSIX fcntl() locks, and POSIX drops ALL of a
/// process's locks on a file the moment ANY descriptor of that file in the process is closed.
/// So while a connection holds a file, nothing in this process may open and close that file
/// (or its -wal/-journal) by another descriptor: read it through SQLite's own handle instead
/// (readThroughConnection), and check heldInThisProcess() before opening a path a person gave.
namespace files {

/// Records that `db` has the file at `path` open (called by store::Database), and forgets it.
void noteOpened(sqlite3* db, const std::filesystem::path& path);
void noteClosed(sqlite3* db);

/// True when a connection in this process holds `path` (the same inode), or when `path` is the
/// -wal, -shm or -journal file of one it holds. Opening such a path by another descriptor and
/// closing it again would silently drop the connection's lock.
bool heldInThisProcess(const std::filesystem::path& path);

/// Reads `size` bytes at `offset` of the main database file of `db` through SQLite's own file
/// descriptor (SQLITE_FCNTL_FILE_POINTER), so no other descriptor is opened or closed. The bytes
/// are as on disk (encrypted). Throws Error(Io) when fewer bytes are there.
std::vector<unsigned char> readThroughConnection(Database& db, std::size_t offset, std::size_t size);

/// Tells SQLite to leave the -wal file of `db` in place when it closes (SQLITE_FCNTL_PERSIST_WAL):
/// a read-only connection must not remove the log it was asked to judge.
void keepLogOnClose(Database& db);

/// Creates an empty file that must not exist yet (O_EXCL, no symlink followed), mode 0600
/// whatever the umask. SQLite then keeps it and gives its -wal and -journal the same mode.
/// Throws AlreadyExists, PermissionDenied or Io.
void createPrivateFile(const std::filesystem::path& path);

/// A fresh name beside `finalPath` (same folder, so a rename is atomic):
/// "<finalPath>.<random hex>.partial".
std::filesystem::path partialNameFor(const std::filesystem::path& finalPath);

/// fsync() of a file (by path: never while SQLite holds it) or a folder. Throws Error(Io).
void syncFile(const std::filesystem::path& path);
void syncFolder(const std::filesystem::path& folder);
/// The folder a path is in ("." for a bare name).
std::filesystem::path folderOf(const std::filesystem::path& path);

/// Renames `from` to `to` only if `to` does not exist (renameat2 RENAME_NOREPLACE, or link and
/// unlink where the file system lacks it), then syncs the folder. Throws AlreadyExists or Io.
void renameNoReplace(const std::filesystem::path& from, const std::filesystem::path& to);

} // namespace files
} // namespace wb::core::store
