// SPDX-License-Identifier: GPL-3.0-or-later
// Peak resident memory with a workspace open and its case list, Today and one case read.
#include <sys/resource.h>

#include "tests/bench/BenchFixture.h"
#include "tests/bench/Benchmarks.h"

namespace wb::bench {

namespace {

/// Peak resident memory of this process with the workspace open, its case list, Today and one
/// case loaded. Run it alone (tests/bench/run.sh does) so nothing else raised the peak.
void BM_PeakMemory(benchmark::State& state)
{
    closeOpen();
    const int n = static_cast<int>(state.range(0));
    ensureData(n);
    keyFor(n); // derived once, outside the timing: unlock is measured after key derivation
    for (auto _ : state) {
        auto ws = core::Workspace::open(encryptedPath(n), keyFor(n), offences(), lists());
        auto page = ws->cases().page(caseListQuery());
#ifdef WB_BENCH_HAS_DEADLINES
        auto today = deadlines().today(*ws, anchor(), {}, std::chrono::days(14), TodayPage);
        benchmark::DoNotOptimize(today.data());
#endif
        benchmark::DoNotOptimize(
            openCase(ws->cases(), ws->people(), ws->records(), readCase(ws->connectionForImport())));
        benchmark::DoNotOptimize(page.data());
    }
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    state.counters["peak_rss_MiB"] = static_cast<double>(usage.ru_maxrss) / 1024.0;
}

} // namespace

void registerMemoryBenchmarks()
{
    perSize("PeakMemory", BM_PeakMemory)->Iterations(1);
}

} // namespace wb::bench
