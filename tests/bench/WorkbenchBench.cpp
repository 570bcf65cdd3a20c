// SPDX-License-Identifier: GPL-3.0-or-later
// How fast the workbench is at real sizes (issue 7), as Google Benchmark suites.
//
// Every measured operation runs twice: on the encrypted workspace ("enc") and on a plain
// SQLite copy of the same file opened by the same SQLCipher engine without a key ("plain"),
// so tests/bench/run.sh can quote the encryption overhead as a ratio. The case list is also
// measured against a bare prepared-statement loop over the same rows (the floor), and commit
// latency against a bare fsync of the same disk.
//
// Environment:
//   WB_BENCH_DIR    where generated workspaces are kept between runs (default ./bench-data)
//   WB_BENCH_SIZES  comma-separated case counts (default 1000,10000,50000)
//   WB_BENCH_KDF    "minimum" for the cheapest key derivation (the ctest smoke run only)
// The first run at a size generates the workspace (deterministic, seed 1): minutes at 50k.
#include <benchmark/benchmark.h>

#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/Workspace.h"
#include "core/demo/Generator.h"
#include "core/nom/OffenceCatalogue.h"
#include "core/records/RecordSpec.h"
#include "core/reference/ReferenceData.h"
#include "core/repo/SearchIndex.h"
#include "core/store/Database.h"
#include "core/store/KeyDerivation.h"
#include "core/store/Pragmas.h"
#include "core/store/Statement.h"
#include "core/store/Transaction.h"

#ifdef WB_BENCH_HAS_UI
#include "ui/cases/CaseListModel.h"
#endif

#ifdef WB_BENCH_HAS_DEADLINES
#include "core/deadlines/DeadlineService.h"
#include "core/nom/EnquiryCatalogue.h"
#include "core/nom/QuestionCatalogue.h"
#endif

namespace fs = std::filesystem;
using namespace wb;
using Clock = std::chrono::steady_clock;

