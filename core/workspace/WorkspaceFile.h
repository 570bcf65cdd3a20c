// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <array>
#include <filesystem>
#include <memory>

#include "core/store/Database.h"
#include "core/store/KeyDerivation.h"

/// Checks on a workspace file and its connection, shared by create, open and the whole-file operations.
namespace wb::core::workspace {

/// The file's header bytes, after checking the path is a readable, whole-paged regular file
/// not held by this process.
std::array<unsigned char, store::FileHeader::Size> readHeaderBytes(const std::filesystem::path& path);
/// The workbench writes to the file and keeps its write-ahead log beside it: say plainly when either is
/// read-only (SQLite would report only a "disk I/O error", at the first write).
void requireWritable(const std::filesystem::path& path);
/// Removes the file and its -wal, -shm and -journal companions, ignoring errors.
void removeQuietly(const std::filesystem::path& path);
/// Connection set-up shared by create and open, up to (not including) keying.
std::unique_ptr<store::Database> openConnection(const std::filesystem::path& path, store::Database::OpenMode mode);
/// The first reads through a keyed connection, and what their failure means: the file cut short,
/// a damaged page, page 1 failing authentication, or an encrypted database that is not a workspace.
void probeKeyed(store::Database& db, bool walExisted);

} // namespace wb::core::workspace
