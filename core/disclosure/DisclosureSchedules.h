// SPDX-License-Identifier: GPL-3.0-or-later
// The disclosure schedules of a case (issue 18), drafted as the investigation goes for the disclosure officer:
// MG6C (non-sensitive unused material), MG6D (sensitive unused material) and MG6E (the disclosure officer's report).
// Which item goes on which schedule, how items are numbered and what a schedule still lacks is decided here, once,
// for the reports, the Evidence tab and the command line.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/domain/Case.h"
#include "core/domain/Person.h"
#include "core/repo/RecordRepository.h"

namespace wb::core {
class Workspace;
}

namespace wb::core::disclosure {

enum class Schedule {
    MG6C, ///< non-sensitive unused material: the schedule the defence receives
    MG6D, ///< sensitive unused material: for the prosecutor only
};

/// "MG6C", "MG6D".
std::string_view toString(Schedule schedule) noexcept;

/// An item of unused material as a schedule lists it: its number on that schedule (1, 2, … in the order the items
/// were recorded) and its record (core::recordtype::kUnusedMaterial).
struct ScheduleItem {
    Schedule schedule = Schedule::MG6C;
    int number = 0;
    Record record;
};

/// What an item still needs before a schedule can be submitted.
enum class Gap {
    Location,          ///< where the item is held is not recorded
    SensitivityReason, ///< a sensitive item has no reason for its sensitivity (MG6D)
    NotAssessed,       ///< the disclosure test has not been applied to it (MG6E)
};

struct ItemGap {
    Schedule schedule = Schedule::MG6C;
    int number = 0;
    Gap gap = Gap::Location;
};

struct DisclosureSchedules {
    Case theCase;
    /// The case's suspects, in the order recorded ("R v …" on every schedule).
    std::vector<Person> suspects;
    /// MG6C: every item not flagged sensitive, and never one that is.
    std::vector<ScheduleItem> nonSensitive;
    /// MG6D: every item flagged sensitive.
    std::vector<ScheduleItem> sensitive;
    /// MG6E: items of either schedule that might reasonably undermine the prosecution case or assist the defence,
    /// MG6C's first.
    std::vector<ScheduleItem> mayMeetTest;
    /// What is missing, schedule by schedule and item by item.
    std::vector<ItemGap> gaps;
    /// Exhibits, devices and third-party material requests of the case not yet on either schedule.
    std::size_t notYetScheduled = 0;
};

/// Reads the schedules of a case. Throws core::Error (NotFound for an unknown case, Locked, Storage).
DisclosureSchedules disclosureSchedules(Workspace& workspace, std::int64_t caseId);

/// The records an item can be drafted from: "exhibit:<uuid>", "device:<uuid>", "tpm_request:<uuid>".
std::string sourceRef(const Record& source);

/// The case's exhibits, devices and third-party material requests that no item of unused material was drafted from
/// (in that order, each type in its own order).
std::vector<Record> unscheduledSources(Workspace& workspace, std::int64_t caseId);

/// Adds one item of unused material, a draft for the disclosure officer, for each of unscheduledSources(): its
/// description, relevant date and location from the record (an exhibit's location is where its chain of custody last
/// took it). Material about the victim or a witness (third-party material, their devices) is drafted as sensitive, so
/// that nothing reaches the MG6C before the disclosure officer has decided; everything else as not sensitive. The
/// disclosure test starts "not assessed". All or nothing; returns the items added, in order. Throws core::Error
/// (NotFound, Locked, Storage).
std::vector<Record> draftUnusedMaterial(Workspace& workspace, std::int64_t caseId);

} // namespace wb::core::disclosure
