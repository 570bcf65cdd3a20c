// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include <boost/signals2/signal.hpp>

#include "core/audit/AuditLog.h"
#include "core/domain/Time.h"
#include "core/records/RecordSpec.h"
#include "core/repo/Connection.h"

namespace wb::core {

class ReferenceData;

/// One stored record of any RecordSpec type.
struct Record {
    const RecordSpec* spec = nullptr;
    std::int64_t id = 0;
    std::string uuid;
    std::int64_t caseId = 0;
    std::int64_t parentId = 0; ///< the case, or the parent record (exhibit, bail record, person)
    Values values;
    Instant createdAt{};
    Instant updatedAt{};

    /// The value of one field, empty when not recorded.
    const std::string& get(std::string_view key) const;
};

/// Every record type of a case (decisions, timeline, exhibits, devices, bail, …)
/// through one set of rules taken from its RecordSpec: each write validates every
/// field (naming the first at fault), runs in one transaction with its audit entry
/// and search-index update, and announces itself on `changed` only after commit.
class RecordRepository
{
public:
    struct Event {
        ChangeKind kind;
        Record record; ///< for Removed: spec, id, uuid, caseId and parentId
    };

    RecordRepository(const Connection& connection, std::shared_ptr<const ReferenceData> lists);

    /// Throws Error(Validation) naming the field, Error(NotFound) for a missing parent.
    Record add(const RecordSpec& spec, std::int64_t parentId, const Values& values);
    /// Replaces the values of a record. Throws Error(Immutable) for an immutable type.
    Record update(const RecordSpec& spec, std::int64_t id, const Values& values);
    /// Removes a record (and its child records). Throws Error(Immutable) for an immutable type.
    void remove(const RecordSpec& spec, std::int64_t id);

    std::optional<Record> find(const RecordSpec& spec, std::int64_t id) const;
    std::optional<Record> findByUuid(const RecordSpec& spec, std::string_view uuid) const;
    /// Stores a record received from elsewhere (a handover bundle): spec, parentId,
    /// uuid, values and timestamps from `incoming`, validated like any other; the
    /// audit entry names `actor`.
    /// `notes` are added to the audit entry's details (where the record came from).
    Record import(const Record& incoming, const std::string& actor, const std::vector<audit::FieldChange>& notes = {});
    /// Records under one parent (a case, or e.g. an exhibit for movements), in the spec's order.
    std::vector<Record> list(const RecordSpec& spec, std::int64_t parentId) const;
    /// Every record of the type in a case, whatever its parent.
    std::vector<Record> listForCase(const RecordSpec& spec, std::int64_t caseId) const;

    /// Checks and normalises values as add/update would, without saving (for forms). `parentId`: the parent
    /// record for checks over it and its other children (a bail extension's bail record); 0 skips them.
    Values validate(const RecordSpec& spec,
                    std::int64_t caseId,
                    const Values& values,
                    std::int64_t recordId = 0,
                    std::int64_t parentId = 0) const;

    boost::signals2::signal<void(const Event&)> changed;

private:
    Record insert(Record record,
                  const std::optional<std::string>& importActor,
                  const std::vector<audit::FieldChange>& notes = {});
    std::int64_t caseOf(const RecordSpec& spec, std::int64_t parentId) const;
    void indexForSearch(const Record& record) const;

    const Connection& m_connection;
    std::shared_ptr<const ReferenceData> m_lists;
};

/// Appends a Delete audit entry (and drops the search entry) for every record that a
/// parent's removal takes with it through ON DELETE CASCADE, grandchildren included.
/// For parentTable "cases" that is every record of the case.
void noteCascadedRemoval(store::Database& db,
                         const std::string& actor,
                         std::string_view parentTable,
                         std::int64_t parentId);

} // namespace wb::core
