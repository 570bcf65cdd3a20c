// SPDX-License-Identifier: GPL-3.0-or-later
// Opening one case with everything its window's tabs read (encrypted and plain).
#include "tests/bench/BenchFixture.h"
#include "tests/bench/Benchmarks.h"

namespace wb::bench {

namespace {

void BM_OpenCase_enc(benchmark::State& state)
{
    auto& ws = encrypted(static_cast<int>(state.range(0)));
    const auto id = readCase(ws.connectionForImport());
    for (auto _ : state) {
        benchmark::DoNotOptimize(openCase(ws.cases(), ws.people(), ws.records(), id));
    }
}

void BM_OpenCase_plain(benchmark::State& state)
{
    auto& ws = plain(static_cast<int>(state.range(0)));
    const auto id = readCase(*ws.db);
    for (auto _ : state) {
        benchmark::DoNotOptimize(openCase(ws.cases, ws.people, ws.records, id));
    }
}

} // namespace

void registerOpenCaseBenchmarks()
{
    perSize("OpenCase/enc", BM_OpenCase_enc);
    perSize("OpenCase/plain", BM_OpenCase_plain);
}

} // namespace wb::bench
