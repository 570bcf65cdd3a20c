// SPDX-License-Identifier: GPL-3.0-or-later
// The due list: Today's first page, Today after one case changed, and every case re-evaluated.
// Built only when core has the deadline service (WB_BENCH_HAS_DEADLINES).
#include <cstddef>
#include <string>

#include "tests/bench/BenchFixture.h"
#include "tests/bench/Benchmarks.h"

namespace wb::bench {

namespace {

void BM_Today_enc(benchmark::State& state)
{
    auto& ws = encrypted(static_cast<int>(state.range(0)));
    std::size_t items = 0;
    for (auto _ : state) {
        auto today = deadlines().today(ws, anchor(), {}, std::chrono::days(14), TodayPage);
        items = today.size();
        benchmark::DoNotOptimize(today.data());
    }
    state.counters["items"] = static_cast<double>(items);
}

/// Today after one case changed (the live update after a save): that case re-evaluated and stored,
/// then the page read.
void BM_TodayAfterChange_enc(benchmark::State& state)
{
    auto& ws = encrypted(static_cast<int>(state.range(0)));
    auto& db = ws.connectionForImport();
    const auto id = readCase(db);
    for (auto _ : state) {
        state.PauseTiming();
        db.exec("INSERT OR IGNORE INTO due_dirty (case_id) VALUES (" + std::to_string(id) + ")");
        state.ResumeTiming();
        auto today = deadlines().today(ws, anchor(), {}, std::chrono::days(14), TodayPage);
        benchmark::DoNotOptimize(today.data());
    }
}

/// Every case evaluated and stored afresh, as after the rules or the app version change (once).
void BM_DueListRebuild_enc(benchmark::State& state)
{
    auto& ws = encrypted(static_cast<int>(state.range(0)));
    auto& db = ws.connectionForImport();
    std::size_t cases = 0;
    for (auto _ : state) {
        state.PauseTiming();
        db.exec("UPDATE meta SET value = 'stale' WHERE key = 'due_index_fingerprint'");
        state.ResumeTiming();
        cases = deadlines().refresh(ws);
    }
    state.counters["items"] = static_cast<double>(cases);
}

} // namespace

void registerTodayBenchmarks()
{
    perSize("Today/enc", BM_Today_enc);
    perSize("TodayAfterChange/enc", BM_TodayAfterChange_enc);
    perSize("DueListRebuild/enc", BM_DueListRebuild_enc)->Iterations(1);
}

} // namespace wb::bench
