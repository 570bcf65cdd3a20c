// SPDX-License-Identifier: GPL-3.0-or-later
// Unlock: key derivation on its own, then opening the file after it (encrypted and plain), until
// the case list's first page (and, with deadlines, the Today list) is ready.
#include "tests/bench/BenchFixture.h"
#include "tests/bench/Benchmarks.h"

namespace wb::bench {

namespace {

void BM_KeyDerivation(benchmark::State& state)
{
    const int n = sizes().front();
    ensureData(n);
    closeOpen(); // the header of a file held open in this process is not read (it would drop the lock)
    for (auto _ : state) {
        auto key = core::Workspace::deriveForOpen(encryptedPath(n), Passphrase);
        benchmark::DoNotOptimize(key.key.data());
    }
}

/// Opens the encrypted workspace once per iteration, after key derivation (derived once, outside the
/// timing), reads the case list's first page, then does `then` with the open workspace.
template <typename Then> void unlockLoop(benchmark::State& state, Then&& then)
{
    closeOpen();
    const int n = static_cast<int>(state.range(0));
    ensureData(n);
    keyFor(n);
    for (auto _ : state) {
        auto ws = core::Workspace::open(encryptedPath(n), keyFor(n), offences(), lists());
        auto page = ws->cases().page(caseListQuery());
        benchmark::DoNotOptimize(page.data());
        then(*ws);
    }
}

/// Unlock after key derivation until the case list's first page is ready (comparable with plain).
void BM_Unlock_enc(benchmark::State& state)
{
    unlockLoop(state, [](core::Workspace&) {});
}

#ifdef WB_BENCH_HAS_DEADLINES
/// Unlock after key derivation until the case list and the Today list are both ready.
void BM_UnlockToToday_enc(benchmark::State& state)
{
    unlockLoop(state, [](core::Workspace& ws) {
        auto today = deadlines().today(ws, anchor(), {}, std::chrono::days(14), TodayPage);
        benchmark::DoNotOptimize(today.data());
    });
}
#endif

void BM_Unlock_plain(benchmark::State& state)
{
    closeOpen();
    const int n = static_cast<int>(state.range(0));
    ensureData(n);
    for (auto _ : state) {
        PlainWorkspace ws(n);
        auto page = ws.cases.page(caseListQuery());
        benchmark::DoNotOptimize(page.data());
    }
}

} // namespace

void registerUnlockBenchmarks()
{
    benchmark::RegisterBenchmark("KeyDerivation", BM_KeyDerivation)->Unit(benchmark::kMillisecond)->Iterations(3);
    perSize("Unlock/enc", BM_Unlock_enc)->Iterations(5);
    perSize("Unlock/plain", BM_Unlock_plain)->Iterations(5);
#ifdef WB_BENCH_HAS_DEADLINES
    perSize("UnlockToToday/enc", BM_UnlockToToday_enc)->Iterations(5);
#endif
}

} // namespace wb::bench
