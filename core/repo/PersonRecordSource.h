// SPDX-License-Identifier: GPL-3.0-or-later
// Repeat-suspect matching (issue 16): the workspace's people as the matching engine reads them. Each person's row
// and their identifiers are read in two queries whatever the number of people (never one query per person), and the
// identifiers are sorted into the PersonRecord's lists by kind. Read-only; no signal, no audit entry.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "core/domain/Time.h"
#include "core/matching/MatchTypes.h"
#include "core/repo/Connection.h"

namespace wb::core {

class PersonRecordSource
{
public:
    explicit PersonRecordSource(const Connection& connection);

    /// One person, or std::nullopt when there is no person with that id.
    std::optional<matching::PersonRecord> find(std::int64_t personId) const;
    /// Every person of every case, by id. With `changedSince`, only those whose own row or one of whose identifiers
    /// was added or updated after that instant; when an identifier was removed after it (the audit log says so, not
    /// whose), every person, so that the one who lost it is not missed. Persons removed are not in it (find() says
    /// they are gone).
    std::vector<matching::PersonRecord> all(std::optional<Instant> changedSince = std::nullopt) const;
    /// The people of one case, by id.
    std::vector<matching::PersonRecord> forCase(std::int64_t caseId) const;

private:
    const Connection& m_connection;
};

} // namespace wb::core
