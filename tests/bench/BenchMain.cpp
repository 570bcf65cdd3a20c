// SPDX-License-Identifier: GPL-3.0-or-later
// How fast the workbench is at real sizes (issue 7), as Google Benchmark suites.
//
// Every measured operation runs twice: on the encrypted workspace ("enc") and on a plain
// SQLite copy of the same file opened by the same SQLCipher engine without a key ("plain"),
// so tests/bench/run.sh can quote the encryption overhead as a ratio. The case list is also
// measured against a bare prepared-statement loop over the same rows (the floor), and commit
// latency against a bare fsync of the same disk. The shared setup is in BenchFixture.h, each
// family of benchmarks in a file of its own (Benchmarks.h).
#include <benchmark/benchmark.h>

#include "tests/bench/Benchmarks.h"

int main(int argc, char** argv)
{
    using namespace wb::bench;
    registerUnlockBenchmarks();
    registerCaseListBenchmarks();
#ifdef WB_BENCH_HAS_UI
    registerCasesTabBenchmarks();
#endif
    registerOpenCaseBenchmarks();
#ifdef WB_BENCH_HAS_DEADLINES
    registerTodayBenchmarks();
#endif
    registerSaveBenchmarks();
    registerSearchBenchmarks();
    registerMemoryBenchmarks();
    registerPersonRecordBenchmarks();
    registerMatchBenchmarks();
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) {
        return 1;
    }
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
