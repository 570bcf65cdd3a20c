// SPDX-License-Identifier: GPL-3.0-or-later
// What every benchmark family shares (tests/bench/README.md): the generated workspaces and their
// plain copies, the catalogues, the key derived once per size, the workspaces kept open for the
// read benchmarks, and the queries and cases several families use.
//
// Environment:
//   WB_BENCH_DIR    where generated workspaces are kept between runs (default ./bench-data)
//   WB_BENCH_SIZES  comma-separated case counts (default 1000,10000,50000)
//   WB_BENCH_KDF    "minimum" for the cheapest key derivation (the ctest smoke run only)
// The first run at a size generates the workspace (deterministic, seed 1): minutes at 50k.
#pragma once

#include <benchmark/benchmark.h>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <vector>

#include "core/Workspace.h"
#include "core/nom/OffenceCatalogue.h"
#include "core/records/RecordSpec.h"
#include "core/reference/ReferenceData.h"
#include "core/store/Database.h"
#include "core/store/KeyDerivation.h"

#ifdef WB_BENCH_HAS_DEADLINES
#include "core/deadlines/DeadlineService.h"
#endif

namespace wb::bench {

using SteadyClock = std::chrono::steady_clock;

inline constexpr const char* Passphrase = "benchmark passphrase for fictional data only";

/// The Today list reads the most urgent page, as the GUI does (TodayModel::pageSize() + 1).
inline constexpr std::size_t TodayPage = 1001;

std::filesystem::path resources();
std::shared_ptr<const core::OffenceCatalogue> offences();
std::shared_ptr<const core::ReferenceData> lists();
#ifdef WB_BENCH_HAS_DEADLINES
const core::deadlines::DeadlineService& deadlines();
#endif

std::filesystem::path benchDir();
std::vector<int> sizes();
std::filesystem::path encryptedPath(int n);
std::filesystem::path plainPath(int n);

/// The key derivation the workspaces are created with: "minimum" for the smoke test only.
core::store::KdfParams kdfParams();

/// The instant the generated data is anchored at; "now" for deadline queries.
core::Instant anchor();

/// Generates the workspace (and its plain copy) the first time a size is asked for.
void ensureData(int n);

/// The key, derived once per size: unlock is measured after key derivation.
core::store::KeyMaterial keyFor(int n);

/// The same repositories over a plain (unkeyed) copy, opened and configured as the workspace is.
struct PlainWorkspace {
    std::unique_ptr<core::store::Database> db;
    core::Connection connection;
    core::CaseRepository cases{connection, offences(), lists()};
    core::PersonRepository people{connection};
    core::RecordRepository records{connection, lists()};

    explicit PlainWorkspace(int n);
};

// Opened once per size and kept for the read benchmarks; closed before a benchmark that opens
// the file itself (a workspace holds an exclusive lock).
core::Workspace& encrypted(int n);
PlainWorkspace& plain(int n);
void closeOpen();

/// The case list's first page as the benchmarks read it: open cases matching "GEN/0", newest first, 200.
core::CaseRepository::Query caseListQuery();

/// The case the save benchmarks write to (a case in the middle of the workspace). Each run adds
/// 400 records to it, so nothing that is read-timed uses it.
std::int64_t middleCase(core::store::Database& db);

/// The case the read benchmarks open: one third of the way in, as generated (no benchmark writes to it).
std::int64_t readCase(core::store::Database& db);

/// Everything a case window's tabs read: the case, its people and every record type.
template <typename Cases, typename People, typename Records>
std::size_t openCase(Cases& cases, People& people, Records& records, std::int64_t id)
{
    std::size_t n = cases.find(id).has_value() ? 1 : 0;
    n += people.listForCase(id).size();
    for (const auto& spec : core::recordSpecs()) {
        n += records.listForCase(spec, id).size();
    }
    return n;
}

/// Registers `fn` once per size in WB_BENCH_SIZES, timed in milliseconds.
benchmark::internal::Benchmark* perSize(const char* name, void (*fn)(benchmark::State&));

/// p50 and p99 of the given times as the counters p50_ms and p99_ms.
void reportPercentiles(benchmark::State& state, std::vector<double>& ms);

} // namespace wb::bench
