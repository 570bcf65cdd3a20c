// SPDX-License-Identifier: GPL-3.0-or-later
// Saves: commit latency with synchronous=FULL (encrypted and plain), p50 and p99 over 200 saves,
// and the disk's own floor for a durable commit (Fsync).
#include <fcntl.h>
#include <unistd.h>

#include <string>
#include <vector>

#include "tests/bench/BenchFixture.h"
#include "tests/bench/Benchmarks.h"

namespace fs = std::filesystem;

namespace wb::bench {

namespace {

core::Values contactValues(const std::string& victim)
{
    return {{"victim_id", victim},
            {"contacted_at", core::toIsoUtc(core::nowUtc() - std::chrono::minutes(10))},
            {"method", "phone"},
            {"purpose", "routine-update"},
            {"by_whom", "DC Benchmark Example"},
            {"explained", "Benchmark update (fictional)."}};
}

core::Values decisionValues()
{
    return {{"decided_at", core::toIsoUtc(core::nowUtc() - std::chrono::minutes(10))},
            {"decision", "Benchmark decision (fictional)."},
            {"rationale", "Benchmark rationale (fictional)."},
            {"decided_by", "DC Benchmark Example"}};
}

std::string victimOf(core::store::Database& db, std::int64_t caseId)
{
    return std::to_string(
        db.queryInt("SELECT id FROM people WHERE role = 'victim' AND case_id = " + std::to_string(caseId)));
}

/// Saves one record per iteration, starting from an empty write-ahead log; then copies the log into
/// the file (the checkpoint the workbench does when the officer pauses) and reports how long that took.
template <typename Records>
void saveLoop(benchmark::State& state,
              Records& records,
              const core::RecordSpec& spec,
              std::int64_t caseId,
              const core::Values& values,
              core::store::Database& db)
{
    db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    std::vector<double> ms;
    for (auto _ : state) {
        const auto start = SteadyClock::now();
        auto stored = records.add(spec, caseId, values);
        ms.push_back(std::chrono::duration<double, std::milli>(SteadyClock::now() - start).count());
        benchmark::DoNotOptimize(stored.id);
    }
    reportPercentiles(state, ms);
    const auto start = SteadyClock::now();
    db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    state.counters["checkpoint_ms"] = std::chrono::duration<double, std::milli>(SteadyClock::now() - start).count();
}

void BM_SaveContact_enc(benchmark::State& state)
{
    auto& ws = encrypted(static_cast<int>(state.range(0)));
    const auto id = middleCase(ws.connectionForImport());
    saveLoop(state, ws.records(), core::recordSpec("contact"), id,
             contactValues(victimOf(ws.connectionForImport(), id)), ws.connectionForImport());
}

void BM_SaveContact_plain(benchmark::State& state)
{
    auto& ws = plain(static_cast<int>(state.range(0)));
    const auto id = middleCase(*ws.db);
    saveLoop(state, ws.records, core::recordSpec("contact"), id, contactValues(victimOf(*ws.db, id)), *ws.db);
}

void BM_SaveDecision_enc(benchmark::State& state)
{
    auto& ws = encrypted(static_cast<int>(state.range(0)));
    saveLoop(state, ws.records(), core::recordSpec("decision"), middleCase(ws.connectionForImport()), decisionValues(),
             ws.connectionForImport());
}

void BM_SaveDecision_plain(benchmark::State& state)
{
    auto& ws = plain(static_cast<int>(state.range(0)));
    saveLoop(state, ws.records, core::recordSpec("decision"), middleCase(*ws.db), decisionValues(), *ws.db);
}

/// The disk's own floor for a durable commit: 4 KiB written and fdatasync'd.
void BM_Fsync(benchmark::State& state)
{
    fs::create_directories(benchDir());
    const fs::path path = benchDir() / "fsync-probe.bin";
    const int fd = ::open(path.c_str(), O_CREAT | O_WRONLY | O_TRUNC, 0600);
    if (fd < 0) {
        state.SkipWithError("cannot create the fsync probe file");
        return;
    }
    std::vector<char> page(4096, 'x');
    std::vector<double> ms;
    off_t offset = 0;
    for (auto _ : state) {
        const auto start = SteadyClock::now();
        if (::pwrite(fd, page.data(), page.size(), offset) != static_cast<ssize_t>(page.size()) ||
            ::fdatasync(fd) != 0) {
            state.SkipWithError("write or fdatasync failed");
            break;
        }
        ms.push_back(std::chrono::duration<double, std::milli>(SteadyClock::now() - start).count());
        offset = (offset + 4096) % (4096 * 256);
    }
    ::close(fd);
    fs::remove(path);
    reportPercentiles(state, ms);
}

} // namespace

void registerSaveBenchmarks()
{
    perSize("SaveContact/enc", BM_SaveContact_enc)->Iterations(200);
    perSize("SaveContact/plain", BM_SaveContact_plain)->Iterations(200);
    perSize("SaveDecision/enc", BM_SaveDecision_enc)->Iterations(200);
    perSize("SaveDecision/plain", BM_SaveDecision_plain)->Iterations(200);
    benchmark::RegisterBenchmark("Fsync", BM_Fsync)->Unit(benchmark::kMillisecond)->Iterations(200);
}

} // namespace wb::bench
