// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/store/FileAccess.h"

#include <array>
#include <cerrno>
#include <cstdio>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>

#include <fcntl.h>
#include <sodium.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/Error.h"
#include "core/store/Database.h"

namespace wb::core::store::files {

namespace fs = std::filesystem;

namespace {

using FileId = std::pair<dev_t, ino_t>;

// Never destroyed: a connection held by another static object (a benchmark's or a test's open
// workspaces) closes during exit, after function-local statics constructed later than it are gone;
// with an ordinary static, that close wrote into a freed map and corrupted the heap.
std::mutex& registryMutex()
{
    static auto* mutex = new std::mutex;
    return *mutex;
}

std::map<sqlite3*, FileId>& registry()
{
    static auto* held = new std::map<sqlite3*, FileId>;
    return *held;
}

bool idOf(const fs::path& path, FileId& id)
{
    struct stat st {
    };
    if (::stat(path.c_str(), &st) != 0) {
        return false;
    }
    id = {st.st_dev, st.st_ino};
    return true;
}

bool isHeld(const FileId& id)
{
    const std::lock_guard guard(registryMutex());
    for (const auto& [db, held] : registry()) {
        if (held == id) {
            return true;
        }
    }
    return false;
}

} // namespace

void noteOpened(sqlite3* db, const fs::path& path)
{
    FileId id;
    if (db == nullptr || !idOf(path, id)) {
        return;
    }
    const std::lock_guard guard(registryMutex());
    registry()[db] = id;
}

void noteClosed(sqlite3* db)
{
    const std::lock_guard guard(registryMutex());
    registry().erase(db);
}

bool heldInThisProcess(const fs::path& path)
{
    FileId id;
    if (idOf(path, id) && isHeld(id)) {
        return true;
    }
    const std::string name = path.string();
    for (const std::string_view suffix :
         {std::string_view("-wal"), std::string_view("-shm"), std::string_view("-journal")}) {
        if (name.size() > suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0) {
            const fs::path main = name.substr(0, name.size() - suffix.size());
            if (idOf(main, id) && isHeld(id)) {
                return true;
            }
        }
    }
    return false;
}

std::vector<unsigned char> readThroughConnection(Database& db, std::size_t offset, std::size_t size)
{
    sqlite3_file* file = nullptr;
    if (sqlite3_file_control(db.handle(), "main", SQLITE_FCNTL_FILE_POINTER, &file) != SQLITE_OK || file == nullptr ||
        file->pMethods == nullptr) {
        throw Error(ErrorCode::Io, "the open workspace file cannot be read back");
    }
    std::vector<unsigned char> bytes(size);
    const int rc =
        file->pMethods->xRead(file, bytes.data(), static_cast<int>(size), static_cast<sqlite3_int64>(offset));
    if (rc != SQLITE_OK) {
        throw Error(ErrorCode::Io, "the open workspace file cannot be read back");
    }
    return bytes;
}

void keepLogOnClose(Database& db)
{
    int persist = 1;
    if (sqlite3_file_control(db.handle(), "main", SQLITE_FCNTL_PERSIST_WAL, &persist) != SQLITE_OK) {
        throw Error(ErrorCode::Storage, "the write-ahead log cannot be kept for a read-only check");
    }
}

void createPrivateFile(const fs::path& path)
{
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, S_IRUSR | S_IWUSR);
    if (fd < 0) {
        const int error = errno;
        if (error == EEXIST) {
            throw Error(ErrorCode::AlreadyExists, "a file already exists at this path; it will not be overwritten");
        }
        throw Error(error == EACCES || error == EPERM || error == EROFS ? ErrorCode::PermissionDenied : ErrorCode::Io,
                    "the new file cannot be created in this folder");
    }
    // The mode given to open() is narrowed by the umask, never widened; say 0600 outright.
    const int rc = ::fchmod(fd, S_IRUSR | S_IWUSR);
    ::close(fd);
    if (rc != 0) {
        std::error_code ec;
        fs::remove(path, ec);
        throw Error(ErrorCode::Io, "the new file's permissions cannot be set");
    }
}

fs::path partialNameFor(const fs::path& finalPath)
{
    std::array<unsigned char, 4> random{};
    randombytes_buf(random.data(), random.size());
    std::array<char, 9> hex{};
    sodium_bin2hex(hex.data(), hex.size(), random.data(), random.size());
    return fs::path(finalPath.string() + "." + hex.data() + ".partial");
}

void syncFile(const fs::path& path)
{
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        throw Error(ErrorCode::Io, "cannot open a file to flush it to disk");
    }
    const int rc = ::fsync(fd);
    ::close(fd);
    if (rc != 0) {
        throw Error(ErrorCode::Io, "flushing to disk failed");
    }
}

void syncFolder(const fs::path& folder)
{
    const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) {
        throw Error(ErrorCode::Io, "cannot open a folder to flush it to disk");
    }
    const int rc = ::fsync(fd);
    ::close(fd);
    if (rc != 0) {
        throw Error(ErrorCode::Io, "flushing a folder to disk failed");
    }
}

fs::path folderOf(const fs::path& path)
{
    return path.has_parent_path() ? path.parent_path() : fs::path(".");
}

void renameNoReplace(const fs::path& from, const fs::path& to)
{
    int rc = ::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_NOREPLACE);
    if (rc != 0 && (errno == EINVAL || errno == ENOSYS)) {
        // A file system without RENAME_NOREPLACE: link() refuses an existing name just the same.
        rc = ::link(from.c_str(), to.c_str());
        if (rc == 0) {
            ::unlink(from.c_str());
        }
    }
    if (rc != 0) {
        throw Error(errno == EEXIST ? ErrorCode::AlreadyExists : ErrorCode::Io,
                    errno == EEXIST ? "a file already exists at this path; it will not be overwritten"
                                    : "the finished file could not be given its name");
    }
    syncFolder(folderOf(to));
}

} // namespace wb::core::store::files
