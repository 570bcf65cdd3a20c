// SPDX-License-Identifier: GPL-3.0-or-later
// The debrief file a trainee hands to the trainer (issue 17), and the trainer's class debrief over several of them.
// The file is JSON, format "rasso-workbench-debrief" version 1 (documented in resources/training/README.md). It holds
// the exercise's debrief and nothing else: no passphrase, no key, no path, nothing from outside the scenario's case.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/training/Debrief.h"

namespace wb::core::training {

inline constexpr std::string_view DebriefFormat = "rasso-workbench-debrief";
inline constexpr int DebriefFormatVersion = 1;

/// The debrief as the file's JSON text (pretty-printed, UTF-8).
std::string debriefJson(const Debrief& debrief);

/// Reads a debrief file's text. Error(Validation, "debriefFile") for text that is not a debrief of this format, its
/// message naming `origin` (the file's name) and the field at fault (e.g. "lines[3].outcome");
/// Error(Validation, "debriefVersion") for a later format.
Debrief parseDebrief(std::string_view json, std::string_view origin);

/// Reads a debrief file: Error(NotFound, "file") when it cannot be read, otherwise as parseDebrief.
Debrief readDebriefFile(const std::filesystem::path& path);

/// One model line across the room.
struct ClassLine {
    std::string enquiry;
    std::string title;
    nom::Principle principle = nom::Principle::SuspectFocused;
    int weight = 1;
    int missed = 0;   ///< trainees who neither followed nor declined it
    int declined = 0; ///< trainees who declined it with a rationale
};

/// One credibility-focused choice across the room.
struct ClassChoice {
    std::string error;
    std::string title;
    std::string learningPoint; ///< its text
    int trainees = 0;          ///< how many made it
};

/// What the room did with one pack.
struct ClassDebrief {
    std::string packId;
    std::string packVersion;
    std::string packTitle;
    std::vector<std::string> trainees;   ///< as the files name them, in the order read
    std::vector<ClassLine> lines;        ///< missed most first; ties by weight (highest first), then the pack's order
    std::vector<ClassChoice> choices;    ///< made most first, then the pack's order; only those someone made
    std::vector<PrincipleResult> totals; ///< summed over the room, per principle
    int deadlinesMissed = 0;             ///< model deadlines missed, summed over the room
    int deadlinesLate = 0;
};

/// Puts the room's debriefs together. Error(Validation, "debriefPack") when they are not all of one pack and version
/// (each exercise is debriefed on its own) or when there are none.
ClassDebrief classDebrief(const std::vector<Debrief>& debriefs);

} // namespace wb::core::training
