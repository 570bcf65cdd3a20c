// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/letters/VictimLetter.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>

#include "core/Error.h"
#include "core/Workspace.h"
#include "core/domain/LondonTime.h"
#include "core/records/BailPeriod.h"
#include "core/records/RecordSpec.h"
#include "core/records/RecordTypes.h"
#include "core/victim/VictimContact.h"

namespace wb::core::letters {

namespace {

std::string ukDate(std::chrono::year_month_day date)
{
    char text[16];
    std::snprintf(text, sizeof text, "%02u/%02u/%04d", static_cast<unsigned>(date.day()),
                  static_cast<unsigned>(date.month()), static_cast<int>(date.year()));
    return text;
}

/// "YYYY-MM-DD" as "dd/MM/yyyy"; empty for anything else.
std::string ukDateOfIso(const std::string& iso)
{
    int y = 0;
    unsigned m = 0;
    unsigned d = 0;
    if (iso.size() != 10 || std::sscanf(iso.c_str(), "%4d-%2u-%2u", &y, &m, &d) != 3) {
        return {};
    }
    const std::chrono::year_month_day date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
    return date.ok() ? ukDate(date) : std::string();
}

/// What a record is, for matching a letter: its type and kind (or wish).
std::pair<std::string, std::string> eventKey(const Record& event)
{
    if (event.spec == nullptr) {
        return {};
    }
    const std::string type(event.spec->type);
    return {type, type == recordtype::kVictimWish ? event.get("wish") : event.get("kind")};
}

/// A bail record's current end: its latest extension's, else its first, with the days awaiting a CPS decision
/// counted out (PACE s.47ZL); empty while that clock is paused or no end is recorded.
std::string bailEnd(Workspace& workspace, const Record& bailRecord)
{
    std::string end = bailRecord.get("abp_end");
    std::string latestAuthorised;
    for (const auto& extension : workspace.records().list(recordSpec(recordtype::kBailExtension), bailRecord.id)) {
        if (extension.get("authorised_on") >= latestAuthorised) {
            latestAuthorised = extension.get("authorised_on");
            end = extension.get("new_end");
        }
    }
    if (end.empty()) {
        return {};
    }
    std::vector<bail::Pause> pauses;
    for (const auto& pause : workspace.records().list(recordSpec(recordtype::kBailPause), bailRecord.id)) {
        pauses.push_back({pause.get("from_date"), pause.get("to_date")});
    }
    const auto period = bail::applyPauses(bailRecord.get("arrested_on"), end, pauses);
    return period.pausedSince ? std::string() : ukDateOfIso(period.end.empty() ? end : period.end);
}

/// Three calendar months after `date`, on the same day of the month, or the month's last day when it has none.
std::chrono::year_month_day threeMonthsAfter(std::chrono::year_month_day date)
{
    using namespace std::chrono;
    const year_month later = year_month{date.year(), date.month()} + months{3};
    const day last = year_month_day_last{later.year(), month_day_last{later.month()}}.day();
    return {later.year(), later.month(), std::min(date.day(), last)};
}

} // namespace

std::vector<Record> eventsForLetters(Workspace& workspace,
                                     std::int64_t caseId,
                                     std::int64_t victimId,
                                     const std::vector<LetterTemplate>& letters)
{
    std::vector<std::pair<std::string, Record>> dated; // (ISO date or instant, record)
    const auto consider = [&](Record record, const std::string& when) {
        if (!lettersAbout(letters, record).empty()) {
            dated.emplace_back(when, std::move(record));
        }
    };
    for (auto& event : workspace.records().listForCase(recordSpec(recordtype::kCaseEvent), caseId)) {
        const std::string when = event.get("occurred_at");
        consider(std::move(event), when);
    }
    for (auto& bailRecord : workspace.records().listForCase(recordSpec(recordtype::kBail), caseId)) {
        const std::string when = bailRecord.get("start_date");
        consider(std::move(bailRecord), when);
    }
    const std::string victim = std::to_string(victimId);
    for (auto& wish : workspace.records().listForCase(recordSpec(recordtype::kVictimWish), caseId)) {
        if (wish.get("victim_id") == victim) {
            const std::string when = wish.get("recorded_at");
            consider(std::move(wish), when);
        }
    }
    // ISO dates and instants sort as time does; a date sorts before instants of the same day.
    std::stable_sort(dated.begin(), dated.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    std::vector<Record> events;
    events.reserve(dated.size());
    for (auto& [when, record] : dated) {
        events.push_back(std::move(record));
    }
    return events;
}

std::vector<const LetterTemplate*> lettersAbout(const std::vector<LetterTemplate>& letters, const Record& event)
{
    const auto [type, value] = eventKey(event);
    std::vector<const LetterTemplate*> fitting;
    for (const auto& letter : letters) {
        if (!type.empty() && letter.isAbout(type, value)) {
            fitting.push_back(&letter);
        }
    }
    return fitting;
}

std::string eventDate(const Record& event)
{
    const auto [type, value] = eventKey(event);
    if (type == recordtype::kBail) {
        return ukDateOfIso(event.get("start_date"));
    }
    const std::string& at = event.get(type == recordtype::kVictimWish ? "recorded_at" : "occurred_at");
    const auto instant = parseIsoUtc(at);
    return instant ? ukDate(london::date(*instant)) : std::string();
}

VictimLetter writeLetter(Workspace& workspace,
                         std::int64_t caseId,
                         std::int64_t victimId,
                         const LetterTemplate& letter,
                         const Record& event,
                         Instant now)
{
    const auto theCase = workspace.cases().find(caseId);
    if (!theCase) {
        throw Error(ErrorCode::NotFound, "no case with id " + std::to_string(caseId), "case");
    }
    const auto victim = workspace.people().find(victimId);
    if (!victim || victim->caseId != caseId || victim->role != PersonRole::Victim) {
        throw Error(ErrorCode::NotFound, "no victim of this case with id " + std::to_string(victimId), "victim");
    }
    const auto [type, value] = eventKey(event);
    if (event.caseId != caseId || !letter.isAbout(type, value)) {
        throw Error(ErrorCode::Validation, "the " + letter.occasion + " letter does not tell of this record", "event");
    }
    const auto owner = workspace.info().owner;
    const auto today = london::date(now);
    std::map<std::string, std::string> values{
        {"victim.name",
         victim->givenName + (victim->givenName.empty() || victim->familyName.empty() ? "" : " ") + victim->familyName},
        {"case.reference", theCase->reference},
        {"officer.name", owner.displayName},
        {"officer.staffNumber", owner.staffNumber},
        {"letter.date", ukDate(today)},
        {"event.date", eventDate(event)},
        {"vrr.askBy", ukDate(threeMonthsAfter(today))},
    };
    if (type == recordtype::kBail) {
        values["bail.endDate"] = bailEnd(workspace, event);
    }
    VictimLetter written;
    written.paragraphs = fill(letter, values);
    written.letter = letter;
    written.victim = *victim;
    written.event = event;
    written.caseReference = theCase->reference;
    written.title = letter.title;
    return written;
}

VictimLetter writeLetter(Workspace& workspace,
                         std::int64_t caseId,
                         std::int64_t victimId,
                         const std::vector<LetterTemplate>& letters,
                         std::string_view occasion,
                         std::string_view eventType,
                         std::int64_t eventId,
                         Instant now)
{
    const auto letter =
        std::find_if(letters.begin(), letters.end(), [&](const auto& l) { return l.occasion == occasion; });
    if (letter == letters.end()) {
        throw Error(ErrorCode::NotFound, "no letter for the occasion " + std::string(occasion), "letter");
    }
    const RecordSpec* spec = nullptr;
    for (const auto& candidate : recordSpecs()) {
        if (candidate.type == eventType) {
            spec = &candidate;
        }
    }
    const auto event = spec != nullptr ? workspace.records().find(*spec, eventId) : std::nullopt;
    if (!event) {
        throw Error(ErrorCode::NotFound, "the event the letter tells of is not in the case", "event");
    }
    return writeLetter(workspace, caseId, victimId, *letter, *event, now);
}

Record recordLetterSent(Workspace& workspace, std::int64_t caseId, const VictimLetter& letter, Instant now)
{
    victim::ContactDraft draft;
    draft.caseId = caseId;
    draft.victimId = letter.victim.id;
    draft.contactedAt = now;
    draft.method = "letter";
    draft.purpose = letter.letter.contactPurpose;
    draft.byWhom = workspace.info().owner.displayName;
    draft.explained =
        "Letter sent: " + letter.title + " (" + letter.letter.occasion + ", version " + letter.letter.version + ")";
    if (victim::purposeExplainsEvents(draft.purpose) && letter.event.spec != nullptr &&
        letter.event.spec->type != recordtype::kVictimWish) {
        draft.explainedEvents = {letter.event.uuid};
    }
    return victim::recordContact(workspace.records(), draft).contact;
}

} // namespace wb::core::letters
