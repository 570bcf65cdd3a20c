// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include <boost/signals2/signal.hpp>

#include "core/audit/AuditLog.h"
#include "core/domain/Person.h"
#include "core/repo/Connection.h"

namespace wb::core {

/// Victims, suspects and witnesses, each linked to one case. Same transaction and
/// signal rules as CaseRepository.
class PersonRepository
{
public:
    struct Event {
        ChangeKind kind;
        Person record; ///< for Removed, only id, uuid and caseId are meaningful
    };

    explicit PersonRepository(const Connection& connection);

    Person add(const PersonDraft& draft);
    Person update(const Person& record);
    void remove(std::int64_t id);

    std::optional<Person> find(std::int64_t id) const;
    std::optional<Person> findByUuid(std::string_view uuid) const;
    /// Stores a person received from elsewhere (a handover bundle) with its own uuid
    /// and timestamps, validated like any other; the audit entry names `actor`.
    /// `notes` are added to the audit entry's details (where the record came from).
    Person import(const Person& incoming, const std::string& actor, const std::vector<audit::FieldChange>& notes = {});
    /// The people of one case: victims, then suspects, then witnesses; by name within a role.
    std::vector<Person> listForCase(std::int64_t caseId) const;

    /// Looking a person up across every case (the basis of repeat-suspect matching): each
    /// given criterion must match; names case-insensitively and whole, the date of birth
    /// exactly, the phone number as recorded in an identifier of kind "phone". Indexed.
    struct Lookup {
        std::string familyName;
        std::string givenName;
        std::string dateOfBirth; ///< "YYYY-MM-DD"
        std::string phone;
        int limit = 200;
    };
    /// Matches, most recently added first. At least one criterion is required
    /// (Error(Validation) otherwise).
    std::vector<Person> lookup(const Lookup& query) const;

    void validate(const PersonDraft& draft) const;

    boost::signals2::signal<void(const Event&)> changed;

private:
    Person insert(Person record, const std::string& actor, const std::vector<audit::FieldChange>& notes = {});

    const Connection& m_connection;
};

} // namespace wb::core
