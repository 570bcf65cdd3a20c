// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <boost/signals2/signal.hpp>

#include "core/audit/AuditLog.h"
#include "core/domain/Case.h"
#include "core/repo/Connection.h"

namespace wb::core {

class OffenceCatalogue;
class ReferenceData;

/// Cases in the workspace. Every write is one transaction; `changed` fires only
/// after that transaction commits, never for one rolled back.
class CaseRepository
{
public:
    struct Event {
        ChangeKind kind;
        Case record; ///< for Removed, only id and uuid are meaningful
    };

    CaseRepository(const Connection& connection,
                   std::shared_ptr<const OffenceCatalogue> offences,
                   std::shared_ptr<const ReferenceData> lists);

    /// Validates and stores a new case. Throws Error(Validation) naming the field,
    /// Error(Conflict) when the reference is already used, Error(Locked) when locked.
    Case add(const CaseDraft& draft);
    /// Saves the editable fields of an existing case (matched by id).
    Case update(const Case& record);
    /// Removes a case and the people linked to it.
    void remove(std::int64_t id);

    std::optional<Case> find(std::int64_t id) const;
    std::optional<Case> findByUuid(std::string_view uuid) const;
    /// Stores a case received from elsewhere (a handover bundle) with its own uuid and
    /// timestamps, validated like any other; the audit entry names `actor`.
    /// `notes` are added to the audit entry's details (where the record came from).
    Case import(const Case& incoming, const std::string& actor, const std::vector<audit::FieldChange>& notes = {});
    /// All cases, most recently reported first.
    std::vector<Case> list() const;

    /// One page of the case list: what a list view shows without reading every case. Filter and
    /// sort are done in SQL, so a list view never needs every case in memory.
    struct Query {
        /// The columns a list can be sorted by; NextDue is the case's earliest open item in the
        /// stored due list (cases without one come last, whichever the direction).
        enum class SortKey { Reference, Operation, Offence, Status, Reported, NextDue };

        /// Part of the reference, the operation name or the primary offence's title
        /// (case-insensitive for ASCII letters); empty = all.
        std::string text;
        /// Statuses whose shown word contains `text` (the words are the UI's): their cases match too.
        std::vector<CaseStatus> statusesMatchingText;
        std::optional<CaseStatus> status; ///< only open or only closed cases
        SortKey sortBy = SortKey::Reported;
        bool descending = true; ///< the default: most recently reported first
        std::int64_t offset = 0;
        int limit = 200;
    };
    /// The cases matching `query`, in its order, from `offset`, at most `limit`. Ties are broken by
    /// the report time (newest first) and then the id, so pages never overlap or skip a case.
    /// The default order (reported, newest first), by reference and by status use an index, so the
    /// first page costs the same in a workspace of a thousand cases as of fifty thousand.
    std::vector<Case> page(const Query& query) const;
    /// How many cases match the query's text and status (for "showing 200 of 1,234").
    std::int64_t count(const Query& query) const;
    /// SQLite's plan for page(query) (EXPLAIN QUERY PLAN, one step a line): for tests.
    std::string pagePlan(const Query& query) const;
    std::int64_t count() const;

    /// Throws Error(Validation) naming the first field at fault; used by add/update
    /// and by forms that want the same rule before saving.
    void validate(const CaseDraft& draft) const;

    boost::signals2::signal<void(const Event&)> changed;

private:
    void checkReferenceFormat(const std::string& reference) const;
    Case insert(Case record, const std::string& actor, const std::vector<audit::FieldChange>& notes = {});

    const Connection& m_connection;
    std::shared_ptr<const OffenceCatalogue> m_offences;
    std::shared_ptr<const ReferenceData> m_lists;
    struct Patterns;
    mutable std::shared_ptr<Patterns> m_referencePatterns; ///< compiled once from crime-reference-formats
};

} // namespace wb::core
