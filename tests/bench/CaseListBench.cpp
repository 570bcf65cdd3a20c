// SPDX-License-Identifier: GPL-3.0-or-later
// The case list: one page through CaseRepository::page (encrypted and plain), the floor (the same
// rows through one bare prepared statement) and every case at once, for comparison.
#include <cstddef>

#include "core/store/Statement.h"
#include "tests/bench/BenchFixture.h"
#include "tests/bench/Benchmarks.h"

namespace wb::bench {

namespace {

void BM_CaseList_enc(benchmark::State& state)
{
    auto& ws = encrypted(static_cast<int>(state.range(0)));
    for (auto _ : state) {
        auto page = ws.cases().page(caseListQuery());
        benchmark::DoNotOptimize(page.data());
    }
}

void BM_CaseList_plain(benchmark::State& state)
{
    auto& ws = plain(static_cast<int>(state.range(0)));
    for (auto _ : state) {
        auto page = ws.cases.page(caseListQuery());
        benchmark::DoNotOptimize(page.data());
    }
}

/// Every case at once (what the GUI's Cases tab loaded before it was paged): for comparison.
void BM_CaseListAll_enc(benchmark::State& state)
{
    auto& ws = encrypted(static_cast<int>(state.range(0)));
    std::size_t rows = 0;
    for (auto _ : state) {
        auto all = ws.cases().list();
        rows = all.size();
        benchmark::DoNotOptimize(all.data());
    }
    state.counters["items"] = static_cast<double>(rows);
}

/// The floor: the same rows and columns through one bare prepared statement, read and dropped.
void caseListFloor(benchmark::State& state, core::store::Database& db)
{
    core::store::Statement select(
        db, "SELECT id, uuid, reference, operation_name, primary_offence, reported_at, status, created_at, "
            "updated_at, other_offences, offence_precision, offence_from, offence_to, location_type, "
            "location_description, report_channel, journey_stage, outcome_code, outcome_date, outcome_reason "
            "FROM cases WHERE status = 'open' AND (reference LIKE '%GEN/0%' OR operation_name LIKE '%GEN/0%') "
            "ORDER BY reported_at DESC, id DESC LIMIT 200");
    const int columns = select.columnCount();
    for (auto _ : state) {
        std::size_t bytes = 0;
        while (select.step()) {
            for (int c = 0; c < columns; ++c) {
                bytes += select.columnText(c).size();
            }
        }
        select.reset();
        benchmark::DoNotOptimize(bytes);
    }
}

void BM_CaseListFloor_enc(benchmark::State& state)
{
    caseListFloor(state, encrypted(static_cast<int>(state.range(0))).connectionForImport());
}

void BM_CaseListFloor_plain(benchmark::State& state)
{
    caseListFloor(state, *plain(static_cast<int>(state.range(0))).db);
}

} // namespace

void registerCaseListBenchmarks()
{
    perSize("CaseList/enc", BM_CaseList_enc);
    perSize("CaseList/plain", BM_CaseList_plain);
    perSize("CaseListFloor/enc", BM_CaseListFloor_enc);
    perSize("CaseListAll/enc", BM_CaseListAll_enc);
    perSize("CaseListFloor/plain", BM_CaseListFloor_plain);
}

} // namespace wb::bench
