// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/domain/Person.h"
#include "core/domain/Time.h"
#include "core/letters/LetterTemplate.h"
#include "core/repo/RecordRepository.h"

namespace wb::core {
class Workspace;
}

namespace wb::core::letters {

/// A victim letter written for one event of a case: the template's heading and paragraphs filled from the case.
struct VictimLetter {
    LetterTemplate letter;
    Person victim;
    Record event; ///< the case event, bail record or victim wish it tells of
    std::string caseReference;
    std::string title;
    std::vector<std::string> paragraphs;
};

/// The records of a case that some letter tells `victimId` of, newest first: case events and bail records of the
/// case, and that victim's own wishes. Throws core::Error (Locked, Storage).
std::vector<Record> eventsForLetters(Workspace& workspace,
                                     std::int64_t caseId,
                                     std::int64_t victimId,
                                     const std::vector<LetterTemplate>& letters);

/// The letters that tell of `event`, in the order given.
std::vector<const LetterTemplate*> lettersAbout(const std::vector<LetterTemplate>& letters, const Record& event);

/// The date a letter gives for `event` ("dd/MM/yyyy", Europe/London): a case event's occurred_at, a bail record's
/// start date, a wish's recorded_at. Empty when not recorded.
std::string eventDate(const Record& event);

/// Writes `letter` to the victim about `event` at `now` (the letter's date, and the start of the Victims' Right to
/// Review's three months). Throws Error(NotFound, "victim") for someone who is not a victim of the case,
/// Error(Validation, "event") for an event the letter does not tell of, Error(Validation, "<placeholder>") when the
/// case lacks what the letter needs (a bail record without an end: "bail.endDate"), Locked, Storage.
VictimLetter writeLetter(Workspace& workspace,
                         std::int64_t caseId,
                         std::int64_t victimId,
                         const LetterTemplate& letter,
                         const Record& event,
                         Instant now);

/// The same, with the letter found by its occasion among `letters` and the event by its record type ("case_event",
/// "bail", "victim_wish") and id: Error(NotFound, "letter") or Error(NotFound, "event") when either is not there.
VictimLetter writeLetter(Workspace& workspace,
                         std::int64_t caseId,
                         std::int64_t victimId,
                         const std::vector<LetterTemplate>& letters,
                         std::string_view occasion,
                         std::string_view eventType,
                         std::int64_t eventId,
                         Instant now);

/// Logs a letter as sent at `now`: a contact with the victim by letter (contact-methods "letter"), for the letter's
/// purpose, by the workspace owner, saying which letter ("Letter sent: <title> (<occasion>, version <v>)"), and,
/// for a purpose that meets Right 6 items, the event it told of (its explained_events). Returns the contact.
/// Throws as core::victim::recordContact (Validation naming the field).
Record recordLetterSent(Workspace& workspace, std::int64_t caseId, const VictimLetter& letter, Instant now);

} // namespace wb::core::letters
