// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

namespace wb::core::workspace {

/// What a scan of a write-ahead log found (SQLite's WAL format: a 32-byte header, then frames of a
/// 24-byte header and one page, each carrying the header's salts and a running checksum).
struct LogScan {
    std::int64_t validFrames = 0; ///< frames SQLite would replay or keep (salts and checksum match)
    std::string problem;          ///< empty, or what SQLite would silently drop
};

/// Checks every frame of the write-ahead log at `wal` (read by its own descriptor: SQLite takes
/// no lock on the log of an exclusive-mode connection, so closing it drops none). SQLite replays
/// frames up to the first whose checksum fails and ignores the rest without a word: say so.
LogScan scanLog(const std::filesystem::path& wal);

} // namespace wb::core::workspace
