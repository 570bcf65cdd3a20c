// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>

#include "core/repo/RecordRepository.h"

/// The generic record use cases behind the record tabs and forms: a typed draft in,
/// the stored record out. Widgets call these, never the repository's writes.
namespace wb::core::records {

/// One record as a form collects it.
struct RecordDraft {
    const RecordSpec* spec = nullptr;
    std::int64_t id = 0;       ///< 0 for a new record
    std::int64_t parentId = 0; ///< for a new record: the case or parent record it goes under
    Values values;
};

/// Adds the draft (id 0) or replaces the stored record's values. Throws Error(Validation)
/// naming the field at fault, Error(NotFound), Error(Immutable) for a change to an immutable type.
Record saveRecord(RecordRepository& records, const RecordDraft& draft);

/// Removes a record and the records under it. Throws Error(Immutable) for an immutable type.
void removeRecord(RecordRepository& records, const RecordSpec& spec, std::int64_t id);

} // namespace wb::core::records