namespace {

constexpr const char* Passphrase = "benchmark passphrase for fictional data only";

fs::path resources()
{
    return fs::path(WB_RESOURCES_DIR);
}

std::shared_ptr<const core::OffenceCatalogue> offences()
{
    static const auto c = std::make_shared<const core::OffenceCatalogue>(
        core::OffenceCatalogue::fromFile(resources() / "reference" / "offences.json"));
    return c;
}

std::shared_ptr<const core::ReferenceData> lists()
{
    static const auto l =
        std::make_shared<const core::ReferenceData>(core::ReferenceData::load(resources() / "reference"));
    return l;
}

#ifdef WB_BENCH_HAS_DEADLINES
const core::deadlines::DeadlineService& deadlines()
{
    static const auto questions = std::make_shared<const core::nom::QuestionCatalogue>(
        core::nom::QuestionCatalogue::fromFile(resources() / "nom" / "context-questions.json"));
    static const auto enquiries =
        std::make_shared<const core::nom::EnquiryCatalogue>(core::nom::EnquiryCatalogue::fromFile(
            resources() / "nom" / "enquiries.json", *questions, lists()->list("journey-stages")));
    static const auto service = core::deadlines::DeadlineService::load(
        resources() / "nom" / "deadline-rules.json", resources() / "reference" / "bank-holidays-england-wales.json",
        enquiries, questions);
    return service;
}
#endif

fs::path benchDir()
{
    const char* dir = std::getenv("WB_BENCH_DIR");
    return fs::path(dir != nullptr && *dir != '\0' ? dir : "bench-data");
}

std::vector<int> sizes()
{
    const char* env = std::getenv("WB_BENCH_SIZES");
    const std::string text = env != nullptr && *env != '\0' ? env : "1000,10000,50000";
    std::vector<int> out;
    std::size_t start = 0;
    while (start <= text.size()) {
        const auto comma = text.find(',', start);
        const std::string part = text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        if (!part.empty()) {
            out.push_back(std::stoi(part));
        }
        if (comma == std::string::npos) {
            break;
        }
        start = comma + 1;
    }
    return out;
}

fs::path encryptedPath(int n)
{
    return benchDir() / ("workspace-" + std::to_string(n) + ".rwb");
}

fs::path plainPath(int n)
{
    return benchDir() / ("workspace-" + std::to_string(n) + ".plain.sqlite");
}

/// The Today list reads the most urgent page, as the GUI does (TodayModel::pageSize() + 1).
constexpr std::size_t TodayPage = 1001;

/// The instant the generated data is anchored at; "now" for deadline queries.
core::Instant anchor()
{
    return core::GeneratorOptions{}.anchor;
}

core::store::KeyMaterial keyFor(int n);

/// Generates the workspace (and its plain copy) the first time a size is asked for.
void ensureData(int n)
{
    fs::create_directories(benchDir());
    if (!fs::exists(encryptedPath(n))) {
        const fs::path partial = encryptedPath(n).string() + ".partial";
        fs::remove(partial);
        fs::remove(partial.string() + "-wal");
        std::fprintf(stderr, "generating %d cases into %s (once)…\n", n, encryptedPath(n).c_str());
        {
            core::CreateOptions options;
            options.owner.displayName = "DC Benchmark Example";
            options.training = true;
            const char* kdf = std::getenv("WB_BENCH_KDF"); // "minimum" for the smoke test only
            const auto params = kdf != nullptr && std::string(kdf) == "minimum" ? core::store::KdfParams::minimum()
                                                                                : core::store::KdfParams::defaults();
            auto ws = core::Workspace::create(partial, core::Workspace::deriveForCreate(Passphrase, params), options,
                                              offences(), lists());
            core::GeneratorOptions g;
            g.cases = n;
            g.seed = 1;
            core::generateWorkspace(*ws, g);
        }
        fs::rename(partial, encryptedPath(n));
    }
#ifdef WB_BENCH_HAS_DEADLINES
    {
        // Bring the stored due list up to date outside every measurement: the first open after
        // generating (or after the rules or the app version changed) evaluates every case once.
        static std::map<int, bool> settled;
        if (!settled[n]) {
            auto ws = core::Workspace::open(encryptedPath(n), keyFor(n), offences(), lists());
            const auto start = Clock::now();
            const auto cases = deadlines().refresh(*ws);
            if (cases > 0) {
                std::fprintf(stderr, "due list of %d cases brought up to date: %zu cases evaluated in %.1f s\n", n,
                             cases, std::chrono::duration<double>(Clock::now() - start).count());
            }
            settled[n] = true;
        }
    }
#endif
    if (!fs::exists(plainPath(n))) {
        auto ws = core::Workspace::open(encryptedPath(n), core::Workspace::deriveForOpen(encryptedPath(n), Passphrase),
                                        offences(), lists());
        const fs::path partial = plainPath(n).string() + ".partial";
        fs::remove(partial);
        { // the workspace's connection may not create files: make the empty target first
            core::store::Database create(partial, core::store::Database::OpenMode::CreateNew);
        }
        auto& db = ws->connectionForImport();
        db.exec("ATTACH DATABASE '" + partial.string() + "' AS plain KEY ''");
        db.queryText("SELECT sqlcipher_export('plain')");
        db.exec("DETACH DATABASE plain");
        ws.reset();
        fs::rename(partial, plainPath(n));
    }
}

/// The key, derived once per size: unlock is measured after key derivation.
core::store::KeyMaterial keyFor(int n)
{
    static std::map<int, core::store::KeyMaterial> keys;
    auto it = keys.find(n);
    if (it == keys.end()) {
        it = keys.emplace(n, core::Workspace::deriveForOpen(encryptedPath(n), Passphrase)).first;
    }
    return core::store::KeyMaterial{it->second.header, core::store::SecureBuffer::fromBytes(it->second.key.view())};
}

/// The same repositories over a plain (unkeyed) copy, opened and configured as the workspace is.
struct PlainWorkspace {
    std::unique_ptr<core::store::Database> db;
    core::Connection connection;
    core::CaseRepository cases{connection, offences(), lists()};
    core::PersonRepository people{connection};
    core::RecordRepository records{connection, lists()};

