// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/repo/RecordRepository.h"

namespace wb::core {
class ReferenceList;
}

/// The Victims' Code record of one victim: what was done to meet each of the Code's rights, and the enhanced-rights
/// opt-out. The Victim tab's grid and the printed victim contact report both read it from here.
namespace wb::core::victim {

/// What is recorded for one right of the Code (a victims-code-rights item).
struct RightRecord {
    std::string code;            ///< "r01"…
    std::string label;           ///< the reference list's name for the right
    std::string examples;        ///< the list's guidance on what meets it ("examples"); may be empty
    std::vector<Record> entries; ///< the victim's victim_right entries for it, earliest done first
};

struct VictimsCodeRecord {
    std::vector<RightRecord> rights; ///< every right of the list, in the list's order
    bool enhancedRights = true;      ///< the person's flag: yes unless the victim opted out
    /// When enhanced rights are off: the latest Right 4 entry that records the opt-out (isOptOutEntry); nothing when
    /// none does (the record is then incomplete, and the Victim tab and the report say so).
    std::optional<Record> optOut;
};

/// The right under which an opt-out of enhanced rights is recorded (Right 4: information about the
/// enhanced-rights choice).
inline constexpr std::string_view kOptOutRight = "r04";

/// Whether a Right 4 entry's action records an opt-out of enhanced rights: it says "opted out of enhanced rights"
/// (any case), or starts with `localMarker` (the words the Victim tab's "Record the opt-out…" starts an entry
/// with, in the interface's language), when one is given.
bool isOptOutEntry(const Record& entry, std::string_view localMarker = {});

/// The record from entries already read: `entries` are victim_right records of a case (any victim, any order),
/// `rights` the victims-code-rights list. Entries for a code not in the list are left out. Pure.
VictimsCodeRecord victimsCodeRecord(const std::vector<Record>& entries,
                                    const ReferenceList& rights,
                                    std::int64_t victimId,
                                    bool enhancedRights,
                                    std::string_view localMarker = {});

} // namespace wb::core::victim
