// SPDX-License-Identifier: GPL-3.0-or-later
// The Cases tab, through its model as the GUI uses it, on cases-only workspaces (cases-N.rwb).
// Built only when the GUI is (WB_BENCH_HAS_UI).
#include <algorithm>
#include <cstddef>
#include <cstdio>
#include <map>
#include <memory>
#include <string>

#include "core/store/Transaction.h"
#include "tests/bench/BenchFixture.h"
#include "tests/bench/Benchmarks.h"
#include "ui/cases/CaseListModel.h"

namespace fs = std::filesystem;

namespace wb::bench {

namespace {

fs::path casesOnlyPath(int n)
{
    return benchDir() / ("cases-" + std::to_string(n) + ".rwb");
}

/// The Cases tab reads only the cases table: its workspaces hold cases and nothing else, so 50,000
/// of them are generated in minutes rather than an hour. Kept in WB_BENCH_DIR like the others.
core::Workspace& casesOnly(int n)
{
    static std::map<int, std::unique_ptr<core::Workspace>> open;
    auto& ws = open[n];
    if (ws) {
        return *ws;
    }
    fs::create_directories(benchDir());
    if (!fs::exists(casesOnlyPath(n))) {
        const fs::path partial = casesOnlyPath(n).string() + ".partial";
        fs::remove(partial);
        fs::remove(partial.string() + "-wal");
        std::fprintf(stderr, "generating %d cases (no records) into %s (once)…\n", n, casesOnlyPath(n).c_str());
        {
            core::CreateOptions options;
            options.owner.displayName = "DC Benchmark Example";
            options.training = true;
            auto created = core::Workspace::create(partial, core::Workspace::deriveForCreate(Passphrase, kdfParams()),
                                                   options, offences(), lists());
            // Cases only, through the repository (validated, audited, indexed), 1,000 a transaction:
            // references GEN/000001…, one reported every 3 hours back from the anchor, offences in
            // turn from the catalogue, one case in 4 without an operation name, one in 5 closed.
            const auto& catalogue = offences()->offences();
            auto& db = created->connectionForImport();
            for (int done = 0; done < n;) {
                core::store::Transaction tx(db);
                for (const int end = std::min(n, done + 1000); done < end; ++done) {
                    core::CaseDraft draft;
                    char reference[32];
                    std::snprintf(reference, sizeof reference, "GEN/%06d", done + 1);
                    draft.reference = reference;
                    if (done % 4 != 0) {
                        draft.operationName = "Operation Bench " + std::to_string(done % 97);
                    }
                    draft.primaryOffence = catalogue[static_cast<std::size_t>(done) % catalogue.size()].code;
                    draft.reportedAt = anchor() - std::chrono::hours(3 * (n - done));
                    draft.status = done % 5 == 0 ? core::CaseStatus::Closed : core::CaseStatus::Open;
                    created->cases().add(draft);
                }
                tx.commit();
            }
        }
        fs::rename(partial, casesOnlyPath(n));
    }
    ws = core::Workspace::open(casesOnlyPath(n), core::Workspace::deriveForOpen(casesOnlyPath(n), Passphrase),
                               offences(), lists());
    return *ws;
}

/// What the Cases tab does when it is shown: the model reads its first page (in the given order)
/// and the view paints the first screenful of rows, every column.
void casesTabFirstPage(benchmark::State& state, int column, Qt::SortOrder order)
{
    auto& ws = casesOnly(static_cast<int>(state.range(0)));
    std::size_t rows = 0;
    for (auto _ : state) {
        ui::CaseListModel model(offences());
        model.sort(column, order);
        model.load(ws.cases());
        for (int row = 0; row < std::min(40, model.rowCount()); ++row) {
            for (int c = 0; c < model.columnCount(); ++c) {
                benchmark::DoNotOptimize(model.index(row, c).data());
            }
        }
        rows = static_cast<std::size_t>(model.rowCount());
    }
    state.counters["items"] = static_cast<double>(rows);
}

void BM_CasesTab_enc(benchmark::State& state)
{
    casesTabFirstPage(state, ui::CaseListModel::ReportedColumn, Qt::DescendingOrder);
}

/// What the Cases tab read before it was paged: every case (CaseRepository::list), same workspace.
void BM_CasesTabAllCases_enc(benchmark::State& state)
{
    auto& ws = casesOnly(static_cast<int>(state.range(0)));
    std::size_t rows = 0;
    for (auto _ : state) {
        auto all = ws.cases().list();
        rows = all.size();
        benchmark::DoNotOptimize(all.data());
    }
    state.counters["items"] = static_cast<double>(rows);
}

void BM_CasesTabByReference_enc(benchmark::State& state)
{
    casesTabFirstPage(state, ui::CaseListModel::ReferenceColumn, Qt::AscendingOrder);
}

void BM_CasesTabByOffence_enc(benchmark::State& state)
{
    casesTabFirstPage(state, ui::CaseListModel::OffenceColumn, Qt::AscendingOrder);
}

void BM_CasesTabByDeadlines_enc(benchmark::State& state)
{
    casesTabFirstPage(state, ui::CaseListModel::DueColumn, Qt::AscendingOrder);
}

} // namespace

void registerCasesTabBenchmarks()
{
    perSize("CasesTab/enc", BM_CasesTab_enc);
    perSize("CasesTabAllCases/enc", BM_CasesTabAllCases_enc);
    perSize("CasesTabByReference/enc", BM_CasesTabByReference_enc);
    perSize("CasesTabByOffence/enc", BM_CasesTabByOffence_enc);
    perSize("CasesTabByDeadlines/enc", BM_CasesTabByDeadlines_enc);
}

} // namespace wb::bench