    explicit PlainWorkspace(int n)
        : db(std::make_unique<core::store::Database>(plainPath(n), core::store::Database::OpenMode::ExistingFile))
    {
        db->exec("PRAGMA locking_mode = EXCLUSIVE");
        core::store::configureConnection(*db);
        connection.set(db.get(), "DC Benchmark Example");
    }
};

// Opened once per size and kept for the read benchmarks; closed before a benchmark that opens
// the file itself (a workspace holds an exclusive lock).
std::map<int, std::unique_ptr<core::Workspace>> openEncrypted;
std::map<int, std::unique_ptr<PlainWorkspace>> openPlain;

void closeOpen()
{
    openEncrypted.clear();
    openPlain.clear();
}

core::Workspace& encrypted(int n)
{
    auto& ws = openEncrypted[n];
    if (!ws) {
        ensureData(n);
        ws = core::Workspace::open(encryptedPath(n), keyFor(n), offences(), lists());
    }
    return *ws;
}

PlainWorkspace& plain(int n)
{
    auto& ws = openPlain[n];
    if (!ws) {
        ensureData(n);
        ws = std::make_unique<PlainWorkspace>(n);
    }
    return *ws;
}

core::CaseRepository::Query caseListQuery()
{
    core::CaseRepository::Query q;
    q.text = "GEN/0";
    q.status = core::CaseStatus::Open;
    q.sortBy = core::CaseRepository::Query::SortKey::Reported; // newest first
    q.limit = 200;
    return q;
}

/// The case the save benchmarks write to (a case in the middle of the workspace). Each run adds
/// 400 records to it, so nothing that is read-timed uses it.
std::int64_t middleCase(core::store::Database& db)
{
    return db.queryInt("SELECT id FROM cases ORDER BY id LIMIT 1 OFFSET (SELECT count(*) / 2 FROM cases)");
}

/// The case the read benchmarks open: one third of the way in, as generated (no benchmark writes to it).
std::int64_t readCase(core::store::Database& db)
{
    return db.queryInt("SELECT id FROM cases ORDER BY id LIMIT 1 OFFSET (SELECT count(*) / 3 FROM cases)");
}

// ---- unlock --------------------------------------------------------------------------------

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

// ---- case list -----------------------------------------------------------------------------

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

// ---- the Cases tab, through its model as the GUI uses it ----------------------------------------

#ifdef WB_BENCH_HAS_UI
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
    const auto kdf = [] {
        const char* env = std::getenv("WB_BENCH_KDF"); // "minimum" for the smoke test only
        return env != nullptr && std::string(env) == "minimum" ? core::store::KdfParams::minimum()
                                                               : core::store::KdfParams::defaults();
    }();
    if (!fs::exists(casesOnlyPath(n))) {
        const fs::path partial = casesOnlyPath(n).string() + ".partial";
        fs::remove(partial);
        fs::remove(partial.string() + "-wal");
        std::fprintf(stderr, "generating %d cases (no records) into %s (once)…\n", n, casesOnlyPath(n).c_str());
        {
            core::CreateOptions options;
            options.owner.displayName = "DC Benchmark Example";
            options.training = true;
            auto created = core::Workspace::create(partial, core::Workspace::deriveForCreate(Passphrase, kdf), options,
                                                   offences(), lists());
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
#endif

// ---- open one case with all its tabs' data -------------------------------------------------

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

#ifdef WB_BENCH_HAS_DEADLINES
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
#endif

// ---- saves: commit latency with synchronous=FULL ---------------------------------------------

void reportPercentiles(benchmark::State& state, std::vector<double>& ms)
{
    if (ms.empty()) {
        return;
    }
    std::sort(ms.begin(), ms.end());
    const auto at = [&](double p) { return ms[std::min(ms.size() - 1, static_cast<std::size_t>(p * ms.size()))]; };
    state.counters["p50_ms"] = at(0.50);
    state.counters["p99_ms"] = at(0.99);
}

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
        const auto start = Clock::now();
        auto stored = records.add(spec, caseId, values);
        ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
        benchmark::DoNotOptimize(stored.id);
    }
    reportPercentiles(state, ms);
    const auto start = Clock::now();
    db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    state.counters["checkpoint_ms"] = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
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
        const auto start = Clock::now();
        if (::pwrite(fd, page.data(), page.size(), offset) != static_cast<ssize_t>(page.size()) ||
            ::fdatasync(fd) != 0) {
            state.SkipWithError("write or fdatasync failed");
            break;
        }
        ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
        offset = (offset + 4096) % (4096 * 256);
    }
    ::close(fd);
    fs::remove(path);
    reportPercentiles(state, ms);
}

