// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <functional>

#include "core/domain/Time.h"

namespace wb::core {

class Workspace;

/// What one generated case holds (issue 7: about 10 people, 30 contacts, 20 enquiries,
/// 10 decisions, 15 timeline events, 5 exhibits and devices).
struct GeneratorShape {
    int people = 10; ///< 1 victim, 2 suspects, the rest witnesses; each with a phone identifier
    int contacts = 30;
    int enquiries = 20;
    int decisions = 10;
    int timelineEvents = 15;
    int exhibits = 3;
    int devices = 2;
};

struct GeneratorOptions {
    int cases = 1000;
    std::uint64_t seed = 1;
    GeneratorShape shape;
    /// The newest case is reported shortly before this instant and every date lies before it,
    /// so the same seed gives the same content whenever it runs (it must not be in the future).
    Instant anchor = std::chrono::sys_days{std::chrono::year{2026} / 11 / 1};
    /// Cases per transaction.
    int batch = 50;
    /// Called after each batch with (cases done, cases in all).
    std::function<void(int, int)> progress;
};

struct GeneratorReport {
    int cases = 0;
    std::int64_t people = 0;
    std::int64_t records = 0;
};

/// Fills a workspace with synthetic, obviously fictional cases for benchmarks and load tests:
/// invented surnames built from syllables, drama-range phone numbers (07700 900xxx), case
/// references GEN/<n>. Deterministic for a seed: the same options give the same cases, people,
/// records and UUIDs (the audit log's own timestamps differ). Writes through the repositories,
/// so every record is validated, indexed for search and audited like an officer's.
/// Throws Error(AlreadyExists) when a generated reference is already in the workspace.
GeneratorReport generateWorkspace(Workspace& workspace, const GeneratorOptions& options);

} // namespace wb::core
