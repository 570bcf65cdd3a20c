// SPDX-License-Identifier: GPL-3.0-or-later
// Victim letters (issue 18): plain-English letters for the occasions the Victims' Code says a victim must be told of
// (an arrest, a release on bail or under investigation, a charge, no further action with the Victims' Right to
// Review, a case closed at the victim's request). Each is a JSON file of resources/letters/ that a force can edit:
// its paragraphs hold {{placeholders}} filled from the case when the letter is written.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace wb::core::letters {

/// What a letter is about: a case event of a kind ("case_event:arrest"), a bail record of a kind ("bail:rui"), or
/// the victim's wish ("victim_wish:withdrawn").
struct EventMatch {
    std::string recordType; ///< core/records/RecordTypes.h: "case_event", "bail", "victim_wish"
    std::string value;      ///< the case event's or bail record's "kind", the wish's "wish"
};

struct LetterTemplate {
    std::string occasion;       ///< "arrest": the file's stable name, as the audit log and the contact give it
    std::string version;        ///< the force's version of the wording
    std::string name;           ///< the menu's name for it ("A suspect has been arrested")
    std::string title;          ///< the letter's heading
    std::string contactPurpose; ///< the contact-purposes code the letter is logged under when sent
    std::vector<EventMatch> events;
    std::string source;                  ///< where the rights and time limits it states come from (nom-brief)
    std::vector<std::string> paragraphs; ///< with {{placeholders}}

    /// Whether a record of `recordType` whose kind (or wish) is `value` is something this letter tells of.
    bool isAbout(std::string_view recordType, std::string_view value) const;
};

/// Every placeholder a letter may use, with what fills it:
///   victim.name          the victim's name as recorded (given and family name)
///   case.reference       the case's crime reference
///   officer.name         the workspace owner, who writes the letter
///   officer.staffNumber  the owner's staff number
///   letter.date          the day the letter is written (dd/MM/yyyy, Europe/London)
///   event.date           the day of the event it tells of (dd/MM/yyyy)
///   bail.endDate         a bail record's current end date (its latest extension, else its first end)
///   vrr.askBy            three calendar months after the letter's date: the police Victims' Right to Review's
///                        window (nom-brief §6.1)
const std::vector<std::string_view>& knownPlaceholders();

/// The placeholders `text` uses, in order of first use. Throws Error(ReferenceData) naming `origin` for an unknown
/// one or an unclosed "{{".
std::vector<std::string> placeholdersIn(std::string_view text, std::string_view origin);

/// Parses one letter file's text. Throws Error(ReferenceData) "<origin>: <where>: <what>" for anything wrong: the
/// header (kind "victim-letter", format 1, version), a missing or unknown field, an event that is not one of the
/// three forms, an unknown placeholder.
LetterTemplate parseLetter(std::string_view json, std::string_view origin);

/// Every letter of a folder (*.json), by occasion. Throws Error(ReferenceData) naming the file for a bad one, or two
/// files with the same occasion; an empty or missing folder gives none.
std::vector<LetterTemplate> loadLetters(const std::filesystem::path& folder);

/// The letter's paragraphs with every placeholder replaced by its value. Throws Error(Validation, "<placeholder>")
/// ("the letter needs bail.endDate") when one the letter uses has no value (or an empty one); nothing is half-filled.
std::vector<std::string> fill(const LetterTemplate& letter, const std::map<std::string, std::string>& values);

} // namespace wb::core::letters
