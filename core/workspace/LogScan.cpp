// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/workspace/LogScan.h"

#include <cstring>
#include <fstream>
#include <iterator>
#include <vector>

namespace wb::core::workspace {

namespace fs = std::filesystem;

namespace {

std::uint32_t bigEndian32(const unsigned char* p)
{
    return (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) | (std::uint32_t{p[2]} << 8) | p[3];
}

/// SQLite's walChecksumBytes: words read big-endian when the magic's low bit is set, else little-endian.
void logChecksum(bool bigEndianWords, const unsigned char* data, std::size_t size, std::uint32_t& s1, std::uint32_t& s2)
{
    for (std::size_t i = 0; i + 8 <= size; i += 8) {
        const unsigned char* p = data + i;
        const std::uint32_t x0 = bigEndianWords ? bigEndian32(p)
                                                : (std::uint32_t{p[3]} << 24) | (std::uint32_t{p[2]} << 16) |
                                                      (std::uint32_t{p[1]} << 8) | p[0];
        const std::uint32_t x1 = bigEndianWords ? bigEndian32(p + 4)
                                                : (std::uint32_t{p[7]} << 24) | (std::uint32_t{p[6]} << 16) |
                                                      (std::uint32_t{p[5]} << 8) | p[4];
        s1 += x0 + s2;
        s2 += x1 + s1;
    }
}

} // namespace

LogScan scanLog(const fs::path& wal)
{
    LogScan scan;
    std::error_code ec;
    if (!fs::exists(wal, ec)) {
        return scan;
    }
    std::ifstream in(wal, std::ios::binary);
    if (!in.is_open()) {
        scan.problem = "the write-ahead log cannot be read";
        return scan;
    }
    const std::vector<unsigned char> bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    if (bytes.empty()) {
        return scan;
    }
    constexpr std::size_t HeaderSize = 32;
    constexpr std::size_t FrameHeaderSize = 24;
    const std::uint32_t magic = bytes.size() >= HeaderSize ? bigEndian32(bytes.data()) : 0;
    if (bytes.size() < HeaderSize || (magic & 0xFFFFFFFEu) != 0x377f0682u) {
        scan.problem = "the write-ahead log's header is damaged: the " + std::to_string(bytes.size()) +
                       " bytes of saved changes in it would be ignored";
        return scan;
    }
    const bool bigEndianWords = (magic & 1u) != 0;
    const std::uint32_t pageSize = bigEndian32(bytes.data() + 8);
    std::uint32_t s1 = 0;
    std::uint32_t s2 = 0;
    logChecksum(bigEndianWords, bytes.data(), 24, s1, s2);
    if (s1 != bigEndian32(bytes.data() + 24) || s2 != bigEndian32(bytes.data() + 28) || pageSize < 512 ||
        pageSize > 65536 || (pageSize & (pageSize - 1)) != 0) {
        scan.problem = "the write-ahead log's header fails its checksum: the " + std::to_string(bytes.size()) +
                       " bytes of saved changes in it would be ignored";
        return scan;
    }
    const std::size_t frameSize = FrameHeaderSize + pageSize;
    const std::int64_t frames = static_cast<std::int64_t>((bytes.size() - HeaderSize) / frameSize);
    for (std::int64_t i = 0; i < frames; ++i) {
        const unsigned char* frame = bytes.data() + HeaderSize + static_cast<std::size_t>(i) * frameSize;
        if (std::memcmp(frame + 8, bytes.data() + 16, 8) != 0) {
            break; // another generation's leftovers, after a checkpoint restarted the log: not ours to judge
        }
        logChecksum(bigEndianWords, frame, 8, s1, s2);
        logChecksum(bigEndianWords, frame + FrameHeaderSize, pageSize, s1, s2);
        if (s1 != bigEndian32(frame + 16) || s2 != bigEndian32(frame + 20)) {
            std::int64_t later = 0;
            for (std::int64_t j = i + 1; j < frames; ++j) {
                const unsigned char* next = bytes.data() + HeaderSize + static_cast<std::size_t>(j) * frameSize;
                later += std::memcmp(next + 8, bytes.data() + 16, 8) == 0 ? 1 : 0;
            }
            scan.problem = "write-ahead log frame " + std::to_string(i + 1) + " of " + std::to_string(frames) +
                           " fails its checksum: SQLite silently drops it and the " + std::to_string(later) +
                           " frame(s) after it (saved changes lost or altered)";
            return scan;
        }
        ++scan.validFrames;
    }
    return scan;
}

} // namespace wb::core::workspace