// ---- search and person lookup ----------------------------------------------------------------

/// What an officer types into search: a surname (about one person in 1,200 has each).
std::string searchTerm(core::store::Database& db)
{
    return db.queryText("SELECT family_name FROM people ORDER BY id LIMIT 1 OFFSET (SELECT count(*) / 3 FROM people)")
        .value_or("Bramwick");
}

void BM_Search_enc(benchmark::State& state)
{
    auto& ws = encrypted(static_cast<int>(state.range(0)));
    const auto term = searchTerm(ws.connectionForImport());
    std::size_t hits = 0;
    for (auto _ : state) {
        auto found = ws.search(term);
        hits = found.size();
        benchmark::DoNotOptimize(found.data());
    }
    state.counters["items"] = static_cast<double>(hits);
}

void BM_Search_plain(benchmark::State& state)
{
    auto& ws = plain(static_cast<int>(state.range(0)));
    const auto term = searchTerm(*ws.db);
    for (auto _ : state) {
        auto found = core::search::find(*ws.db, term);
        benchmark::DoNotOptimize(found.data());
    }
}

/// A person from the middle of the workspace to look for.
core::Person someone(core::store::Database& db, core::PersonRepository& people)
{
    const auto id = db.queryInt("SELECT id FROM people ORDER BY id LIMIT 1 OFFSET (SELECT count(*) / 2 FROM people)");
    return *people.find(id);
}

std::string phoneOf(core::store::Database& db, std::int64_t personId)
{
    return db
        .queryText("SELECT value FROM person_identifiers WHERE kind = 'phone' AND person_id = " +
                   std::to_string(personId))
        .value_or("07700 900000");
}

enum class LookupBy { Name, BirthDate, Phone };

core::PersonRepository::Lookup lookupFor(LookupBy by, const core::Person& p, const std::string& phone)
{
    core::PersonRepository::Lookup q;
    switch (by) {
    case LookupBy::Name:
        q.familyName = p.familyName;
        q.givenName = p.givenName;
        break;
    case LookupBy::BirthDate: q.dateOfBirth = p.dateOfBirth.value_or("1980-01-01"); break;
    case LookupBy::Phone: q.phone = phone; break;
    }
    return q;
}

template <LookupBy By> void BM_PersonLookup_enc(benchmark::State& state)
{
    auto& ws = encrypted(static_cast<int>(state.range(0)));
    auto& db = ws.connectionForImport();
    const auto p = someone(db, ws.people());
    const auto q = lookupFor(By, p, phoneOf(db, p.id));
    for (auto _ : state) {
        auto found = ws.people().lookup(q);
        benchmark::DoNotOptimize(found.data());
    }
}

