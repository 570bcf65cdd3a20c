// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/workspace/WorkspaceFile.h"

#include <cerrno>
#include <system_error>

#include <fcntl.h>
#include <unistd.h>

#include "core/Error.h"
#include "core/schema/Migrations.h"
#include "core/store/FileAccess.h"

namespace wb::core::workspace {

namespace fs = std::filesystem;
using store::Database;
using store::FileHeader;

std::array<unsigned char, FileHeader::Size> readHeaderBytes(const fs::path& path)
{
    // Opening and closing a file this process holds through SQLite would drop SQLite's lock on it.
    if (store::files::heldInThisProcess(path)) {
        throw Error(ErrorCode::LockedByOtherInstance, "the workspace is already open in this program");
    }
    std::error_code ec;
    const auto status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
        if (ec && ec != std::errc::no_such_file_or_directory) {
            throw Error(ErrorCode::PermissionDenied, "the workspace file cannot be reached");
        }
        throw Error(ErrorCode::FileNotFound, "no workspace file at this path");
    }
    if (fs::is_directory(status)) {
        throw Error(ErrorCode::NotAWorkspace, "the path is a folder, not a workspace file");
    }
    if (!fs::is_regular_file(status)) {
        throw Error(ErrorCode::NotAWorkspace, "the path is not a regular file");
    }
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        throw Error(errno == EACCES || errno == EPERM ? ErrorCode::PermissionDenied : ErrorCode::Io,
                    "the workspace file cannot be read");
    }
    std::array<unsigned char, FileHeader::Size> bytes{};
    const ssize_t got = ::read(fd, bytes.data(), bytes.size());
    ::close(fd);
    const auto size = fs::file_size(path, ec);
    if (got == 0 || size == 0) {
        throw Error(ErrorCode::NotAWorkspace, "the file is empty");
    }
    if (got < 0) {
        throw Error(ErrorCode::Io, "the workspace file cannot be read");
    }
    if (static_cast<std::size_t>(got) < bytes.size()) {
        throw Error(ErrorCode::NotAWorkspace, "the file is too short to be a workspace");
    }
    // Parse first: a foreign file is "not a workspace", whatever its length.
    const std::uintmax_t pageSize = FileHeader::parse(bytes).pageSize();
    if (size < pageSize || size % pageSize != 0) {
        throw Error(ErrorCode::Truncated, "the file ends part-way through a page: it has been cut short");
    }
    return bytes;
}
void requireWritable(const fs::path& path)
{
    if (::access(path.c_str(), W_OK) != 0 && (errno == EACCES || errno == EPERM || errno == EROFS)) {
        throw Error(ErrorCode::PermissionDenied,
                    errno == EROFS ? "the workspace file is on a read-only disk: copy it somewhere writable to open it"
                                   : "the workspace file is read-only: give yourself permission to write to it, "
                                     "or copy it somewhere writable, to open it");
    }
    const fs::path parent = path.has_parent_path() ? path.parent_path() : fs::path(".");
    if (::access(parent.c_str(), W_OK) != 0 && (errno == EACCES || errno == EPERM || errno == EROFS)) {
        throw Error(ErrorCode::PermissionDenied, "the folder holding the workspace is read-only: the workbench "
                                                 "keeps its write-ahead log beside the file");
    }
}

void removeQuietly(const fs::path& path)
{
    std::error_code ec;
    fs::remove(path, ec);
    fs::remove(fs::path(path.string() + "-wal"), ec);
    fs::remove(fs::path(path.string() + "-shm"), ec);
    fs::remove(fs::path(path.string() + "-journal"), ec);
}
std::unique_ptr<Database> openConnection(const fs::path& path, Database::OpenMode mode)
{
    auto db = std::make_unique<Database>(path, mode);
    const std::string cipher = db->cipherVersion();
    if (cipher.empty()) {
        throw Error(ErrorCode::NotSqlCipher, "the SQLite library in use is not SQLCipher; refusing to continue");
    }
    // Held for as long as we are open: a second instance gets SQLITE_BUSY, reported
    // as LockedByOtherInstance. With WAL, it also means no -shm file is created.
    db->exec("PRAGMA locking_mode = EXCLUSIVE");
    return db;
}
void probeKeyed(Database& db, bool walExisted)
{
    bool pageOneRead = false;
    try {
        // Reads page 1 only: SQLite refuses as malformed a file with fewer pages than page 1 says.
        db.queryInt("PRAGMA page_count");
        pageOneRead = true;
        db.queryInt("SELECT count(*) FROM sqlite_master");
    } catch (const Error& e) {
        if (store::isMalformed(e)) {
            // Page 1 passed its HMAC, so it is exactly what we wrote. Without a log, SQLite finding
            // it inconsistent with the file means the file no longer has the pages it records: cut
            // short. Any later page found inconsistent is damage, not truncation (SQLCipher reads an
            // all-zero page as an empty one, so a zeroed page in the middle lands here).
            if (!pageOneRead && !walExisted) {
                throw Error(ErrorCode::Truncated,
                            "the file is shorter than its own header says: it has been cut short");
            }
            throw Error(ErrorCode::Corrupted, "a page of the workspace is damaged (it may have been overwritten "
                                              "or zeroed): the file is not cut short, but cannot be read safely");
        }
        if (e.code() == ErrorCode::Corrupted) {
            // The key check matched, so the key is right: page 1 fails authentication.
            throw Error(ErrorCode::Corrupted, "the workspace's first page fails its integrity check");
        }
        throw;
    }
    if (db.queryInt("PRAGMA application_id") != schema::WorkspaceApplicationId) {
        throw Error(ErrorCode::NotAWorkspace, "the file is an encrypted database but not a workspace");
    }
}

} // namespace wb::core::workspace
