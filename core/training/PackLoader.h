// SPDX-License-Identifier: GPL-3.0-or-later
// Reads and validates a scenario pack (resources/training/README.md describes the format). Every problem names the
// field it is about by its path in the file, such as "injects[2].release.after.hours" or
// "case.context[\"suspect.known\"]", and every id a pack refers to (offence, context question and answer, line of
// enquiry, deadline rule, record type and field, case-event kind) is checked against the loaded catalogues.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/training/ScenarioPack.h"

namespace wb::core {
struct Catalogues;
}

namespace wb::core::training {

/// One thing wrong with a pack. Messages are English, for the trainer who wrote the pack.
struct PackProblem {
    std::string field;   ///< its path in the file: "injects[2].release.after.hours"; "" for the file as a whole
    std::string message; ///< what is wrong: "must be a positive whole number"
};

/// The result of checking a pack: the pack when it is valid, otherwise every problem found (in file order).
struct PackCheck {
    std::optional<ScenarioPack> pack;
    std::vector<PackProblem> problems;
};

/// Checks the JSON text of a pack against the catalogues; never throws for anything in the text (a problem is
/// reported instead), only Error(Io) when the system time-zone database is missing.
PackCheck checkPack(std::string_view json, const Catalogues& catalogues);

/// The pack, or Error(Validation) whose field() is the path of the first problem and whose message lists every
/// problem ("<path>: <message>", one a line).
ScenarioPack loadPack(std::string_view json, const Catalogues& catalogues);

/// The text of a pack file: Error(FileNotFound) when it does not exist, Error(Io) when it cannot be read,
/// Error(Validation) when it is larger than MaxPackBytes.
std::string readPackFile(const std::filesystem::path& path);
/// The attachments the pack's injects name, read from `folder` (the pack's own): Error(FileNotFound, "attachment")
/// naming a file that is not there, Error(Validation, "attachment") for one larger than MaxAttachmentBytes (or all
/// together larger than MaxAttachmentsBytes) or whose content is not the image or text its name says.
PackAttachments readPackAttachments(const ScenarioPack& pack, const std::filesystem::path& folder);
inline constexpr std::uintmax_t MaxAttachmentBytes = std::uintmax_t{2} * 1024 * 1024;
inline constexpr std::uintmax_t MaxAttachmentsBytes = std::uintmax_t{8} * 1024 * 1024;

/// readPackFile, then checkPack, then its attachments beside it (a problem "attachments" naming a missing one).
PackCheck checkPackFile(const std::filesystem::path& path, const Catalogues& catalogues);

/// A pack file found in a folder: its text, checked.
struct PackFile {
    std::filesystem::path path;
    std::string text;
    PackCheck check;             ///< a file that cannot be read has one problem, for the file as a whole
    PackAttachments attachments; ///< read from beside it when the pack is valid
};

/// Every pack (*.json) in `folder`, by file name: what Start exercise offers. Empty when the folder does not exist.
std::vector<PackFile> packsIn(const std::filesystem::path& folder, const Catalogues& catalogues);

/// A key, id or code written in a pack: lower-case letters, digits and hyphens, not starting with a hyphen, at most
/// `maxLength` characters.
bool isKey(std::string_view text, std::size_t maxLength);
/// Ofcom's drama range for mobiles: 07700 900000 to 07700 900999 (spaces allowed, or +44 7700 900xxx).
bool isDramaNumber(std::string_view text);
/// A UTC offset as a pack writes it: "+01:00", "-00:30".
std::string offsetText(std::chrono::seconds offset);

/// A pack is text written by a trainer: far larger than this is not a pack.
inline constexpr std::uintmax_t MaxPackBytes = std::uintmax_t{4} * 1024 * 1024;

} // namespace wb::core::training