template <LookupBy By> void BM_PersonLookup_plain(benchmark::State& state)
{
    auto& ws = plain(static_cast<int>(state.range(0)));
    const auto p = someone(*ws.db, ws.people);
    const auto q = lookupFor(By, p, phoneOf(*ws.db, p.id));
    for (auto _ : state) {
        auto found = ws.people.lookup(q);
        benchmark::DoNotOptimize(found.data());
    }
}

// ---- memory --------------------------------------------------------------------------------

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

void registerAll()
{
    const auto all = sizes();
    const auto perSize = [&](const char* name, void (*fn)(benchmark::State&)) {
        auto* b = benchmark::RegisterBenchmark(name, fn);
        for (const int n : all) {
            b->Arg(n);
        }
        b->Unit(benchmark::kMillisecond);
        return b;
    };
    benchmark::RegisterBenchmark("KeyDerivation", BM_KeyDerivation)->Unit(benchmark::kMillisecond)->Iterations(3);
    perSize("Unlock/enc", BM_Unlock_enc)->Iterations(5);
    perSize("Unlock/plain", BM_Unlock_plain)->Iterations(5);
#ifdef WB_BENCH_HAS_DEADLINES
    perSize("UnlockToToday/enc", BM_UnlockToToday_enc)->Iterations(5);
#endif
    perSize("CaseList/enc", BM_CaseList_enc);
    perSize("CaseList/plain", BM_CaseList_plain);
    perSize("CaseListFloor/enc", BM_CaseListFloor_enc);
    perSize("CaseListAll/enc", BM_CaseListAll_enc);
    perSize("CaseListFloor/plain", BM_CaseListFloor_plain);
#ifdef WB_BENCH_HAS_UI
    perSize("CasesTab/enc", BM_CasesTab_enc);
    perSize("CasesTabAllCases/enc", BM_CasesTabAllCases_enc);
    perSize("CasesTabByReference/enc", BM_CasesTabByReference_enc);
    perSize("CasesTabByOffence/enc", BM_CasesTabByOffence_enc);
    perSize("CasesTabByDeadlines/enc", BM_CasesTabByDeadlines_enc);
#endif
    perSize("OpenCase/enc", BM_OpenCase_enc);
    perSize("OpenCase/plain", BM_OpenCase_plain);
#ifdef WB_BENCH_HAS_DEADLINES
    perSize("Today/enc", BM_Today_enc);
    perSize("TodayAfterChange/enc", BM_TodayAfterChange_enc);
    perSize("DueListRebuild/enc", BM_DueListRebuild_enc)->Iterations(1);
#endif
    perSize("SaveContact/enc", BM_SaveContact_enc)->Iterations(200);
    perSize("SaveContact/plain", BM_SaveContact_plain)->Iterations(200);
    perSize("SaveDecision/enc", BM_SaveDecision_enc)->Iterations(200);
    perSize("SaveDecision/plain", BM_SaveDecision_plain)->Iterations(200);
    benchmark::RegisterBenchmark("Fsync", BM_Fsync)->Unit(benchmark::kMillisecond)->Iterations(200);
    perSize("Search/enc", BM_Search_enc);
    perSize("Search/plain", BM_Search_plain);
    perSize("PersonByName/enc", BM_PersonLookup_enc<LookupBy::Name>);
    perSize("PersonByName/plain", BM_PersonLookup_plain<LookupBy::Name>);
    perSize("PersonByBirthDate/enc", BM_PersonLookup_enc<LookupBy::BirthDate>);
    perSize("PersonByBirthDate/plain", BM_PersonLookup_plain<LookupBy::BirthDate>);
    perSize("PersonByPhone/enc", BM_PersonLookup_enc<LookupBy::Phone>);
    perSize("PersonByPhone/plain", BM_PersonLookup_plain<LookupBy::Phone>);
    perSize("PeakMemory", BM_PeakMemory)->Iterations(1);
}

} // namespace

int main(int argc, char** argv)
{
    registerAll();
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) {
        return 1;
    }
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
