// SPDX-License-Identifier: GPL-3.0-or-later
// A case's facts as every reader sees them (issue 14, "Enter each fact once"): the context answers merged with the
// facts its records hold, through nom::mergeFacts. The rules engine (plan), the journey checklists, the context
// summary and the Context flow read them here; the deadline snapshot reads the same records in SQL and merges them
// with the same function (core/deadlines/CollectSnapshots).
#pragma once

#include <cstdint>

#include "core/domain/Time.h"
#include "core/nom/DerivedFacts.h"

namespace wb::core {
class Workspace;
namespace nom {
class QuestionCatalogue;
}
} // namespace wb::core

namespace wb::core::cases {

/// What the case's records say about the facts (Overview, People, relationships, ISVA referrals, bail records, and
/// the other cases its suspects are linked to by "same person" decisions: core/suspects/RepeatSuspects).
/// Throws Error(NotFound) when the case does not exist, and what the repositories throw.
nom::CaseRecordFacts recordFacts(Workspace& workspace, std::int64_t caseId);

/// The merged facts of a case at `now`, with where each comes from. Throws as recordFacts.
nom::MergedFacts
caseFacts(Workspace& workspace, std::int64_t caseId, const nom::QuestionCatalogue& questions, Instant now);

} // namespace wb::core::cases
