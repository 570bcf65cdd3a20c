// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/bench/BenchFixture.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>

#include "core/demo/Generator.h"
#include "core/store/Pragmas.h"

#ifdef WB_BENCH_HAS_DEADLINES
#include "core/nom/EnquiryCatalogue.h"
#include "core/nom/QuestionCatalogue.h"
#endif

namespace fs = std::filesystem;

namespace wb::bench {

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

core::store::KdfParams kdfParams()
{
    const char* kdf = std::getenv("WB_BENCH_KDF"); // "minimum" for the smoke test only
    return kdf != nullptr && std::string(kdf) == "minimum" ? core::store::KdfParams::minimum()
                                                           : core::store::KdfParams::defaults();
}

core::Instant anchor()
{
    return core::GeneratorOptions{}.anchor;
}

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
            auto ws = core::Workspace::create(partial, core::Workspace::deriveForCreate(Passphrase, kdfParams()),
                                              options, offences(), lists());
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
            const auto start = SteadyClock::now();
            const auto cases = deadlines().refresh(*ws);
            if (cases > 0) {
                std::fprintf(stderr, "due list of %d cases brought up to date: %zu cases evaluated in %.1f s\n", n,
                             cases, std::chrono::duration<double>(SteadyClock::now() - start).count());
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

core::store::KeyMaterial keyFor(int n)
{
    static std::map<int, core::store::KeyMaterial> keys;
    auto it = keys.find(n);
    if (it == keys.end()) {
        it = keys.emplace(n, core::Workspace::deriveForOpen(encryptedPath(n), Passphrase)).first;
    }
    return core::store::KeyMaterial{it->second.header, core::store::SecureBuffer::fromBytes(it->second.key.view())};
}

PlainWorkspace::PlainWorkspace(int n)
    : db(std::make_unique<core::store::Database>(plainPath(n), core::store::Database::OpenMode::ExistingFile))
{
    db->exec("PRAGMA locking_mode = EXCLUSIVE");
    core::store::configureConnection(*db);
    connection.set(db.get(), "DC Benchmark Example");
}

namespace {

std::map<int, std::unique_ptr<core::Workspace>>& openEncrypted()
{
    static std::map<int, std::unique_ptr<core::Workspace>> open;
    return open;
}

std::map<int, std::unique_ptr<PlainWorkspace>>& openPlain()
{
    static std::map<int, std::unique_ptr<PlainWorkspace>> open;
    return open;
}

} // namespace

void closeOpen()
{
    openEncrypted().clear();
    openPlain().clear();
}

core::Workspace& encrypted(int n)
{
    auto& ws = openEncrypted()[n];
    if (!ws) {
        ensureData(n);
        ws = core::Workspace::open(encryptedPath(n), keyFor(n), offences(), lists());
    }
    return *ws;
}

PlainWorkspace& plain(int n)
{
    auto& ws = openPlain()[n];
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

std::int64_t middleCase(core::store::Database& db)
{
    return db.queryInt("SELECT id FROM cases ORDER BY id LIMIT 1 OFFSET (SELECT count(*) / 2 FROM cases)");
}

std::int64_t readCase(core::store::Database& db)
{
    return db.queryInt("SELECT id FROM cases ORDER BY id LIMIT 1 OFFSET (SELECT count(*) / 3 FROM cases)");
}

benchmark::internal::Benchmark* perSize(const char* name, void (*fn)(benchmark::State&))
{
    auto* b = benchmark::RegisterBenchmark(name, fn);
    for (const int n : sizes()) {
        b->Arg(n);
    }
    b->Unit(benchmark::kMillisecond);
    return b;
}

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

} // namespace wb::bench
