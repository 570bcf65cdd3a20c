// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/cases/RecordEditing.h"

#include "core/Error.h"

namespace wb::core::records {

Record saveRecord(RecordRepository& records, const RecordDraft& draft)
{
    if (draft.spec == nullptr) {
        throw Error(ErrorCode::Storage, "a record draft without a record type");
    }
    return draft.id == 0 ? records.add(*draft.spec, draft.parentId, draft.values)
                         : records.update(*draft.spec, draft.id, draft.values);
}

void removeRecord(RecordRepository& records, const RecordSpec& spec, std::int64_t id)
{
    records.remove(spec, id);
}

} // namespace wb::core::records
